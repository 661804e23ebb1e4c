/**
 * Widgets mount only when they come near the viewport (within a screen height), so opening a chapter runs no
 * widget's code but those the reader can see: each mount is a 20-90 ms task, and mounting far widgets in the first
 * seconds (an idle queue did, until issue 20's speed goal) kept chapters from being interactive for 2-7 s. Until
 * then a widget is a placeholder of its declared (or last measured) height, so the page does not jump and deep
 * links land. Printing mounts every widget (`beforeprint` comes before the browser lays the page out for paper),
 * and the whole-book print view mounts them all at once. Find in page (Ctrl+F, ⌘F, F3) cannot see inside a widget
 * that has not mounted, so opening it mounts the rest, one per idle period, and the find bar then finds their text.
 */
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { whenIdle } from './idle';

/** Mount callbacks of the widgets (and checked exercises) not yet mounted, for `beforeprint` and find in page. */
const waiting = new Set<() => void>();

function mountAllForPrint() {
  // Synchronously, as print-mode.ts does: the browser lays the page out for print right after the event returns.
  flushSync(() => waiting.forEach((show) => show()));
}

let mountingRest = false;

/** Mounts the waiting widgets in document order, one per idle period, so the page stays responsive meanwhile. */
function mountRestWhenIdle() {
  if (mountingRest) return;
  mountingRest = true;
  const step = () => {
    const show = waiting.values().next().value;
    if (!show) {
      mountingRest = false;
      return;
    }
    waiting.delete(show);
    show();
    whenIdle(step);
  };
  whenIdle(step);
}

const opensFind = (e: KeyboardEvent) =>
  e.key === 'F3' || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f');

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', mountAllForPrint);
  window.addEventListener('keydown', (e) => opensFind(e) && mountRestWhenIdle());
}

/**
 * True once the element has been within a screen height of the viewport, or the page printed, or find in page
 * opened (then in turn); at once with `now`.
 */
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
