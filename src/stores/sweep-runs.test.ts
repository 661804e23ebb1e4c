import { describe, expect, it } from 'vitest';
import { parseSweep, SWEEP_PARAMS } from '@/lib/sweep';
import { decodeResult } from '@/lib/sweep-code';
import { readParams } from '@/lib/url-params';
import type { ClientEvent, TrainerHandle } from '@/worker/trainer-client';
import type { TrainConfig } from '@/spec';
import { createSweepQueue, queueWorkers, type MakeTrainer } from './sweep-runs';
import type { RunStorage } from './run-storage';

const sweep = parseSweep({
  ...readParams('sw', SWEEP_PARAMS, '').values,
  set: 'total:2000,envs:4,steps:32',
  a: 'lr:0.001,0.01',
  seeds: 2,
}).sweep!;

/** A trainer that reports four updates of a return equal to its seed, then finishes; `fail` seeds crash. */
function fakeTrainers(fail = new Set<number>()) {
  const started: number[] = [];
  const make: MakeTrainer = (runId: number, config: TrainConfig) => {
    const listeners = new Set<(e: ClientEvent) => void>();
    let dead = false;
    const emit = (e: ClientEvent) => !dead && listeners.forEach((l) => l(e));
    const handle: TrainerHandle = {
      reset: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
      step: () => undefined,
      cancel: () => undefined,
      setLive: () => undefined,
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
      terminate: () => {
        dead = true;
      },
      start: () => {
        started.push(config.seed);
        setTimeout(() => {
          if (fail.has(config.seed)) return emit({ type: 'crash', message: 'boom' });
          emit({ type: 'backend', runId, report: { name: 'cpu', reason: '', notices: [], timings: {} } });
          const updates = [1, 2, 3, 4].map((u) => ({
            update: u,
            steps: 500 * u,
            episodes: u,
            episodeReturns: [],
            episodeLengths: [],
            rolloutMs: 0,
            learnMs: 0,
            returnMean20: config.seed * 10 + u,
          }));
          emit({ type: 'metrics', runId, updates, sps: 0, elapsedMs: 0 });
          emit({ type: 'status', runId, status: 'finished' });
        }, 1);
      },
    };
    return handle;
  };
  return { make, started };
}

function memoryStorage(): RunStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
}

const settled = (q: ReturnType<typeof createSweepQueue>, status: string) =>
  new Promise<void>((resolve) => {
    if (q.getState().status === status) return resolve();
    const off = q.subscribe((s) => s.status === status && (off(), resolve()));
  });

describe('the one-browser sweep queue', () => {
  it('runs every cell, at most `workers` at once, and saves each code', async () => {
    const storage = memoryStorage();
    const t = fakeTrainers();
    const q = createSweepQueue(sweep, { workers: 2, storage, makeTrainer: t.make });
    let maxRunning = 0;
    q.subscribe((s) => (maxRunning = Math.max(maxRunning, Object.keys(s.running).length)));
    await q.getState().load();
    q.getState().start();
    await settled(q, 'done');
    expect(maxRunning).toBe(2);
    const codes = q.getState().codes;
    expect(Object.keys(codes).map(Number)).toEqual([0, 1, 2, 3]);
    const r = decodeResult(codes[3]);
    expect(r.ok && r.result).toMatchObject({ cell: 3, seed: 2, finalReturn: 24, backend: 'cpu' });
    expect([...storage.data.values()][0]).toMatchObject({ version: 1, codes });
  });

  it('resumes after a reload with only the missing cells, and retries a failed cell', async () => {
    const storage = memoryStorage();
    const first = fakeTrainers(new Set([2]));
    const q1 = createSweepQueue(sweep, { workers: 1, storage, makeTrainer: first.make });
    await q1.getState().load();
    q1.getState().start();
    await settled(q1, 'done');
    expect(Object.keys(q1.getState().failed).map(Number)).toEqual([1, 3]);
    expect(q1.getState().failed[1]).toBe('boom');
    // A new page over the same storage: the two finished cells are loaded, only the failed ones run again.
    const second = fakeTrainers();
    const q2 = createSweepQueue(sweep, { workers: 3, storage, makeTrainer: second.make });
    await q2.getState().load();
    expect(Object.keys(q2.getState().codes).map(Number)).toEqual([0, 2]);
    q2.getState().start();
    await settled(q2, 'done');
    expect(second.started).toEqual([2, 2]);
    expect(Object.keys(q2.getState().codes).map(Number)).toEqual([0, 1, 2, 3]);
  });

  it('uses one core less than the device has, between 1 and 4', () => {
    expect([1, 2, 4, 8, 16].map((c) => queueWorkers(c))).toEqual([1, 1, 3, 4, 4]);
  });
});
