/**
 * Widgets mount when they come near the viewport, and the rest one at a time while the page is idle, so opening
 * a chapter does not mount all of its widgets in one long task (and does not fetch their code before the prose
 * is on screen). Every widget is mounted within a few seconds either way: readers who scroll fast, print, or
 * search the page find them ready.
 */
import { useEffect, useState, type RefObject } from 'react';

const queue: Array<() => void> = [];
let pumping = false;

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
    idle(next);
  };
  // Give the visible prose (and any widget already in view) the first frames.
  setTimeout(() => idle(next), 300);
}

/**
 * True once the element is within a screen height of the viewport, or its turn in the idle queue has come; at once
 * with `now` (the whole-book print view wants every widget, and fetches their chunks in parallel).
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
    queue.push(show);
    pump();
    return () => {
      io.disconnect();
      const i = queue.indexOf(show);
      if (i >= 0) queue.splice(i, 1);
    };
  }, [near, ref]);
  return near;
}
