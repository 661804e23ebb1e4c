/**
 * A ReLU MLP `in → h1 → h2 → out` (net.ts's layout: W1 [in][h1], b1, W2, b2, W3, b3 on one flat vector) with its
 * forward pass and hand-derived backward pass on arena arrays. The three products that carry nearly all the work
 * (h1 · W2, h1ᵀ · dZ2, dZ2 · W2ᵀ, and the input layer's wide ones) go to the gemm kernel; the narrow ones (the
 * output layer, the input gradient) and the elementwise steps are TypeScript loops.
 *
 * Each instance owns the scratch of one pass (activations of up to `rows` rows), so a network read twice in one
 * update (online and target, or a critic in the critic and the actor step) uses one instance per read.
 */
import type { Sizes } from '../net';
import type { Arena, Buf, Kernels } from './arena';

export class Mlp {
  readonly w1: Buf;
  readonly b1: Buf;
  readonly w2: Buf;
  readonly b2: Buf;
  readonly w3: Buf;
  readonly b3: Buf;
  readonly g: { w1: Buf; b1: Buf; w2: Buf; b2: Buf; w3: Buf; b3: Buf } | null;
  readonly h1: Buf;
  readonly h2: Buf;
  readonly out: Buf;
  private readonly xT: Buf;
  private readonly h1T: Buf;
  private readonly w2T: Buf;
  private readonly dZ2: Buf;
  private readonly dZ1: Buf;
  private x: Buf | null = null;
  private n = 0;
  private k: Kernels | null = null;

  constructor(
    arena: Arena,
    readonly sizes: Sizes,
    readonly rows: number,
    readonly params: Buf,
    readonly grads: Buf | null,
  ) {
    const [i, a, b, o] = sizes;
    const parts = (v: Buf) => {
      let off = 0;
      const take = (len: number) => {
        const s = arena.sub(v, off, len);
        off += len;
        return s;
      };
      return { w1: take(i * a), b1: take(a), w2: take(a * b), b2: take(b), w3: take(b * o), b3: take(o) };
    };
    const p = parts(params);
    this.w1 = p.w1;
    this.b1 = p.b1;
    this.w2 = p.w2;
    this.b2 = p.b2;
    this.w3 = p.w3;
    this.b3 = p.b3;
    this.g = grads ? parts(grads) : null;
    this.h1 = arena.f32(rows * a);
    this.h2 = arena.f32(rows * b);
    this.out = arena.f32(rows * o);
    this.xT = arena.f32(rows * i);
    this.h1T = arena.f32(rows * a);
    this.w2T = arena.f32(a * b);
    this.dZ2 = arena.f32(rows * b);
    this.dZ1 = arena.f32(rows * a);
  }

  /** After the arena is built. */
  bind(k: Kernels): void {
    this.k = k;
  }

  /** Outputs of the `n` rows of `x` ([n][in], an arena array) into `this.out`; keeps what backward needs. */
  forward(x: Buf, n: number): Float32Array {
    if (n > this.rows) throw new Error(`Mlp: ${n} rows, room for ${this.rows}`);
    const [i, a, b, o] = this.sizes;
    const gemm = (this.k as Kernels).gemm;
    this.x = x;
    this.n = n;
    gemm(x, this.w1, this.h1, n, i, a, false);
    biasRelu(this.h1.a, this.b1.a, n, a, true);
    gemm(this.h1, this.w2, this.h2, n, a, b, false);
    biasRelu(this.h2.a, this.b2.a, n, b, true);
    gemm(this.h2, this.w3, this.out, n, b, o, false);
    biasRelu(this.out.a, this.b3.a, n, o, false);
    return this.out.a;
  }

  /**
   * Backward pass of the last forward given ∂loss/∂out (`dOut`, [n][out]): the gradient of every weight into
   * `grads` (added to it with `accumulate`, else overwritten; skipped with `weights: false`) and, with `dX`,
   * ∂loss/∂x into it ([n][in]).
   */
  backward(
    dOut: Float32Array,
    opts: { weights?: boolean; accumulate?: boolean; dX?: Float32Array } = {},
  ): void {
    const x = this.x;
    if (!x) throw new Error('Mlp.backward before forward');
    const wantW = opts.weights !== false;
    if (wantW && !this.g) throw new Error('Mlp: this network has no gradient arrays');
    const acc = opts.accumulate === true;
    const n = this.n;
    const [i, a, b, o] = this.sizes;
    const gemm = (this.k as Kernels).gemm;
    const g = this.g;
    const h1 = this.h1.a;
    const h2 = this.h2.a;
    const dZ2 = this.dZ2.a;
    const dZ1 = this.dZ1.a;
    // output layer (narrow): dW3 = h2ᵀ dOut, db3 = Σ dOut, dZ2 = (dOut W3ᵀ) ⊙ 1[h2 > 0]
    if (wantW && g) {
      outerAccumulate(h2, dOut, n, b, o, g.w3.a, acc);
      colSum(dOut, n, o, g.b3.a, acc);
    }
    const w3 = this.w3.a;
    for (let r = 0; r < n; r++) {
      const zo = r * b;
      const go = r * o;
      for (let k = 0; k < b; k++) {
        if (h2[zo + k] <= 0) {
          dZ2[zo + k] = 0;
          continue;
        }
        let s = 0;
        const wo = k * o;
        for (let j = 0; j < o; j++) s += dOut[go + j] * w3[wo + j];
        dZ2[zo + k] = s;
      }
    }
    // middle layer: dW2 = h1ᵀ dZ2, db2 = Σ dZ2, dZ1 = (dZ2 W2ᵀ) ⊙ 1[h1 > 0]
    if (wantW && g) {
      transpose(h1, n, a, this.h1T.a);
      gemm(this.h1T, this.dZ2, g.w2, a, n, b, acc);
      colSum(dZ2, n, b, g.b2.a, acc);
    }
    transpose(this.w2.a, a, b, this.w2T.a);
    gemm(this.dZ2, this.w2T, this.dZ1, n, b, a, false);
    for (let k = 0; k < n * a; k++) if (h1[k] <= 0) dZ1[k] = 0;
    // input layer: dW1 = xᵀ dZ1, db1 = Σ dZ1, dX = dZ1 W1ᵀ
    if (wantW && g) {
      transpose(x.a, n, i, this.xT.a);
      gemm(this.xT, this.dZ1, g.w1, i, n, a, acc);
      colSum(dZ1, n, a, g.b1.a, acc);
    }
    if (opts.dX) {
      const dX = opts.dX;
      const w1 = this.w1.a;
      for (let r = 0; r < n; r++) {
        const zo = r * a;
        for (let c = 0; c < i; c++) {
          let s = 0;
          const wo = c * a;
          for (let k = 0; k < a; k++) s += dZ1[zo + k] * w1[wo + k];
          dX[r * i + c] = s;
        }
      }
    }
  }
}

function biasRelu(y: Float32Array, bias: Float32Array, n: number, m: number, relu: boolean): void {
  for (let r = 0; r < n; r++) {
    const o = r * m;
    for (let j = 0; j < m; j++) {
      const v = y[o + j] + bias[j];
      y[o + j] = relu && v < 0 ? 0 : v;
    }
  }
}

/** out[n][m] → outT[m][n]. */
export function transpose(src: Float32Array, n: number, m: number, dst: Float32Array): void {
  for (let r = 0; r < n; r++) {
    const o = r * m;
    for (let c = 0; c < m; c++) dst[c * n + r] = src[o + c];
  }
}

function colSum(d: Float32Array, n: number, m: number, out: Float32Array, acc: boolean): void {
  if (!acc) out.fill(0, 0, m);
  for (let r = 0; r < n; r++) {
    const o = r * m;
    for (let j = 0; j < m; j++) out[j] += d[o + j];
  }
}

/** W[k][j] (+)= Σ_r x[r][k] d[r][j] for a narrow d (the output layer). */
function outerAccumulate(
  x: Float32Array,
  d: Float32Array,
  n: number,
  kx: number,
  m: number,
  W: Float32Array,
  acc: boolean,
) {
  if (!acc) W.fill(0, 0, kx * m);
  for (let r = 0; r < n; r++) {
    const xo = r * kx;
    const dO = r * m;
    for (let k = 0; k < kx; k++) {
      const xv = x[xo + k];
      if (xv === 0) continue;
      const wo = k * m;
      for (let j = 0; j < m; j++) W[wo + j] += xv * d[dO + j];
    }
  }
}
