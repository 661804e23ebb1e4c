/** Dynamic programming: value iteration and policy iteration. */
import { evaluateUnchecked, greedyPolicy, qFromV } from './evaluate';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

export interface ValueIterationResult {
  V: number[];
  policy: Policy;
  iterations: number;
  /** Sup-norm change ||V_{k+1} - V_k|| of every sweep, for the contraction plot. */
  residuals: number[];
  /** The iterates V_0, V_1, … (only when `keepHistory`). */
  history?: number[][];
}

export function valueIteration(
  mdp: MDP,
  {
    tol = 1e-10,
    maxIter = 10_000,
    V0,
    keepHistory = false,
  }: { tol?: number; maxIter?: number; V0?: number[]; keepHistory?: boolean } = {},
): ValueIterationResult {
  const { states, actions } = validateMDP(mdp);
  if (V0 && V0.length !== states) throw new RLInputError(`V0 should have ${states} entries`);
  // Sweeps on two Float64Arrays: the same arithmetic as bellmanOptimalityOperator (same summation order, so the
  // same bits), without allocating per sweep; about 10x faster for the widgets that animate value iteration.
  let V = Float64Array.from(V0 ?? new Array<number>(states).fill(0));
  let next = new Float64Array(states);
  const { P, R, gamma } = mdp;
  const residuals: number[] = [];
  const history = keepHistory ? [Array.from(V)] : undefined;
  let k = 0;
  while (k < maxIter) {
    let r = 0;
    for (let s = 0; s < states; s++) {
      let best = -Infinity;
      for (let a = 0; a < actions; a++) {
        const p = P[a][s];
        let ev = 0;
        for (let t = 0; t < states; t++) ev += p[t] * V[t];
        const q = R[s][a] + gamma * ev;
        if (q > best) best = q;
      }
      next[s] = best;
      r = Math.max(r, Math.abs(best - V[s]));
    }
    residuals.push(r);
    [V, next] = [next, V];
    k++;
    history?.push(Array.from(V));
    if (r <= tol) break;
  }
  const Vout = Array.from(V);
  return { V: Vout, policy: greedyPolicy(qFromV(mdp, Vout)), iterations: k, residuals, history };
}

export interface PolicyIterationResult {
  V: number[];
  policy: Policy;
  iterations: number;
  /** V of every policy visited, starting with the initial one (values only rise). */
  history: number[][];
  policies: Policy[];
}

/** Exact evaluation + greedy improvement until the policy is stable. */
export function policyIteration(
  mdp: MDP,
  { pi0, maxIter = 1000 }: { pi0?: Policy; maxIter?: number } = {},
): PolicyIterationResult {
  const { states, actions } = validateMDP(mdp);
  let pi: Policy =
    pi0 ?? Array.from({ length: states }, () => Array.from({ length: actions }, (_, a) => (a === 0 ? 1 : 0)));
  validatePolicy(pi, states, actions, 'pi0');
  const history: number[][] = [];
  const policies: Policy[] = [];
  let ev = evaluateUnchecked(mdp, pi);
  history.push(ev.V);
  policies.push(pi);
  let it = 0;
  while (it < maxIter) {
    it++;
    // Keep the current action where it is (within rounding) among the best, so the loop cannot cycle on ties.
    const next = ev.Q.map((q, s) => {
      const best = Math.max(...q);
      const cur = pi[s].findIndex((w) => w === 1);
      if (cur >= 0 && q[cur] >= best - 1e-12 * Math.max(1, Math.abs(best))) return pi[s];
      const a = q.findIndex((x) => x === best);
      return q.map((_, b) => (b === a ? 1 : 0));
    });
    const stable = next.every((row, s) => row === pi[s]);
    if (stable) break;
    pi = next;
    ev = evaluateUnchecked(mdp, pi);
    history.push(ev.V);
    policies.push(pi);
  }
  return { V: ev.V, policy: pi, iterations: it, history, policies };
}
