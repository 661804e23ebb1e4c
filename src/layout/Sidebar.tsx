/** The table of contents. On phones it is a drawer opened from the header. */
import { chapters } from '@content/chapters';
import { chapterHref } from './router';

export function Sidebar({
  currentSlug,
  open,
  onNavigate,
}: {
  currentSlug: string | null;
  open: boolean;
  onNavigate: () => void;
}) {
  return (
    <nav id="sidebar" className={`sidebar ${open ? 'open' : ''}`} aria-label="Chapters">
      <ol className="toc">
        {chapters.map((c) => (
          <li key={c.slug} className={c.status === 'coming' ? 'coming' : ''}>
            {c.status === 'ready' ? (
              <a
                href={chapterHref(c.slug)}
                aria-current={c.slug === currentSlug ? 'page' : undefined}
                onClick={onNavigate}
              >
                <span className="toc-number">{c.number}.</span> {c.title}
              </a>
            ) : (
              <span>
                <span className="toc-number">{c.number}.</span> {c.title}{' '}
                <span className="badge">coming</span>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="toc-extra">
        <a
          href={chapterHref('notation')}
          aria-current={currentSlug === 'notation' ? 'page' : undefined}
          onClick={onNavigate}
        >
          Notation
        </a>
        <a href="#/print" onClick={onNavigate}>
          The whole book, for print
        </a>
      </p>
      <p className="toc-extra">
        <a href="#/lessons" onClick={onNavigate}>
          Lessons (for instructors)
        </a>
      </p>
    </nav>
  );
}
