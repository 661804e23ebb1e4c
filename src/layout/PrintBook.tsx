/**
 * The whole book on one page, for printing (`#/print`): a title page and contents, then every ready chapter in
 * order, each starting on a new page, with its numbering and references as in the chapter view. Every widget is a
 * static figure: rendered at its default settings, inert, with its data table shown. Chapters are rendered one
 * after another (each is a large tree of typeset math and a handful of widgets; all twelve at once would hold the
 * page for seconds), and the page says when every chapter and widget has loaded: printing before that would put
 * "Loading…" on paper.
 */
import { MDXProvider } from '@mdx-js/react';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { readyChapters } from '@content/chapters';
import { ChapterContext, mdxComponents } from '@/mdx';
import { StaticBookContext } from '@/lib/print-mode';
import { chapterComponent } from './ChapterPage';

/** How often the page counts what is still loading (ms): a cheap DOM count, only while something is. */
const POLL_MS = 500;

interface Progress {
  chapters: number;
  widgets: number;
  pending: number;
}

function count(root: HTMLElement): Progress {
  return {
    chapters: root.querySelectorAll('.print-chapter[data-loaded]').length,
    widgets: root.querySelectorAll('.widget-frame').length,
    pending: root.querySelectorAll('.widget-placeholder, .print-chapter:not([data-loaded])').length,
  };
}

export function PrintBook() {
  const [progress, setProgress] = useState<Progress>({ chapters: 0, widgets: 0, pending: 1 });
  // How many chapters are rendered so far; the next one starts when the last has loaded.
  const [shown, setShown] = useState(1);
  const onLoaded = useCallback((i: number) => setShown((n) => Math.max(n, i + 2)), []);
  const ready = progress.chapters === readyChapters.length && progress.pending === 0;

  useEffect(() => {
    document.title = 'The whole book — Proximal';
  }, []);

  useEffect(() => {
    if (ready) return;
    const t = setInterval(() => {
      const root = document.getElementById('print-book');
      if (root) setProgress(count(root));
    }, POLL_MS);
    return () => clearInterval(t);
  }, [ready]);

  return (
    <StaticBookContext.Provider value={true}>
      <article id="print-book" className="print-book" data-ready={ready || undefined}>
        <header className="print-title">
          <p className="print-kicker">Proximal</p>
          <h1 className="print-book-title">A live textbook of policy optimization</h1>
          <p>
            The whole book in one page, for print or “Save as PDF”. Widgets appear as figures at their default
            settings, each with the table of its data; the online book is where they compute.
          </p>
          <div className="print-status" role="status" data-testid="print-status">
            {ready ? (
              <>
                All {readyChapters.length} chapters and {progress.widgets} figures are ready.{' '}
                <button type="button" className="btn" onClick={() => window.print()}>
                  Print
                </button>
              </>
            ) : (
              `Preparing the book: ${progress.chapters} of ${readyChapters.length} chapters, ${Math.max(
                0,
                progress.widgets - progress.pending,
              )} of ${progress.widgets} figures…`
            )}
          </div>
          <nav aria-label="Contents" className="print-contents">
            <h2>Contents</h2>
            <ol>
              {readyChapters.map((c) => (
                <li key={c.slug}>
                  <a href={`#print-${c.slug}`} onClick={(e) => jump(e, `print-${c.slug}`)}>
                    {c.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        </header>
        {readyChapters.map((c, i) => (
          <PrintChapter
            key={c.slug}
            index={i}
            slug={c.slug}
            folder={i < shown ? c.folder : null}
            onLoaded={onLoaded}
          />
        ))}
      </article>
    </StaticBookContext.Provider>
  );
}

/** In-page links must not change the hash: that is the router's. */
function jump(e: React.MouseEvent, id: string) {
  e.preventDefault();
  document.getElementById(id)?.scrollIntoView({ block: 'start' });
}

function PrintChapter({
  index,
  slug,
  folder,
  onLoaded,
}: {
  index: number;
  slug: string;
  /** Null until it is this chapter's turn to render. */
  folder: string | null;
  onLoaded: (index: number) => void;
}) {
  const Content = folder ? chapterComponent(folder) : null;
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (loaded) onLoaded(index);
  }, [loaded, index, onLoaded]);
  return (
    <section className="print-chapter chapter" id={`print-${slug}`} data-loaded={loaded || undefined}>
      <ChapterContext.Provider value={slug}>
        <MDXProvider components={mdxComponents}>
          {Content ? (
            <Suspense fallback={<p className="loading">Loading the chapter…</p>}>
              <Loaded onLoaded={setLoaded} />
              <Content />
            </Suspense>
          ) : (
            <p className="loading">Waiting for the chapters before it…</p>
          )}
        </MDXProvider>
      </ChapterContext.Provider>
    </section>
  );
}

/** Rendered inside Suspense next to the chapter: its effect runs once the lazy chapter has mounted. */
function Loaded({ onLoaded }: { onLoaded: (loaded: boolean) => void }) {
  useEffect(() => onLoaded(true), [onLoaded]);
  return null;
}
