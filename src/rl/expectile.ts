/**
 * Expectiles (Newey and Powell 1987), the statistic implicit Q-learning regresses on. For tau in (0, 1) the
 * tau-expectile of X is the unique minimiser of m -> E[L_tau(X - m)] with L_tau(u) = |tau - 1{u < 0}| u^2; it is the
 * unique root of the decreasing function g(m) = tau E[(X - m)_+] - (1 - tau) E[(m - X)_+]. For a discrete law
 * g is piecewise linear between the sorted atoms, so the root is found exactly by one scan.
 */
import { RLInputError } from './validate';

/** The asymmetric squared loss L_tau(u) = |tau - 1{u < 0}| u^2. */
export function expectileLoss(u: number, tau: number): number {
  return (u < 0 ? 1 - tau : tau) * u * u;
}

/** E[L_tau(X - m)] for the discrete law with atoms `values` and probabilities `weights` (uniform if omitted). */
export function expectileRisk(
  values: readonly number[],
  m: number,
  tau: number,
  weights?: readonly number[],
): number {
  const w = normalisedWeights(values, weights);
  let risk = 0;
  for (let i = 0; i < values.length; i++) risk += w[i] * expectileLoss(values[i] - m, tau);
  return risk;
}

/** g(m) = tau E[(X - m)_+] - (1 - tau) E[(m - X)_+]: minus half the derivative of the risk; zero at the expectile. */
export function expectileResidual(
  values: readonly number[],
  m: number,
  tau: number,
  weights?: readonly number[],
): number {
  const w = normalisedWeights(values, weights);
  let up = 0;
  let down = 0;
  for (let i = 0; i < values.length; i++) {
    const u = values[i] - m;
    if (u > 0) up += w[i] * u;
    else down -= w[i] * u;
  }
  return tau * up - (1 - tau) * down;
}

function normalisedWeights(values: readonly number[], weights?: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new RLInputError('expectile: the distribution has no atoms');
  for (const v of values)
    if (!Number.isFinite(v)) throw new RLInputError(`expectile: atom ${v} is not finite`);
  if (!weights) return new Array<number>(n).fill(1 / n);
  if (weights.length !== n) throw new RLInputError(`expectile: ${n} atoms but ${weights.length} weights`);
  let z = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w))
      throw new RLInputError(`expectile: weight ${w} is not a finite w >= 0`);
    z += w;
  }
  if (!(z > 0)) throw new RLInputError('expectile: the weights sum to 0');
  return weights.map((w) => w / z);
}

function checkTau(tau: number, name: string, closed = false): void {
  const ok = closed ? tau >= 0 && tau <= 1 : tau > 0 && tau < 1;
  if (!ok) throw new RLInputError(`${name}: tau = ${tau} must lie in ${closed ? '[0, 1]' : '(0, 1)'}`);
}

/**
 * The tau-expectile of a discrete law, exactly (up to rounding). Sorting the atoms x_(1) <= ... <= x_(n), on each
 * interval [x_(k), x_(k+1)] the root of g solves a linear equation: m = (tau S_hi + (1 - tau) S_lo) /
 * (tau W_hi + (1 - tau) W_lo), with S and W the weighted sums and masses of the atoms above and at-or-below.
 */
export function expectile(values: readonly number[], tau: number, weights?: readonly number[]): number {
  checkTau(tau, 'expectile');
  const w = normalisedWeights(values, weights);
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const x = order.map((i) => values[i]);
  const p = order.map((i) => w[i]);
  const n = x.length;
  let sHi = 0;
  let wHi = 0;
  for (let i = 0; i < n; i++) {
    sHi += p[i] * x[i];
    wHi += p[i];
  }
  let sLo = 0;
  let wLo = 0;
  for (let k = 0; k < n; k++) {
    // Move atom k to the "at or below m" side and solve on [x_(k), x_(k+1)].
    sLo += p[k] * x[k];
    wLo += p[k];
    sHi -= p[k] * x[k];
    wHi -= p[k];
    const m = (tau * sHi + (1 - tau) * sLo) / (tau * wHi + (1 - tau) * wLo);
    const hi = k + 1 < n ? x[k + 1] : Infinity;
    if (m <= hi || k === n - 1) return Math.min(Math.max(m, x[0]), x[n - 1]);
  }
  return x[n - 1];
}

/** The lower tau-quantile inf{ x : F(x) >= tau } of a discrete law (tau in [0, 1]; tau = 0 gives the minimum). */
export function quantile(values: readonly number[], tau: number, weights?: readonly number[]): number {
  checkTau(tau, 'quantile', true);
  const w = normalisedWeights(values, weights);
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  let F = 0;
  for (const i of order) {
    F += w[i];
    if (F >= tau - 1e-12) return values[i];
  }
  return values[order[order.length - 1]];
}

/**
 * Bisection on g, independent of the exact scan: the property tests compare the two. g is continuous and strictly
 * decreasing, positive at min(X) and negative at max(X) unless X is constant.
 */
export function expectileByBisection(
  values: readonly number[],
  tau: number,
  weights?: readonly number[],
  iterations = 200,
): number {
  checkTau(tau, 'expectile');
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  for (let i = 0; i < iterations && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (expectileResidual(values, mid, tau, weights) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
