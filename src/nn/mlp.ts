/**
 * Float32 multilayer perceptrons in plain TypeScript: the rollout forward pass (no tfjs, no GPU read-back per
 * environment step) and the seeded orthogonal initialisation. Layout: two tanh hidden layers, linear head.
 * Weights are row-major `[in][out]` so that `y = x W + b` matches tfjs `matMul(x, W)`.
 */

/** A source of standard normal samples (the run RNG). */
export interface NormalSource {
  normal(): number;
}

/** Parameters of an `in → h → h → out` tanh MLP, flat Float32Arrays in the order W1, b1, W2, b2, W3, b3. */
export interface MlpParams {
  sizes: readonly [number, number, number, number];
  tensors: Float32Array[];
  /** Hidden activation: tanh (PPO, REINFORCE; the default) or ReLU (the off-policy learners, as CleanRL's). */
  activation?: 'tanh' | 'relu';
  /**
   * How the outputs pick an action: sample their softmax (the default), take their argmax (Q values), or (box
   * actions) sample a diagonal Gaussian with the outputs as means and `logStd` (PPO, REINFORCE).
   */
  head?: 'softmax' | 'argmax' | 'gaussian';
  /** The Gaussian head's state-independent log standard deviations, one per action dimension. */
  logStd?: Float32Array;
}

/**
 * A `rows × cols` matrix with orthonormal rows or columns (whichever is fewer), times `gain`, drawn like
 * torch.nn.init.orthogonal_: QR of a Gaussian matrix with the signs of R's diagonal folded into Q.
 */
export function orthogonal(rows: number, cols: number, gain: number, rng: NormalSource): Float32Array {
  const tall = rows >= cols;
  const n = tall ? rows : cols; // long side
  const m = tall ? cols : rows; // short side: number of orthonormal vectors
  // m vectors of length n, Gram-Schmidt (modified, twice for stability).
  const q: Float64Array[] = [];
  for (let k = 0; k < m; k++) {
    const v = new Float64Array(n);
    for (let t = 0; t < n; t++) v[t] = rng.normal();
    let rkk = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (const u of q) {
        let d = 0;
        for (let t = 0; t < n; t++) d += u[t] * v[t];
        for (let t = 0; t < n; t++) v[t] -= d * u[t];
      }
    }
    for (let t = 0; t < n; t++) rkk += v[t] * v[t];
    rkk = Math.sqrt(rkk);
    for (let t = 0; t < n; t++) v[t] /= rkk;
    q.push(v);
  }
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (tall ? q[c][r] : q[r][c]);
  }
  return out;
}

/** Orthogonal init with hidden gain sqrt(2), the given head gain and zero biases. */
export function initMlp(
  sizes: readonly [number, number, number, number],
  headGain: number,
  rng: NormalSource,
): MlpParams {
  const [i, h1, h2, o] = sizes;
  return {
    sizes,
    tensors: [
      orthogonal(i, h1, Math.SQRT2, rng),
      new Float32Array(h1),
      orthogonal(h1, h2, Math.SQRT2, rng),
      new Float32Array(h2),
      orthogonal(h2, o, headGain, rng),
      new Float32Array(o),
    ],
  };
}

function dense(
  x: Float32Array,
  n: number,
  inDim: number,
  w: Float32Array,
  b: Float32Array,
  outDim: number,
  y: Float32Array,
  act: false | 'tanh' | 'relu',
): void {
  for (let r = 0; r < n; r++) {
    const yo = r * outDim;
    for (let j = 0; j < outDim; j++) y[yo + j] = b[j];
    const xo = r * inDim;
    for (let k = 0; k < inDim; k++) {
      const xv = x[xo + k];
      if (xv === 0) continue;
      const wo = k * outDim;
      for (let j = 0; j < outDim; j++) y[yo + j] += xv * w[wo + j];
    }
    if (act === 'tanh') for (let j = 0; j < outDim; j++) y[yo + j] = Math.tanh(y[yo + j]);
    else if (act === 'relu') for (let j = 0; j < outDim; j++) if (y[yo + j] < 0) y[yo + j] = 0;
  }
}

/** Reusable forward pass with preallocated buffers for up to `maxBatch` rows. */
export class MlpForward {
  private h1: Float32Array;
  private h2: Float32Array;
  readonly out: Float32Array;

  constructor(
    readonly sizes: readonly [number, number, number, number],
    private maxBatch: number,
  ) {
    this.h1 = new Float32Array(maxBatch * sizes[1]);
    this.h2 = new Float32Array(maxBatch * sizes[2]);
    this.out = new Float32Array(maxBatch * sizes[3]);
  }

  /** Computes the outputs of `n` rows of `x` into `this.out` (valid until the next call) and returns it. */
  run(p: MlpParams, x: Float32Array, n: number): Float32Array {
    if (n > this.maxBatch) {
      this.maxBatch = n;
      this.h1 = new Float32Array(n * this.sizes[1]);
      this.h2 = new Float32Array(n * this.sizes[2]);
      (this as { out: Float32Array }).out = new Float32Array(n * this.sizes[3]);
    }
    const [i, h1, h2, o] = this.sizes;
    const t = p.tensors;
    const act = p.activation ?? 'tanh';
    dense(x, n, i, t[0], t[1], h1, this.h1, act);
    dense(this.h1, n, h1, t[2], t[3], h2, this.h2, act);
    dense(this.h2, n, h2, t[4], t[5], o, this.out, false);
    return this.out;
  }
}
