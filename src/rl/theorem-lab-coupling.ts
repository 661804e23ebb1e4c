/**
 * Chapter 8's statements for the "break this theorem" lab, on one instance (its MDP and the pair π, π′): the two
 * sides of each, for `theorem-lab-statements.ts`.
 *
 *  - thm-maximal-coupling: the maximal coupling of π(·|s) and π′(·|s) (`maximalCoupling`, its joint matrix) has
 *    Pr(a ≠ a′) = D_TV, checked as D_TV ≥ Pr(a ≠ a′) at the worst state; note 004 ends its construction with
 *    Pr(X ≠ Y) = m = Σ_a min(π, π′), which is 1 − D_TV.
 *  - lem-coupled-trajectories: for t = 1, …, COUPLING_HORIZON, Pr(the coupled pair disagreed before t)
 *    ≤ 1 − (1 − α)^t with α = max_s D_TV; note 004's Lemma 14 draws a and a′ independently.
 *  - its consequence D_TV(law of s_t under π, under π′) ≤ 1 − (1 − α)^t (what chapter 5's proof uses).
 *  - thm-pinsker: D_TV(π(·|s), π′(·|s)) ≤ √(D_KL(π(·|s) ‖ π′(·|s))/2) at the worst state.
 *
 * Precision. Near π′ = π every side is tiny and a difference of rounded probabilities would be mostly rounding, so
 * the per-state divergences are computed from the logits: with Δ = θ′ − θ and x_a = log(π′/π) = Δ_a − log Σ π e^Δ
 * (by log1p/expm1, accurate to relative 1e-16 of x), π′ − π = π·expm1(x), D_TV = ½ Σ π|expm1(x)|, and
 * D_KL(π‖π′) = Σ π (expm1(x) − x) (Σ π expm1(x) = Σ π′ − Σ π = 0), with expm1(x) − x summed as a series for small x.
 * Disagreement probabilities accumulate the mass lost at each step (never 1 − a sum of masses).
 */
import { maximalCoupling } from './coupling';
import { logSumExp } from './softmax';
import type { DecodedInstance } from './theorem-lab';
import type { StatementSides } from './theorem-lab-gae';

/** The horizon of the trajectory statements (chapter 8's coupled-rollouts widget draws the same 30 steps). */
export const COUPLING_HORIZON = 30;

/** expm1(x) − x, accurate to a few ulps for every x (a series where the subtraction would cancel). */
function expm1MinusX(x: number): number {
  if (Math.abs(x) > 0.1) return Math.expm1(x) - x;
  let term = (x * x) / 2;
  let sum = term;
  for (let k = 3; k < 30 && Math.abs(term) > 1e-18 * Math.abs(sum); k++) {
    term *= x / k;
    sum += term;
  }
  return sum;
}

/**
 * D_TV, D_KL(π‖π′) and D_KL(π′‖π) of two softmax rows from their logits, and π − π′ per action (see the file's
 * comment); `shift` is max |Δ|, the size the rounding of x is relative to.
 */
export function softmaxDivergences(theta: number[], thetaNew: number[], p: number[]) {
  const raw = theta.map((t, a) => thetaNew[a] - t);
  // Centre Δ on its π-mean (softmax ignores a shift), so that near π′ = π every Δ is small.
  const centre = raw.reduce((acc, d, a) => acc + p[a] * d, 0);
  const delta = raw.map((d) => d - centre);
  // log Σ π e^Δ = log1p(Σ π expm1(Δ)) (Σ π = 1 for the exact softmax), accurate while that sum is small; far from
  // π′ = π, log1p(z) near z = −1 would cancel, and the logits' own log-sum-exps are the accurate route.
  let z = 0;
  for (let a = 0; a < p.length; a++) z += p[a] * Math.expm1(delta[a]);
  const direct = Math.abs(z) > 0.5;
  const lseOld = direct ? logSumExp(theta) : 0;
  const lseNew = direct ? logSumExp(thetaNew) : 0;
  const logZ = Math.log1p(z);
  const logRatio = (a: number) => (direct ? thetaNew[a] - lseNew - (theta[a] - lseOld) : delta[a] - logZ);
  let tv = 0;
  let kl = 0;
  let klReverse = 0;
  const diff = new Array<number>(p.length);
  for (let a = 0; a < p.length; a++) {
    const x = logRatio(a);
    const e = Math.expm1(x);
    diff[a] = -p[a] * e;
    tv += p[a] * Math.abs(e);
    kl += p[a] * expm1MinusX(x);
    // D_KL(π′‖π) = Σ π′ x = Σ π e^x x = Σ π (x·expm1(x) − (expm1(x) − x)).
    klReverse += p[a] * (x * e - expm1MinusX(x));
  }
  const shift = raw.reduce((m, d) => Math.max(m, Math.abs(d)), 0);
  return { tv: tv / 2, kl: Math.max(0, kl), klReverse: Math.max(0, klReverse), diff, shift };
}

function perState({ pi, theta, thetaNew }: DecodedInstance) {
  return pi.map((p, s) => softmaxDivergences(theta[s], thetaNew[s], p));
}

/**
 * thm-maximal-coupling (the book) or note 004's Pr(X ≠ Y) = m, at the state where the claim is tightest. The book's
 * side is an equality on every instance, so its slack is compared with 1 (probabilities), not with a penalty.
 */
export function maximalCouplingSides(inst: DecodedInstance, notes: boolean): StatementSides {
  const { pi, piNew } = inst;
  let best: StatementSides | null = null;
  for (let s = 0; s < pi.length; s++) {
    const { joint, tv } = maximalCoupling(pi[s], piNew[s]);
    let agree = 0;
    let off = 0;
    for (let a = 0; a < joint.length; a++)
      for (let b = 0; b < joint.length; b++) {
        if (a === b) agree += joint[a][b];
        else off += joint[a][b];
      }
    // The book: Pr(a ≠ a′) is the joint's mass off the diagonal; the note: m, the mass on it.
    const claimed = notes ? agree : off;
    if (!best || tv - claimed < best.lhs - best.rhs)
      best = {
        lhs: tv,
        rhs: claimed,
        unit: 1,
        quantities: { state: s, tv, disagree: off, m: agree, claimed },
        magnitude: 1,
      };
  }
  return best!;
}

/** Probabilities of coupled rollouts of π and π′ for t = 0, …, COUPLING_HORIZON, accumulated without cancellation. */
export function coupledDisagreement(inst: DecodedInstance, independent: boolean) {
  const { mdp, pi, piNew } = inst;
  const n = pi.length;
  const nA = pi[0].length;
  const div = perState(inst);
  const alpha = Math.max(...div.map((d) => d.tv));
  // Pr(a ≠ a′ | agreed so far, at s): D_TV for the maximal coupling, 1 − Σ π π′ for independent draws.
  const lose = pi.map((p, s) =>
    independent ? 1 - p.reduce((acc, x, a) => acc + x * piNew[s][a], 0) : div[s].tv,
  );
  const keep = (s: number, a: number) =>
    independent ? pi[s][a] * piNew[s][a] : Math.min(pi[s][a], piNew[s][a]);
  let u = mdp.rho0.slice();
  // D_t = law of s_t under π minus under π′, propagated as D_{t+1} = Σ (D π + μ′_t (π − π′)) P, so its size is
  // accurate relative to itself (π − π′ from the logits) rather than to the masses.
  let diffLaw = new Array<number>(n).fill(0);
  let muNew = mdp.rho0.slice();
  let lost = 0;
  const disagree = [0];
  const tvState = [0];
  const bound = [0];
  const step = (mass: number[], w: (s: number, a: number) => number) => {
    const next = new Array<number>(n).fill(0);
    for (let s = 0; s < n; s++)
      for (let a = 0; a < nA; a++) {
        const c = mass[s] * w(s, a);
        if (c !== 0) for (let s2 = 0; s2 < n; s2++) next[s2] += c * mdp.P[a][s][s2];
      }
    return next;
  };
  for (let t = 1; t <= COUPLING_HORIZON; t++) {
    for (let s = 0; s < n; s++) lost += u[s] * lose[s];
    u = step(u, keep);
    const muNow = muNew;
    const dNow = diffLaw;
    diffLaw = step(
      dNow.map(() => 1),
      (s, a) => dNow[s] * pi[s][a] + muNow[s] * div[s].diff[a],
    );
    muNew = step(muNew, (s, a) => piNew[s][a]);
    disagree.push(Math.min(1, lost));
    let tv = 0;
    for (let s = 0; s < n; s++) tv += Math.abs(diffLaw[s]);
    tvState.push(tv / 2);
    bound.push(-Math.expm1(t * Math.log1p(-alpha)));
  }
  return { alpha, disagree, tvState, bound };
}

/**
 * lem-coupled-trajectories: `which` = 'disagree' (Pr(disagreed before t) ≤ 1 − (1 − α)^t; note 004 draws the actions
 * independently) or 'state' (D_TV of the laws of s_t ≤ 1 − (1 − α)^t), at the step t where it is tightest.
 */
export function coupledTrajectorySides(
  inst: DecodedInstance,
  which: 'disagree' | 'state',
  notes: boolean,
): StatementSides {
  const c = coupledDisagreement(inst, notes);
  let best = 1;
  let bestRel = Infinity;
  for (let t = 1; t <= COUPLING_HORIZON; t++) {
    const rhs = which === 'state' ? c.tvState[t] : c.disagree[t];
    const rel = c.bound[t] > 0 ? (c.bound[t] - rhs) / c.bound[t] : Infinity;
    if (rel < bestRel) {
      bestRel = rel;
      best = t;
    }
  }
  return {
    lhs: c.bound[best],
    rhs: which === 'state' ? c.tvState[best] : c.disagree[best],
    unit: c.bound[best],
    quantities: {
      t: best,
      alpha: c.alpha,
      bound: c.bound[best],
      disagreeBefore: c.disagree[best],
      tvState: c.tvState[best],
    },
    magnitude: 1,
  };
}

/** thm-pinsker at the state where it is tightest. */
export function pinskerSides(inst: DecodedInstance): StatementSides {
  const div = perState(inst);
  let best: StatementSides | null = null;
  div.forEach(({ tv, kl, shift }, s) => {
    const root = Math.sqrt(kl / 2);
    const sides: StatementSides = {
      lhs: root,
      rhs: tv,
      unit: root,
      quantities: { state: s, tv, kl, pinsker: root, ratio: root > 0 ? tv / root : NaN },
      // x = log(π′/π) is rounded relative to the logit differences: so is everything computed from it.
      magnitude: 1e-3 * shift,
    };
    if (root > 0 && (!best || (root - tv) / root < (best.lhs - best.rhs) / best.unit)) best = sides;
  });
  return best ?? { lhs: 0, rhs: 0, unit: 0, quantities: { state: 0, tv: 0, kl: 0 }, magnitude: 0 };
}
