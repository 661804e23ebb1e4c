/**
 * K networks of the same sizes on one flat tfjs variable (K = 2 for twin critics), with their weight tensors split
 * out once per change of the variable and reused by every pass until the next change: a split is a kernel per
 * weight on wasm, and an update reads each network two or three times.
 */
import * as tf from '../tf';
import { layerShapes, paramCount, type Sizes } from './net';

export class FlatNet {
  readonly v: tf.Variable;
  private cache: tf.Tensor[][] | null = null;

  constructor(
    init: Float32Array,
    readonly sizes: Sizes,
    readonly K = 1,
    trainable = true,
  ) {
    if (init.length !== K * paramCount(sizes)) throw new Error('FlatNet: wrong parameter count');
    this.v = tf.variable(tf.tensor1d(init), trainable);
  }

  /** The six weight tensors of each of the K networks (kept across tidy scopes; freed on the next change). */
  members(): tf.Tensor[][] {
    if (!this.cache) {
      const shapes = layerShapes(this.sizes);
      const lens = shapes.map((s) => s.reduce((a, b) => a * b, 1));
      const all = new Array<number[]>(this.K).fill(lens).flat();
      const parts = tf.tidy(() => tf.split(this.v, all).map((t, i) => tf.keep(tf.reshape(t, shapes[i % 6]))));
      this.cache = Array.from({ length: this.K }, (_, k) => parts.slice(6 * k, 6 * k + 6));
    }
    return this.cache;
  }

  /** The weights of the first (or only) network. */
  weights(): tf.Tensor[] {
    return this.members()[0];
  }

  /** Assigns a new value (inside a tidy) and drops the cached split. */
  assign(value: tf.Tensor): void {
    this.v.assign(value);
    this.changed();
  }

  changed(): void {
    if (this.cache) tf.dispose(this.cache.flat());
    this.cache = null;
  }

  dispose(): void {
    this.changed();
    this.v.dispose();
  }
}
