/**
 * Importance sampling along trajectories (chapter 3): exact means and variances of three estimators built from
 * trajectories cut at a horizon H, and a sampler for the two that use the old policy's data.
 *
 * With a per-step score f(s, a) (usually A_pi) and w_t = pi'(a_t|s_t) / pi(a_t|s_t), W_t = w_0 ... w_t:
 *   on-policy      X = sum_{t<H} gamma^t f(s_t, a_t),          tau ~ pi'  (mean -> J(pi') - J(pi) for f = A_pi)
 *   one ratio      X = sum_{t<H} gamma^t w_t f(s_t, a_t),      tau ~ pi   (mean -> L_pi(pi') - J(pi))
 *   product        X = sum_{t<H} gamma^t W_t f(s_t, a_t),      tau ~ pi   (mean = the on-policy mean)
 * Moments come from backward recursions over the remaining steps k: with Y the tail of the sum from a state s,
 * G^k(s) = E[Y | s] and S^k(s) = E[Y^2 | s]; the start distribution averages G^H and S^H. For the product
 * estimator the tail factorises as Y_t = w_t (f_t + gamma Y_{t+1}), which is what makes its recursion exact.
 * Actions with pi(a|s) = 0 are never sampled and contribute nothing (the estimators set their terms to 0).
 */
import { sampleTrajectory } from './montecarlo';
import type { Rng } from './rng';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

export interface EstimatorMoments {
  mean: number;
  /** E[X^2]. */
  second: number;
  /** E[X^2] - E[X]^2, the variance per trajectory. */
  variance: number;
}

export interface ImportanceMoments {
  onPolicy: EstimatorMoments;
  oneRatio: EstimatorMoments;
  product: EstimatorMoments;
  horizon: number;
}

function check(mdp: MDP, pi: Policy, piNew: Policy, f: number[][], horizon: number) {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions, 'pi');
  validatePolicy(piNew, states, actions, 'piNew');
  if (f.length !== states || f.some((row) => row.length !== actions || row.some((x) => !Number.isFinite(x))))
    throw new RLInputError(`f must be a finite ${states} x ${actions} matrix`);
  if (!(Number.isInteger(horizon) && horizon >= 0))
    throw new RLInputError(`horizon = ${horizon} is not a count`);
  return { states, actions };
}

/** Exact mean, second moment and variance of the on-policy, one-ratio and product estimators at horizon H. */
export function importanceMoments(
  mdp: MDP,
  pi: Policy,
  piNew: Policy,
  f: number[][],
  horizon: number,
): ImportanceMoments {
  const { states: n, actions: nA } = check(mdp, pi, piNew, f, horizon);
  const g = mdp.gamma;
  const zero = () => new Float64Array(n);
  // G and S for the three estimators, tails of k remaining steps (k = 0: empty sum).
  let G = [zero(), zero(), zero()];
  let S = [zero(), zero(), zero()];
  for (let k = 0; k < horizon; k++) {
    const nG = [zero(), zero(), zero()];
    const nS = [zero(), zero(), zero()];
    for (let s = 0; s < n; s++) {
      for (let a = 0; a < nA; a++) {
        const p = mdp.P[a][s];
        // E over s' of the tails, for each estimator.
        const pg = [0, 0, 0];
        const ps = [0, 0, 0];
        for (let s2 = 0; s2 < n; s2++) {
          if (p[s2] === 0) continue;
          for (let e = 0; e < 3; e++) {
            pg[e] += p[s2] * G[e][s2];
            ps[e] += p[s2] * S[e][s2];
          }
        }
        const q = piNew[s][a];
        const b = pi[s][a];
        const x = f[s][a];
        // On-policy: actions from pi'.
        nG[0][s] += q * (x + g * pg[0]);
        nS[0][s] += q * (x * x + 2 * g * x * pg[0] + g * g * ps[0]);
        if (b === 0) continue;
        const q2b = (q * q) / b;
        // One ratio: w f + gamma Y'.
        nG[1][s] += q * x + g * b * pg[1];
        nS[1][s] += q2b * x * x + 2 * g * q * x * pg[1] + g * g * b * ps[1];
        // Product: w (f + gamma Y').
        nG[2][s] += q * (x + g * pg[2]);
        nS[2][s] += q2b * (x * x + 2 * g * x * pg[2] + g * g * ps[2]);
      }
    }
    G = nG;
    S = nS;
  }
  const out = G.map((Ge, e) => {
    let mean = 0;
    let second = 0;
    for (let s = 0; s < n; s++) {
      mean += mdp.rho0[s] * Ge[s];
      second += mdp.rho0[s] * S[e][s];
    }
    return { mean, second, variance: second - mean * mean };
  });
  return { onPolicy: out[0], oneRatio: out[1], product: out[2], horizon };
}

/**
 * The spectral radius of M(s, s') = sum_a pi'(a|s)^2 / pi(a|s) P(s'|s, a), which sets the growth rate of the
 * second moments of the product weights, by power iteration (M is non-negative; convergence needs M primitive,
 * as it is when all transition probabilities are positive). Also returns M's smallest and largest row sums,
 * 1 + chi^2(pi'(.|s) || pi(.|s)), between which the radius lies.
 */
export function productWeightGrowth(
  mdp: MDP,
  pi: Policy,
  piNew: Policy,
  iterations = 2000,
): { lambda: number; minRow: number; maxRow: number } {
  const { states: n, actions: nA } = validateMDP(mdp);
  validatePolicy(pi, n, nA, 'pi');
  validatePolicy(piNew, n, nA, 'piNew');
  const M = new Float64Array(n * n);
  let minRow = Infinity;
  let maxRow = 0;
  for (let s = 0; s < n; s++) {
    let row = 0;
    for (let a = 0; a < nA; a++) {
      if (pi[s][a] === 0) continue;
      const c = piNew[s][a] ** 2 / pi[s][a];
      row += c;
      for (let s2 = 0; s2 < n; s2++) M[s * n + s2] += c * mdp.P[a][s][s2];
    }
    minRow = Math.min(minRow, row);
    maxRow = Math.max(maxRow, row);
  }
  let v = new Float64Array(n).fill(1 / n);
  let lambda = 0;
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n);
    for (let s = 0; s < n; s++) for (let s2 = 0; s2 < n; s2++) next[s2] += v[s] * M[s * n + s2];
    const mass = next.reduce((x, y) => x + y, 0);
    if (mass === 0) return { lambda: 0, minRow, maxRow };
    lambda = mass; // v has mass 1, so the mass of vM tends to the Perron root
    for (let s = 0; s < n; s++) next[s] /= mass;
    v = next;
  }
  return { lambda, minRow, maxRow };
}

/** One trajectory of pi (horizon H) scored by the one-ratio and the product estimators. */
export function sampleImportanceEstimates(
  mdp: MDP,
  pi: Policy,
  piNew: Policy,
  f: number[][],
  rng: Rng,
  horizon: number,
): { oneRatio: number; product: number } {
  const tr = sampleTrajectory(mdp, pi, rng, { horizon });
  let oneRatio = 0;
  let product = 0;
  let W = 1;
  let disc = 1;
  for (let t = 0; t < tr.states.length; t++) {
    const s = tr.states[t];
    const a = tr.actions[t];
    const w = piNew[s][a] / pi[s][a];
    W *= w;
    oneRatio += disc * w * f[s][a];
    product += disc * W * f[s][a];
    disc *= mdp.gamma;
  }
  return { oneRatio, product };
}
