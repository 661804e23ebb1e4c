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
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

const applyMlp = (w: MlpWeights, x: tf.Tensor2D) => {
  const h1 = tf.tanh(tf.add(tf.matMul(x, w[0] as tf.Tensor2D), w[1]));
  const h2 = tf.tanh(tf.add(tf.matMul(h1, w[2] as tf.Tensor2D), w[3]));
  return tf.add(tf.matMul(h2, w[4] as tf.Tensor2D), w[5]) as tf.Tensor2D;
};

/** The diagonal Gaussian's log-density of `a`, written directly (the reference for the Gaussian head). */
const gaussLogp = (mean: tf.Tensor2D, logStd: tf.Tensor, a: tf.Tensor2D) =>
  tf.sum(
    tf.sub(tf.mul(-0.5, tf.square(tf.div(tf.sub(a, mean), tf.exp(logStd)))), tf.add(logStd, HALF_LOG_2PI)),
    1,
  );

/** Random weights and a minibatch whose ratios and value changes straddle the clip range. */
function setup(seed: number, gaussian = false) {
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
  // Gaussian: a log-std away from 0 in each dimension, actions drawn around the means (some far out).
  const logStd = tf.tensor1d(Array.from({ length: sizes.A }, () => 0.5 * rng.normal()));
  let action: tf.Tensor2D;
  let logp: tf.Tensor1D;
  if (gaussian) {
    const mean = applyMlp(actor, obs);
    // samples at 1.5 standard deviations' scale, as a rollout's (some in the tails)
    const eps = tf.tensor2d(
      Array.from({ length: M * sizes.A }, () => 1.5 * rng.normal()),
      [M, sizes.A],
    );
    action = tf.add(mean, tf.mul(eps, tf.exp(logStd))) as tf.Tensor2D;
    logp = gaussLogp(mean, logStd, action) as tf.Tensor1D;
  } else {
    const acts = Array.from({ length: M }, () => Math.floor(rng.uniform() * sizes.A));
    action = tf.cast(tf.oneHot(tf.tensor1d(acts, 'int32'), sizes.A), 'float32') as tf.Tensor2D;
    logp = tf.sum(tf.mul(tf.logSoftmax(applyMlp(actor, obs)), action), 1) as tf.Tensor1D;
  }
  const v = tf.reshape(applyMlp(critic, obs), [M]);
  const noise = (scale: number) => tf.tensor1d(Array.from({ length: M }, () => scale * rng.normal()));
  const mb: PpoMinibatch = {
    obs,
    action,
    oldLogp: tf.add(logp, noise(0.4)) as tf.Tensor1D, // ratios from about 0.4 to 2.5
    adv: noise(1),
    ret: tf.add(v, noise(1)) as tf.Tensor1D,
    oldVal: tf.add(v, noise(0.4)) as tf.Tensor1D, // |V − V_old| on both sides of ε
  };
  return { actor, critic, mb, logStd };
}

/**
 * The same loss written with ordinary ops, for `tf.grads` (the reference the hand-derived gradient is tested
 * against).
 */
function ppoLossReference(
  actor: MlpWeights,
  critic: MlpWeights,
  mb: PpoMinibatch,
  c: PpoCoefs,
  logStd?: tf.Tensor,
): tf.Scalar {
  const apply = applyMlp;
  let newLogp: tf.Tensor;
  let entropy: tf.Tensor;
  if (logStd) {
    newLogp = gaussLogp(apply(actor, mb.obs), logStd, mb.action);
    // the entropy of each row's diagonal Gaussian, by the textbook formula, averaged over rows
    entropy = tf.mean(
      tf.sum(tf.add(tf.mul(tf.ones([M, sizes.A]), 0.5 + HALF_LOG_2PI), tf.reshape(logStd, [1, -1])), 1),
    );
  } else {
    const logp = tf.logSoftmax(apply(actor, mb.obs));
    newLogp = tf.sum(tf.mul(logp, mb.action), 1);
    entropy = tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1)));
  }
  const ratio = tf.exp(tf.sub(newLogp, mb.oldLogp));
  const clipped = Number.isFinite(c.clip);
  const pg1 = tf.mul(tf.neg(mb.adv), ratio);
  const pg2 = tf.mul(tf.neg(mb.adv), clipped ? tf.clipByValue(ratio, 1 - c.clip, 1 + c.clip) : ratio);
  const pgLoss = tf.mean(tf.maximum(pg1, pg2));
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
  for (const gaussian of [false, true]) {
    for (const [name, coefs] of cases) {
      it(`equals tf.grads of the same loss (${gaussian ? 'Gaussian' : 'categorical'} head): ${name}`, () => {
        for (const seed of [1, 2, 3]) checkSeed(seed, coefs, gaussian);
      });
    }
  }

  function checkSeed(seed: number, coefs: PpoCoefs, gaussian: boolean) {
    const { actor, critic, mb, logStd: ls } = setup(seed, gaussian);
    const logStd = gaussian ? ls : undefined;
    const all = [...actor, ...critic, ...(logStd ? [logStd] : [])];
    const ref = tf.grads((...w: tf.Tensor[]) =>
      ppoLossReference(w.slice(0, 6), w.slice(6, 12), mb, coefs, w[12]),
    )(all);
    const mine = ppoLossAndGrads(actor, critic, mb, coefs, logStd);
    expect(mine.grads.length).toBe(all.length);
    const refLoss = ppoLossReference(actor, critic, mb, coefs, logStd).dataSync()[0];
    expect(mine.stats.loss.dataSync()[0]).toBeCloseTo(refLoss, 5);
    ref.forEach((g, k) => {
      const a = g.dataSync();
      const b = mine.grads[k].dataSync();
      expect(b.length).toBe(a.length);
      const scale = Math.max(1e-3, ...Array.from(a, Math.abs));
      for (let j = 0; j < a.length; j++) expect(Math.abs(a[j] - b[j]) / scale).toBeLessThan(2e-5);
    });
  }

  for (const gaussian of [false, true]) {
    it(`exercises both sides of the clip range (${gaussian ? 'Gaussian' : 'categorical'})`, () => {
      const { actor, critic, mb, logStd } = setup(1, gaussian);
      const clipFraction = ppoLossAndGrads(
        actor,
        critic,
        mb,
        cases[0][1],
        gaussian ? logStd : undefined,
      ).stats.clipFraction.dataSync()[0];
      expect(clipFraction).toBeGreaterThan(0.2);
      expect(clipFraction).toBeLessThan(0.95);
    });
  }

  it('the Gaussian head gives the log-std a gradient from the surrogate and from the entropy bonus', () => {
    const { actor, critic, mb, logStd } = setup(2, true);
    const g0 = ppoLossAndGrads(
      actor,
      critic,
      mb,
      { ...cases[1][1], entCoef: 0 },
      logStd,
    ).grads[12].dataSync();
    const g1 = ppoLossAndGrads(
      actor,
      critic,
      mb,
      { ...cases[1][1], entCoef: 0.5 },
      logStd,
    ).grads[12].dataSync();
    for (let k = 0; k < sizes.A; k++) {
      expect(Math.abs(g0[k])).toBeGreaterThan(1e-4);
      expect(g1[k] - g0[k]).toBeCloseTo(-0.5, 5); // ∂(−c_ent H)/∂ℓ_k = −c_ent
    }
  });
});
