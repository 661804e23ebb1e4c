import * as tf from './tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { initMlp } from './mlp';
import { ppoLossAndGrads, type MlpWeights, type PpoCoefs, type PpoMinibatch } from './ppo-grads';
import { makeRng } from './rl-bridge';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const M = 64;
const sizes = { d: 4, h: 8, A: 3 };

/** Random weights and a minibatch whose ratios and value changes straddle the clip range. */
function setup(seed: number) {
  const rng = makeRng(seed);
  const mk = (out: number, gain: number) =>
    initMlp([sizes.d, sizes.h, sizes.h, out], gain, rng).tensors.map((t, k) => {
      // Non-zero biases, so their gradients are exercised too.
      const shape = [[sizes.d, sizes.h], [sizes.h], [sizes.h, sizes.h], [sizes.h], [sizes.h, out], [out]][k];
      return tf.tensor(
        t.map((x) => x + 0.1 * rng.normal()),
        shape,
      );
    });
  const actor = mk(sizes.A, 1);
  const critic = mk(1, 1);
  const obs = tf.tensor2d(
    Array.from({ length: M * sizes.d }, () => rng.normal()),
    [M, sizes.d],
  );
  const acts = Array.from({ length: M }, () => Math.floor(rng.uniform() * sizes.A));
  const oneHot = tf.cast(tf.oneHot(tf.tensor1d(acts, 'int32'), sizes.A), 'float32') as tf.Tensor2D;
  const logp = tf.tidy(() => {
    const h1 = tf.tanh(tf.add(tf.matMul(obs, actor[0] as tf.Tensor2D), actor[1]));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, actor[2] as tf.Tensor2D), actor[3]));
    return tf.sum(tf.mul(tf.logSoftmax(tf.add(tf.matMul(h2, actor[4] as tf.Tensor2D), actor[5])), oneHot), 1);
  });
  const v = tf.tidy(() => {
    const h1 = tf.tanh(tf.add(tf.matMul(obs, critic[0] as tf.Tensor2D), critic[1]));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, critic[2] as tf.Tensor2D), critic[3]));
    return tf.reshape(tf.add(tf.matMul(h2, critic[4] as tf.Tensor2D), critic[5]), [M]);
  });
  const noise = (scale: number) => tf.tensor1d(Array.from({ length: M }, () => scale * rng.normal()));
  const mb: PpoMinibatch = {
    obs,
    oneHot,
    oldLogp: tf.add(logp, noise(0.4)) as tf.Tensor1D, // ratios from about 0.4 to 2.5
    adv: noise(1),
    ret: tf.add(v, noise(1)) as tf.Tensor1D,
    oldVal: tf.add(v, noise(0.4)) as tf.Tensor1D, // |V − V_old| on both sides of ε
  };
  return { actor, critic, mb };
}

/**
 * The same loss written with ordinary ops, for `tf.grads` (the reference the hand-derived gradient is tested
 * against).
 */
function ppoLossReference(actor: MlpWeights, critic: MlpWeights, mb: PpoMinibatch, c: PpoCoefs): tf.Scalar {
  const apply = (w: MlpWeights, x: tf.Tensor2D) => {
    const h1 = tf.tanh(tf.add(tf.matMul(x, w[0] as tf.Tensor2D), w[1]));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, w[2] as tf.Tensor2D), w[3]));
    return tf.add(tf.matMul(h2, w[4] as tf.Tensor2D), w[5]) as tf.Tensor2D;
  };
  const logp = tf.logSoftmax(apply(actor, mb.obs));
  const newLogp = tf.sum(tf.mul(logp, mb.oneHot), 1);
  const ratio = tf.exp(tf.sub(newLogp, mb.oldLogp));
  const clipped = Number.isFinite(c.clip);
  const pg1 = tf.mul(tf.neg(mb.adv), ratio);
  const pg2 = tf.mul(tf.neg(mb.adv), clipped ? tf.clipByValue(ratio, 1 - c.clip, 1 + c.clip) : ratio);
  const pgLoss = tf.mean(tf.maximum(pg1, pg2));
  const entropy = tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1)));
  const v = tf.reshape(apply(critic, mb.obs), [-1]);
  let vLoss: tf.Tensor;
  if (c.clipVloss && clipped) {
    const vClip = tf.add(mb.oldVal, tf.clipByValue(tf.sub(v, mb.oldVal), -c.clip, c.clip));
    vLoss = tf.mul(0.5, tf.mean(tf.maximum(tf.square(tf.sub(v, mb.ret)), tf.square(tf.sub(vClip, mb.ret)))));
  } else vLoss = tf.mul(0.5, tf.mean(tf.square(tf.sub(v, mb.ret))));
  return tf.add(tf.sub(pgLoss, tf.mul(c.entCoef, entropy)), tf.mul(c.vfCoef, vLoss)) as tf.Scalar;
}

const cases: Array<[string, PpoCoefs]> = [
  ['clipped, value clipping, entropy bonus', { clip: 0.2, entCoef: 0.05, vfCoef: 0.5, clipVloss: true }],
  ['clipped, plain value loss, no entropy', { clip: 0.1, entCoef: 0, vfCoef: 1, clipVloss: false }],
  ['clipping off (ε = ∞)', { clip: Infinity, entCoef: 0.01, vfCoef: 0.5, clipVloss: true }],
];

describe('hand-derived PPO gradient', () => {
  for (const [name, coefs] of cases) {
    it(`equals tf.grads of the same loss: ${name}`, () => {
      for (const seed of [1, 2, 3]) {
        const { actor, critic, mb } = setup(seed);
        const all = [...actor, ...critic];
        const ref = tf.grads((...w: tf.Tensor[]) => ppoLossReference(w.slice(0, 6), w.slice(6), mb, coefs))(
          all,
        );
        const mine = ppoLossAndGrads(actor, critic, mb, coefs);
        const refLoss = ppoLossReference(actor, critic, mb, coefs).dataSync()[0];
        expect(mine.stats.loss.dataSync()[0]).toBeCloseTo(refLoss, 5);
        ref.forEach((g, k) => {
          const a = g.dataSync();
          const b = mine.grads[k].dataSync();
          expect(b.length).toBe(a.length);
          const scale = Math.max(1e-3, ...Array.from(a, Math.abs));
          for (let j = 0; j < a.length; j++) expect(Math.abs(a[j] - b[j]) / scale).toBeLessThan(2e-5);
        });
      }
    });
  }

  it('exercises both sides of the clip range (the test data are not all inside it)', () => {
    const { actor, critic, mb } = setup(1);
    const clipFraction = ppoLossAndGrads(actor, critic, mb, cases[0][1]).stats.clipFraction.dataSync()[0];
    expect(clipFraction).toBeGreaterThan(0.2);
    expect(clipFraction).toBeLessThan(0.95);
  });
});
