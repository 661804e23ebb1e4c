/** Runs `cb` when the main thread is next idle (requestIdleCallback; a short timeout where there is none). */
export function whenIdle(cb: () => void): void {
  const w = window as unknown as { requestIdleCallback?: (cb: () => void) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(cb);
  else setTimeout(cb, 50);
}
