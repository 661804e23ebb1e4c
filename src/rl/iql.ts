/**
 * Implicit Q-learning (Kostrikov et al. 2021), tabular and exact: the population fixed point of its two losses,
 *   V_tau(s)    = tau-expectile of Q_tau(s, a) over a ~ pi_beta(·|s)          (L_V: expectile regression)
 *   Q_tau(s, a) = r(s, a) + gamma sum_s' P(s'|s, a) V_tau(s')                 (L_Q: mean squared error),
 * and the in-support optimal values it tends to as tau -> 1 (max over actions with pi_beta(a|s) > 0).
 * The expectile is monotone and commutes with adding constants, so it is 1-Lipschitz in the sup norm and the
 * joint update is a gamma-contraction: plain iteration converges from any start.
 */
import { expectile } from './expectile';
import { softmax } from './softmax';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

export interface IqlFixedPoint {
  Q: number[][];
  V: number[];
  iterations: number;
}

function backupQ(mdp: MDP, V: number[]): number[][] {
  const nS = V.length;
  return mdp.R.map((row, s) =>
    row.map((r, a) => {
      let ev = 0;
      for (let t = 0; t < nS; t++) ev += mdp.P[a][s][t] * V[t];
      return r + mdp.gamma * ev;
    }),
  );
}

/** The support of pi_beta at s as (actions, weights); throws if a row has no support. */
function support(piBeta: Policy, s: number): { actions: number[]; weights: number[] } {
  const actions: number[] = [];
  const weights: number[] = [];
  piBeta[s].forEach((p, a) => {
    if (p > 0) {
      actions.push(a);
      weights.push(p);
    }
  });
  if (actions.length === 0) throw new RLInputError(`IQL: pi_beta(·|${s}) has no support`);
  return { actions, weights };
}

export function iqlFixedPoint(
  mdp: MDP,
  piBeta: Policy,
  tau: number,
  { tol = 1e-11, maxIter = 100_000 }: { tol?: number; maxIter?: number } = {},
): IqlFixedPoint {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(piBeta, states, actions, 'piBeta');
  const supports = Array.from({ length: states }, (_, s) => support(piBeta, s));
  let V = new Array<number>(states).fill(0);
  let Q = backupQ(mdp, V);
  let k = 0;
  while (k < maxIter) {
    const next = supports.map(({ actions: acts, weights }, s) =>
      expectile(
        acts.map((a) => Q[s][a]),
        tau,
        weights,
      ),
    );
    let r = 0;
    for (let s = 0; s < states; s++) r = Math.max(r, Math.abs(next[s] - V[s]));
    V = next;
    Q = backupQ(mdp, V);
    k++;
    if (r <= tol) break;
  }
  return { Q, V, iterations: k };
}

/** Value iteration with the max restricted to supp pi_beta(·|s): the in-support optimal Q and V. */
export function inSupportOptimal(
  mdp: MDP,
  piBeta: Policy,
  { tol = 1e-12, maxIter = 100_000 }: { tol?: number; maxIter?: number } = {},
): { Q: number[][]; V: number[]; iterations: number } {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(piBeta, states, actions, 'piBeta');
  const supports = Array.from({ length: states }, (_, s) => support(piBeta, s).actions);
  let V = new Array<number>(states).fill(0);
  let Q = backupQ(mdp, V);
  let k = 0;
  while (k < maxIter) {
    const next = supports.map((acts, s) => Math.max(...acts.map((a) => Q[s][a])));
    let r = 0;
    for (let s = 0; s < states; s++) r = Math.max(r, Math.abs(next[s] - V[s]));
    V = next;
    Q = backupQ(mdp, V);
    k++;
    if (r <= tol) break;
  }
  return { Q, V, iterations: k };
}

/** The policy of advantage-weighted regression at the IQL fixed point: pi(a|s) ∝ pi_beta(a|s) exp(beta (Q - V)). */
export function awrPolicy(Q: number[][], V: number[], piBeta: Policy, beta: number): Policy {
  return Q.map((row, s) => {
    const logits = row.map((q, a) =>
      piBeta[s][a] > 0 ? Math.log(piBeta[s][a]) + beta * (q - V[s]) : -Infinity,
    );
    return softmax(logits);
  });
}
