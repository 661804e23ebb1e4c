/**
 * One chapter: its MDX module loaded lazily (one chunk per chapter), rendered with the component registry, then the
 * outline, deep-link scrolling and previous/next links.
 */
import { MDXProvider } from '@mdx-js/react';
import { Suspense, lazy, useEffect, useMemo, useState, type ComponentType } from 'react';
import { pageBySlug, readyChapters, type ChapterInfo } from '@content/chapters';
import { ChapterContext, mdxComponents } from '@/mdx';
import { installCopyTex } from '@/mdx/copy-tex';
import { Outline, type OutlineItem } from './Outline';
import { chapterHref } from './router';
import { addNotice } from '@/lib/notices';

const modules = import.meta.glob<{ default: ComponentType }>('/content/*/index.mdx');

const lazyChapters = new Map<string, ComponentType>();
/**
 * The lazy component of a chapter's MDX (one per folder, so the chapter page and the print view share it). Its
 * chunk is requested at the first call: preloadChapter makes that call before the app's first render.
 */
export function chapterComponent(folder: string): ComponentType | null {
  const loader = modules[`/content/${folder}/index.mdx`];
  if (!loader) return null;
  if (!lazyChapters.has(folder)) {
    const chunk = loader();
    lazyChapters.set(
      folder,
      lazy(() => chunk),
    );
  }
  return lazyChapters.get(folder)!;
}

/**
 * Starts downloading the chapter a URL opens on, so its chunk is on the way while the app's own code runs and
 * renders the shell (it used to be requested only once the shell had rendered, a few hundred ms later).
 */
export function preloadChapter(slug: string) {
  const folder = pageBySlug(slug)?.folder;
  if (folder) chapterComponent(folder);
}

export function ChapterPage({ chapter, section }: { chapter: ChapterInfo; section: string | null }) {
  const Content = chapter.folder ? chapterComponent(chapter.folder) : null;
  const [outline, setOutline] = useState<OutlineItem[]>([]);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    document.title = `${chapter.title} — Proximal`;
  }, [chapter.title]);
  useEffect(installCopyTex, []);

  // Once the chapter has rendered: collect its outline and scroll to the linked section (or the top).
  useEffect(() => {
    if (!rendered) return;
    const root = document.getElementById('chapter-body');
    if (!root) return;
    setOutline(
      [...root.querySelectorAll<HTMLElement>('h2[id], h3[id]')].map((h) => ({
        id: h.id,
        depth: h.tagName === 'H2' ? 2 : 3,
        text: h.textContent?.replace(/#$/, '').trim() ?? '',
      })),
    );
  }, [rendered, chapter.slug]);

  useEffect(() => {
    if (!rendered) return;
    if (section) {
      // Only ids inside the chapter's own text are sections: page chrome (#main, the sidebar) is not.
      const body = document.getElementById('chapter-body');
      const el = body?.querySelector<HTMLElement>(`#${CSS.escape(section)}`);
      if (el && el !== body) {
        el.scrollIntoView({ block: 'start' });
        el.classList.add('target-flash');
        const t = setTimeout(() => el.classList.remove('target-flash'), 1600);
        return () => clearTimeout(t);
      }
      addNotice(`This chapter has no section “${section.slice(0, 80)}”: showing its beginning.`);
    }
    window.scrollTo(0, 0);
  }, [rendered, section, chapter.slug]);

  const index = readyChapters.findIndex((c) => c.slug === chapter.slug);
  const prev = index > 0 ? readyChapters[index - 1] : null;
  const next = index >= 0 && index < readyChapters.length - 1 ? readyChapters[index + 1] : null;

  const body = useMemo(
    () =>
      Content ? (
        <Suspense fallback={<p className="loading">Loading the chapter…</p>}>
          <RenderSignal onRendered={() => setRendered((n) => n + 1)} key={chapter.slug} />
          <Content />
        </Suspense>
      ) : (
        <>
          <h1>{chapter.title}</h1>
          <p>
            {chapter.status === 'coming'
              ? 'This chapter is planned and is being written.'
              : 'This chapter is being written; its page will appear here.'}
          </p>
          <p>{chapter.summary}</p>
        </>
      ),
    [Content, chapter],
  );

  return (
    <div className="chapter-layout">
      <article id="chapter-body" className="chapter">
        <ChapterContext.Provider value={chapter.slug}>
          <MDXProvider components={mdxComponents}>{body}</MDXProvider>
        </ChapterContext.Provider>
        {chapter.number > 0 && (
          <p className="notation-link">
            Symbols: see the <a href={chapterHref('notation')}>notation page</a>, which links each to its
            definition.
          </p>
        )}
        <nav className="prev-next" aria-label="Previous and next chapter">
          {prev ? (
            <a href={chapterHref(prev.slug)} rel="prev">
              ← {prev.number}. {prev.title}
            </a>
          ) : (
            <span />
          )}
          {next ? (
            <a href={chapterHref(next.slug)} rel="next">
              {next.number}. {next.title} →
            </a>
          ) : (
            <span />
          )}
        </nav>
      </article>
      <Outline items={outline} slug={chapter.slug} />
    </div>
  );
}

/** Rendered inside Suspense next to the chapter: its effect runs once the lazy chapter has mounted. */
function RenderSignal({ onRendered }: { onRendered: () => void }) {
  useEffect(() => {
    // After the browser has laid out the chapter (so headings exist and scrolling lands right).
    const id = requestAnimationFrame(() => onRendered());
    return () => cancelAnimationFrame(id);
  }, [onRendered]);
  return null;
}
