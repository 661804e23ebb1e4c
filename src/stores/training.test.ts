import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createTrainingStore, MAX_POINTS } from './training';
import { PPO_DEFAULTS, type ClientEvent, type Listener, type TrainerHandle } from '@/worker/trainer-client';
import type { UpdateMetrics } from '@/worker/protocol';

/** A trainer handle that records commands and lets the test play the worker. */
function fakeTrainer() {
  const calls: string[] = [];
  let listener: Listener | null = null;
  const handle: TrainerHandle = {
    start: () => calls.push('start'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    step: () => calls.push('step'),
    reset: () => calls.push('reset'),
    cancel: () => calls.push('cancel'),
    setLive: (h) => calls.push(`live:${JSON.stringify(h)}`),
    subscribe: (l) => {
      listener = l;
      return () => (listener = null);
    },
    terminate: () => calls.push('terminate'),
    crashForTest: () => calls.push('crash'),
  };
  const emit = (e: ClientEvent) => listener?.(e);
  return { calls, emit, factory: vi.fn(() => handle) };
}

function metrics(update: number): UpdateMetrics {
  return {
    update,
    steps: update * 1024,
    episodeReturns: [20 + update],
    episodeLengths: [20 + update],
    returnMean20: 20 + update,
    episodes: update * 10,
    policyLoss: 0,
    valueLoss: 1,
    entropy: 0.69,
    approxKl: 0.01,
    clipFraction: 0.1,
    explainedVariance: 0.5,
    learningRate: 3e-3,
    gradNorm: 0.4,
    epochs: 3,
    tvMean: 0.02,
    tvMax: 0.1,
    klMean: 0.001,
    klMax: 0.02,
    ratioHist: { edges: [1], counts: [0, 1] },
    rolloutMs: 10,
    learnMs: 50,
  };
}

describe('training store', () => {
  it('starts the worker once ready, folds metrics, bounds the series, and reports crashes', () => {
    const f = fakeTrainer();
    const store = createTrainingStore('t1', PPO_DEFAULTS, 'wasm', f.factory);
    store.getState().start();
    expect(f.factory).toHaveBeenCalledWith(PPO_DEFAULTS, 'wasm');
    expect(f.calls).toEqual([]); // waits for 'ready'
    f.emit({ type: 'backend', report: { name: 'wasm', reason: 'chosen', notices: [], timings: {} } });
    f.emit({ type: 'status', status: 'ready' });
    expect(f.calls).toEqual(['start']);
    f.emit({ type: 'status', status: 'running' });
    let last = 0;
    for (let u = 1; u <= MAX_POINTS + 50; u += 2) {
      f.emit({ type: 'metrics', updates: [metrics(u), metrics(u + 1)], sps: 9000, elapsedMs: u * 100 });
      last = u + 1;
    }
    const s = store.getState();
    expect(s.series.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.series[s.series.length - 1].update).toBe(last);
    expect(s.series[0].update).toBe(1);
    expect(s.episodes).toBe(last * 10);
    expect(s.backend?.name).toBe('wasm');
    store.getState().setLive({ learningRate: 1e-3 });
    expect(f.calls).toContain('live:{"learningRate":0.001}');
    expect(store.getState().config.learningRate).toBe(1e-3);
    f.emit({ type: 'crash', message: 'The training worker crashed: boom' });
    expect(store.getState().status).toBe('crashed');
    expect(store.getState().error).toMatch(/crashed/);
    store.getState().dispose();
  });

  it('saves the run in IndexedDB and restores it in a new store with the same settings only', async () => {
    vi.useFakeTimers();
    const f = fakeTrainer();
    const store = createTrainingStore('t2', PPO_DEFAULTS, 'cpu', f.factory);
    store.getState().start();
    f.emit({ type: 'status', status: 'ready' });
    f.emit({ type: 'metrics', updates: [metrics(1), metrics(2)], sps: 5000, elapsedMs: 400 });
    f.emit({ type: 'status', status: 'paused' });
    await vi.advanceTimersByTimeAsync(1500);
    vi.useRealTimers();
    // idb-keyval writes asynchronously after the timer: poll until a fresh store can read it.
    let restored = createTrainingStore('t2', PPO_DEFAULTS, 'cpu', f.factory);
    for (let k = 0; k < 50 && !(await restored.getState().restore()); k++) {
      await new Promise((r) => setTimeout(r, 20));
      restored = createTrainingStore('t2', PPO_DEFAULTS, 'cpu', f.factory);
    }
    const r = restored.getState();
    expect(r.restoredAt).not.toBeNull();
    expect(r.series.map((p) => p.update)).toEqual([1, 2]);
    expect(r.episodes).toBe(20);
    expect(r.status).toBe('paused');
    const other = createTrainingStore('t2', { ...PPO_DEFAULTS, seed: 99 }, 'cpu', f.factory);
    expect(await other.getState().restore()).toBe(false);
    store.getState().dispose();
  });
});
