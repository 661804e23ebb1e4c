/** The tabular softmax policy pi_theta(a|s) ∝ exp(theta[s][a]) and its exact gradient. */
import { evaluateUnchecked } from './evaluate';
import { solveDense } from './linalg';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP } from './validate';

/**
 * softmax(logits)_i = exp(logits_i - m) / sum_j exp(logits_j - m) with m the largest logit, so nothing overflows.
 * A logit of -Infinity gets probability 0 (a distribution restricted to a support); at least one must be finite.
 * The book's one softmax: policies, Boltzmann distributions and KL-regularised optima all use it.
 */
export function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((x) => (x === -Infinity ? 0 : Math.exp(x - m)));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** log Σ_i e^{v_i}, stable; −Infinity when every v_i is −Infinity. */
export function logSumExp(v: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > m) m = v[i];
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i] - m);
  return m + Math.log(s);
}

export function softmaxPolicy(theta: number[][]): Policy {
  return theta.map((row) => {
    if (row.some((x) => !Number.isFinite(x))) throw new RLInputError('theta has a non-finite entry');
    return softmax(row);
  });
}

/**
 * dJ/dtheta[s][a] = rho_pi(s) pi(a|s) A_pi(s, a), the policy gradient theorem for the tabular softmax
 * (the score is 1[a = b] - pi(b|s), and sum_a pi(a|s) A(s,a) = 0).
 */
export function softmaxPolicyGradient(mdp: MDP, theta: number[][]): number[][] {
  const { states, actions } = validateMDP(mdp);
  if (theta.length !== states || theta.some((r) => r.length !== actions)) {
    throw new RLInputError(`theta should be ${states} × ${actions}`);
  }
  const pi = softmaxPolicy(theta);
  const { rho, A } = evaluateUnchecked(mdp, pi);
  return pi.map((row, s) => row.map((p, a) => rho[s] * p * A[s][a]));
}

/** J(softmax(theta)). */
export function softmaxJ(mdp: MDP, theta: number[][]): number {
  return evaluateUnchecked(mdp, softmaxPolicy(theta)).J;
}

/**
 * The Fisher information of the tabular softmax under the normalised state distribution d_pi:
 * F[(s,a),(s,b)] = d_pi(s) (pi(a|s) 1[a=b] - pi(a|s) pi(b|s)); zero across states. Returned dense,
 * indexed by s * actions + a.
 */
export function softmaxFisher(mdp: MDP, theta: number[][]): number[][] {
  const pi = softmaxPolicy(theta);
  const { d } = evaluateUnchecked(mdp, pi);
  const nA = pi[0].length;
  const n = pi.length * nA;
  const F = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < pi.length; s++) {
    for (let a = 0; a < nA; a++) {
      for (let b = 0; b < nA; b++) {
        F[s * nA + a][s * nA + b] = d[s] * ((a === b ? pi[s][a] : 0) - pi[s][a] * pi[s][b]);
      }
    }
  }
  return F;
}

/**
 * The natural gradient F⁺ g of the tabular softmax (Kakade 2001), computed state by state: F is block diagonal
 * with blocks d(s) (diag(pi_s) - pi_s pi_sᵀ), each singular along the all-ones vector, which carries no gradient
 * (the softmax is invariant to adding a constant to theta[s]). Solved with a tiny ridge `damping` on each block.
 * For the tabular softmax the result is A_pi(s, a) / (1 - gamma) up to per-state constants.
 */
export function softmaxNaturalGradient(mdp: MDP, theta: number[][], damping = 1e-9): number[][] {
  const g = softmaxPolicyGradient(mdp, theta);
  const pi = softmaxPolicy(theta);
  const { d } = evaluateUnchecked(mdp, pi);
  return pi.map((p, s) => {
    const k = p.length;
    if (d[s] <= 1e-300) return new Array<number>(k).fill(0);
    // Block: d(s) (diag(p) - p pᵀ) + damping I.
    const M = Array.from({ length: k }, (_, i) =>
      Array.from(
        { length: k },
        (_, j) => d[s] * ((i === j ? p[i] : 0) - p[i] * p[j]) + (i === j ? damping : 0),
      ),
    );
    const x = solveDense(M, g[s]);
    // Remove the null-space component (mean) so the direction is canonical.
    const mean = x.reduce((u, v) => u + v, 0) / k;
    return x.map((v) => v - mean);
  });
}
