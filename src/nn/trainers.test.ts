import * as tf from './tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PPO_DEFAULTS,
  REINFORCE_DEFAULTS,
  type PpoConfig,
  type ReinforceConfig,
  type UpdateMetrics,
} from '@/spec';
import { PpoTrainer } from './ppo';
import { ReinforceTrainer } from './reinforce';
import { TrainingError } from './trainer';
import { makeRng } from './rl-bridge';
import { SyncVecEnv, type VecEnv, type VecStep } from './vec-env';

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
      expect(m.ratioHist!.counts.reduce((a, b) => a + b, 0)).toBe(32);
      expect(m.steps).toBe(32 * m.update);
    }
    tr.dispose();
  });

  it('the learning rate scales the step: live changes apply at the next update, annealing lowers it', async () => {
    /** Size of the change of every weight (actor and critic) over one update. */
    const moved = async (tr: PpoTrainer) => {
      const before = tr.actor().tensors.map((t) => t.slice());
      await tr.update();
      return (
        tr
          .actor()
          .tensors.reduce((a, t, k) => a + t.reduce((b, v, j) => b + (v - before[k][j]) ** 2, 0), 0) ** 0.5
      );
    };
    const cfg = { ...tinyPpo, annealLr: false, learningRate: 1e-3 };
    const a = new PpoTrainer(cfg);
    const b = new PpoTrainer(cfg);
    await a.update();
    await b.update();
    b.setLive({ learningRate: 1e-5 });
    const [da, db] = [await moved(a), await moved(b)];
    // Adam's step is about lr per weight: 100 times the learning rate, far more than 10 times the move.
    expect(da / db).toBeGreaterThan(10);
    a.dispose();
    b.dispose();
    // Annealing: the reported rate falls linearly and the moves with it (4 updates in the budget).
    const annealed = new PpoTrainer({ ...tinyPpo, learningRate: 1e-3, totalSteps: 4 * 32 });
    const flat = new PpoTrainer({ ...tinyPpo, learningRate: 1e-3, annealLr: false });
    const rates: number[] = [];
    for (let k = 0; k < 3; k++) {
      rates.push((await annealed.update()).learningRate);
      await flat.update();
    }
    expect(rates).toEqual([1e-3, 0.75e-3, 0.5e-3]);
    expect((await moved(annealed)) / (await moved(flat))).toBeLessThan(0.5);
    annealed.dispose();
    flat.dispose();
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

describe('PPO with a Gaussian head (box actions)', () => {
  const boxPpo: PpoConfig = { ...tinyPpo, env: 'Pendulum-v1', normReward: true };

  it('leaks no tensors, is reproducible on cpu, and reports finite diagnostics', async () => {
    const tr = new PpoTrainer(boxPpo);
    await tr.update();
    const n = tf.memory().numTensors;
    for (let k = 0; k < 50; k++) await tr.update();
    expect(tf.memory().numTensors).toBe(n);
    tr.dispose();
    const run = async (seed: number) => {
      const t = new PpoTrainer({ ...boxPpo, seed, learningRate: 0.01 });
      const ms = [];
      for (let k = 0; k < 3; k++) ms.push(strip(await t.update()));
      const actor = t.actor();
      t.dispose();
      return { ms, actor };
    };
    const a = await run(5);
    expect((await run(5)).ms).toEqual(a.ms);
    expect((await run(6)).ms).not.toEqual(a.ms);
    for (const m of a.ms) {
      expect(m.klMean).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(m.klMean) && Number.isFinite(m.policyLoss)).toBe(true);
      expect(m.ratioHist!.counts.reduce((x, y) => x + y, 0)).toBe(32);
      // Pendulum's reward is in [−16.3, 0]: the reported returns are the env's, not the scaled rewards
      for (const r of m.episodeReturns) expect(r).toBeLessThanOrEqual(0);
    }
    // the actor is a Gaussian head: means out, one log-std per action dimension, which learning has moved
    expect(a.actor.head).toBe('gaussian');
    expect(a.actor.sizes[3]).toBe(1);
    expect(a.actor.logStd).toHaveLength(1);
    expect(a.actor.logStd![0]).not.toBe(0);
  });

  it('the entropy it reports is the Gaussian entropy of its log-std', async () => {
    const tr = new PpoTrainer({ ...boxPpo, learningRate: 0 });
    const m = await tr.update();
    // lr 0: log-std stays 0, H = ½ + ½ log 2π per dimension
    expect(m.entropy).toBeCloseTo(0.5 + 0.5 * Math.log(2 * Math.PI), 5);
    expect(m.klMean).toBe(0);
    tr.dispose();
  });
  it('starts its log-std at logStdInit: the reported entropy and the spread of the actions follow it', async () => {
    const env = new RecordingBoxEnv(8, 1000);
    const tr = new PpoTrainer({ ...boxPpo, numEnvs: 8, numSteps: 64, learningRate: 0, logStdInit: -1 }, env);
    const m = await tr.update();
    expect(tr.actor().logStd![0]).toBeCloseTo(-1, 6);
    expect(m.entropy).toBeCloseTo(-1 + 0.5 + 0.5 * Math.log(2 * Math.PI), 5);
    // constant observations, so μ is one number: the actions' sample std is σ = e^-1 (512 draws: within 15%)
    const a = env.actions.flat();
    const mean = a.reduce((x, y) => x + y, 0) / a.length;
    const sd = Math.sqrt(a.reduce((x, y) => x + (y - mean) ** 2, 0) / (a.length - 1));
    expect(Math.abs(sd / Math.exp(-1) - 1)).toBeLessThan(0.15);
    tr.dispose();
  });

  it('noiseHold keeps each env’s ε for that many steps and redraws it when an episode ends', async () => {
    // episodes of 6 steps, ε held for 4: fresh draws at steps 0, 4 | 6, 10 | 12, 16 | …
    const env = new RecordingBoxEnv(3, 6);
    const tr = new PpoTrainer(
      { ...boxPpo, numEnvs: 3, numSteps: 24, numMinibatches: 2, learningRate: 0, noiseHold: 4 },
      env,
    );
    await tr.update();
    const fresh = (t: number) => t % 6 === 0 || t % 6 === 4;
    for (let e = 0; e < 3; e++)
      for (let t = 1; t < 24; t++) {
        const a = env.actions[t][e];
        const prev = env.actions[t - 1][e];
        if (fresh(t)) expect(a).not.toBe(prev);
        else expect(a).toBe(prev);
      }
    // the envs draw independently
    expect(env.actions[0][0]).not.toBe(env.actions[0][1]);
    tr.dispose();
    // hold 1 is CleanRL's independent draw every step
    const env1 = new RecordingBoxEnv(3, 6);
    const tr1 = new PpoTrainer(
      { ...boxPpo, numEnvs: 3, numSteps: 24, numMinibatches: 2, learningRate: 0 },
      env1,
    );
    await tr1.update();
    for (let t = 1; t < 24; t++) expect(env1.actions[t][0]).not.toBe(env1.actions[t - 1][0]);
    tr1.dispose();
  });
  // Learning Pendulum is shown in real Chromium (e2e/training-envs.spec.ts) and measured by the bench: on the cpu
  // backend it takes minutes.
});

/**
 * A one-dimensional box env whose observation never changes (so the policy's mean is one number) and whose episodes
 * last `episodeLength` steps; it records the actions it is given, `actions[t][e]`.
 */
class RecordingBoxEnv implements VecEnv {
  readonly obsSize = 3;
  readonly numActions = 1;
  readonly actionKind = 'box' as const;
  readonly actions: number[][] = [];
  private t: Int32Array;
  constructor(
    readonly numEnvs: number,
    private readonly episodeLength: number,
  ) {
    this.t = new Int32Array(numEnvs);
  }
  reset(obs: Float32Array): void {
    obs.fill(0.5);
    this.t.fill(0);
  }
  step(actions: ArrayLike<number>, out: VecStep): void {
    this.actions.push(Array.from(actions));
    out.obs.fill(0.5);
    out.finalObs.fill(0.5);
    for (let e = 0; e < this.numEnvs; e++) {
      out.rewards[e] = -1;
      this.t[e] += 1;
      const done = this.t[e] === this.episodeLength;
      out.terminated[e] = done ? 1 : 0;
      out.truncated[e] = 0;
      if (done) {
        out.episodeReturn[e] = -this.episodeLength;
        out.episodeLength[e] = this.episodeLength;
        this.t[e] = 0;
      }
    }
  }
}

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

  it('the learning rate scales the step (live change applied at the next update)', async () => {
    const moved = async (tr: ReinforceTrainer) => {
      const before = tr.actor().tensors.map((t) => t.slice());
      await tr.update();
      return (
        tr
          .actor()
          .tensors.reduce((a, t, k) => a + t.reduce((b, v, j) => b + (v - before[k][j]) ** 2, 0), 0) ** 0.5
      );
    };
    const a = new ReinforceTrainer({ ...tinyRf, learningRate: 1e-3 });
    const b = new ReinforceTrainer({ ...tinyRf, learningRate: 1e-3 });
    b.setLive({ learningRate: 1e-5 });
    expect((await moved(a)) / (await moved(b))).toBeGreaterThan(10);
    a.dispose();
    b.dispose();
  });

  it('trains a Gaussian head on a box env: no leak, reproducible, the log-std learns', async () => {
    const cfg: ReinforceConfig = { ...tinyRf, env: 'Pendulum-v1', batchSteps: 200, learningRate: 0.01 };
    const tr = new ReinforceTrainer(cfg);
    await tr.update();
    const n = tf.memory().numTensors;
    for (let k = 0; k < 5; k++) await tr.update();
    expect(tf.memory().numTensors).toBe(n);
    const actor = tr.actor();
    expect(actor.head).toBe('gaussian');
    expect(actor.logStd![0]).not.toBe(0);
    tr.dispose();
    const run = async () => {
      const t = new ReinforceTrainer({ ...cfg, seed: 4 });
      const ms = [];
      for (let k = 0; k < 2; k++) ms.push(strip(await t.update()));
      t.dispose();
      return ms;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a[1].klMean).toBeGreaterThan(0);
    expect(a[1].episodeLengths.every((l) => l === 200)).toBe(true);
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
