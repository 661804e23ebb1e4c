import { useEffect, useRef, useState } from 'react';

/**
 * Trailing throttle for render data: the returned value changes at most once per `ms`, always ending on the
 * latest value (trailingThrottle below, as a hook). Charts re-render at ~4 Hz whatever the metric rate, which keeps
 * main-thread tasks short.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const [throttle] = useState(() => trailingThrottle(() => setShown(latest.current), ms));
  useEffect(() => {
    latest.current = value;
    throttle.poke();
  }, [value, throttle]);
  useEffect(() => () => throttle.cancel(), [throttle]);
  return shown;
}

/** A clock and one-shot timers (the page's; a fake clock in tests). */
export interface Timers {
  now(): number;
  set(cb: () => void, ms: number): unknown;
  clear(id: unknown): void;
}

const pageTimers: Timers = {
  now: () => performance.now(),
  set: (cb, ms) => setTimeout(cb, ms),
  clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface TrailingThrottle {
  /** New data arrived: `fn` runs once the interval since its last run has passed (one pending run at most). */
  poke(): void;
  /** Runs `fn` now if a run is pending (e.g. the run ended: show its last numbers at once). */
  flush(): void;
  cancel(): void;
}

/**
 * Calls `fn` at most once per `ms` however often it is poked, always after the last poke (trailing). Where the data
 * arrive faster than anyone reads them (20 metric messages a second), everything the page shows of them is redrawn
 * in one task per interval: one React render and one frame, not one per message. On a 2-core machine whose other
 * core trains, every frame the page asks for is main-thread and GPU-process work that can keep the main thread
 * waiting for a core.
 */
export function trailingThrottle(fn: () => void, ms: number, timers: Timers = pageTimers): TrailingThrottle {
  let last = -Infinity;
  let pending: unknown = null;
  const run = () => {
    pending = null;
    last = timers.now();
    fn();
  };
  return {
    poke() {
      if (pending !== null) return;
      pending = timers.set(run, Math.max(0, last + ms - timers.now()));
    },
    flush() {
      if (pending === null) return;
      timers.clear(pending);
      run();
    },
    cancel() {
      if (pending !== null) timers.clear(pending);
      pending = null;
    },
  };
}
