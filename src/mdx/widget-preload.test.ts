import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importAllNow, preloadLater, preloadedWidget, widgetCodePending } from './widget-preload';

const component = (name: string) => Object.assign(() => null, { displayName: name });

describe('widget code imported ahead', () => {
  // The idle queue starts 8 s after navigation; fake timers keep it from starting, so only importAllNow loads.
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('imports every queued widget at once for a print, and says when nothing is left to load', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const A = component('A');
    const B = component('B');
    preloadLater('A', () => Promise.resolve({ default: A }));
    preloadLater('B', () => slow.then(() => ({ default: B })));
    preloadLater('C', () => Promise.reject(new Error('offline')));
    expect(widgetCodePending()).toBe(true);
    const all = importAllNow();
    // B is on its way, not done: still pending, so a Ctrl+P now would wait for it too.
    await Promise.resolve();
    expect(widgetCodePending()).toBe(true);
    release();
    await all;
    expect(widgetCodePending()).toBe(false);
    expect(preloadedWidget('A')).toBe(A);
    expect(preloadedWidget('B')).toBe(B);
    // A chunk that failed is left to the widget's own lazy load (which shows the error and a Retry).
    expect(preloadedWidget('C')).toBeUndefined();
  });
});
