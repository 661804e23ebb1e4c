import * as tf from './tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { PPO_DEFAULTS, REINFORCE_DEFAULTS, type PpoConfig, type ReinforceConfig } from './config';
import { PpoTrainer } from './ppo';
import { ReinforceTrainer } from './reinforce';
import { TrainingError } from './trainer';
import type { UpdateMetrics } from './metrics';
import { makeRng } from './rl-bridge';
import { SyncVecEnv } from './vec-env';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tinyPpo: PpoConfig = {
  ...PPO_DEFAULTS,
  numEnvs: 2,
  numSteps: 16,
  hidden: 8,
  updateEpochs: 2,
  numMinibatches: 2,
  entCoef: 0.01,
};
const tinyRf: ReinforceConfig = {
  ...REINFORCE_DEFAULTS,
  numEnvs: 2,
  batchSteps: 40,
  hidden: 8,
  valueEpochs: 2,
};

/** Everything but the wall-clock fields. */
const strip = (m: UpdateMetrics) => ({ ...m, rolloutMs: 0, learnMs: 0 });

describe('PPO', () => {
  it('leaks no tensors across 100 updates', async () => {
    const tr = new PpoTrainer(tinyPpo);
    await tr.update();
    const n = tf.memory().numTensors;
    for (let k = 0; k < 100; k++) await tr.update();
    expect(tf.memory().numTensors).toBe(n);
    tr.dispose();
  });

  it('same seed on cpu gives identical metrics; another seed does not', async () => {
    const run = async (seed: number) => {
      const tr = new PpoTrainer({ ...tinyPpo, seed });
      const ms = [];
      for (let k = 0; k < 4; k++) ms.push(strip(await tr.update()));
      tr.dispose();
      return ms;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });

  it('reports the diagnostics: finite losses, KL ≥ 0, clip fraction in [0, 1], TV ≤ sqrt(KL/2) per state', async () => {
    const tr = new PpoTrainer({ ...tinyPpo, learningRate: 0.01 });
    for (let k = 0; k < 3; k++) {
      const m = await tr.update();
      expect(Number.isFinite(m.policyLoss) && Number.isFinite(m.valueLoss)).toBe(true);
      expect(m.klMean).toBeGreaterThanOrEqual(0);
      expect(m.clipFraction).toBeGreaterThanOrEqual(0);
      expect(m.clipFraction).toBeLessThanOrEqual(1);
      expect(m.tvMax).toBeLessThanOrEqual(Math.sqrt(m.klMax / 2) + 1e-5);
      expect(m.ratioHist.counts.reduce((a, b) => a + b, 0)).toBe(32);
      expect(m.steps).toBe(32 * m.update);
    }
    tr.dispose();
  });

  it('applies live hyperparameters at the next update (with annealing)', async () => {
    const tr = new PpoTrainer({ ...tinyPpo, annealLr: false });
    expect((await tr.update()).learningRate).toBe(tinyPpo.learningRate);
    tr.setLive({ learningRate: 1e-4 });
    expect((await tr.update()).learningRate).toBe(1e-4);
    tr.dispose();
  });

  it('learns CartPole: the mean return climbs well above a random policy within 12 updates', async () => {
    const tr = new PpoTrainer({ ...PPO_DEFAULTS, seed: 1 });
    let m = await tr.update();
    const first = m.returnMean20;
    for (let k = 0; k < 11; k++) m = await tr.update();
    expect(first).toBeLessThan(40);
    expect(m.returnMean20).toBeGreaterThan(2 * first);
    expect(m.returnMean20).toBeGreaterThan(60);
    tr.dispose();
  }, 60_000);

  it('stops with an explanation when a loss becomes NaN', async () => {
    // An environment whose observations are NaN poisons the forward pass.
    const env = new SyncVecEnv(
      () => ({
        reset: () => [NaN, 0, 0, 0],
        step: () => ({ obs: [NaN, 0, 0, 0], reward: 1, terminated: false, truncated: false }),
      }),
      2,
      4,
      2,
      makeRng(1),
    );
    const tr = new PpoTrainer(tinyPpo, env);
    await expect(tr.update()).rejects.toBeInstanceOf(TrainingError);
    await expect(new PpoTrainer(tinyPpo, env).update()).rejects.toThrow(/NaN|infinite/);
  });
});

describe('REINFORCE', () => {
  it.each(['total-return', 'reward-to-go', 'reward-to-go-baseline'] as const)(
    '%s leaks no tensors across 100 updates',
    async (variant) => {
      const tr = new ReinforceTrainer({ ...tinyRf, variant });
      await tr.update();
      const n = tf.memory().numTensors;
      for (let k = 0; k < 100; k++) await tr.update();
      expect(tf.memory().numTensors).toBe(n);
      tr.dispose();
    },
  );

  it('same seed gives identical metrics', async () => {
    const run = async () => {
      const tr = new ReinforceTrainer({ ...tinyRf, seed: 3 });
      const ms = [];
      for (let k = 0; k < 3; k++) ms.push(strip(await tr.update()));
      tr.dispose();
      return ms;
    };
    expect(await run()).toEqual(await run());
  });

  it('collects only complete episodes and counts their steps', async () => {
    const tr = new ReinforceTrainer(tinyRf);
    const m = await tr.update();
    expect(m.episodeLengths.reduce((a, b) => a + b, 0)).toBe(m.steps);
    expect(m.steps).toBeGreaterThanOrEqual(tinyRf.batchSteps);
    expect(m.episodeReturns).toEqual(m.episodeLengths); // CartPole: reward 1 per step
    tr.dispose();
  });
});
