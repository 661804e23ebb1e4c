/**
 * `<CheckedExercise id="ex-checked-…" title="…" />`: an exercise whose numeric answer is checked on the reader's own
 * instance (src/exercises holds the definitions). Numbered on the exercises' counter like `<Exercise>`, so it can be
 * referenced with `<Ref>`. The body (statement, answer box, runtime KaTeX for the instance's numbers) is a separate
 * chunk, loaded when the exercise comes near the viewport: a chapter's first view does not pay for it.
 */
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useStaticBook } from '@/lib/print-mode';

const Body = lazy(() => import('./checked-exercise-body'));

export function CheckedExercise({ id, title, number }: { id: string; title?: string; number?: string }) {
  const label = `Exercise${number ? ` ${number}` : ''}`;
  const ref = useRef<HTMLElement>(null);
  // The whole-book print view wants every statement on paper: mount at once there.
  const near = useNear(ref, useStaticBook());
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

/** True once the element comes within a screen or so of the viewport (or at once without IntersectionObserver). */
function useNear(ref: React.RefObject<HTMLElement | null>, now: boolean): boolean {
  const [near, setNear] = useState(() => now || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    // A deep link to the exercise (#/chapter/ex-…) lands on it: mount at once.
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '800px 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, near]);
  return near;
}
