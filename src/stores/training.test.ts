import { afterEach, describe, expect, it, vi } from 'vitest';
import { PPO_DEFAULTS, type TrainConfig, type UpdateMetrics } from '@/spec';
import type { ClientEvent, Listener, TrainerHandle } from '@/worker/trainer-client';
import type { TrainerEvent } from '@/worker/protocol';
import { createTrainingStore, MAX_POINTS } from './training';
import { storageKey } from './run-controller';
import { idbStorage, type RunStorage } from './run-storage';

/** Trainer handles that record commands and let the test play the worker; one per `makeTrainer` call. */
function fakeTrainers() {
  const made: {
    runId: number;
    config: TrainConfig;
    backend: string;
    calls: string[];
    listener: Listener | null;
  }[] = [];
  const makeTrainer = vi.fn((runId: number, config: TrainConfig, backend: string): TrainerHandle => {
    const t = { runId, config, backend, calls: [] as string[], listener: null as Listener | null };
    made.push(t);
    return {
      reset: (id) => t.calls.push(`reset:${id}`),
      start: () => t.calls.push('start'),
      pause: () => t.calls.push('pause'),
      resume: () => t.calls.push('resume'),
      step: () => t.calls.push('step'),
      cancel: () => t.calls.push('cancel'),
      setLive: (h) => t.calls.push(`live:${JSON.stringify(h)}`),
      subscribe: (l) => {
        t.listener = l;
        return () => (t.listener = null);
      },
      terminate: () => t.calls.push('terminate'),
    };
  });
  const last = () => made[made.length - 1];
  /** An event from the worker of the last handle (its listener is gone once the store dropped it). */
  const emit = (e: ClientEvent) => last().listener?.(e);
  return { made, makeTrainer, last, emit };
}

/** In-memory storage whose writes can be awaited. */
function memoryStorage(): RunStorage & { data: Map<string, unknown>; writes: number } {
  const data = new Map<string, unknown>();
  const s = {
    data,
    writes: 0,
    get: async (k: string) => structuredClone(data.get(k)),
    set: async (k: string, v: unknown) => {
      s.writes += 1;
      data.set(k, structuredClone(v));
    },
  };
  return s;
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

const ev = (runId: number, e: Record<string, unknown>) => ({ runId, ...e }) as unknown as TrainerEvent;
const updates = (runId: number, ...us: number[]) =>
  ev(runId, { type: 'metrics', updates: us.map(metrics), sps: 9000, elapsedMs: 100 });

afterEach(() => {
  vi.useRealTimers();
});

describe('training store', () => {
  it('Start makes a worker for a new run and queues start behind its init; folds and bounds metrics', () => {
    const f = fakeTrainers();
    const store = createTrainingStore('t1', PPO_DEFAULTS, 'wasm', {
      makeTrainer: f.makeTrainer,
      storage: memoryStorage(),
    });
    store.getState().start();
    expect(f.makeTrainer).toHaveBeenCalledTimes(1);
    const { runId } = f.last();
    expect(f.last().config).toEqual(PPO_DEFAULTS);
    expect(f.last().calls).toEqual(['start']); // the worker handles it once the init is done
    expect(store.getState().status).toBe('initialising');
    f.emit(
      ev(runId, { type: 'backend', report: { name: 'wasm', reason: 'chosen', notices: [], timings: {} } }),
    );
    f.emit(ev(runId, { type: 'status', status: 'ready' }));
    f.emit(ev(runId, { type: 'status', status: 'running' }));
    let last = 0;
    for (let u = 1; u <= MAX_POINTS + 50; u += 2) {
      f.emit(updates(runId, u, u + 1));
      last = u + 1;
    }
    const s = store.getState();
    expect(s.series.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.series[s.series.length - 1].update).toBe(last);
    expect(s.series[0].update).toBe(1);
    expect(s.episodes).toBe(last * 10);
    expect(s.backend?.name).toBe('wasm');
    store.getState().start(); // already running: nothing
    expect(f.last().calls).toEqual(['start']);
    store.getState().dispose();
    expect(f.last().calls).toContain('terminate');
  });

  it('live settings are validated, applied to the config and sent; bad ones are reported, not sent', () => {
    const f = fakeTrainers();
    const store = createTrainingStore('t2', PPO_DEFAULTS, 'wasm', {
      makeTrainer: f.makeTrainer,
      storage: memoryStorage(),
    });
    store.getState().start();
    store.getState().setLive({ learningRate: 1e-3 });
    expect(f.last().calls).toContain('live:{"learningRate":0.001}');
    expect((store.getState().config as { learningRate: number }).learningRate).toBe(1e-3);
    store.getState().setLive({ numEnvs: 2 });
    expect(f.last().calls.filter((c) => c.startsWith('live'))).toHaveLength(1);
    expect(store.getState().error).toMatch(/numEnvs cannot change/);
    store.getState().dispose();
  });

  it('reset starts a new run on the same worker and drops the old run’s metrics still in flight', () => {
    const f = fakeTrainers();
    const store = createTrainingStore('t3', PPO_DEFAULTS, 'wasm', {
      makeTrainer: f.makeTrainer,
      storage: memoryStorage(),
    });
    store.getState().start();
    const first = f.last().runId;
    f.emit(ev(first, { type: 'status', status: 'running' }));
    f.emit(updates(first, 1, 2));
    const cfg = { ...PPO_DEFAULTS, seed: 5 };
    store.getState().reset(cfg);
    expect(f.makeTrainer).toHaveBeenCalledTimes(1);
    const resetCall = f.last().calls.find((c) => c.startsWith('reset:'))!;
    const second = Number(resetCall.slice(6));
    expect(second).not.toBe(first);
    expect(store.getState().series).toEqual([]);
    expect(store.getState().config.seed).toBe(5);
    // The old run's update 3 arrives after the reset: dropped. The new run's first update is kept.
    f.emit(updates(first, 3));
    f.emit(ev(first, { type: 'status', status: 'paused' }));
    expect(store.getState().series).toEqual([]);
    expect(store.getState().status).toBe('initialising');
    f.emit(ev(second, { type: 'status', status: 'ready' }));
    f.emit(updates(second, 1));
    expect(store.getState().series.map((p) => p.update)).toEqual([1]);
    expect(store.getState().status).toBe('ready');
    store.getState().dispose();
  });

  it('Start after a crash is a new run on a new worker: the old series is never merged into the new one', () => {
    const f = fakeTrainers();
    const store = createTrainingStore('t4', PPO_DEFAULTS, 'wasm', {
      makeTrainer: f.makeTrainer,
      storage: memoryStorage(),
    });
    store.getState().start();
    const first = f.last().runId;
    f.emit(updates(first, 1, 2, 3));
    f.emit({ type: 'crash', message: 'The training worker crashed: boom' });
    expect(store.getState().status).toBe('crashed');
    expect(store.getState().error).toMatch(/crashed/);
    expect(f.made[0].calls).toContain('terminate');
    store.getState().start(); // Start, not Restart: the crash must not merge two runs
    expect(f.makeTrainer).toHaveBeenCalledTimes(2);
    const second = f.last().runId;
    expect(second).not.toBe(first);
    expect(store.getState().series).toEqual([]);
    expect(store.getState().error).toBeNull();
    f.emit(updates(second, 1));
    expect(store.getState().series.map((p) => p.steps)).toEqual([1024]);
    store.getState().restart();
    expect(f.makeTrainer).toHaveBeenCalledTimes(3);
    expect(f.made[1].calls).toContain('terminate');
    store.getState().dispose();
  });

  it('setBackend ends the worker and clears the run; the next Start uses the new backend', () => {
    const f = fakeTrainers();
    const store = createTrainingStore('t5', PPO_DEFAULTS, 'auto', {
      makeTrainer: f.makeTrainer,
      storage: memoryStorage(),
    });
    store.getState().start();
    f.emit(updates(f.last().runId, 1));
    store.getState().setBackend('cpu');
    expect(f.last().calls).toContain('terminate');
    expect(store.getState()).toMatchObject({
      status: 'idle',
      series: [],
      backendChoice: 'cpu',
      backend: null,
    });
    store.getState().step();
    expect(f.last().backend).toBe('cpu');
    expect(f.last().calls).toEqual(['step']);
    store.getState().dispose();
  });

  it('a finished run starts anew on Start (reset, then start), on the same worker', () => {
    const f = fakeTrainers();
    const store = createTrainingStore('t6', PPO_DEFAULTS, 'wasm', {
      makeTrainer: f.makeTrainer,
      storage: memoryStorage(),
    });
    store.getState().start();
    const id = f.last().runId;
    f.emit(updates(id, 1));
    f.emit(ev(id, { type: 'status', status: 'solved', message: 'solved' }));
    store.getState().start();
    expect(f.makeTrainer).toHaveBeenCalledTimes(1);
    expect(f.last().calls.slice(-2)).toEqual([expect.stringMatching(/^reset:/), 'start']);
    expect(store.getState().series).toEqual([]);
    store.getState().dispose();
  });

  it('saves the run and restores it (same settings only) as a run to view, not to resume', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const f = fakeTrainers();
    const store = createTrainingStore('t7', PPO_DEFAULTS, 'cpu', { makeTrainer: f.makeTrainer, storage });
    store.getState().start();
    const id = f.last().runId;
    f.emit(updates(id, 1, 2));
    f.emit(ev(id, { type: 'status', status: 'paused' }));
    await vi.advanceTimersByTimeAsync(1500);
    vi.useRealTimers();
    expect(storage.data.has(storageKey('t7'))).toBe(true);

    const g = fakeTrainers();
    const restored = createTrainingStore('t7', PPO_DEFAULTS, 'cpu', { makeTrainer: g.makeTrainer, storage });
    expect(await restored.getState().restore()).toBe(true);
    const r = restored.getState();
    expect(r.status).toBe('restored');
    expect(r.restoredAt).not.toBeNull();
    expect(r.series.map((p) => p.update)).toEqual([1, 2]);
    expect(r.episodes).toBe(20);
    // Single update on a restored run is a new run from step 0 (not steps appended to the old curve).
    restored.getState().step();
    expect(g.makeTrainer).toHaveBeenCalledTimes(1);
    expect(restored.getState().series).toEqual([]);
    g.emit(updates(g.last().runId, 1));
    expect(restored.getState().series.map((p) => p.steps)).toEqual([1024]);

    const other = createTrainingStore('t7', { ...PPO_DEFAULTS, seed: 99 }, 'cpu', { storage });
    expect(await other.getState().restore()).toBe(false);
    store.getState().dispose();
    restored.getState().dispose();
  });

  it('restores runs saved by version 1 (configs without an env)', async () => {
    const storage = memoryStorage();
    const { env: _env, ...v1config } = PPO_DEFAULTS;
    await storage.set(storageKey('t8'), {
      version: 1,
      savedAt: 1,
      config: v1config,
      backend: null,
      series: [{ update: 1, steps: 1024, episodes: 10, returnMean20: 21 }],
      latest: metrics(1),
      status: 'paused',
      episodes: 10,
      steps: 1024,
      sps: 1,
      elapsedMs: 1,
      policy: null,
    });
    const store = createTrainingStore('t8', PPO_DEFAULTS, 'cpu', { storage });
    expect(await store.getState().restore()).toBe(true);
    expect(store.getState().steps).toBe(1024);
  });

  it('leaving mid-run writes the pending save at once (flush on dispose)', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const f = fakeTrainers();
    const store = createTrainingStore('t9', PPO_DEFAULTS, 'cpu', { makeTrainer: f.makeTrainer, storage });
    store.getState().start();
    f.emit(updates(f.last().runId, 1, 2, 3));
    await vi.advanceTimersByTimeAsync(1500);
    f.emit(updates(f.last().runId, 4, 5)); // 22 steps' worth after the last save…
    store.getState().dispose(); // …then the reader leaves the chapter
    await vi.advanceTimersByTimeAsync(0);
    const saved = storage.data.get(storageKey('t9')) as { steps: number; series: unknown[] };
    expect(saved.steps).toBe(5 * 1024);
    expect(saved.series).toHaveLength(5);
  });

  it('says that runs cannot be saved when IndexedDB is missing or throws, and keeps working', async () => {
    vi.useFakeTimers();
    const had = 'indexedDB' in globalThis;
    const saved = (globalThis as { indexedDB?: unknown }).indexedDB;
    delete (globalThis as { indexedDB?: unknown }).indexedDB;
    try {
      const f = fakeTrainers();
      const store = createTrainingStore('t10', PPO_DEFAULTS, 'cpu', {
        makeTrainer: f.makeTrainer,
        storage: idbStorage,
      });
      expect(await store.getState().restore()).toBe(false);
      expect(store.getState().storageError).toMatch(/cannot be restored/);
      store.getState().start();
      f.emit(updates(f.last().runId, 1));
      await vi.advanceTimersByTimeAsync(1500);
      expect(store.getState().storageError).toMatch(/cannot be saved.*IndexedDB/);
      f.emit(updates(f.last().runId, 2));
      expect(store.getState().series).toHaveLength(2);
      store.getState().dispose();
    } finally {
      if (had) (globalThis as { indexedDB?: unknown }).indexedDB = saved;
    }
    // A full quota: the message says so.
    const full: RunStorage = {
      get: async () => undefined,
      set: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
    };
    const f = fakeTrainers();
    const store = createTrainingStore('t11', PPO_DEFAULTS, 'cpu', {
      makeTrainer: f.makeTrainer,
      storage: full,
    });
    store.getState().start();
    f.emit(updates(f.last().runId, 1));
    await vi.advanceTimersByTimeAsync(1500);
    expect(store.getState().storageError).toMatch(/storage for this site is full/);
    store.getState().dispose();
  });
});
