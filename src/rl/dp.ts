/** Dynamic programming: value iteration and policy iteration. */
import { bellmanOptimalityOperator, evaluateUnchecked, greedyPolicy, qFromV, supNorm } from './evaluate';
import type { MDP, Policy } from './types';
import { validateMDP, validatePolicy } from './validate';

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
  const { states } = validateMDP(mdp);
  let V = V0 ? V0.slice() : new Array<number>(states).fill(0);
  const residuals: number[] = [];
  const history = keepHistory ? [V.slice()] : undefined;
  let k = 0;
  while (k < maxIter) {
    const next = bellmanOptimalityOperator(mdp, V);
    const r = supNorm(next, V);
    residuals.push(r);
    V = next;
    k++;
    history?.push(V.slice());
    if (r <= tol) break;
  }
  return { V, policy: greedyPolicy(qFromV(mdp, V)), iterations: k, residuals, history };
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
