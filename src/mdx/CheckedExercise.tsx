/**
 * `<CheckedExercise id="ex-checked-…" title="…" />`: an exercise whose numeric answer is checked on the reader's own
 * instance (src/exercises holds the definitions). Numbered on the exercises' counter like `<Exercise>`, so it can be
 * referenced with `<Ref>`. The body (statement, answer box, runtime KaTeX for the instance's numbers) is a separate
 * chunk, loaded when the exercise comes near the viewport: a chapter's first view does not pay for it. Like a
 * widget's code, it is imported ahead once the page has settled (widget-preload.ts), so a print draws it.
 */
import { Suspense, lazy, useEffect, useMemo, useRef, type ComponentType } from 'react';
import { useStaticBook } from '@/lib/print-mode';
import { useMountWhenNear } from './mount-when-near';
import { preloadLater, preloadedWidget } from './widget-preload';

const BODY = 'checked-exercise-body';
const loadBody = () => import('./checked-exercise-body');
const LazyBody = lazy(loadBody);

export function CheckedExercise({ id, title, number }: { id: string; title?: string; number?: string }) {
  const label = `Exercise${number ? ` ${number}` : ''}`;
  const ref = useRef<HTMLElement>(null);
  // Mounts as a widget does (near the viewport, on print, on find in page); in the whole-book print view at once.
  const near = useMountWhenNear(ref, useStaticBook());
  useEffect(() => {
    // The body's props are { id }; the queue holds components by name whatever their props.
    if (!near) preloadLater(BODY, loadBody as Parameters<typeof preloadLater>[1]);
  }, [near]);
  // Chosen when it mounts: the code imported ahead renders at once (a lazy component would suspend first).
  const Body = useMemo(
    () => (near && (preloadedWidget(BODY) as ComponentType<{ id: string }> | undefined)) || LazyBody,
    [near],
  );
  return (
    <section
      ref={ref}
      className="callout callout-exercise checked-exercise"
      id={id}
      aria-label={title ? `${label}: ${title}` : label}
      data-checked-exercise={id}
    >
      <strong className="callout-head">
        {label}
        {title ? `: ${title}` : ''} <span className="badge">checked</span>
      </strong>
      {near ? (
        <Suspense fallback={<p className="checked-loading">Loading your instance…</p>}>
          <Body id={id} />
        </Suspense>
      ) : (
        <p className="checked-loading">Your instance of this exercise loads when you scroll to it.</p>
      )}
    </section>
  );
}
