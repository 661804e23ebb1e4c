/**
 * torch.optim.Adam (CleanRL's optimiser for DQN, DDPG, TD3, SAC: eps 1e-8, no gradient clipping) on one flat
 * parameter variable, and the Polyak target update on one: about a dozen kernels per step for a whole network.
 */
import * as tf from '../tf';
import type { FlatNet } from './flat-net';

export class FlatVarAdam {
  private m: tf.Variable;
  private v: tf.Variable;
  private t = 0;

  private readonly param: tf.Variable;

  constructor(
    private readonly target: tf.Variable | FlatNet,
    public learningRate: number,
    private beta1 = 0.9,
    private beta2 = 0.999,
    private eps = 1e-8,
  ) {
    this.param = target instanceof tf.Variable ? target : target.v;
    this.m = tf.variable(tf.zerosLike(this.param), false);
    this.v = tf.variable(tf.zerosLike(this.param), false);
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
      const next = tf.sub(this.param, tf.mul(tf.div(m, denom), this.learningRate / bc1));
      if (this.target instanceof tf.Variable) this.target.assign(next);
      else this.target.assign(next);
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}

/** target ← τ·source + (1 − τ)·target (τ = 1: a hard copy). */
export function polyak(target: FlatNet, source: FlatNet, tau: number): void {
  tf.tidy(() => {
    target.assign(tau >= 1 ? tf.clone(source.v) : tf.add(tf.mul(source.v, tau), tf.mul(target.v, 1 - tau)));
  });
}
