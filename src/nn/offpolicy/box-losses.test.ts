import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../rl-bridge';
import { criticLossAndGrads, unpackCritics } from './critic-loss';
import { expectGradsClose } from './grad-check.test-utils';
import { forwardPlain, initLinearTorch, unpack, type Sizes } from './net';
import { alphaGrad, LOG_STD_MAX, LOG_STD_MIN, sacActorLossAndGrads, sacSample } from './sac-loss';
import { boxTensors, td3ActorLossAndGrads, td3Target } from './td3-loss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const d = 3;
const m = 2;
const B = 64;
const H = 16;
// a box that is neither symmetric nor unit, so scale and bias are exercised
const low = [-2, -0.5];
const high = [2, 1.5];
const criticSizes: Sizes = [d + m, H, H, 1];

function setup(seed: number, K: number, actorOut: number) {
  const rng = makeRng(seed);
  const flat = new Float32Array(K * initLinearTorch(criticSizes, rng).length);
  for (let k = 0; k < K; k++) flat.set(initLinearTorch(criticSizes, rng), k * (flat.length / K));
  const critics = unpackCritics(tf.tensor1d(flat), criticSizes, K);
  const actorSizes: Sizes = [d, H, H, actorOut];
  // a wider actor init, so tanh saturation and both branches of the log-std squashing are exercised
  const actor = unpack(tf.mul(tf.tensor1d(initLinearTorch(actorSizes, rng)), 3), actorSizes);
  const rnd = (n: number, s = 1) => Array.from({ length: n }, () => s * rng.normal());
  const obs = tf.tensor2d(rnd(B * d), [B, d]);
  const act = tf.tensor2d(
    Array.from({ length: B * m }, (_, i) => low[i % m] + (high[i % m] - low[i % m]) * rng.uniform()),
    [B, m],
  );
  const y = tf.tensor1d(rnd(B, 3));
  const eps = tf.tensor2d(rnd(B * m), [B, m]);
  return { critics, actor, obs, act, y, eps };
}

const box = () => boxTensors(low, high);
const Q = (w: tf.Tensor[], obs: tf.Tensor2D, a: tf.Tensor) =>
  forwardPlain(w, tf.concat([obs, a], 1) as tf.Tensor2D);

describe('critic TD loss', () => {
  for (const K of [1, 2])
    it(`K = ${K} critics on one flat vector: gradient equals tf.grads`, () => {
      for (const seed of [1, 2, 3]) {
        const { critics, obs, act, y } = setup(seed, K, m);
        const ref = tf.grads((...ws: tf.Tensor[]) => {
          let l = tf.scalar(0);
          for (let k = 0; k < K; k++)
            l = tf.add(
              l,
              tf.mean(tf.square(tf.sub(tf.reshape(Q(ws.slice(6 * k, 6 * k + 6), obs, act), [-1]), y))),
            );
          return l as tf.Scalar;
        })(critics.flat());
        const mine = criticLossAndGrads(critics, obs, act, y);
        expectGradsClose([mine.grad], [tf.concat(ref.map((g) => tf.reshape(g, [-1])))]);
      }
    });
});

describe('DDPG/TD3 actor', () => {
  it('−mean Q_1(s, μ(s)): gradient equals tf.grads', () => {
    for (const seed of [1, 2, 3]) {
      const { critics, actor, obs } = setup(seed, 2, m);
      const b = box();
      const loss = (...w: tf.Tensor[]) => {
        const a = tf.add(tf.mul(tf.tanh(forwardPlain(w, obs)), b.scale), b.bias);
        return tf.neg(tf.mean(Q(critics[0], obs, a))) as tf.Scalar;
      };
      const ref = tf.grads(loss)(actor);
      const mine = td3ActorLossAndGrads(actor, critics, obs, b);
      expect(mine.loss.dataSync()[0]).toBeCloseTo(loss(...actor).dataSync()[0], 5);
      expectGradsClose(mine.grads, ref);
    }
  });

  it('target smoothing: clipped noise, action kept in the box; clipped double Q takes the minimum', () => {
    const { critics, actor, obs, y, eps } = setup(4, 2, m);
    const b = box();
    const term = tf.tensor1d(Array.from({ length: B }, (_, i) => (i % 4 === 0 ? 1 : 0)));
    const opts = { gamma: 0.9, smoothing: true, policyNoise: 0.2, noiseClip: 0.5 };
    const yt = td3Target(actor, critics, obs, y, term, tf.mul(eps, 10) as tf.Tensor2D, b, opts).arraySync();
    const mu = tf.add(tf.mul(tf.tanh(forwardPlain(actor, obs)), b.scale), b.bias);
    const noise = tf.mul(tf.clipByValue(tf.mul(tf.mul(eps, 10), 0.2), -0.5, 0.5), b.scale);
    const a = tf.minimum(tf.maximum(tf.add(mu, noise), b.low), b.high);
    const q = tf.minimum(Q(critics[0], obs, a), Q(critics[1], obs, a)).arraySync() as number[][];
    const r = y.arraySync();
    const t = term.arraySync();
    for (let i = 0; i < B; i++) expect(yt[i]).toBeCloseTo(r[i] + (t[i] ? 0 : 0.9 * q[i][0]), 4);
  });
});

describe('SAC', () => {
  /** CleanRL's get_action and actor loss, written as there. */
  const cleanrlActorLoss = (
    w: tf.Tensor[],
    critics: tf.Tensor[][],
    obs: tf.Tensor2D,
    eps: tf.Tensor2D,
    alpha: number,
  ) => {
    const b = box();
    const [mean, raw] = tf.split(forwardPlain(w, obs), 2, 1);
    const logStd = tf.add(LOG_STD_MIN, tf.mul(0.5 * (LOG_STD_MAX - LOG_STD_MIN), tf.add(tf.tanh(raw), 1)));
    const std = tf.exp(logStd);
    const x = tf.add(mean, tf.mul(std, eps));
    const yT = tf.tanh(x);
    const a = tf.add(tf.mul(yT, b.scale), b.bias);
    let logProb = tf.sub(
      tf.sub(tf.neg(tf.div(tf.square(tf.sub(x, mean)), tf.mul(2, tf.square(std)))), logStd),
      Math.log(Math.sqrt(2 * Math.PI)),
    );
    logProb = tf.sub(logProb, tf.log(tf.add(tf.mul(b.scale, tf.sub(1, tf.square(yT))), 1e-6)));
    const lp = tf.sum(logProb, 1, true);
    const minQ = tf.minimum(Q(critics[0], obs, a), Q(critics[1], obs, a));
    return { loss: tf.mean(tf.sub(tf.mul(alpha, lp), minQ)) as tf.Scalar, lp };
  };

  it('reparameterised actor loss with the tanh log-det: gradient equals tf.grads', () => {
    for (const seed of [1, 2, 3]) {
      for (const alpha of [0.2, 1.3]) {
        const { critics, actor, obs, eps } = setup(seed, 2, 2 * m);
        const ref = tf.grads((...w: tf.Tensor[]) => cleanrlActorLoss(w, critics, obs, eps, alpha).loss)(
          actor,
        );
        const mine = sacActorLossAndGrads(actor, critics, obs, eps, tf.scalar(alpha), box());
        expect(mine.loss.dataSync()[0]).toBeCloseTo(
          cleanrlActorLoss(actor, critics, obs, eps, alpha).loss.dataSync()[0],
          4,
        );
        expectGradsClose(mine.grads, ref, 5e-5);
      }
    }
  });

  it('log π matches the change-of-variables density; actions stay in the box', () => {
    const { actor, obs, eps } = setup(5, 2, 2 * m);
    const s = sacSample(actor, obs, eps, box());
    const ref = cleanrlActorLoss(actor, setup(5, 2, 2 * m).critics, obs, eps, 1).lp.arraySync() as number[][];
    const lp = s.logp.arraySync();
    for (let i = 0; i < B; i++) expect(lp[i]).toBeCloseTo(ref[i][0], 3);
    const a = s.a.arraySync();
    for (const row of a) row.forEach((v, j) => expect(v >= low[j] && v <= high[j]).toBe(true));
  });

  it('temperature gradient equals tf.grads of CleanRL alpha loss', () => {
    const logAlpha = tf.scalar(-0.7);
    const logp = tf.scalar(1.4);
    const ref = tf.grad((la: tf.Tensor) => tf.mean(tf.mul(tf.neg(tf.exp(la)), tf.add(logp, -2))))(logAlpha);
    expect(alphaGrad(logAlpha, logp, -2).dataSync()[0]).toBeCloseTo(ref.dataSync()[0], 6);
  });
});
