import { useEffect, useRef, useState } from 'react';

/**
 * Trailing throttle for render data: the returned value changes at most once per `ms`, always ending on the
 * latest value. Charts re-render at ~4 Hz whatever the metric rate, which keeps main-thread tasks short.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - performance.now());
    const t = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}
