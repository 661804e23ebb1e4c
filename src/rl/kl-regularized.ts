/**
 * The KL-regularised objective of RLHF for one prompt with finitely many responses (chapter 12):
 * F(π) = E_{y∼π}[r(y)] − β KL(π ‖ π_ref), its closed-form maximiser π*(y) = π_ref(y) e^{r(y)/β} / Z (the Gibbs
 * variational principle), a direct numerical maximiser that never uses the closed form (Newton's method on the
 * simplex), and the reward–KL frontier traced by π* as β sweeps.
 */
import { klDivergence } from './divergence';
import { logSumExp } from './softmax';
import { RLInputError } from './validate';

function checkInputs(ref: ArrayLike<number>, r: ArrayLike<number>, beta: number) {
  if (ref.length !== r.length)
    throw new RLInputError(`reference and rewards of different sizes (${ref.length} and ${r.length})`);
  if (ref.length === 0) throw new RLInputError('no responses');
  if (!(beta > 0) || !Number.isFinite(beta))
    throw new RLInputError(`β must be positive and finite (got ${beta})`);
  let s = 0;
  for (let i = 0; i < ref.length; i++) {
    if (!(ref[i] >= 0)) throw new RLInputError(`π_ref(${i}) = ${ref[i]} is not a probability`);
    if (!Number.isFinite(r[i])) throw new RLInputError(`r(${i}) = ${r[i]} is not finite`);
    s += ref[i];
  }
  if (Math.abs(s - 1) > 1e-9) throw new RLInputError(`π_ref sums to ${s}, not 1`);
}

/** E_π[r] − β KL(π ‖ π_ref): the objective of eq-ch12-rlhf-objective for one prompt (−Infinity if π ⊄ supp π_ref). */
export function klRegularizedObjective(
  pi: ArrayLike<number>,
  ref: ArrayLike<number>,
  r: ArrayLike<number>,
  beta: number,
): number {
  let er = 0;
  for (let i = 0; i < pi.length; i++) er += pi[i] * r[i];
  return er - beta * klDivergence(pi, ref);
}

export interface KlOptimum {
  /** π*(y) = π_ref(y) e^{r(y)/β} / Z. */
  pi: number[];
  /** log Z = log Σ_y π_ref(y) e^{r(y)/β}. */
  logZ: number;
  /** E_{π*}[r]. */
  expectedReward: number;
  /** KL(π* ‖ π_ref). */
  kl: number;
  /** The optimal value E_{π*}[r] − β KL(π* ‖ π_ref), which equals β log Z. */
  value: number;
}

/** The closed-form maximiser of E_π[r] − β KL(π ‖ π_ref) (thm-ch12-gibbs), computed in log space. */
export function klRegularizedOptimum(ref: ArrayLike<number>, r: ArrayLike<number>, beta: number): KlOptimum {
  checkInputs(ref, r, beta);
  const logits = Array.from(ref, (p, i) => (p > 0 ? Math.log(p) + r[i] / beta : -Infinity));
  const logZ = logSumExp(logits);
  const pi = logits.map((l) => (l === -Infinity ? 0 : Math.exp(l - logZ)));
  let expectedReward = 0;
  let kl = 0;
  for (let i = 0; i < pi.length; i++) {
    if (pi[i] === 0) continue;
    expectedReward += pi[i] * r[i];
    // log(π*/π_ref) = r/β − log Z exactly; this avoids the cancellation of log π* − log π_ref.
    kl += pi[i] * (r[i] / beta - logZ);
  }
  kl = Math.max(0, kl);
  return { pi, logZ, expectedReward, kl, value: beta * logZ };
}

export interface DirectMaximum {
  pi: number[];
  value: number;
  iterations: number;
  /** max_y |∂F/∂π_y − Σ π ∂F/∂π| at the returned π: zero exactly at the optimum (the stopping criterion). */
  gradNorm: number;
}

const supNormOf = (v: number[]) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/**
 * Maximises F(π) = Σ π (r − β log(π/π_ref)) over the simplex on the support of π_ref, starting from π_ref, by
 * Newton's method with the constraint Σ π = 1 (damped: the step stays inside the simplex and satisfies Armijo's
 * condition). F is strictly concave with the diagonal Hessian −β/π, so the Newton step is
 * d = (π/β)(g − Σ π g) with g = ∇F = r − β log(π/π_ref) − β. It uses only F and its first two derivatives, never
 * the closed form, so agreement with `klRegularizedOptimum` is a check of the theorem. Responses outside the
 * support of π_ref get probability 0 (any mass there makes the KL infinite).
 */
export function maximizeKlRegularized(
  ref: ArrayLike<number>,
  r: ArrayLike<number>,
  beta: number,
  { tol = 1e-14, maxIterations = 2000 } = {},
): DirectMaximum {
  checkInputs(ref, r, beta);
  const support = Array.from(ref, (p, i) => (p > 0 ? i : -1)).filter((i) => i >= 0);
  const refS = support.map((i) => ref[i]);
  const rS = support.map((i) => r[i]);
  const F = (p: number[]) => klRegularizedObjective(p, refS, rS, beta);
  const direction = (p: number[]) => {
    const g = p.map((x, i) => rS[i] - beta * Math.log(x / refS[i]) - beta);
    const gBar = p.reduce((s, x, i) => s + x * g[i], 0);
    // Projected gradient (what vanishes at the optimum) and the Newton step.
    const proj = g.map((x) => x - gBar);
    return { proj, d: p.map((x, i) => (x / beta) * proj[i]), g };
  };
  let pi = refS.slice();
  let cur = direction(pi);
  let value = F(pi);
  let it = 0;
  const scale = Math.max(1, beta, supNormOf(rS));
  // What rounding alone moves F by: its terms are of size |r| and β(1 + |log(π/π_ref)|), summed over the support.
  // Near the optimum a Newton step gains less than this, so F cannot judge it; comparing against a fixed 1e-15
  // instead made the line search reject good steps for large β (thousands of backtracked, useless iterations).
  const noise = 16 * Number.EPSILON * pi.length * (scale + Math.abs(value));
  for (; it < maxIterations && supNormOf(cur.proj) > tol * scale; it++) {
    const slope = cur.d.reduce((s, x, i) => s + x * cur.g[i], 0); // = Σ (π/β)(g − ḡ)² ≥ 0
    // Longest step keeping every probability positive (99 % of the way to the boundary), at most the full step.
    let t = 1;
    for (let i = 0; i < pi.length; i++) if (cur.d[i] < 0) t = Math.min(t, (-0.99 * pi[i]) / cur.d[i]);
    for (;;) {
      const next = pi.map((x, i) => x + t * cur.d[i]);
      const s = next.reduce((a, b) => a + b, 0);
      for (let i = 0; i < next.length; i++) next[i] /= s; // rounding only: Σ d = 0 exactly in exact arithmetic
      const v = F(next);
      const flat = Math.abs(v - value) <= noise;
      if (v >= value + 1e-4 * t * slope || flat || t < 1e-14) {
        pi = next;
        value = v;
        cur = direction(pi);
        break;
      }
      t /= 2;
    }
  }
  const full = new Array<number>(ref.length).fill(0);
  support.forEach((i, k) => (full[i] = pi[k]));
  return {
    pi: full,
    value: klRegularizedObjective(full, ref, r, beta),
    iterations: it,
    gradNorm: supNormOf(cur.proj),
  };
}

export interface FrontierPoint {
  beta: number;
  kl: number;
  expectedReward: number;
}

/** The reward–KL frontier: (KL(π*_β ‖ π_ref), E_{π*_β}[r]) for each β (prop-ch12-frontier). */
export function rewardKlFrontier(
  ref: ArrayLike<number>,
  r: ArrayLike<number>,
  betas: readonly number[],
): FrontierPoint[] {
  return betas.map((beta) => {
    const o = klRegularizedOptimum(ref, r, beta);
    return { beta, kl: o.kl, expectedReward: o.expectedReward };
  });
}

/** n values of β spaced evenly in log between lo and hi (the frontier's sweep). */
export function logSpacedBetas(lo: number, hi: number, n: number): number[] {
  if (n < 2) return [lo];
  const a = Math.log(lo);
  const b = Math.log(hi);
  return Array.from({ length: n }, (_, i) => Math.exp(a + ((b - a) * i) / (n - 1)));
}
