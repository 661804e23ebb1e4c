import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingError } from '../trainer';
import { DQN_DEFAULTS, type DqnConfig } from './config';
import { DqnTrainer, linearSchedule } from './dqn';
import { cartPoleEnv, type OffPolicyEnv } from './env';
import type { OffPolicyMetrics } from './metrics';
import { ReplayBuffer } from './replay-buffer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny: DqnConfig = {
  ...DQN_DEFAULTS,
  hidden: 8,
  batchSize: 16,
  learningStarts: 32,
  trainFrequency: 1,
  gradientSteps: 1,
  chunkSteps: 100,
  targetNetworkFrequency: 50,
  totalSteps: 5000,
};

/** Everything but the wall-clock fields. */
const strip = (m: OffPolicyMetrics) => ({ ...m, rolloutMs: 0, sampleMs: 0, learnMs: 0, updatesPerSec: 0 });

describe('DQN trainer', () => {
  it('leaks no tensors over 1,000 gradient steps (all switches)', async () => {
    for (const sw of [{}, { double: true, replay: false, targetNetwork: false, loss: 'mse' as const }]) {
      const tr = new DqnTrainer({ ...tiny, ...sw }, cartPoleEnv());
      await tr.update();
      const n = tf.memory().numTensors;
      while (tr.gradientStepsDone < 1000) await tr.update();
      expect(tf.memory().numTensors).toBe(n);
      tr.dispose();
    }
  });

  it('same seed on cpu gives identical metrics; another seed does not', async () => {
    const run = async (seed: number) => {
      const tr = new DqnTrainer({ ...tiny, seed }, cartPoleEnv());
      const ms = [];
      for (let k = 0; k < 3; k++) ms.push(strip(await tr.update()));
      tr.dispose();
      return ms;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(await run(6)).not.toEqual(a);
  });

  it('follows the epsilon schedule and counts steps and gradient steps as CleanRL does', async () => {
    expect(linearSchedule(1, 0.05, 100, 0)).toBe(1);
    expect(linearSchedule(1, 0.05, 100, 50)).toBeCloseTo(0.525, 12);
    expect(linearSchedule(1, 0.05, 100, 1000)).toBe(0.05);
    const tr = new DqnTrainer({ ...tiny, trainFrequency: 4, gradientSteps: 2 }, cartPoleEnv());
    const m = await tr.update();
    // training at t = 36, 40, …, 96 (t > 32, t % 4 = 0): 16 blocks of 2
    expect(m.steps).toBe(100);
    expect(m.gradientSteps).toBe(32);
    expect(m.epsilon).toBeCloseTo(
      linearSchedule(1, 0.05, tiny.explorationFraction * tiny.totalSteps, 100),
      12,
    );
    // a new final ε applies at once after the decay (here: a decay over 50 steps)
    tr.config.explorationFraction = 0.01;
    tr.setLive({ endE: 0.3, learningRate: 1e-4 });
    const m2 = await tr.update();
    expect(m2.epsilon).toBe(0.3);
    expect(m2.learningRate).toBe(1e-4);
    tr.dispose();
  });

  it('learns CartPole: the mean return of the last 20 episodes rises well above a random policy', async () => {
    const tr = new DqnTrainer({ ...DQN_DEFAULTS, hidden: 32, seed: 1 }, cartPoleEnv());
    let m = await tr.update();
    const first = m.returnMean20;
    while (m.steps < 10_000) m = await tr.update();
    expect(first).toBeLessThan(35);
    expect(m.returnMean20).toBeGreaterThan(80);
    // the readout has data: Q on recent episodes and their Monte Carlo returns
    expect(Number.isFinite(m.qEpisodes) && Number.isFinite(m.mcReturn)).toBe(true);
    tr.dispose();
  }, 300_000);

  it('offline mode trains from a given buffer without stepping the environment', async () => {
    const env = cartPoleEnv();
    let stepped = 0;
    const watched: OffPolicyEnv = { ...env, step: (a) => (stepped++, env.step(a)) };
    const data = new ReplayBuffer(200, 4, 1);
    const online = new DqnTrainer(tiny, watched);
    await online.update();
    await online.update();
    online.dispose();
    const before = stepped;
    // log 200 transitions of a random policy by hand
    const rngEnv = cartPoleEnv();
    const { createRng } = await import('@/rl');
    const rng = createRng(2);
    let o = Array.from(rngEnv.reset(rng));
    for (let t = 0; t < 200; t++) {
      const a = Float32Array.of(t % 2);
      const r = rngEnv.step(a);
      data.add(o, a, r.reward, r.obs, r.terminated);
      o = r.terminated || r.truncated ? Array.from(rngEnv.reset(rng)) : Array.from(r.obs);
    }
    const off = new DqnTrainer({ ...tiny, chunkSteps: 20 }, watched, { offline: data });
    const m = await off.update();
    expect(stepped).toBe(before);
    expect(m.steps).toBe(0);
    expect(m.gradientSteps).toBe(20);
    expect(Number.isFinite(m.qLoss)).toBe(true);
    off.dispose();
  });

  it('stops with an explanation when the loss becomes NaN', async () => {
    const env = cartPoleEnv();
    const poisoned: OffPolicyEnv = {
      ...env,
      step: (a) => ({ ...env.step(a), reward: NaN }),
    };
    const tr = new DqnTrainer(tiny, poisoned);
    await expect(tr.update()).rejects.toBeInstanceOf(TrainingError);
    await expect(new DqnTrainer(tiny, poisoned).update()).rejects.toThrow(/NaN/);
  });
});

describe('DQN with a shadow critic', () => {
  it('never acts (the run is the same with it) and, with the Double target, reads lower Q on the same steps', async () => {
    // the defaults (the tiny net above diverges: both critics' Q run away, which says nothing about the target)
    const cfg: DqnConfig = { ...DQN_DEFAULTS, chunkSteps: 2000, totalSteps: 50_000, seed: 4 };
    const run = async (shadow: boolean) => {
      const tr = new DqnTrainer({ ...cfg, shadow }, cartPoleEnv());
      const ms: OffPolicyMetrics[] = [];
      for (let k = 0; k < 10; k++) ms.push(await tr.update());
      tr.dispose();
      return ms;
    };
    const off = await run(false);
    const on = await run(true);
    const noShadow = (m: OffPolicyMetrics) => ({ ...strip(m), qShadow: 0 });
    expect(on.map(noShadow)).toEqual(off.map(noShadow));
    expect(off.every((m) => Number.isNaN(m.qShadow))).toBe(true);
    const gaps = on.slice(1).map((m) => m.qShadow - m.qEpisodes);
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeLessThan(0);
  }, 120_000);
});
