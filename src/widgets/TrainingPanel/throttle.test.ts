import { describe, expect, it } from 'vitest';
import { trailingThrottle, type Timers } from './throttle';

/** One-shot timers on a fake clock: `advance(ms)` runs every timer due in the next `ms`, in order. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; cb: () => void }>();
  const timers: Timers = {
    now: () => now,
    set: (cb, ms) => {
      due.set(next, { at: now + ms, cb });
      return next++;
    },
    clear: (id) => void due.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const first = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > end) break;
      due.delete(first[0]);
      now = first[1].at;
      first[1].cb();
    }
    now = end;
  };
  return { timers, advance, pending: () => due.size };
}

describe('trailingThrottle (one redraw per interval, whatever the message rate)', () => {
  it('turns 20 pokes a second into at most one run per 250 ms, the last one after the last poke', () => {
    const { timers, advance } = fakeTimers();
    const runs: number[] = [];
    let data = 0;
    const t = trailingThrottle(() => runs.push(data), 250, timers);
    for (let i = 1; i <= 40; i++) {
      data = i;
      t.poke();
      advance(50);
    }
    advance(1000);
    // 2 s of messages: ~8 runs (a run per message would be 40)
    expect(runs.length).toBeGreaterThanOrEqual(7);
    expect(runs.length).toBeLessThanOrEqual(9);
    // ends on the latest data
    expect(runs[runs.length - 1]).toBe(40);
  });

  it('spaces runs at least the interval apart', () => {
    const { timers, advance } = fakeTimers();
    const at: number[] = [];
    const t = trailingThrottle(() => at.push(timers.now()), 250, timers);
    for (let i = 0; i < 100; i++) {
      t.poke();
      advance(13);
    }
    advance(500);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(250);
  });

  it('runs the first poke at once (no wait before the first picture)', () => {
    const { timers, advance } = fakeTimers();
    let n = 0;
    const t = trailingThrottle(() => (n += 1), 250, timers);
    t.poke();
    advance(0);
    expect(n).toBe(1);
  });

  it('flush runs a pending redraw now; cancel drops it', () => {
    const { timers, advance, pending } = fakeTimers();
    let n = 0;
    const t = trailingThrottle(() => (n += 1), 250, timers);
    t.poke();
    advance(0);
    t.poke();
    expect(n).toBe(1);
    t.flush();
    expect(n).toBe(2);
    expect(pending()).toBe(0);
    t.flush();
    expect(n).toBe(2);
    t.poke();
    t.cancel();
    advance(1000);
    expect(n).toBe(2);
  });
});
