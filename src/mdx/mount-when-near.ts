/**
 * Widgets mount only when they come near the viewport (within a screen height), so opening a chapter runs no
 * widget's code but those the reader can see: each mount is a 20-90 ms task, and mounting far widgets in the first
 * seconds (an idle queue did, until issue 20's speed goal) kept chapters from being interactive for 2-7 s. Until
 * then a widget is a placeholder of its declared (or last measured) height, so the page does not jump and deep
 * links land. Printing mounts every widget (`beforeprint` comes before the browser lays the page out for paper),
 * and the whole-book print view mounts them all at once.
 */
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Mount callbacks of the widgets not yet mounted, for `beforeprint`. */
const waiting = new Set<() => void>();

function mountAllForPrint() {
  // Synchronously, as print-mode.ts does: the browser lays the page out for print right after the event returns.
  flushSync(() => waiting.forEach((show) => show()));
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', mountAllForPrint);

/** True once the element has been within a screen height of the viewport, or the page printed; at once with `now`. */
export function useMountWhenNear(ref: RefObject<HTMLElement | null>, now = false): boolean {
  const [near, setNear] = useState(() => now || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near) return;
    const el = ref.current;
    if (!el) return;
    const show = () => setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: '100% 0px',
    });
    io.observe(el);
    waiting.add(show);
    return () => {
      io.disconnect();
      waiting.delete(show);
    };
  }, [near, ref]);
  return near;
}
