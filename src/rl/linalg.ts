/**
 * Dense LU factorisation with partial pivoting on a Float64Array (row-major n × n), and solves with the matrix or
 * its transpose. Hand-written because the systems here are small (≤ a few hundred states) and every widget
 * recomputes within a frame: no allocation beyond the factors, no dependency.
 */

export interface LU {
  n: number;
  lu: Float64Array;
  perm: Int32Array;
}

/** Factorises `m` (overwritten) as P m = L U. Throws if the matrix is singular to working precision. */
export function luFactor(m: Float64Array, n: number): LU {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(m[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(m[i * n + k]);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    if (max < 1e-300) throw new Error('singular matrix in luFactor');
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = m[k * n + j];
        m[k * n + j] = m[p * n + j];
        m[p * n + j] = t;
      }
      const t = perm[k];
      perm[k] = perm[p];
      perm[p] = t;
    }
    const pivot = m[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (m[i * n + k] /= pivot);
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) m[i * n + j] -= f * m[k * n + j];
    }
  }
  return { n, lu: m, perm };
}

/** Solves the small dense system A x = b (A as rows; neither argument is modified), by LU with partial pivoting. */
export function solveDense(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = A[i][j];
  return Array.from(luSolve(luFactor(m, n), b));
}

/** Solves A x = b. */
export function luSolve({ n, lu, perm }: LU, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]];
    for (let j = 0; j < i; j++) s -= lu[i * n + j] * x[j];
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * x[j];
    x[i] = s / lu[i * n + i];
  }
  return x;
}

/** Solves Aᵀ x = b (Aᵀ = Uᵀ Lᵀ P). */
export function luSolveTranspose({ n, lu, perm }: LU, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[j * n + i] * y[j];
    y[i] = s / lu[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let j = i + 1; j < n; j++) s -= lu[j * n + i] * y[j];
    y[i] = s;
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[perm[i]] = y[i];
  return x;
}
