/** The current page's sections (h2/h3), highlighting the one in view. */
import { useEffect, useState } from 'react';
import { chapterHref } from './router';

export interface OutlineItem {
  id: string;
  depth: 2 | 3;
  text: string;
}

export function Outline({ items, slug }: { items: OutlineItem[]; slug: string }) {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if (!items.length || typeof IntersectionObserver === 'undefined') return;
    const obs = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target.id);
        if (visible.length) setCurrent(visible[0]);
      },
      { rootMargin: '0px 0px -70% 0px' },
    );
    for (const it of items) {
      const el = document.getElementById(it.id);
      if (el) obs.observe(el);
    }
    return () => obs.disconnect();
  }, [items]);
  if (!items.length) return <aside className="outline" aria-hidden="true" />;
  return (
    <nav className="outline" aria-label="On this page">
      <p className="outline-title">On this page</p>
      <ul>
        {items.map((it) => (
          <li key={it.id} className={`depth-${it.depth}`}>
            <a href={chapterHref(slug, it.id)} aria-current={current === it.id ? 'location' : undefined}>
              {it.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
