import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../rl-bridge';
import { dqnTarget, type DqnBatch } from './dqn-loss';
import { forwardPlain, initLinearTorch, unpack, type Sizes } from './net';
import { expectGradsClose } from './grad-check.test-utils';
import { awrLossAndGrads, cqlLossAndGrads, iqlTarget, iqlValueLossAndGrads } from './offline-losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const qSizes: Sizes = [4, 16, 16, 3];
const vSizes: Sizes = [4, 16, 16, 1];
const B = 64;

function setup(seed: number) {
  const rng = makeRng(seed);
  const net = (s: Sizes) => unpack(tf.tensor1d(initLinearTorch(s, rng)), s);
  const rnd = (n: number, s = 1) => Array.from({ length: n }, () => s * rng.normal());
  const acts = Array.from({ length: B }, () => Math.floor(rng.uniform() * 3));
  const b: DqnBatch = {
    obs: tf.tensor2d(rnd(B * 4), [B, 4]),
    oneHot: tf.cast(tf.oneHot(tf.tensor1d(acts, 'int32'), 3), 'float32') as tf.Tensor2D,
    reward: tf.tensor1d(rnd(B, 2)),
    terminated: tf.tensor1d(acts.map((_, i) => (i % 5 === 0 ? 1 : 0))),
    nextObs: tf.tensor2d(rnd(B * 4), [B, 4]),
  };
  return { q: net(qSizes), qt: net(qSizes), v: net(vSizes), pi: net(qSizes), b, rnd };
}

describe('offline losses (CQL, IQL, AWR) and their hand-derived gradients', () => {
  it('CQL(H): equals tf.grads of TD MSE + alpha (logsumexp Q - Q(s, a))', () => {
    for (const seed of [1, 2]) {
      const { q, qt, b } = setup(seed);
      const y = dqnTarget(q, qt, b, 0.99, false);
      const ref = (w: tf.Tensor[]) => {
        const out = forwardPlain(w, b.obs);
        const qa = tf.sum(tf.mul(out, b.oneHot), 1);
        return tf.add(
          tf.mean(tf.square(tf.sub(qa, y))),
          tf.mul(0.7, tf.mean(tf.sub(tf.logSumExp(out, 1), qa))),
        ) as tf.Scalar;
      };
      const mine = cqlLossAndGrads(q, b, y, 0.7);
      expect(mine.stats.dataSync()[0]).toBeCloseTo(ref(q).dataSync()[0], 4);
      // logsumexp ≥ max ≥ Q(s, a): the conservative gap is nonnegative.
      expect(mine.stats.dataSync()[2]).toBeGreaterThanOrEqual(0);
      expectGradsClose(mine.grads, tf.grads((...ws: tf.Tensor[]) => ref(ws))(q));
    }
  });

  it('IQL value loss: equals tf.grads of the expectile loss, both sides of zero exercised', () => {
    for (const tau of [0.7, 0.3]) {
      const { v, b, rnd } = setup(3);
      const qHat = tf.tensor1d(rnd(B, 2));
      // The asymmetric weight is piecewise constant in the weights: computed once, outside the tape.
      const u0 = tf.sub(qHat, tf.reshape(forwardPlain(v, b.obs), [B]));
      const wt = tf.where(tf.less(u0, 0), tf.fill([B], 1 - tau), tf.fill([B], tau));
      const ref = (w: tf.Tensor[]) => {
        const u = tf.sub(qHat, tf.reshape(forwardPlain(w, b.obs), [B]));
        return tf.mean(tf.mul(wt, tf.square(u))) as tf.Scalar;
      };
      const mine = iqlValueLossAndGrads(v, b.obs, qHat, tau);
      expect(mine.stats.dataSync()[0]).toBeCloseTo(ref(v).dataSync()[0], 4);
      const u = tf.sub(qHat, tf.reshape(forwardPlain(v, b.obs), [B])).dataSync();
      expect(u.some((x) => x > 0) && u.some((x) => x < 0)).toBe(true);
      expectGradsClose(mine.grads, tf.grads((...ws: tf.Tensor[]) => ref(ws))(v));
    }
  });

  it("IQL target: r + gamma V(s'), no bootstrap on termination", () => {
    const { v, b } = setup(4);
    const y = iqlTarget(v, b, 0.9).arraySync();
    const vn = forwardPlain(v, b.nextObs).arraySync();
    const r = b.reward.arraySync();
    const term = b.terminated.arraySync();
    for (let i = 0; i < B; i++) expect(y[i]).toBeCloseTo(r[i] + (term[i] ? 0 : 0.9 * vn[i][0]), 5);
  });

  it('AWR: equals tf.grads of -mean w log pi(a|s) with clipped weights', () => {
    const { pi, b, rnd } = setup(5);
    const adv = tf.tensor1d(rnd(B, 3));
    const ref = (w: tf.Tensor[]) => {
      const wt = tf.minimum(tf.exp(tf.mul(adv, 2)), 100);
      const logp = tf.sum(tf.mul(tf.logSoftmax(forwardPlain(w, b.obs)), b.oneHot), 1);
      return tf.neg(tf.mean(tf.mul(wt, logp))) as tf.Scalar;
    };
    const mine = awrLossAndGrads(pi, b.obs, b.oneHot, adv, 2);
    expect(mine.stats.dataSync()[0]).toBeCloseTo(ref(pi).dataSync()[0], 3);
    expect(tf.max(tf.exp(tf.mul(adv, 2))).dataSync()[0]).toBeGreaterThan(100); // the clip is exercised
    expectGradsClose(mine.grads, tf.grads((...ws: tf.Tensor[]) => ref(ws))(pi));
  });
});
