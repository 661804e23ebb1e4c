/** Runs `cb` when the main thread is next idle (requestIdleCallback; a short timeout where there is none). */
export function whenIdle(cb: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => cb());
  else setTimeout(cb, 50);
}
