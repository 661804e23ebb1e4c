/**
 * The tfjs side of the actor and critic: variables initialised from the TypeScript parameters (so the run seed,
 * not tfjs's unseeded initialisers, decides them), a batched forward pass for the update, and one read-back per
 * update to sync the weights the rollout uses.
 */
import * as tf from './tf';
import type { MlpParams } from './mlp';

export class TfMlp {
  readonly vars: tf.Variable[];

  constructor(
    readonly params: MlpParams,
    name: string,
  ) {
    const shapes = [
      [params.sizes[0], params.sizes[1]],
      [params.sizes[1]],
      [params.sizes[1], params.sizes[2]],
      [params.sizes[2]],
      [params.sizes[2], params.sizes[3]],
      [params.sizes[3]],
    ];
    this.vars = params.tensors.map((t, k) =>
      tf.variable(tf.tensor(t, shapes[k]), true, `${name}_${k}_${uid++}`),
    );
  }

  /** Outputs for a batch `x` of shape [n, in]: [n, out]. */
  apply(x: tf.Tensor2D): tf.Tensor2D {
    const [w1, b1, w2, b2, w3, b3] = this.vars;
    const h1 = tf.tanh(tf.add(tf.matMul(x, w1 as tf.Tensor2D), b1));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, w2 as tf.Tensor2D), b2));
    return tf.add(tf.matMul(h2, w3 as tf.Tensor2D), b3) as tf.Tensor2D;
  }

  dispose(): void {
    for (const v of this.vars) v.dispose();
  }
}

let uid = 0;

/**
 * Copies the current variable values of several networks into their TypeScript params with a single GPU/wasm
 * read-back (one concat, one `data()`), and returns false if any value is NaN or infinite.
 */
export async function syncParams(nets: TfMlp[]): Promise<boolean> {
  const all = nets.flatMap((n) => n.vars);
  const flat = tf.tidy(() => tf.concat(all.map((v) => tf.reshape(v, [-1]))));
  const data = (await flat.data()) as Float32Array;
  flat.dispose();
  let off = 0;
  let finite = true;
  for (const n of nets) {
    for (const t of n.params.tensors) {
      for (let k = 0; k < t.length; k++) {
        const v = data[off + k];
        if (!Number.isFinite(v)) finite = false;
        t[k] = v;
      }
      off += t.length;
    }
  }
  return finite;
}

/**
 * Adam over all variables at once, as torch.optim.Adam (eps 1e-5 is the PPO detail), with the global gradient-norm
 * clip fused in (scale min(1, maxNorm / (norm + 1e-6)), as torch.nn.utils.clip_grad_norm_). The one optimiser of
 * the engine: PPO and REINFORCE (actor and critic) use it. Works on one flat concatenation of the gradients: ~75 tfjs ops per step instead of ~185 for
 * tf.train.adam plus a per-variable clip, which matters because a 32-unit MLP step is dominated by per-op
 * overhead on wasm.
 */
export class FlatAdam {
  private m: tf.Variable;
  private v: tf.Variable;
  private t = 0;
  private sizes: number[];
  learningRate: number;

  constructor(
    private vars: tf.Variable[],
    lr: number,
    private beta1 = 0.9,
    private beta2 = 0.999,
    private eps = 1e-5,
  ) {
    this.sizes = vars.map((x) => x.size);
    const n = this.sizes.reduce((a, b) => a + b, 0);
    this.m = tf.variable(tf.zeros([n]), false);
    this.v = tf.variable(tf.zeros([n]), false);
    this.learningRate = lr;
  }

  /**
   * One step from `grads` (same order as the variables), clipped to global norm `maxNorm` (Infinity = off).
   * Returns the norm before clipping; the caller disposes it.
   */
  apply(grads: tf.Tensor[], maxNorm: number): tf.Scalar {
    this.t += 1;
    const bc1 = 1 - this.beta1 ** this.t;
    const bc2 = 1 - this.beta2 ** this.t;
    return tf.tidy(() => {
      const g0 = tf.concat(grads.map((g) => tf.reshape(g, [-1])));
      const norm = tf.sqrt(tf.sum(tf.square(g0))) as tf.Scalar;
      const g = Number.isFinite(maxNorm)
        ? tf.mul(g0, tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-6))))
        : g0;
      const m = tf.add(tf.mul(this.m, this.beta1), tf.mul(g, 1 - this.beta1));
      const v = tf.add(tf.mul(this.v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
      this.m.assign(m);
      this.v.assign(v);
      const denom = tf.add(tf.div(tf.sqrt(v), Math.sqrt(bc2)), this.eps);
      const step = tf.mul(tf.div(m, denom), -this.learningRate / bc1);
      const parts = tf.split(step, this.sizes);
      this.vars.forEach((x, k) => x.assign(tf.add(x, tf.reshape(parts[k], x.shape))));
      return norm;
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}
