import * as tf from '@/nn/tf';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTrainerFor, type Trainer } from '@/nn';
import { PPO_DEFAULTS, type TrainConfig, type UpdateMetrics } from '@/spec';
import { serveTrainer, type HandlerDeps } from './handler';
import { connectTrainer, type ClientEvent, type OpenConnection } from './trainer-client';
import type { Endpoint } from './protocol';
import { connectEndpoint } from './worker-client';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny: TrainConfig = {
  ...PPO_DEFAULTS,
  numEnvs: 2,
  numSteps: 16,
  hidden: 8,
  numMinibatches: 2,
  updateEpochs: 1,
};

const cpuBackend: HandlerDeps['selectBackend'] = async () => ({
  name: 'cpu',
  reason: 'test',
  notices: [],
  timings: {},
});

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

/** The real command handler on one port of a MessageChannel, a client on the other. */
function connect(config: TrainConfig, deps: Partial<HandlerDeps> = {}, runId = 1) {
  const { port1, port2 } = new MessageChannel();
  const stopServing = serveTrainer(port1 as unknown as Endpoint, {
    selectBackend: cpuBackend,
    createTrainer: createTrainerFor,
    yieldToQueue: () => new Promise((r) => setTimeout(r, 0)),
    ...deps,
  });
  const events: ClientEvent[] = [];
  const open: OpenConnection = (o) =>
    connectEndpoint(port2 as unknown as Endpoint, {
      ...o,
      close: () => {
        o.close();
        port2.close();
      },
    });
  const { handle } = connectTrainer(open, runId, config, 'cpu');
  handle.subscribe((e) => events.push(e));
  stops.push(() => {
    handle.terminate();
    stopServing();
    port1.close();
  });
  const until = async (pred: (e: ClientEvent) => boolean, timeoutMs = 20_000) => {
    const t0 = Date.now();
    for (;;) {
      const hit = events.find(pred);
      if (hit) return hit;
      if (Date.now() - t0 > timeoutMs) throw new Error(`no such event; got ${events.map((e) => e.type)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const statuses = () => events.flatMap((e) => (e.type === 'status' ? [`${e.runId}:${e.status}`] : []));
  return { handle, events, until, statuses };
}

const isStatus = (runId: number, status: string) => (e: ClientEvent) =>
  e.type === 'status' && e.runId === runId && e.status === status;

describe('trainer command handler over a MessageChannel', () => {
  it('init → ready; step runs one update and pauses; metrics and policy belong to the run', async () => {
    const c = connect(tiny, {}, 7);
    await c.until(isStatus(7, 'ready'));
    c.handle.step();
    await c.until(isStatus(7, 'paused'));
    expect(c.statuses()).toEqual(['7:initialising', '7:ready', '7:running', '7:paused']);
    const m = c.events.filter((e) => e.type === 'metrics');
    expect(m).toHaveLength(1);
    expect(m[0].type === 'metrics' && m[0].runId === 7 && m[0].updates[0].steps).toBe(32);
    expect(c.events.some((e) => e.type === 'policy' && e.runId === 7)).toBe(true);
  });

  it('ignores commands the status machine does not allow (pause when paused, start twice)', async () => {
    const c = connect(tiny);
    await c.until(isStatus(1, 'ready'));
    c.handle.pause();
    c.handle.start();
    c.handle.start();
    await c.until((e) => e.type === 'metrics');
    c.handle.pause();
    await c.until(isStatus(1, 'paused'));
    expect(c.statuses().filter((s) => s === '1:running')).toHaveLength(1);
  });

  it('reset starts run 2 and nothing of run 1 arrives after its first run-2 event', async () => {
    const c = connect(tiny);
    await c.until(isStatus(1, 'ready'));
    c.handle.start();
    await c.until((e) => e.type === 'metrics' && e.runId === 1);
    c.handle.reset(2, { ...tiny, seed: 3 });
    await c.until(isStatus(2, 'ready'));
    c.handle.step();
    await c.until(isStatus(2, 'paused'));
    const firstOf2 = c.events.findIndex((e) => 'runId' in e && e.runId === 2);
    expect(c.events.slice(firstOf2).every((e) => !('runId' in e) || e.runId === 2)).toBe(true);
    const m2 = c.events.filter((e) => e.type === 'metrics' && e.runId === 2);
    expect(m2.length === 1 && m2[0].type === 'metrics' && m2[0].updates[0].update).toBe(1);
  });

  it('an invalid config is an error event with the reasons, never a crash', async () => {
    const c = connect({ ...tiny, numEnvs: 1, numSteps: 1, numMinibatches: 2 });
    const e = await c.until((ev) => ev.type === 'error');
    expect(e.type === 'error' && e.kind).toBe('config');
    expect(e.type === 'error' && e.message).toMatch(/do not split the batch/);
    await c.until(isStatus(1, 'error'));
    c.handle.setLive({ numEnvs: 3 });
    c.handle.start(); // no trainer: ignored
    expect(c.statuses()).toEqual(['1:error']);
  });

  it('solved needs 20 finished episodes whose mean reaches the threshold, not the mean of the first few', async () => {
    // a trainer whose every episode returns 100 (above the threshold 90), one episode per update
    const lucky: HandlerDeps['createTrainer'] = (config) => {
      const real = createTrainerFor(config);
      let episodes = 0;
      return {
        config,
        get steps() {
          return real.steps;
        },
        async update() {
          const m = (await real.update()) as UpdateMetrics;
          episodes += 1;
          return { ...m, episodes, returnMean20: 100, episodeReturns: [100], episodeLengths: [10] };
        },
        setLive: (h) => real.setLive(h),
        actor: () => real.actor(),
        dispose: () => real.dispose(),
      };
    };
    const c = connect({ ...tiny, solveThreshold: 90 }, { createTrainer: lucky });
    await c.until(isStatus(1, 'ready'));
    c.handle.start();
    await c.until(isStatus(1, 'solved'));
    const updates = c.events.flatMap((e) => (e.type === 'metrics' ? e.updates : []));
    expect(updates.at(-1)!.episodes).toBe(20);
    expect(updates).toHaveLength(20);
  });

  it('a long update reports progress, so the client sees a slow but healthy run as alive', async () => {
    const slow: HandlerDeps['createTrainer'] = (config) => {
      const real = createTrainerFor(config);
      const t: Trainer = {
        config,
        get steps() {
          return real.steps;
        },
        async update(progress) {
          // 1.3 s of busy work inside one update, reporting as it goes (as the trainers do).
          const t0 = performance.now();
          while (performance.now() - t0 < 1300) progress?.('learn', performance.now() - t0, 1300);
          return real.update() as Promise<UpdateMetrics>;
        },
        setLive: (h) => real.setLive(h),
        actor: () => real.actor(),
        dispose: () => real.dispose(),
      };
      return t;
    };
    const c = connect(tiny, { createTrainer: slow });
    await c.until(isStatus(1, 'ready'));
    c.handle.step();
    const p = await c.until((e) => e.type === 'progress');
    expect(p.type === 'progress' && p.phase).toBe('learn');
    await c.until(isStatus(1, 'paused'));
  });
});
