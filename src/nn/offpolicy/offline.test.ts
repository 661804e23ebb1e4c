import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@/rl';
import { defaultConfig, type OfflineConfig, type OfflineDataset } from '@/spec';
import { makeOffPolicyEnv } from './env';
import { FlatVarAdam } from './flat-adam';
import { FlatNet } from './flat-net';
import { initLinearTorch, pack, type Sizes } from './net';
import { cqlLossAndGrads, iqlValueLossAndGrads } from './offline-losses';
import { OfflineTrainer } from './offline';
import type { DqnBatch } from './dqn-loss';
import type { OffPolicyMetrics } from './metrics';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** CartPole transitions of a pole-following heuristic with ε-random actions (a stand-in for a trained agent). */
function logHeuristic(n: number, epsilon: number, seed: number): OfflineDataset {
  const env = makeOffPolicyEnv('CartPole-v1');
  const rng = createRng(seed);
  const d: OfflineDataset = {
    env: 'CartPole-v1',
    size: n,
    obs: new Float32Array(4 * n),
    nextObs: new Float32Array(4 * n),
    actions: new Float32Array(n),
    rewards: new Float32Array(n),
    terminated: new Uint8Array(n),
    behaviour: { label: 'heuristic', epsilon, episodes: 0, meanReturn: NaN },
  };
  let o = Float32Array.from(env.reset(rng));
  for (let i = 0; i < n; i++) {
    const a = rng.uniform() < epsilon ? rng.int(2) : o[2] + 0.5 * o[3] > 0 ? 1 : 0;
    const r = env.step(Float32Array.of(a));
    d.obs.set(o, 4 * i);
    d.nextObs.set(Array.from(r.obs), 4 * i);
    d.actions[i] = a;
    d.rewards[i] = r.reward;
    d.terminated[i] = r.terminated ? 1 : 0;
    o = r.terminated || r.truncated ? Float32Array.from(env.reset(rng)) : Float32Array.from(r.obs);
  }
  return d;
}

const data = logHeuristic(2000, 0.2, 3);
const tiny = (method: OfflineConfig['method'], over: Partial<OfflineConfig> = {}): OfflineConfig => ({
  ...defaultConfig('offline'),
  method,
  hidden: 16,
  batchSize: 32,
  chunkSteps: 20,
  evalEpisodes: 1,
  totalSteps: 200,
  ...over,
});
/** Everything but the wall-clock fields. */
const strip = (m: OffPolicyMetrics) => ({ ...m, rolloutMs: 0, learnMs: 0, updatesPerSec: 0, sampleMs: 0 });

/** A fixed batch of the dataset as the DQN batch tensors. */
function fixedBatch(n: number): DqnBatch {
  const idx = Array.from({ length: n }, (_, k) => (k * 37) % data.size);
  const pick = (a: Float32Array, w: number) => idx.flatMap((i) => Array.from(a.subarray(i * w, (i + 1) * w)));
  return {
    obs: tf.tensor2d(pick(data.obs, 4), [n, 4]),
    nextObs: tf.tensor2d(pick(data.nextObs, 4), [n, 4]),
    oneHot: tf.oneHot(
      tf.tensor1d(
        idx.map((i) => data.actions[i]),
        'int32',
      ),
      2,
    ) as tf.Tensor2D,
    reward: tf.tensor1d(idx.map((i) => data.rewards[i])),
    terminated: tf.tensor1d(idx.map((i) => data.terminated[i])),
  };
}

describe('offline losses as the trainer steps them', () => {
  const sizes: Sizes = [4, 16, 16, 2];

  it('Adam steps on the CQL(H) loss reduce it on a fixed batch (targets held fixed)', () => {
    const net = new FlatNet(initLinearTorch(sizes, createRng(4)), sizes);
    const opt = new FlatVarAdam(net, 1e-2);
    const b = fixedBatch(64);
    const y = tf.add(b.reward, 5) as tf.Tensor1D; // any fixed target
    const loss = () => tf.tidy(() => cqlLossAndGrads(net.weights(), b, y, 1).stats.dataSync()[0]);
    const before = loss();
    for (let k = 0; k < 20; k++)
      tf.tidy(() => opt.apply(pack(cqlLossAndGrads(net.weights(), b, y, 1).grads)));
    expect(loss()).toBeLessThan(0.7 * before);
    net.dispose();
    opt.dispose();
  });

  it("Adam steps on IQL's expectile value loss reduce it on a fixed batch", () => {
    const vSizes: Sizes = [4, 16, 16, 1];
    const net = new FlatNet(initLinearTorch(vSizes, createRng(5)), vSizes);
    const opt = new FlatVarAdam(net, 1e-2);
    const b = fixedBatch(64);
    const qHat = tf.add(tf.mul(b.reward, 3), tf.sum(b.obs, 1)) as tf.Tensor1D;
    const loss = () =>
      tf.tidy(() => iqlValueLossAndGrads(net.weights(), b.obs, qHat, 0.7).stats.dataSync()[0]);
    const before = loss();
    for (let k = 0; k < 20; k++)
      tf.tidy(() => opt.apply(pack(iqlValueLossAndGrads(net.weights(), b.obs, qHat, 0.7).grads)));
    expect(loss()).toBeLessThan(0.5 * before);
    net.dispose();
    opt.dispose();
  });
});

describe('OfflineTrainer', () => {
  for (const method of ['dqn', 'cql', 'iql'] as const) {
    it(`${method}: same seed gives the same metrics on cpu, another seed does not; no tensor leaks`, async () => {
      const run = async (seed: number) => {
        const tr = new OfflineTrainer(tiny(method, { seed }), makeOffPolicyEnv('CartPole-v1'), data);
        const out = [];
        out.push(strip(await tr.update()));
        const n = tf.memory().numTensors;
        for (let k = 0; k < 3; k++) out.push(strip(await tr.update()));
        expect(tf.memory().numTensors).toBe(n);
        tr.dispose();
        return out;
      };
      const a = await run(7);
      expect(await run(7)).toEqual(a);
      expect(await run(8)).not.toEqual(a);
      // steps count gradient steps; each report ran its evaluation episodes
      expect(a[3].steps).toBe(80);
      expect(a[3].gradientSteps).toBe(80);
      expect(a[3].episodes).toBe(4);
      expect(a[3].episodeReturns.length).toBe(1);
      expect(Number.isFinite(a[3].returnMean20)).toBe(true);
      expect(Number.isFinite(a[3].qEpisodes) && Number.isFinite(a[3].mcReturn)).toBe(true);
    });
  }

  it('stops at the budget: the last report runs only the steps left', async () => {
    const tr = new OfflineTrainer(tiny('cql', { totalSteps: 50 }), makeOffPolicyEnv('CartPole-v1'), data);
    const steps = [];
    for (let k = 0; k < 3; k++) steps.push((await tr.update()).steps);
    expect(steps).toEqual([20, 40, 50]);
    tr.dispose();
  });

  it('CQL keeps Q lower than naive DQN on the same data (the conservative term pushes the soft maximum down)', async () => {
    const q = async (method: 'dqn' | 'cql') => {
      const tr = new OfflineTrainer(
        tiny(method, { totalSteps: 400, chunkSteps: 400, cqlAlpha: 5 }),
        makeOffPolicyEnv('CartPole-v1'),
        data,
      );
      const m = await tr.update();
      tr.dispose();
      return m.qMean;
    };
    expect(await q('cql')).toBeLessThan(await q('dqn'));
  });

  it('refuses to build without a dataset, or with one of another shape, saying why', () => {
    const env = makeOffPolicyEnv('CartPole-v1');
    expect(() => new OfflineTrainer(tiny('cql'), env, null)).toThrow(/no dataset/);
    const short = { ...data, rewards: data.rewards.subarray(0, 10) };
    expect(() => new OfflineTrainer(tiny('cql'), env, short)).toThrow(/rewards must hold 2000 numbers/);
    const acrobot = { ...data, env: 'Acrobot-v1' as const };
    expect(() => new OfflineTrainer(tiny('cql'), env, acrobot)).toThrow(
      /logged on Acrobot-v1, not CartPole-v1/,
    );
    const badAction = { ...data, actions: Float32Array.from(data.actions, (a, i) => (i === 5 ? 2 : a)) };
    expect(() => new OfflineTrainer(tiny('cql'), env, badAction)).toThrow(/action 5 is 2/);
  });
});
