/**
 * SAC's squashed Gaussian actor, its target and its losses with hand-derived gradients (box-losses.test.ts checks
 * them against tf.grads of CleanRL's formulas). The actor's last layer has 2m outputs: the mean and the raw log-std
 * (CleanRL's fc_mean and fc_logstd heads side by side: the same function and the same init bound).
 *
 *   log σ = LOG_STD_MIN + ½ (LOG_STD_MAX − LOG_STD_MIN)(tanh(raw) + 1),   u = mean + σ ε,   y = tanh(u)
 *   a = y · scale + bias,   log π(a|s) = Σ_j [−½ ε_j² − log σ_j − ½ log 2π − log(scale_j (1 − y_j²) + 1e−6)]
 *   target  y_i = r_i + γ (1 − term_i) (min_k Q_target,k(s'_i, a'_i) − α log π(a'_i|s'_i)),  a' ~ π(·|s') fresh noise
 *   actor loss L = mean_i [α log π(a_i|s_i) − min_k Q_k(s_i, a_i)]   (reparameterised: ε fixed, a a function of θ)
 * Gradients, per row (ties of the minimum go to Q_1, as tf.minimum's gradient):
 *   ∂L/∂u    = (∂L/∂a) · scale (1 − y²) + (α/B) · 2y · scale (1 − y²) / (scale (1 − y²) + 1e−6)
 *   ∂L/∂mean = ∂L/∂u,   ∂L/∂log σ = ∂L/∂u · σ ε − α/B,   ∂L/∂raw = ∂L/∂log σ · ½ (MAX − MIN)(1 − tanh²(raw))
 *   temperature: ∂/∂ log α of mean(−α (log π + target entropy)) = −α · mean(log π + target entropy)
 */
import * as tf from '../tf';
import { actionGrad, criticsForward, minQ } from './critic-loss';
import { backward, forward, type Activations } from './net';
import type { BoxTensors } from './td3-loss';

export const LOG_STD_MIN = -5;
export const LOG_STD_MAX = 2;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export interface SacSample {
  a: tf.Tensor2D;
  logp: tf.Tensor1D;
  f: Activations;
  y: tf.Tensor2D;
  std: tf.Tensor2D;
  tRaw: tf.Tensor2D;
}

/** a = f(s, ε) and log π(a|s) for standard normal `eps` [B, m]. */
export function sacSample(
  w: readonly tf.Tensor[],
  obs: tf.Tensor2D,
  eps: tf.Tensor2D,
  box: BoxTensors,
): SacSample {
  const f = forward(w, obs);
  const [mean, raw] = tf.split(f.out, 2, 1) as tf.Tensor2D[];
  const tRaw = tf.tanh(raw);
  const logStd = tf.add(tf.mul(tf.add(tRaw, 1), 0.5 * (LOG_STD_MAX - LOG_STD_MIN)), LOG_STD_MIN);
  const std = tf.exp(logStd) as tf.Tensor2D;
  const y = tf.tanh(tf.add(mean, tf.mul(std, eps))) as tf.Tensor2D;
  const a = tf.add(tf.mul(y, box.scale), box.bias) as tf.Tensor2D;
  const jac = tf.add(tf.mul(tf.sub(1, tf.square(y)), box.scale), 1e-6);
  const perDim = tf.add(tf.add(tf.mul(tf.square(eps), 0.5), logStd), tf.add(tf.log(jac), HALF_LOG_2PI));
  const logp = tf.neg(tf.sum(perDim, 1)) as tf.Tensor1D;
  return { a, logp, f, y, std, tRaw: tRaw as tf.Tensor2D };
}

/** The soft TD target ([B]) with the current actor on s' (noise `eps`) and temperature `alpha` (a scalar tensor). */
export function sacTarget(
  actor: readonly tf.Tensor[],
  criticTargets: tf.Tensor[][],
  nextObs: tf.Tensor2D,
  reward: tf.Tensor1D,
  terminated: tf.Tensor1D,
  eps: tf.Tensor2D,
  alpha: tf.Tensor,
  box: BoxTensors,
  gamma: number,
): tf.Tensor1D {
  const s = sacSample(actor, nextObs, eps, box);
  const v = tf.sub(minQ(criticsForward(criticTargets, nextObs, s.a)), tf.mul(alpha, s.logp));
  return tf.add(reward, tf.mul(tf.mul(tf.sub(1, terminated), gamma), v)) as tf.Tensor1D;
}

/**
 * Actor loss, the gradients of the actor's six weights and the mean log π of the batch (for the temperature).
 * Call inside `tf.tidy`.
 */
export function sacActorLossAndGrads(
  actor: readonly tf.Tensor[],
  critics: tf.Tensor[][],
  obs: tf.Tensor2D,
  eps: tf.Tensor2D,
  alpha: tf.Tensor,
  box: BoxTensors,
): { grads: tf.Tensor[]; loss: tf.Scalar; logpMean: tf.Scalar } {
  const B = obs.shape[0];
  const d = obs.shape[1];
  const s = sacSample(actor, obs, eps, box);
  const fs = criticsForward(critics, obs, s.a);
  const q = minQ(fs);
  const loss = tf.mean(tf.sub(tf.mul(alpha, s.logp), q)) as tf.Scalar;
  // ∂L/∂Q_k: −1/B on the rows where critic k is the minimum (ties to Q_1)
  const dq =
    fs.length === 1
      ? [tf.fill([B, 1], -1 / B) as tf.Tensor2D]
      : [
          tf.mul(tf.cast(tf.lessEqual(fs[0].out, fs[1].out), 'float32'), -1 / B) as tf.Tensor2D,
          tf.mul(tf.cast(tf.greater(fs[0].out, fs[1].out), 'float32'), -1 / B) as tf.Tensor2D,
        ];
  const dA = actionGrad(critics, fs, dq, d);
  const aB = tf.div(alpha, B);
  const oneMinusY2 = tf.sub(1, tf.square(s.y));
  const sj = tf.mul(oneMinusY2, box.scale);
  const dU = tf.add(tf.mul(dA, sj), tf.mul(aB, tf.div(tf.mul(tf.mul(s.y, 2), sj), tf.add(sj, 1e-6))));
  const dLogStd = tf.sub(tf.mul(dU, tf.mul(s.std, eps)), aB);
  const dRaw = tf.mul(dLogStd, tf.mul(tf.sub(1, tf.square(s.tRaw)), 0.5 * (LOG_STD_MAX - LOG_STD_MIN)));
  const dOut = tf.concat([dU, dRaw], 1) as tf.Tensor2D;
  return { grads: backward(actor, s.f, dOut).grads, loss, logpMean: tf.mean(s.logp) as tf.Scalar };
}

/** ∂/∂ log α of CleanRL's alpha loss mean(−exp(log α)(log π + target entropy)), with log π held constant. */
export function alphaGrad(logAlpha: tf.Tensor, logpMean: tf.Tensor, targetEntropy: number): tf.Tensor {
  return tf.neg(tf.mul(tf.exp(logAlpha), tf.add(logpMean, targetEntropy)));
}
