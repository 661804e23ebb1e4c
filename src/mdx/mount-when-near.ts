/**
 * Widgets mount when they come near the viewport, and the rest one at a time while the page is idle, so opening
 * a chapter does not mount all of its widgets in one long task (and does not fetch their code before the prose
 * is on screen). Every widget is mounted within a few seconds either way: readers who scroll fast, print, or
 * search the page find them ready.
 */
import { useEffect, useState, type RefObject } from 'react';

const queue: Array<() => void> = [];
let pumping = false;
/** Widgets of the whole-book print view waiting: while any are, the queue mounts back to back (one widget per
 * task) instead of one per idle period. */
let eager = 0;

const idle = (cb: () => void) => {
  const w = window as unknown as {
    requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number;
  };
  if (w.requestIdleCallback) w.requestIdleCallback(cb, { timeout: 1000 });
  else setTimeout(cb, 100);
};

function pump() {
  if (pumping) return;
  pumping = true;
  const next = () => {
    const mount = queue.shift();
    if (!mount) {
      pumping = false;
      return;
    }
    mount();
    // One widget per idle period: its render and effects happen before the next one starts.
    if (eager > 0) setTimeout(next, 0);
    else idle(next);
  };
  // Give the visible prose (and any widget already in view) the first frames.
  setTimeout(() => idle(next), 300);
}

/**
 * True once the element is within a screen height of the viewport, or its turn in the idle queue has come. With
 * `soon` (the print view, which wants every widget) the queue runs back to back rather than in idle periods.
 */
export function useMountWhenNear(ref: RefObject<HTMLElement | null>, soon = false): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near) return;
    const el = ref.current;
    if (!el) return;
    const show = () => setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: '100% 0px',
    });
    io.observe(el);
    queue.push(show);
    if (soon) eager++;
    pump();
    return () => {
      if (soon) eager--;
      io.disconnect();
      const i = queue.indexOf(show);
      if (i >= 0) queue.splice(i, 1);
    };
  }, [near, ref, soon]);
  return near;
}
