/**
 * torch.optim.Adam (CleanRL's optimiser for DQN, DDPG, TD3, SAC: eps 1e-8, no gradient clipping) on one flat
 * parameter variable, and the Polyak target update on one: about a dozen kernels per step for a whole network.
 */
import * as tf from '../tf';

export class FlatVarAdam {
  private m: tf.Variable;
  private v: tf.Variable;
  private t = 0;

  constructor(
    readonly param: tf.Variable,
    public learningRate: number,
    private beta1 = 0.9,
    private beta2 = 0.999,
    private eps = 1e-8,
  ) {
    this.m = tf.variable(tf.zerosLike(param), false);
    this.v = tf.variable(tf.zerosLike(param), false);
  }

  /** One step against the flat gradient `g` (same shape as the parameter). */
  apply(g: tf.Tensor): void {
    this.t += 1;
    const bc1 = 1 - this.beta1 ** this.t;
    const bc2 = 1 - this.beta2 ** this.t;
    tf.tidy(() => {
      const m = tf.add(tf.mul(this.m, this.beta1), tf.mul(g, 1 - this.beta1));
      const v = tf.add(tf.mul(this.v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
      this.m.assign(m);
      this.v.assign(v);
      // torch: p -= lr/bc1 · m / (sqrt(v)/sqrt(bc2) + eps)
      const denom = tf.add(tf.mul(tf.sqrt(v), 1 / Math.sqrt(bc2)), this.eps);
      this.param.assign(tf.sub(this.param, tf.mul(tf.div(m, denom), this.learningRate / bc1)));
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}

/** target ← τ·source + (1 − τ)·target (τ = 1: a hard copy). */
export function polyak(target: tf.Variable, source: tf.Variable, tau: number): void {
  tf.tidy(() => {
    target.assign(tau >= 1 ? tf.clone(source) : tf.add(tf.mul(source, tau), tf.mul(target, 1 - tau)));
  });
}
