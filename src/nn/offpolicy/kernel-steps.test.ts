/**
 * Each learner's gradient step on the kernels against the tfjs losses of dqn-loss.ts, critic-loss.ts, td3-loss.ts
 * and sac-loss.ts (each tested against tf.grads): after one gradient step, the gradients the trainer applied equal
 * the reference gradients computed from the weights before the step, on the same batch and noise.
 */
import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DDPG_DEFAULTS, DQN_DEFAULTS, SAC_DEFAULTS, TD3_DEFAULTS } from './config';
import { criticLossAndGrads, unpackCritics } from './critic-loss';
import { dqnLossAndGrads, dqnTarget } from './dqn-loss';
import { DqnTrainer } from './dqn';
import { cartPoleEnv, makeOffPolicyEnv } from './env';
import { pack, unpack, type Sizes } from './net';
import { alphaGrad, sacActorLossAndGrads, sacTarget } from './sac-loss';
import { SacTrainer } from './sac';
import { boxTensors, td3ActorLossAndGrads, td3Target } from './td3-loss';
import { Td3Trainer } from './td3';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Internals {
  train(t?: number): boolean;
  batchBuf: Float32Array;
  width: number;
}
/** A DQN trainer's Q network (main or shadow). */
type QBufs = { p: { a: Float32Array }; g: { a: Float32Array }; targetP: { a: Float32Array } };
interface Net {
  params: { a: Float32Array };
  grads: { a: Float32Array };
  targetParams: { a: Float32Array } | null;
  sizes: Sizes;
}

const close = (got: ArrayLike<number>, want: ArrayLike<number>) => {
  expect(got.length).toBe(want.length);
  let scale = 1e-6;
  for (let k = 0; k < want.length; k++) scale = Math.max(scale, Math.abs(want[k]));
  for (let k = 0; k < want.length; k++) expect(Math.abs(got[k] - want[k])).toBeLessThan(1e-4 * scale);
};

/** The columns [from, from + n) of the first B packed rows as a tensor. */
const cols = (t: Internals, B: number, from: number, n: number) => {
  const out = new Float32Array(B * n);
  for (let r = 0; r < B; r++) for (let k = 0; k < n; k++) out[r * n + k] = t.batchBuf[r * t.width + from + k];
  return tf.tensor2d(out, [B, n]);
};

const small = {
  hidden: 16,
  batchSize: 24,
  learningStarts: 60,
  chunkSteps: 60,
  gradientSteps: 1,
  trainFrequency: 1,
};

describe('gradient steps on the kernels equal the tfjs references', () => {
  for (const simd of [true, false])
    for (const v of [
      { double: false, loss: 'mse' as const },
      { double: true, loss: 'huber' as const },
    ])
      it(`DQN (${v.double ? 'Double, Huber' : 'MSE'}; simd ${simd})`, async () => {
        const cfg = { ...DQN_DEFAULTS, ...small, ...v, seed: 3 };
        const tr = new DqnTrainer(cfg, cartPoleEnv(), { simd });
        await tr.update(); // acts; no gradient step yet
        const t = tr as unknown as Internals & { main: QBufs; sizes: Sizes };
        const tp = { targetP: t.main.targetP, sizes: t.sizes };
        // make the target differ from the online network, so the two roles are told apart
        for (let k = 0; k < tp.targetP.a.length; k++) tp.targetP.a[k] *= 1.1;
        const q0 = t.main.p.a.slice();
        const qt0 = tp.targetP.a.slice();
        t.train(61);
        const B = cfg.batchSize;
        const d = 4;
        const A = 2;
        const ref = tf.tidy(() => {
          const b = {
            obs: cols(t, B, 0, d),
            oneHot: cols(t, B, d, A),
            reward: tf.reshape(cols(t, B, d + A, 1), [-1]) as tf.Tensor1D,
            terminated: tf.reshape(cols(t, B, d + A + 1, 1), [-1]) as tf.Tensor1D,
            nextObs: cols(t, B, d + A + 2, d),
          };
          const w = unpack(tf.tensor1d(q0), tp.sizes);
          const y = dqnTarget(w, unpack(tf.tensor1d(qt0), tp.sizes), b, cfg.gamma, cfg.double);
          return pack(dqnLossAndGrads(w, b, y, cfg.loss === 'huber').grads).dataSync();
        });
        close(t.main.g.a, ref);
      });

  it('TD3 (clipped double Q, smoothing): the critics and the actor', async () => {
    const cfg = { ...TD3_DEFAULTS, ...small, policyFrequency: 1, seed: 4 };
    const tr = new Td3Trainer(cfg, makeOffPolicyEnv('Pendulum-v1'));
    await tr.update();
    const t = tr as unknown as Internals & { actorNet: Net; critics: Net & { K: number } };
    for (const p of [t.actorNet.targetParams, t.critics.targetParams])
      if (p) p.a.forEach((x, k) => (p.a[k] = 1.1 * x));
    const a0 = t.actorNet.params.a.slice();
    const at0 = (t.actorNet.targetParams as { a: Float32Array }).a.slice();
    const c0 = t.critics.params.a.slice();
    const ct0 = (t.critics.targetParams as { a: Float32Array }).a.slice();
    t.train();
    const c1 = t.critics.params.a.slice();
    const B = cfg.batchSize;
    const d = 3;
    const m = 1;
    const box = boxTensors([-2], [2]);
    const ref = tf.tidy(() => {
      const obs = cols(t, B, 0, d);
      const act = cols(t, B, d, m);
      const cs = t.critics.sizes;
      const y = td3Target(
        unpack(tf.tensor1d(at0), t.actorNet.sizes),
        unpackCritics(tf.tensor1d(ct0), cs, 2),
        cols(t, B, d + m + 2, d),
        tf.reshape(cols(t, B, d + m, 1), [-1]) as tf.Tensor1D,
        tf.reshape(cols(t, B, d + m + 1, 1), [-1]) as tf.Tensor1D,
        cols(t, B, 2 * d + m + 2, m),
        box,
        { gamma: cfg.gamma, smoothing: true, policyNoise: cfg.policyNoise, noiseClip: cfg.noiseClip },
      );
      const critic = criticLossAndGrads(unpackCritics(tf.tensor1d(c0), cs, 2), obs, act, y).grad.dataSync();
      const actor = td3ActorLossAndGrads(
        unpack(tf.tensor1d(a0), t.actorNet.sizes),
        unpackCritics(tf.tensor1d(c1), cs, 2),
        obs,
        box,
      );
      return { critic, actor: pack(actor.grads).dataSync() };
    });
    close(t.critics.grads.a, ref.critic);
    close(t.actorNet.grads.a, ref.actor);
  });

  it('DQN with a shadow critic: the shadow steps with the other target (Double) on the same batch; the critic is unchanged', async () => {
    const cfg = { ...DQN_DEFAULTS, ...small, double: false, loss: 'mse' as const, shadow: true, seed: 7 };
    const tr = new DqnTrainer(cfg, cartPoleEnv());
    await tr.update();
    const t = tr as unknown as Internals & { main: QBufs; shadow: QBufs; sizes: Sizes };
    expect(t.shadow.p.a).toEqual(t.main.p.a); // the same initial weights
    for (const q of [t.main, t.shadow]) q.targetP.a.forEach((x, k) => (q.targetP.a[k] = 1.1 * x));
    const q0 = t.main.p.a.slice();
    const qt0 = t.main.targetP.a.slice();
    t.train(61);
    const B = cfg.batchSize;
    const ref = (double: boolean) =>
      tf.tidy(() => {
        const b = {
          obs: cols(t, B, 0, 4),
          oneHot: cols(t, B, 4, 2),
          reward: tf.reshape(cols(t, B, 6, 1), [-1]) as tf.Tensor1D,
          terminated: tf.reshape(cols(t, B, 7, 1), [-1]) as tf.Tensor1D,
          nextObs: cols(t, B, 8, 4),
        };
        const w = unpack(tf.tensor1d(q0), t.sizes);
        const y = dqnTarget(w, unpack(tf.tensor1d(qt0), t.sizes), b, cfg.gamma, double);
        return pack(dqnLossAndGrads(w, b, y, false).grads).dataSync();
      });
    close(t.main.g.a, ref(false));
    close(t.shadow.g.a, ref(true));
  });

  it('DDPG with a shadow critic: the shadow is a twin with the min target on the same batch and target actions', async () => {
    const cfg = { ...DDPG_DEFAULTS, ...small, policyFrequency: 1, shadow: true, seed: 8 };
    const tr = new Td3Trainer(cfg, makeOffPolicyEnv('Pendulum-v1'));
    await tr.update();
    const t = tr as unknown as Internals & {
      actorNet: Net;
      critics: Net & { K: number };
      shadow: Net & { K: number };
    };
    expect([t.critics.K, t.shadow.K]).toEqual([1, 2]);
    const P = t.critics.params.a.length;
    expect(t.shadow.params.a.subarray(0, P)).toEqual(t.critics.params.a); // the first shadow critic copies it
    for (const p of [t.actorNet.targetParams, t.shadow.targetParams])
      if (p) p.a.forEach((x, k) => (p.a[k] = 1.1 * x));
    const at0 = (t.actorNet.targetParams as { a: Float32Array }).a.slice();
    const s0 = t.shadow.params.a.slice();
    const st0 = (t.shadow.targetParams as { a: Float32Array }).a.slice();
    t.train();
    const B = cfg.batchSize;
    const d = 3;
    const m = 1;
    const ref = tf.tidy(() => {
      const cs = t.shadow.sizes;
      const y = td3Target(
        unpack(tf.tensor1d(at0), t.actorNet.sizes),
        unpackCritics(tf.tensor1d(st0), cs, 2),
        cols(t, B, d + m + 2, d),
        tf.reshape(cols(t, B, d + m, 1), [-1]) as tf.Tensor1D,
        tf.reshape(cols(t, B, d + m + 1, 1), [-1]) as tf.Tensor1D,
        cols(t, B, 2 * d + m + 2, m),
        boxTensors([-2], [2]),
        { gamma: cfg.gamma, smoothing: false, policyNoise: cfg.policyNoise, noiseClip: cfg.noiseClip },
      );
      return criticLossAndGrads(
        unpackCritics(tf.tensor1d(s0), cs, 2),
        cols(t, B, 0, d),
        cols(t, B, d, m),
        y,
      ).grad.dataSync();
    });
    close(t.shadow.grads.a, ref);
  });

  it('SAC (twin critics, autotuned α): the critics, the actor and the temperature', async () => {
    const cfg = { ...SAC_DEFAULTS, ...small, policyFrequency: 1, seed: 5 };
    const tr = new SacTrainer(cfg, makeOffPolicyEnv('Pendulum-v1'));
    await tr.update();
    const t = tr as unknown as Internals & {
      actorNet: Net;
      critics: Net;
      logAlpha: Float32Array;
      alphaGrad: Float32Array;
    };
    t.logAlpha[0] = -0.7; // α ≠ 1, so α's place in each formula is tested
    const ct = t.critics.targetParams as { a: Float32Array };
    ct.a.forEach((x, k) => (ct.a[k] = 1.1 * x));
    const a0 = t.actorNet.params.a.slice();
    const c0 = t.critics.params.a.slice();
    const ct0 = ct.a.slice();
    t.train();
    const c1 = t.critics.params.a.slice();
    const B = cfg.batchSize;
    const d = 3;
    const m = 1;
    const box = boxTensors([-2], [2]);
    const ref = tf.tidy(() => {
      const obs = cols(t, B, 0, d);
      const cs = t.critics.sizes;
      const alpha = tf.exp(tf.scalar(-0.7));
      const y = sacTarget(
        unpack(tf.tensor1d(a0), t.actorNet.sizes),
        unpackCritics(tf.tensor1d(ct0), cs, 2),
        cols(t, B, d + m + 2, d),
        tf.reshape(cols(t, B, d + m, 1), [-1]) as tf.Tensor1D,
        tf.reshape(cols(t, B, d + m + 1, 1), [-1]) as tf.Tensor1D,
        cols(t, B, 2 * d + m + 2, m),
        alpha,
        box,
        cfg.gamma,
      );
      const critic = criticLossAndGrads(unpackCritics(tf.tensor1d(c0), cs, 2), obs, cols(t, B, d, m), y).grad;
      const actor = sacActorLossAndGrads(
        unpack(tf.tensor1d(a0), t.actorNet.sizes),
        unpackCritics(tf.tensor1d(c1), cs, 2),
        obs,
        cols(t, B, 2 * d + 2 * m + 2, m),
        alpha,
        box,
      );
      return {
        critic: critic.dataSync(),
        actor: pack(actor.grads).dataSync(),
        alpha: alphaGrad(tf.scalar(-0.7), actor.logpMean, -m).dataSync(),
      };
    });
    close(t.critics.grads.a, ref.critic);
    close(t.actorNet.grads.a, ref.actor);
    close(t.alphaGrad, ref.alpha);
  });
});
