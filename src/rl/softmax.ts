/** The tabular softmax policy pi_theta(a|s) ∝ exp(theta[s][a]) and its exact gradient. */
import { evaluateUnchecked } from './evaluate';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP } from './validate';

export function softmaxPolicy(theta: number[][]): Policy {
  return theta.map((row) => {
    if (row.some((x) => !Number.isFinite(x))) throw new RLInputError('theta has a non-finite entry');
    const m = Math.max(...row);
    const e = row.map((x) => Math.exp(x - m));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
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
