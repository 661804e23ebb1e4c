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
 *
 * Box actions (CleanRL's ppo_continuous_action.py): a diagonal Gaussian with the actor's outputs as means μ and a
 * state-independent log standard deviation ℓ (one parameter per action dimension), z = (a − μ)/σ, σ = exp(ℓ):
 *   log π(a|s) = Σ_k (−½ z_k² − ℓ_k − ½ log 2π),   H = Σ_k (½ + ½ log 2π + ℓ_k)
 *   ∂ log π/∂μ_k = z_k / σ_k,   ∂ log π/∂ℓ_k = z_k² − 1,   ∂H/∂ℓ_k = 1
 * (the action is the unclipped sample; the env clips it to its box).
 */
import * as tf from './tf';

/** One minibatch, all float32 on the device. */
export interface PpoMinibatch {
  obs: tf.Tensor2D; // [M, d]
  /** [M, A]: the one-hot of the actions taken (categorical), or the sampled unclipped actions (Gaussian). */
  action: tf.Tensor2D;
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

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Loss statistics and gradients for one minibatch. Returns the gradients in the order actor W1..b3, critic W1..b3
 * (then the log-std for a Gaussian policy), and the named scalar statistics (`PPO_STATS`). `logStd` given: the
 * policy is the diagonal Gaussian of the box case and `mb.action` holds actions; otherwise categorical over the
 * actor's logits. Call inside `tf.tidy`.
 */
export function ppoLossAndGrads(
  actor: MlpWeights,
  critic: MlpWeights,
  mb: PpoMinibatch,
  c: PpoCoefs,
  logStd?: tf.Tensor1D,
): { grads: tf.Tensor[]; stats: PpoStats } {
  const M = mb.obs.shape[0];
  const clipped = Number.isFinite(c.clip);

  // Actor: log-probabilities, ratio, clipped surrogate.
  const fa = forward(actor, mb.obs);
  const head = logStd ? gaussianHead(fa.out, mb.action, logStd) : categoricalHead(fa.out, mb.action);
  const newLogp = head.logp;
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
  const entropy = head.entropy;
  // ∂loss/∂log π(a_i|s_i), then through the head to the actor's outputs (and the log-std)
  const dLogp = tf.reshape(tf.mul(tf.mul(dRatio, ratio), 1 / M), [M, 1]) as tf.Tensor2D;
  const { dOut: dLogits, dLogStd } = head.backward(dLogp, c.entCoef);

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

  const grads = [...backward(actor, mb.obs, fa, dLogits), ...backward(critic, mb.obs, fc, dValue)];
  if (dLogStd) grads.push(dLogStd);
  const approxKl = tf.mean(tf.sub(tf.sub(ratio, 1), logratio));
  const loss = tf.add(tf.sub(pgLoss, tf.mul(c.entCoef, entropy)), tf.mul(c.vfCoef, vLoss));
  const stats = { policyLoss: pgLoss, valueLoss: vLoss, entropy, approxKl, clipFraction: clipFrac, loss };
  return { grads, stats: stats as PpoStats };
}

interface Head {
  /** [M] log-probabilities of the taken actions. */
  logp: tf.Tensor1D;
  /** Mean entropy over the minibatch. */
  entropy: tf.Scalar;
  /**
   * Gradient of `Σ_i dLogp_i log π(a_i|s_i) − entCoef · entropy` with respect to the actor's outputs (and the
   * log-std, for the Gaussian).
   */
  backward(dLogp: tf.Tensor2D, entCoef: number): { dOut: tf.Tensor2D; dLogStd?: tf.Tensor };
}

/** Softmax over logits; `oneHot` marks the actions taken. */
function categoricalHead(logits: tf.Tensor2D, oneHot: tf.Tensor2D): Head {
  const M = logits.shape[0];
  const logp = tf.logSoftmax(logits);
  const p = tf.exp(logp);
  const rowEntropy = tf.neg(tf.sum(tf.mul(p, logp), 1));
  return {
    logp: tf.sum(tf.mul(logp, oneHot), 1),
    entropy: tf.mean(rowEntropy),
    backward(dLogp, entCoef) {
      // ∂/∂logits = dlogπ(a)·(onehot − π) + (c_ent/M)·π·(log π + H)
      const pg = tf.mul(dLogp, tf.sub(oneHot, p));
      const dOut =
        entCoef !== 0
          ? tf.add(pg, tf.mul(tf.mul(p, tf.add(logp, tf.reshape(rowEntropy, [M, 1]))), entCoef / M))
          : pg;
      return { dOut: dOut as tf.Tensor2D };
    },
  };
}

/** Diagonal Gaussian: means from the actor, state-independent log-std; `action` holds the unclipped samples. */
function gaussianHead(mean: tf.Tensor2D, action: tf.Tensor2D, logStd: tf.Tensor1D): Head {
  const A = mean.shape[1];
  const invStd = tf.exp(tf.neg(logStd));
  const z = tf.mul(tf.sub(action, mean), invStd);
  const logp = tf.sub(tf.mul(tf.sum(tf.square(z), 1), -0.5), tf.add(tf.sum(logStd), A * HALF_LOG_2PI));
  return {
    logp: logp as tf.Tensor1D,
    entropy: tf.add(tf.sum(logStd), A * (0.5 + HALF_LOG_2PI)) as tf.Scalar,
    backward(dLogp, entCoef) {
      const dOut = tf.mul(dLogp, tf.mul(z, invStd)) as tf.Tensor2D;
      // Σ_i dLogp_i (z_ik² − 1) − c_ent (∂H/∂ℓ_k = 1)
      const dLogStd = tf.sub(tf.sum(tf.mul(dLogp, tf.sub(tf.square(z), 1)), 0), entCoef);
      return { dOut, dLogStd };
    },
  };
}
