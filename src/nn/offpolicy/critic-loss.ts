/**
 * The Q(s, a) critics of DDPG, TD3 and SAC and their TD loss with the hand-derived gradient (tested against
 * tf.grads in box-losses.test.ts). K critics (1 for DDPG, 2 for TD3 and SAC) share one flat parameter vector, so one
 * Adam step and one Polyak update serve them all (torch's one optimiser over qf1 and qf2 is the same, elementwise).
 *
 *   loss = Σ_k mean_i (Q_k(s_i, a_i) − y_i)²     (CleanRL: qf1_loss + qf2_loss, F.mse_loss each)
 *   ∂loss/∂Q_k(s_i, a_i) = 2 (Q_k − y_i) / B,   y held constant.
 */
import * as tf from '../tf';
import { backward, forward, pack, unpack, type Activations, type Sizes } from './net';

/** The weights of K critics whose parameters are concatenated in `flat` (K × paramCount(sizes)). */
export function unpackCritics(flat: tf.Tensor, sizes: Sizes, K: number): tf.Tensor[][] {
  if (K === 1) return [unpack(flat, sizes)];
  return tf.split(flat, K).map((p) => unpack(p, sizes));
}

/** Q_k(s, a) for every critic: [K] outputs of shape [B, 1], with their activations (for the backward pass). */
export function criticsForward(ws: tf.Tensor[][], obs: tf.Tensor2D, act: tf.Tensor2D): Activations[] {
  const x = tf.concat([obs, act], 1) as tf.Tensor2D;
  return ws.map((w) => forward(w, x));
}

/** The minimum over critics of Q_k(s, a), [B] (one critic: itself). */
export function minQ(fs: Activations[]): tf.Tensor1D {
  const q = fs.length === 1 ? fs[0].out : tf.minimum(fs[0].out, fs[1].out);
  return tf.reshape(q, [-1]) as tf.Tensor1D;
}

/**
 * Loss and gradients of all critics against the target `y`, as one flat vector in the parameters' order.
 * `stats` = [mean over critics of the MSE, mean |δ| of the first critic, mean Q_1 on the batch].
 */
export function criticLossAndGrads(
  ws: tf.Tensor[][],
  obs: tf.Tensor2D,
  act: tf.Tensor2D,
  y: tf.Tensor1D,
): { grad: tf.Tensor1D; loss: tf.Scalar; stats: tf.Tensor1D } {
  const B = obs.shape[0];
  const fs = criticsForward(ws, obs, act);
  const y2 = tf.reshape(y, [B, 1]);
  const deltas = fs.map((f) => tf.sub(f.out, y2));
  const losses = deltas.map((d) => tf.mean(tf.square(d)));
  const loss = (losses.length === 1 ? losses[0] : tf.add(losses[0], losses[1])) as tf.Scalar;
  const grads = fs.flatMap((f, k) => backward(ws[k], f, tf.mul(deltas[k], 2 / B) as tf.Tensor2D).grads);
  const stats = tf.stack([
    tf.div(loss, fs.length),
    tf.mean(tf.abs(deltas[0])),
    tf.mean(fs[0].out),
  ]) as tf.Tensor1D;
  return { grad: pack(grads), loss, stats };
}

/**
 * ∂(Σ_i c_ik Q_k(s_i, a_i))/∂a for per-row output weights `dq[k]` ([B, 1]): the actor's path through the critics.
 * The critics' own weights get no gradient here (the actor loss is minimised over the actor only).
 */
export function actionGrad(
  ws: tf.Tensor[][],
  fs: Activations[],
  dq: tf.Tensor2D[],
  obsSize: number,
): tf.Tensor2D {
  let dX: tf.Tensor2D | null = null;
  fs.forEach((f, k) => {
    const d = backward(ws[k], f, dq[k], { weights: false, input: true }).dX as tf.Tensor2D;
    dX = dX === null ? d : (tf.add(dX, d) as tf.Tensor2D);
  });
  const full = dX as unknown as tf.Tensor2D;
  return tf.slice(full, [0, obsSize], [-1, full.shape[1] - obsSize]);
}
