/**
 * PPO's loss and its gradient with respect to every weight of the actor and the critic, derived by hand.
 *
 * Why not `tf.variableGrads`: the networks are tiny (4-32-32-2), so a train step costs per-op dispatch, not
 * arithmetic. The tape records every forward op and replays a gradient function for each; the hand-derived
 * backward pass below issues about a third of the kernels (fused matMul + bias in the forward pass, the softmax and
 * clipping gradients in closed form). `ppo-grads.test.ts` checks it against `tf.grads` of the same loss.
 *
 * The loss (CleanRL's ppo.py, minimised), over a minibatch of M rows with normalised advantages Â:
 *   pg   = mean_i max(−Â_i r_i, −Â_i clip(r_i, 1−ε, 1+ε)),  r_i = exp(log π(a_i|s_i) − log π_old(a_i|s_i))
 *   v    = ½ mean_i max((V_i − G_i)², (V_old,i + clip(V_i − V_old,i, −ε, ε) − G_i)²)   (or ½ mean (V_i − G_i)²)
 *   loss = pg − c_ent · mean_i H(π(·|s_i)) + c_v · v
 * Gradients (ties broken as tf.maximum and tf.clipByValue do, so the two agree exactly off a null set):
 *   ∂pg/∂log π(a_i|s_i) = −Â_i r_i 1[unclipped term ≥ clipped term] / M
 *   ∂/∂z_i (logits) of log π(a_i|s_i) = onehot(a_i) − π(·|s_i);   ∂H_i/∂z_ij = −π_ij (log π_ij + H_i)
 *   ∂v/∂V_i = (V_i − G_i) / M when the unclipped term is the max, else (Vclip_i − G_i) 1[|V_i − V_old,i| ≤ ε] / M
 * and the usual backward pass through two tanh layers (tanh' = 1 − tanh²).
 */
import * as tf from './tf';

/** One minibatch, all float32 on the device. */
export interface PpoMinibatch {
  obs: tf.Tensor2D; // [M, d]
  oneHot: tf.Tensor2D; // [M, A] one-hot of the actions taken
  oldLogp: tf.Tensor1D; // [M] log-probabilities under the rollout policy
  adv: tf.Tensor1D; // [M] advantages (already normalised if the config says so)
  ret: tf.Tensor1D; // [M] GAE returns (value targets)
  oldVal: tf.Tensor1D; // [M] values at rollout time
}

export interface PpoCoefs {
  /** Clip epsilon; Infinity = no clipping of the surrogate (nor of the value loss). */
  clip: number;
  entCoef: number;
  vfCoef: number;
  clipVloss: boolean;
}

/** The six weights of an `in → h → h → out` tanh MLP in the order W1, b1, W2, b2, W3, b3. */
export type MlpWeights = readonly tf.Tensor[];

interface Activations {
  h1: tf.Tensor2D;
  h2: tf.Tensor2D;
  out: tf.Tensor2D;
}

function forward(w: MlpWeights, x: tf.Tensor2D): Activations {
  const h1 = tf.tanh(tf.fused.matMul({ a: x, b: w[0] as tf.Tensor2D, bias: w[1] })) as tf.Tensor2D;
  const h2 = tf.tanh(tf.fused.matMul({ a: h1, b: w[2] as tf.Tensor2D, bias: w[3] })) as tf.Tensor2D;
  const out = tf.fused.matMul({ a: h2, b: w[4] as tf.Tensor2D, bias: w[5] }) as tf.Tensor2D;
  return { h1, h2, out };
}

/** Gradients of the six weights given ∂loss/∂out. */
function backward(w: MlpWeights, x: tf.Tensor2D, f: Activations, dOut: tf.Tensor2D): tf.Tensor[] {
  const dW3 = tf.matMul(f.h2, dOut, true, false);
  const db3 = tf.sum(dOut, 0);
  const dZ2 = tf.mul(tf.matMul(dOut, w[4] as tf.Tensor2D, false, true), tf.sub(1, tf.square(f.h2)));
  const dW2 = tf.matMul(f.h1, dZ2, true, false);
  const db2 = tf.sum(dZ2, 0);
  const dZ1 = tf.mul(tf.matMul(dZ2, w[2] as tf.Tensor2D, false, true), tf.sub(1, tf.square(f.h1)));
  const dW1 = tf.matMul(x, dZ1, true, false);
  const db1 = tf.sum(dZ1, 0);
  return [dW1, db1, dW2, db2, dW3, db3];
}

/** The statistics of one minibatch, by name. */
export const PPO_STATS = ['policyLoss', 'valueLoss', 'entropy', 'approxKl', 'clipFraction', 'loss'] as const;
export type PpoStat = (typeof PPO_STATS)[number];
export type PpoStats = Record<PpoStat, tf.Scalar>;

/**
 * Loss statistics and gradients for one minibatch. Returns the gradients in the order actor W1..b3, critic W1..b3,
 * and the named scalar statistics (`PPO_STATS`). Call inside `tf.tidy`.
 */
export function ppoLossAndGrads(
  actor: MlpWeights,
  critic: MlpWeights,
  mb: PpoMinibatch,
  c: PpoCoefs,
): { grads: tf.Tensor[]; stats: PpoStats } {
  const M = mb.obs.shape[0];
  const clipped = Number.isFinite(c.clip);

  // Actor: log-probabilities, ratio, clipped surrogate.
  const fa = forward(actor, mb.obs);
  const logp = tf.logSoftmax(fa.out);
  const p = tf.exp(logp);
  const newLogp = tf.sum(tf.mul(logp, mb.oneHot), 1);
  const logratio = tf.sub(newLogp, mb.oldLogp);
  const ratio = tf.exp(logratio);
  const negAdv = tf.neg(mb.adv);
  const pg1 = tf.mul(negAdv, ratio);
  let pgLoss: tf.Tensor;
  let dRatio: tf.Tensor; // ∂(sum of the per-row surrogate)/∂r_i
  let clipFrac: tf.Tensor;
  if (clipped) {
    const pg2 = tf.mul(negAdv, tf.clipByValue(ratio, 1 - c.clip, 1 + c.clip));
    pgLoss = tf.mean(tf.maximum(pg1, pg2));
    dRatio = tf.mul(negAdv, tf.cast(tf.greaterEqual(pg1, pg2), 'float32'));
    clipFrac = tf.mean(tf.cast(tf.greater(tf.abs(tf.sub(ratio, 1)), c.clip), 'float32'));
  } else {
    pgLoss = tf.mean(pg1);
    dRatio = negAdv;
    clipFrac = tf.scalar(0);
  }
  const rowEntropy = tf.neg(tf.sum(tf.mul(p, logp), 1));
  const entropy = tf.mean(rowEntropy);
  // ∂loss/∂logits = (dlogπ(a)/M)·(onehot − π) + (c_ent/M)·π·(log π + H)
  const dLogp = tf.reshape(tf.mul(tf.mul(dRatio, ratio), 1 / M), [M, 1]);
  const dLogitsPg = tf.mul(dLogp, tf.sub(mb.oneHot, p));
  const dLogits =
    c.entCoef !== 0
      ? tf.add(dLogitsPg, tf.mul(tf.mul(p, tf.add(logp, tf.reshape(rowEntropy, [M, 1]))), c.entCoef / M))
      : dLogitsPg;

  // Critic: (clipped) squared error.
  const fc = forward(critic, mb.obs);
  const v = tf.reshape(fc.out, [M]);
  const diff = tf.sub(v, mb.ret);
  let vLoss: tf.Tensor;
  let dV: tf.Tensor; // ∂(½ sum of the per-row value loss)/∂V_i
  if (c.clipVloss && clipped) {
    const dv = tf.sub(v, mb.oldVal);
    const diffClip = tf.sub(tf.add(mb.oldVal, tf.clipByValue(dv, -c.clip, c.clip)), mb.ret);
    const sqUn = tf.square(diff);
    const sqClip = tf.square(diffClip);
    vLoss = tf.mul(0.5, tf.mean(tf.maximum(sqUn, sqClip)));
    const inside = tf.cast(tf.lessEqual(tf.abs(dv), c.clip), 'float32');
    dV = tf.where(tf.greaterEqual(sqUn, sqClip), diff, tf.mul(diffClip, inside));
  } else {
    vLoss = tf.mul(0.5, tf.mean(tf.square(diff)));
    dV = diff;
  }
  const dValue = tf.reshape(tf.mul(dV, c.vfCoef / M), [M, 1]) as tf.Tensor2D;

  const grads = [
    ...backward(actor, mb.obs, fa, dLogits as tf.Tensor2D),
    ...backward(critic, mb.obs, fc, dValue),
  ];
  const approxKl = tf.mean(tf.sub(tf.sub(ratio, 1), logratio));
  const loss = tf.add(tf.sub(pgLoss, tf.mul(c.entCoef, entropy)), tf.mul(c.vfCoef, vLoss));
  const stats = { policyLoss: pgLoss, valueLoss: vLoss, entropy, approxKl, clipFraction: clipFrac, loss };
  return { grads, stats: stats as PpoStats };
}
