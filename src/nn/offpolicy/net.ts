/**
 * The off-policy learners' networks: `in → h → h → out` MLPs with ReLU hidden layers (CleanRL's QNetwork, Actor and
 * SoftQNetwork), each network's parameters one flat float32 vector in the order W1, b1, W2, b2, W3, b3 (W row-major
 * `[in][out]`, so `y = x W + b` as tfjs `matMul(x, W)`).
 *
 * One flat vector per network (a tf.Variable on the device, a Float32Array in TypeScript) because the optimiser,
 * the Polyak target update and the read-back for acting then cost a handful of kernels each, not six per weight.
 * The forward pass and the hand-derived backward pass below are the tfjs side; `forwardTs` is the acting side
 * (plain TypeScript, no read-back per environment step).
 */
import * as tf from '../tf';
import type { MlpParams } from '../mlp';

export type Sizes = readonly [number, number, number, number];

/** Shapes of the six parameter arrays. */
export function layerShapes(s: Sizes): number[][] {
  return [[s[0], s[1]], [s[1]], [s[1], s[2]], [s[2]], [s[2], s[3]], [s[3]]];
}

export function paramCount(s: Sizes): number {
  return s[0] * s[1] + s[1] + s[1] * s[2] + s[2] + s[2] * s[3] + s[3];
}

/** A source of uniform samples in [0, 1) (the run RNG). */
export interface UniformSource {
  uniform(): number;
}

/**
 * torch.nn.Linear's default initialisation, which CleanRL's off-policy scripts keep: weights and biases uniform in
 * ±1/√fan_in (kaiming_uniform with a = √5), drawn from the run RNG so the seed decides them.
 */
export function initLinearTorch(s: Sizes, rng: UniformSource): Float32Array {
  const out = new Float32Array(paramCount(s));
  let o = 0;
  for (let layer = 0; layer < 3; layer++) {
    const fanIn = s[layer];
    const n = fanIn * s[layer + 1] + s[layer + 1]; // the weight, then its bias: same bound
    const bound = 1 / Math.sqrt(fanIn);
    for (let k = 0; k < n; k++) out[o + k] = (2 * rng.uniform() - 1) * bound;
    o += n;
  }
  return out;
}

/** Scratch buffers for `forwardTs`, sized for up to `rows` inputs. */
export class TsForward {
  private h1: Float32Array;
  private h2: Float32Array;
  readonly out: Float32Array;

  constructor(
    readonly sizes: Sizes,
    readonly rows: number,
  ) {
    this.h1 = new Float32Array(rows * sizes[1]);
    this.h2 = new Float32Array(rows * sizes[2]);
    this.out = new Float32Array(rows * sizes[3]);
  }

  /** Outputs of `n ≤ rows` rows of `x` into `this.out` (valid until the next call), with parameters `p`. */
  run(p: Float32Array, x: ArrayLike<number>, n: number): Float32Array {
    const [i, a, b, o] = this.sizes;
    let off = 0;
    const w1 = off;
    off += i * a;
    const b1 = off;
    off += a;
    const w2 = off;
    off += a * b;
    const b2 = off;
    off += b;
    const w3 = off;
    off += b * o;
    const b3 = off;
    dense(x, n, i, p, w1, b1, a, this.h1, true);
    dense(this.h1, n, a, p, w2, b2, b, this.h2, true);
    dense(this.h2, n, b, p, w3, b3, o, this.out, false);
    return this.out;
  }
}

function dense(
  x: ArrayLike<number>,
  n: number,
  inDim: number,
  p: Float32Array,
  wOff: number,
  bOff: number,
  outDim: number,
  y: Float32Array,
  relu: boolean,
): void {
  for (let r = 0; r < n; r++) {
    const yo = r * outDim;
    for (let j = 0; j < outDim; j++) y[yo + j] = p[bOff + j];
    const xo = r * inDim;
    for (let k = 0; k < inDim; k++) {
      const xv = x[xo + k];
      if (xv === 0) continue;
      const wo = wOff + k * outDim;
      for (let j = 0; j < outDim; j++) y[yo + j] += xv * p[wo + j];
    }
    if (relu) for (let j = 0; j < outDim; j++) if (y[yo + j] < 0) y[yo + j] = 0;
  }
}

/** The six weight tensors of a network whose flat parameters are `flat` (one split + reshapes). */
export function unpack(flat: tf.Tensor, s: Sizes): tf.Tensor[] {
  const shapes = layerShapes(s);
  const parts = tf.split(
    flat,
    shapes.map((sh) => sh.reduce((a, b) => a * b, 1)),
  );
  return parts.map((t, k) => tf.reshape(t, shapes[k]));
}

/** Flattens six gradient tensors (same order as the weights) into one vector. */
export function pack(grads: tf.Tensor[]): tf.Tensor1D {
  return tf.concat(grads.map((g) => tf.reshape(g, [-1]))) as tf.Tensor1D;
}

export interface Activations {
  x: tf.Tensor2D;
  h1: tf.Tensor2D;
  h2: tf.Tensor2D;
  out: tf.Tensor2D;
}

/** Forward pass: three fused matMul + bias (+ ReLU) kernels. */
export function forward(w: readonly tf.Tensor[], x: tf.Tensor2D): Activations {
  const h1 = tf.fused.matMul({ a: x, b: w[0] as tf.Tensor2D, bias: w[1], activation: 'relu' }) as tf.Tensor2D;
  const h2 = tf.fused.matMul({
    a: h1,
    b: w[2] as tf.Tensor2D,
    bias: w[3],
    activation: 'relu',
  }) as tf.Tensor2D;
  const out = tf.fused.matMul({ a: h2, b: w[4] as tf.Tensor2D, bias: w[5] }) as tf.Tensor2D;
  return { x, h1, h2, out };
}

/** ∂/∂(pre-activation) of a ReLU layer given ∂/∂(its output) `dH` and the output `h` (ReLU' = 1[h > 0]). */
function reluBack(dH: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(dH, tf.step(h)) as tf.Tensor2D;
}

/**
 * Backward pass given ∂loss/∂out: the gradients of the six weights (`weights: false` skips them, for a network the
 * loss is not minimised over) and, with `input`, ∂loss/∂x (the actor's path through the critic).
 */
export function backward(
  w: readonly tf.Tensor[],
  f: Activations,
  dOut: tf.Tensor2D,
  opts: { weights?: boolean; input?: boolean } = {},
): { grads: tf.Tensor[]; dX: tf.Tensor2D | null } {
  const wantW = opts.weights !== false;
  // Explicit transposes: tfjs-wasm's matMul with transposeA/transposeB is 5-8× slower than a transpose followed by a
  // plain matMul at these sizes (measured: 256×64 · 256×64ᵀ, 12.1 ms vs 1.7 ms on the loaded 2-core machine).
  const T = (m: tf.Tensor) => tf.transpose(m) as tf.Tensor2D;
  const dZ2 = reluBack(tf.matMul(dOut, T(w[4])), f.h2);
  const dZ1 = reluBack(tf.matMul(dZ2, T(w[2])), f.h1);
  const grads = wantW
    ? [
        tf.matMul(T(f.x), dZ1),
        tf.sum(dZ1, 0),
        tf.matMul(T(f.h1), dZ2),
        tf.sum(dZ2, 0),
        tf.matMul(T(f.h2), dOut),
        tf.sum(dOut, 0),
      ]
    : [];
  const dX = opts.input ? (tf.matMul(dZ1, T(w[0])) as tf.Tensor2D) : null;
  return { grads, dX };
}

/** The same network written with ordinary ops, for `tf.grads` in the tests. */
export function forwardPlain(w: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D {
  const h1 = tf.relu(tf.add(tf.matMul(x, w[0] as tf.Tensor2D), w[1])) as tf.Tensor2D;
  const h2 = tf.relu(tf.add(tf.matMul(h1, w[2] as tf.Tensor2D), w[3])) as tf.Tensor2D;
  return tf.add(tf.matMul(h2, w[4] as tf.Tensor2D), w[5]) as tf.Tensor2D;
}

/** The flat parameters as the engine's `MlpParams` (views, no copy), marked as a ReLU network. */
export function toMlpParams(sizes: Sizes, p: Float32Array): MlpParams {
  const out: Float32Array[] = [];
  let o = 0;
  for (const shape of layerShapes(sizes)) {
    const n = shape.reduce((a, b) => a * b, 1);
    out.push(p.subarray(o, o + n));
    o += n;
  }
  return { sizes, tensors: out, activation: 'relu' };
}
