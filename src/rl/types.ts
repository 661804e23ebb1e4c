/**
 * Types of the exact core. Conventions (used everywhere in the book):
 * - `P[a][s][s2]` = P(s2 | s, a), `R[s][a]` = r(s, a), `rho0[s]` = start distribution, `gamma` in [0, 1).
 * - Policies are row-stochastic matrices `pi[s][a]` = pi(a | s).
 * - Values are unnormalised: V(s) = E[sum_t gamma^t r_t], J(pi) = rho0 · V.
 * - `rho[s]` = sum_t gamma^t P(s_t = s) is the unnormalised discounted visitation (mass 1 / (1 - gamma));
 *   `d = (1 - gamma) rho` is the normalised discounted state distribution.
 */
export interface MDP {
  P: number[][][];
  R: number[][];
  rho0: number[];
  gamma: number;
}

export type Policy = number[][];

export interface Evaluation {
  V: number[];
  Q: number[][];
  A: number[][];
  /** Unnormalised discounted visitation. */
  rho: number[];
  /** Normalised discounted state distribution (1 - gamma) rho. */
  d: number[];
  J: number;
}
