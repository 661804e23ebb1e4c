/**
 * Runs a piece of Monte Carlo work in slices of at most ~8 ms (setTimeout between slices), so sampling never
 * blocks the main thread for long, and publishes its state at most every `publishMs` and once at the end.
 * `makeWork` is called afresh whenever `key` changes (which restarts the run); the run stops on unmount.
 */
import { useEffect, useRef } from 'react';

export interface ChunkedWork {
  step: () => void;
  done: () => boolean;
  publish: () => void;
}

export function useChunkedRun(key: string, makeWork: () => ChunkedWork, publishMs = 120) {
  const make = useRef(makeWork);
  make.current = makeWork;
  useEffect(() => {
    const work = make.current();
    work.publish();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    let lastPublish = performance.now();
    const tick = () => {
      if (cancelled) return;
      const t0 = performance.now();
      while (!work.done() && performance.now() - t0 < 8) work.step();
      const finished = work.done();
      if (finished || performance.now() - lastPublish >= publishMs) {
        lastPublish = performance.now();
        work.publish();
      }
      if (!finished) timer = setTimeout(tick, 0);
    };
    timer = setTimeout(tick, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, publishMs]);
}
