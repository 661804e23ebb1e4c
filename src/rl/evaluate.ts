/** Exact policy evaluation and the Bellman operators. */
import { luFactor, luSolve, luSolveTranspose } from './linalg';
import type { Evaluation, MDP, Policy } from './types';
import { validateMDP, validatePolicy } from './validate';

/** P_pi(s, s') = sum_a pi(a|s) P(s'|s,a), row-major, and r_pi(s) = sum_a pi(a|s) r(s,a). */
export function policyMatrices(mdp: MDP, pi: Policy): { Ppi: Float64Array; rpi: Float64Array; n: number } {
  const n = mdp.rho0.length;
  const nA = mdp.P.length;
  const Ppi = new Float64Array(n * n);
  const rpi = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const row = s * n;
    for (let a = 0; a < nA; a++) {
      const w = pi[s][a];
      if (w === 0) continue;
      rpi[s] += w * mdp.R[s][a];
      const p = mdp.P[a][s];
      for (let t = 0; t < n; t++) Ppi[row + t] += w * p[t];
    }
  }
  return { Ppi, rpi, n };
}

/** Q(s, a) = r(s, a) + gamma sum_s' P(s'|s,a) V(s'). */
export function qFromV(mdp: MDP, V: ArrayLike<number>): number[][] {
  const n = mdp.rho0.length;
  const nA = mdp.P.length;
  const Q: number[][] = [];
  for (let s = 0; s < n; s++) {
    const q = new Array<number>(nA);
    for (let a = 0; a < nA; a++) {
      const p = mdp.P[a][s];
      let ev = 0;
      for (let t = 0; t < n; t++) ev += p[t] * V[t];
      q[a] = mdp.R[s][a] + mdp.gamma * ev;
    }
    Q.push(q);
  }
  return Q;
}

/** Unchecked evaluation, for internal hot paths whose inputs were validated already. */
export function evaluateUnchecked(mdp: MDP, pi: Policy): Evaluation {
  const { Ppi, rpi, n } = policyMatrices(mdp, pi);
  const g = mdp.gamma;
  // M = I - gamma P_pi; V = M^{-1} r_pi and rho^T = rho0^T M^{-1}, from one factorisation.
  const M = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) M[i] = -g * Ppi[i];
  for (let i = 0; i < n; i++) M[i * n + i] += 1;
  const lu = luFactor(M, n);
  const V = Array.from(luSolve(lu, rpi));
  const rho = Array.from(luSolveTranspose(lu, mdp.rho0));
  const Q = qFromV(mdp, V);
  const A = Q.map((q, s) => q.map((x) => x - V[s]));
  let J = 0;
  for (let s = 0; s < n; s++) J += mdp.rho0[s] * V[s];
  return { V, Q, A, rho, d: rho.map((x) => (1 - g) * x), J };
}

/**
 * Exact V, Q, A, discounted visitation and J of a policy, by one LU solve of (I - gamma P_pi):
 * V = (I - gamma P_pi)^{-1} r_pi and rho^T = rho0^T (I - gamma P_pi)^{-1}.
 */
export function evaluatePolicy(mdp: MDP, pi: Policy): Evaluation {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions);
  return evaluateUnchecked(mdp, pi);
}

/** The unnormalised discounted visitation rho_pi. */
export function discountedVisitation(mdp: MDP, pi: Policy): number[] {
  return evaluatePolicy(mdp, pi).rho;
}

/** (T^pi V)(s) = sum_a pi(a|s) [r(s,a) + gamma sum_s' P(s'|s,a) V(s')]. */
export function bellmanOperator(mdp: MDP, pi: Policy, V: number[]): number[] {
  const Q = qFromV(mdp, V);
  return Q.map((q, s) => q.reduce((acc, x, a) => acc + pi[s][a] * x, 0));
}

/** (T V)(s) = max_a [r(s,a) + gamma sum_s' P(s'|s,a) V(s')]. */
export function bellmanOptimalityOperator(mdp: MDP, V: number[]): number[] {
  return qFromV(mdp, V).map((q) => Math.max(...q));
}

/** A deterministic policy (as a one-hot matrix) greedy with respect to Q; ties go to the lowest action. */
export function greedyPolicy(Q: number[][]): Policy {
  return Q.map((q) => {
    let best = 0;
    for (let a = 1; a < q.length; a++) if (q[a] > q[best] + 1e-12) best = a;
    return q.map((_, a) => (a === best ? 1 : 0));
  });
}

export const supNorm = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
};
