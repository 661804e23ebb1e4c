import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../rl-bridge';
import { dqnLossAndGrads, dqnTarget, type DqnBatch } from './dqn-loss';
import { forwardPlain, initLinearTorch, layerShapes, unpack, type Sizes } from './net';
import { expectGradsClose } from './grad-check.test-utils';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sizes: Sizes = [4, 16, 16, 3];
const B = 64;

function setup(seed: number) {
  const rng = makeRng(seed);
  const w = unpack(tf.tensor1d(initLinearTorch(sizes, rng)), sizes);
  const wt = unpack(tf.tensor1d(initLinearTorch(sizes, rng)), sizes);
  const rnd = (n: number, s = 1) => Array.from({ length: n }, () => s * rng.normal());
  const acts = Array.from({ length: B }, () => Math.floor(rng.uniform() * 3));
  const b: DqnBatch = {
    obs: tf.tensor2d(rnd(B * 4), [B, 4]),
    oneHot: tf.cast(tf.oneHot(tf.tensor1d(acts, 'int32'), 3), 'float32') as tf.Tensor2D,
    // rewards large enough that some |δ| exceed Huber's 1
    reward: tf.tensor1d(rnd(B, 2)),
    terminated: tf.tensor1d(acts.map((_, i) => (i % 5 === 0 ? 1 : 0))),
    nextObs: tf.tensor2d(rnd(B * 4), [B, 4]),
  };
  return { w, wt, b };
}

/** The same loss with ordinary ops and tfjs's own Huber loss, for tf.grads. */
function reference(w: tf.Tensor[], b: DqnBatch, y: tf.Tensor1D, huber: boolean): tf.Scalar {
  const qa = tf.sum(tf.mul(forwardPlain(w, b.obs), b.oneHot), 1);
  if (!huber) return tf.mean(tf.square(tf.sub(qa, y))) as tf.Scalar;
  return tf.losses.huberLoss(y, qa, undefined, 1, tf.Reduction.MEAN) as tf.Scalar;
}

describe('DQN loss and its hand-derived gradient', () => {
  for (const huber of [false, true])
    for (const double of [false, true])
      it(`equals tf.grads of the same loss (${huber ? 'Huber' : 'MSE'}, ${double ? 'Double DQN' : 'DQN'} target)`, () => {
        for (const seed of [1, 2, 3]) {
          const { w, wt, b } = setup(seed);
          const y = dqnTarget(w, wt, b, 0.99, double);
          const ref = tf.grads((...ws: tf.Tensor[]) => reference(ws, b, y, huber))(w);
          const mine = dqnLossAndGrads(w, b, y, huber);
          expect(mine.stats.dataSync()[0]).toBeCloseTo(reference(w, b, y, huber).dataSync()[0], 5);
          expectGradsClose(mine.grads, ref);
          if (huber) {
            // both branches of the Huber loss are exercised
            const d = tf.abs(tf.sub(tf.sum(tf.mul(forwardPlain(w, b.obs), b.oneHot), 1), y)).dataSync();
            expect(d.some((x) => x > 1) && d.some((x) => x < 1)).toBe(true);
          }
        }
      });

  it('targets: max of the target net (DQN), the target net at the online argmax (Double DQN), no bootstrap on termination', () => {
    const { w, wt, b } = setup(4);
    const qT = forwardPlain(wt, b.nextObs).arraySync();
    const qO = forwardPlain(w, b.nextObs).arraySync();
    const r = b.reward.arraySync();
    const term = b.terminated.arraySync();
    const yd = dqnTarget(w, wt, b, 0.9, false).arraySync();
    const ydd = dqnTarget(w, wt, b, 0.9, true).arraySync();
    for (let i = 0; i < B; i++) {
      const aStar = qO[i].indexOf(Math.max(...qO[i]));
      expect(yd[i]).toBeCloseTo(r[i] + (term[i] ? 0 : 0.9 * Math.max(...qT[i])), 5);
      expect(ydd[i]).toBeCloseTo(r[i] + (term[i] ? 0 : 0.9 * qT[i][aStar]), 5);
    }
    expect(layerShapes(sizes).length).toBe(6);
  });
});
