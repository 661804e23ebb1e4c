/**
 * DQN's TD target and its loss with the gradient of every weight derived by hand (dqn-loss.test.ts checks it
 * against `tf.grads` of the same loss).
 *
 *   y_i    = r_i + γ (1 − term_i) · max_a Q_target(s'_i, a)                 (DQN)
 *   y_i    = r_i + γ (1 − term_i) · Q_target(s'_i, argmax_a Q(s'_i, a))     (Double DQN)
 *   δ_i    = Q(s_i, a_i) − y_i,   y held constant (no gradient through the target)
 *   loss   = mean_i δ_i²  (CleanRL's F.mse_loss)   or   mean_i huber(δ_i)  (smooth L1, β = 1)
 *   ∂loss/∂Q(s_i, ·) = onehot(a_i) · 2δ_i / B   or   onehot(a_i) · clip(δ_i, −1, 1) / B
 * then the ReLU network's backward pass (net.ts). Without a target network, Q_target is the online network itself.
 */
import * as tf from '../tf';
import { backward, forward } from './net';

export interface DqnBatch {
  obs: tf.Tensor2D; // [B, d]
  oneHot: tf.Tensor2D; // [B, A]
  reward: tf.Tensor1D; // [B]
  terminated: tf.Tensor1D; // [B], 1 on termination (never on truncation)
  nextObs: tf.Tensor2D; // [B, d], the real next observation
}

/** The TD target y (no gradient flows through it). `online` picks the next action for Double DQN. */
export function dqnTarget(
  online: readonly tf.Tensor[],
  target: readonly tf.Tensor[],
  b: DqnBatch,
  gamma: number,
  double: boolean,
): tf.Tensor1D {
  const qNext = forward(target, b.nextObs).out;
  let next: tf.Tensor1D;
  if (double) {
    const A = qNext.shape[1];
    const aStar = tf.argMax(forward(online, b.nextObs).out, 1);
    next = tf.sum(tf.mul(qNext, tf.oneHot(aStar, A)), 1) as tf.Tensor1D;
  } else next = tf.max(qNext, 1) as tf.Tensor1D;
  return tf.add(b.reward, tf.mul(tf.mul(tf.sub(1, b.terminated), gamma), next)) as tf.Tensor1D;
}

/**
 * Loss, statistics and the gradients of the online network's six weights. `stats` = [loss, mean |δ|, mean
 * Q(s, a) on the batch]. Call inside `tf.tidy`.
 */
export function dqnLossAndGrads(
  w: readonly tf.Tensor[],
  b: DqnBatch,
  y: tf.Tensor1D,
  huber: boolean,
): { grads: tf.Tensor[]; stats: tf.Tensor1D } {
  const B = b.obs.shape[0];
  const f = forward(w, b.obs);
  const qa = tf.sum(tf.mul(f.out, b.oneHot), 1);
  const delta = tf.sub(qa, y);
  const absDelta = tf.abs(delta);
  let loss: tf.Tensor;
  let dDelta: tf.Tensor;
  if (huber) {
    const quad = tf.minimum(absDelta, 1);
    // 0.5 q² + (|δ| − q): 0.5 δ² inside |δ| < 1, |δ| − 0.5 outside
    loss = tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(absDelta, quad)));
    dDelta = tf.mul(tf.clipByValue(delta, -1, 1), 1 / B);
  } else {
    loss = tf.mean(tf.square(delta));
    dDelta = tf.mul(delta, 2 / B);
  }
  const dOut = tf.mul(b.oneHot, tf.reshape(dDelta, [B, 1])) as tf.Tensor2D;
  const { grads } = backward(w, f, dOut);
  const stats = tf.stack([loss, tf.mean(absDelta), tf.mean(qa)]) as tf.Tensor1D;
  return { grads, stats };
}
