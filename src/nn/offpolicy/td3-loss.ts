/**
 * DDPG's and TD3's target and actor loss with hand-derived gradients (box-losses.test.ts checks them against
 * tf.grads). The deterministic actor maps s to a = tanh(μ_raw(s)) · scale + bias, inside the box.
 *
 *   a'  = clip(μ_target(s') + clip(σ ε, −c, c) · scale, low, high)    (target smoothing; without it a' = μ_target(s'))
 *   y   = r + γ (1 − term) · min_k Q_target,k(s', a')                  (clipped double Q; DDPG: Q_target,1 only)
 *   actor loss = −mean_i Q_1(s_i, μ(s_i))
 *   ∂/∂μ_raw = (∂(−Q_1)/∂a) · scale · (1 − tanh²(μ_raw)) / B, then the actor's backward pass.
 */
import * as tf from '../tf';
import { actionGrad, criticsForward, minQ } from './critic-loss';
import { backward, forward, type Activations } from './net';

/** The box as tensors: scale = (high − low)/2, bias = (high + low)/2. */
export interface BoxTensors {
  scale: tf.Tensor1D;
  bias: tf.Tensor1D;
  low: tf.Tensor1D;
  high: tf.Tensor1D;
}

export function boxTensors(low: readonly number[], high: readonly number[]): BoxTensors {
  return {
    scale: tf.tensor1d(low.map((l, k) => (high[k] - l) / 2)),
    bias: tf.tensor1d(low.map((l, k) => (high[k] + l) / 2)),
    low: tf.tensor1d([...low]),
    high: tf.tensor1d([...high]),
  };
}

/** μ(s) and what the backward pass needs. */
export function deterministicAction(
  w: readonly tf.Tensor[],
  obs: tf.Tensor2D,
  box: BoxTensors,
): { a: tf.Tensor2D; f: Activations; t: tf.Tensor2D } {
  const f = forward(w, obs);
  const t = tf.tanh(f.out);
  return { a: tf.add(tf.mul(t, box.scale), box.bias) as tf.Tensor2D, f, t };
}

export interface Td3TargetOpts {
  gamma: number;
  smoothing: boolean;
  policyNoise: number;
  noiseClip: number;
}

/** The TD target y ([B]); `noise` is standard normal [B, m] (drawn from the run RNG, uploaded with the batch). */
export function td3Target(
  actorTarget: readonly tf.Tensor[],
  criticTargets: tf.Tensor[][],
  nextObs: tf.Tensor2D,
  reward: tf.Tensor1D,
  terminated: tf.Tensor1D,
  noise: tf.Tensor2D,
  box: BoxTensors,
  o: Td3TargetOpts,
): tf.Tensor1D {
  let a = deterministicAction(actorTarget, nextObs, box).a;
  if (o.smoothing) {
    const eps = tf.mul(tf.clipByValue(tf.mul(noise, o.policyNoise), -o.noiseClip, o.noiseClip), box.scale);
    a = tf.minimum(tf.maximum(tf.add(a, eps), box.low), box.high) as tf.Tensor2D;
  }
  const q = minQ(criticsForward(criticTargets, nextObs, a));
  return tf.add(reward, tf.mul(tf.mul(tf.sub(1, terminated), o.gamma), q)) as tf.Tensor1D;
}

/** Actor loss −mean Q_1(s, μ(s)) and the gradients of the actor's six weights. Call inside `tf.tidy`. */
export function td3ActorLossAndGrads(
  actor: readonly tf.Tensor[],
  critics: tf.Tensor[][],
  obs: tf.Tensor2D,
  box: BoxTensors,
): { grads: tf.Tensor[]; loss: tf.Scalar } {
  const B = obs.shape[0];
  const { a, f, t } = deterministicAction(actor, obs, box);
  const first = [critics[0]];
  const fs = criticsForward(first, obs, a);
  const loss = tf.neg(tf.mean(fs[0].out)) as tf.Scalar;
  const dA = actionGrad(first, fs, [tf.fill([B, 1], -1 / B) as tf.Tensor2D], obs.shape[1]);
  const dRaw = tf.mul(tf.mul(dA, box.scale), tf.sub(1, tf.square(t))) as tf.Tensor2D;
  return { grads: backward(actor, f, dRaw).grads, loss };
}
