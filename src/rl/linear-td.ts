/**
 * Linear value-function approximation, exactly: v̂ = X w with a feature matrix X (states × d). The expected
 * semi-gradient TD(0) update with states weighted by μ and next states drawn from the target policy's P_π is
 *   w ← w + α (A w + b),   A = Xᵀ D_μ (γ P_π − I) X,   b = Xᵀ D_μ r_π,   D_μ = diag(μ),
 * the average of the sampled update δ ∇v̂(s) (off-policy data corrected by per-step importance ratios have the same
 * average). Without bootstrapping (gradient Monte Carlo) the target is V^π itself: w ← w + α Xᵀ D_μ (V^π − X w).
 * Iterated in float64, with no sampling noise: the dynamics are exactly those of the deterministic linear map.
 */
import { luFactor, luSolve } from './linalg';
import { RLInputError } from './validate';

export interface LinearTDProblem {
  /** X[s] = feature vector of state s (states × d). */
  features: number[][];
  /** Target policy's state-to-state transitions P_π[s][s2]. */
  Ppi: number[][];
  /** Target policy's expected reward r_π[s]. */
  rpi: number[];
  /** State weighting μ (a distribution over states). */
  mu: number[];
  gamma: number;
}

export type LinearTarget = 'td' | 'mc';

function check(p: LinearTDProblem) {
  const S = p.features.length;
  if (S === 0) throw new RLInputError('no states');
  const d = p.features[0].length;
  if (p.features.some((x) => x.length !== d))
    throw new RLInputError('every feature vector needs the same length');
  if (p.Ppi.length !== S || p.Ppi.some((r) => r.length !== S))
    throw new RLInputError(`Ppi should be ${S} × ${S}`);
  if (p.rpi.length !== S || p.mu.length !== S) throw new RLInputError(`rpi and mu need ${S} entries`);
  if (!(p.gamma >= 0 && p.gamma < 1)) throw new RLInputError(`gamma = ${p.gamma} is outside [0, 1)`);
  return { S, d };
}

/** V^π = (I − γ P_π)^{-1} r_π. */
export function chainValues(Ppi: number[][], rpi: number[], gamma: number): number[] {
  const n = rpi.length;
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) M[i * n + j] = (i === j ? 1 : 0) - gamma * Ppi[i][j];
  return Array.from(luSolve(luFactor(M, n), rpi));
}

/** The stationary distribution μ of a row-stochastic matrix (μᵀ P = μᵀ, Σ μ = 1), for an irreducible chain. */
export function stationaryDistribution(P: number[][]): number[] {
  const n = P.length;
  // Solve (I − P)ᵀ μ = 0 with the last equation replaced by Σ μ = 1: rows of M are equations in μ.
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M[i * n + j] = (i === j ? 1 : 0) - P[j][i];
  for (let j = 0; j < n; j++) M[(n - 1) * n + j] = 1;
  const rhs = new Float64Array(n);
  rhs[n - 1] = 1;
  const mu = Array.from(luSolve(luFactor(M, n), rhs));
  if (mu.some((x) => !Number.isFinite(x)))
    throw new RLInputError('the chain has no unique stationary distribution');
  return mu;
}

/** A = Xᵀ D (γ P_π − I) X and b = Xᵀ D r_π (TD), or A = −Xᵀ D X and b = Xᵀ D V^π (Monte Carlo). */
export function linearTDMatrices(
  p: LinearTDProblem,
  target: LinearTarget = 'td',
): { A: number[][]; b: number[] } {
  const { S, d } = check(p);
  const X = p.features;
  // Y = (γ P_π − I) X for TD, −X for Monte Carlo; c = r_π for TD, V^π for Monte Carlo.
  const Y = X.map((_, s) =>
    Array.from({ length: d }, (_, j) => {
      if (target === 'mc') return -X[s][j];
      let v = -X[s][j];
      for (let t = 0; t < S; t++) v += p.gamma * p.Ppi[s][t] * X[t][j];
      return v;
    }),
  );
  const c = target === 'mc' ? chainValues(p.Ppi, p.rpi, p.gamma) : p.rpi;
  const A = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let v = 0;
      for (let s = 0; s < S; s++) v += X[s][i] * p.mu[s] * Y[s][j];
      return v;
    }),
  );
  const b = Array.from({ length: d }, (_, i) => {
    let v = 0;
    for (let s = 0; s < S; s++) v += X[s][i] * p.mu[s] * c[s];
    return v;
  });
  return { A, b };
}

export interface LinearTDRun {
  /** weights[k] = w after k expected updates (weights[0] = w0). */
  weights: number[][];
  /** ‖w_k‖₂. */
  norms: number[];
  /** RMS error over states of X w_k against V^π, weighted by μ: ‖X w_k − V^π‖_μ. */
  errors: number[];
  /** ‖w_K‖ / ‖w_{K−1}‖ at the end: above 1, the weights are growing geometrically. */
  lastGrowth: number;
}

/** Iterates the expected update w ← w + α (A w + b) `iterations` times from w0. */
export function expectedLinearTD(
  p: LinearTDProblem,
  {
    alpha,
    w0,
    iterations,
    target = 'td',
  }: { alpha: number; w0: number[]; iterations: number; target?: LinearTarget },
): LinearTDRun {
  const { S, d } = check(p);
  if (w0.length !== d) throw new RLInputError(`w0 should have ${d} entries`);
  const { A, b } = linearTDMatrices(p, target);
  const Vpi = chainValues(p.Ppi, p.rpi, p.gamma);
  const norm = (w: number[]) => {
    let n = 0;
    for (const x of w) n += x * x;
    return Math.sqrt(n);
  };
  const err = (w: number[]) => {
    let e = 0;
    for (let s = 0; s < S; s++) {
      let v = 0;
      for (let j = 0; j < d; j++) v += p.features[s][j] * w[j];
      e += p.mu[s] * (v - Vpi[s]) ** 2;
    }
    return Math.sqrt(e);
  };
  let w = w0.slice();
  const weights = [w];
  const norms = [norm(w)];
  const errors = [err(w)];
  for (let k = 0; k < iterations; k++) {
    const next = w.map((wi, i) => {
      let g = b[i];
      for (let j = 0; j < d; j++) g += A[i][j] * w[j];
      return wi + alpha * g;
    });
    w = next;
    weights.push(w);
    norms.push(norm(w));
    errors.push(err(w));
  }
  const K = norms.length;
  return { weights, norms, errors, lastGrowth: K > 1 ? norms[K - 1] / norms[K - 2] : 1 };
}

/**
 * The TD fixed point w* solving A w + b = 0, and the projected Bellman residual ‖Π_μ T^π X w* − X w*‖_μ (zero at
 * the fixed point; Π_μ = X (Xᵀ D X)^{-1} Xᵀ D is the μ-weighted least-squares projection onto the features' span).
 * Needs X of full column rank and A invertible.
 */
export function tdFixedPoint(p: LinearTDProblem): {
  w: number[];
  values: number[];
  projectedResidual: number;
} {
  const { S, d } = check(p);
  const { A, b } = linearTDMatrices(p, 'td');
  const flat = Float64Array.from(A.flat());
  const w = Array.from(
    luSolve(
      luFactor(flat, d),
      b.map((x) => -x),
    ),
  );
  if (w.some((x) => !Number.isFinite(x))) throw new RLInputError('A is singular: no unique TD fixed point');
  const X = p.features;
  const values = X.map((x) => x.reduce((acc, xi, j) => acc + xi * w[j], 0));
  const Tv = values.map(
    (_, s) => p.rpi[s] + p.gamma * p.Ppi[s].reduce((acc, q, t) => acc + q * values[t], 0),
  );
  const proj = projectOnFeatures(X, p.mu, Tv);
  let r = 0;
  for (let s = 0; s < S; s++) r += p.mu[s] * (proj[s] - values[s]) ** 2;
  return { w, values, projectedResidual: Math.sqrt(r) };
}

/** Π_μ v: the μ-weighted least-squares fit of v by X w, evaluated at every state. */
export function projectOnFeatures(X: number[][], mu: number[], v: number[]): number[] {
  const S = X.length;
  const d = X[0].length;
  const G = new Float64Array(d * d);
  const c = new Float64Array(d);
  for (let s = 0; s < S; s++)
    for (let i = 0; i < d; i++) {
      c[i] += X[s][i] * mu[s] * v[s];
      for (let j = 0; j < d; j++) G[i * d + j] += X[s][i] * mu[s] * X[s][j];
    }
  const w = luSolve(luFactor(G, d), c);
  return X.map((x) => x.reduce((acc, xi, j) => acc + xi * w[j], 0));
}

/** Transition matrix of a policy in an MDP-shaped P[a][s][s2]. */
export function policyTransitions(P: number[][][], pi: number[][]): number[][] {
  const S = pi.length;
  return Array.from({ length: S }, (_, s) =>
    Array.from({ length: S }, (_, t) => pi[s].reduce((acc, w, a) => acc + w * P[a][s][t], 0)),
  );
}
