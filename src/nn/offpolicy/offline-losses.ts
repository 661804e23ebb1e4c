/**
 * Discrete-action offline losses for chapter 11, each with the gradient of every weight derived by hand
 * (offline-losses.test.ts checks them against `tf.grads` of the same losses written with ordinary ops). They take the
 * DQN batch of dqn-loss.ts and the ReLU networks of net.ts; the offline trainer (offline.ts) uses them.
 *
 * CQL(H) (Kumar et al. 2020, eq. 4), on top of DQN's TD loss with its target y held fixed:
 *   loss = mean_i (Q(s_i, a_i) − y_i)² + α mean_i [logsumexp_a Q(s_i, a) − Q(s_i, a_i)]
 *   ∂loss/∂Q(s_i, ·) = onehot(a_i) 2δ_i / B + α (softmax(Q(s_i, ·)) − onehot(a_i)) / B
 * IQL (Kostrikov et al. 2021), three losses:
 *   L_V = mean_i L_τ(q̂_i − V(s_i)),  q̂_i = Q_target(s_i, a_i) held fixed, L_τ(u) = |τ − 1{u < 0}| u²
 *         ∂L_V/∂V(s_i) = −2 |τ − 1{u_i < 0}| u_i / B
 *   L_Q = mean_i (Q(s_i, a_i) − r_i − γ (1 − term_i) V(s'_i))²   (the target held fixed)
 *   L_π = −mean_i w_i log softmax(z(s_i))_{a_i},  w_i = min(exp(β (q̂_i − V(s_i))), wMax) held fixed
 *         ∂L_π/∂z(s_i, ·) = w_i (softmax(z(s_i)) − onehot(a_i)) / B
 * L_π is the negative of the AWR objective: it is minimised (the chapter's erratum on note 004's sign).
 */
import * as tf from '../tf';
import type { DqnBatch } from './dqn-loss';
import { backward, forward } from './net';

/**
 * CQL(H) loss and gradients of the Q-network's weights. `stats` = [loss, TD part, conservative gap, mean |δ|,
 * mean Q(s, a) on the batch].
 */
export function cqlLossAndGrads(
  w: readonly tf.Tensor[],
  b: DqnBatch,
  y: tf.Tensor1D,
  alpha: number,
): { grads: tf.Tensor[]; stats: tf.Tensor1D } {
  const B = b.obs.shape[0];
  const f = forward(w, b.obs);
  const q = f.out;
  const qa = tf.sum(tf.mul(q, b.oneHot), 1);
  const delta = tf.sub(qa, y);
  const td = tf.mean(tf.square(delta));
  const lse = tf.logSumExp(q, 1);
  const gap = tf.mean(tf.sub(lse, qa));
  const loss = tf.add(td, tf.mul(alpha, gap));
  const dTd = tf.mul(b.oneHot, tf.reshape(tf.mul(delta, 2 / B), [B, 1]));
  const dGap = tf.mul(tf.sub(tf.softmax(q), b.oneHot), alpha / B);
  const { grads } = backward(w, f, tf.add(dTd, dGap) as tf.Tensor2D);
  return {
    grads,
    stats: tf.stack([loss, td, gap, tf.mean(tf.abs(delta)), tf.mean(qa)]) as tf.Tensor1D,
  };
}

/** IQL's value loss (expectile regression of V on the target Q at logged pairs) and the V-network's gradients. */
export function iqlValueLossAndGrads(
  wV: readonly tf.Tensor[],
  obs: tf.Tensor2D,
  qHat: tf.Tensor1D,
  tau: number,
): { grads: tf.Tensor[]; stats: tf.Tensor1D } {
  const B = obs.shape[0];
  const f = forward(wV, obs);
  const v = tf.reshape(f.out, [B]);
  const u = tf.sub(qHat, v);
  const weight = tf.where(tf.less(u, 0), tf.fill([B], 1 - tau), tf.fill([B], tau));
  const loss = tf.mean(tf.mul(weight, tf.square(u)));
  const dV = tf.mul(tf.mul(weight, u), -2 / B);
  const { grads } = backward(wV, f, tf.reshape(dV, [B, 1]) as tf.Tensor2D);
  return { grads, stats: tf.stack([loss, tf.mean(v)]) as tf.Tensor1D };
}

/** IQL's TD target r + γ (1 − term) V(s'), held fixed. */
export function iqlTarget(wV: readonly tf.Tensor[], b: DqnBatch, gamma: number): tf.Tensor1D {
  const B = b.obs.shape[0];
  const vNext = tf.reshape(forward(wV, b.nextObs).out, [B]);
  return tf.add(b.reward, tf.mul(tf.mul(tf.sub(1, b.terminated), gamma), vNext)) as tf.Tensor1D;
}

/** Advantage-weighted regression: −mean w log π(a|s) and the actor's gradients. `stats` = [loss, mean w]. */
export function awrLossAndGrads(
  wPi: readonly tf.Tensor[],
  obs: tf.Tensor2D,
  oneHot: tf.Tensor2D,
  advantage: tf.Tensor1D,
  beta: number,
  wMax = 100,
): { grads: tf.Tensor[]; stats: tf.Tensor1D } {
  const B = obs.shape[0];
  const f = forward(wPi, obs);
  const weight = tf.minimum(tf.exp(tf.mul(advantage, beta)), wMax);
  const logp = tf.sum(tf.mul(tf.logSoftmax(f.out), oneHot), 1);
  const loss = tf.neg(tf.mean(tf.mul(weight, logp)));
  const dz = tf.mul(tf.sub(tf.softmax(f.out), oneHot), tf.reshape(tf.mul(weight, 1 / B), [B, 1]));
  const { grads } = backward(wPi, f, dz as tf.Tensor2D);
  return { grads, stats: tf.stack([loss, tf.mean(weight)]) as tf.Tensor1D };
}
