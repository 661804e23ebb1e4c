/**
 * Chapter 7's statements for the "break this theorem" lab, on one instance (its MDP, π, λ and the critic error
 * e = V̂ − V^π): the two sides of each, ready for `theorem-lab-statements.ts` to turn into a slack.
 *
 *  - thm-gae-bias: the part of GAE's bias that is not a function of the state alone,
 *      b(s, a) = E[Â^GAE(γ,λ)_t | s, a] − A^π(s, a) + e(s),
 *    obeys max_{s,a} |b(s, a)| ≤ γ(1 − λ)/(1 − γλ) · max_s |e(s)|. The mean of GAE comes from `gaeMoments` (a linear
 *    solve with discount γλ), not from the theorem's series, so the lab checks the theorem against the estimator.
 *  - prop-k-step-bias at k = 2: |E[Â^(2)_t | s, a] − A^π(s, a) + e(s)| ≤ γ² max|e|, with Â^(2) in the book's form
 *    r_t + γ r_{t+1} + γ² V̂(s_{t+2}) − V̂(s_t) or as note 004 prints it, with γ V̂(s_{t+2}) (chapter 7's erratum).
 */
import { evaluateUnchecked } from './evaluate';
import { gaeMoments } from './gae-moments';
import type { DecodedInstance } from './theorem-lab';

/** What a statement evaluator hands back: `lhs ≥ rhs` is claimed; `unit` is what the relative slack divides by. */
export interface StatementSides {
  lhs: number;
  rhs: number;
  unit: number;
  quantities: Record<string, number>;
  /** The size of the values the two sides were computed from. */
  magnitude: number;
}

const maxAbs = (x: number[]) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** thm-gae-bias's bound on the state-independent bias, against the worst (s, a) of the instance. */
export function gaeBiasSides({ mdp, pi, lambda, critic }: DecodedInstance): StatementSides {
  const g = mdp.gamma;
  const ev = evaluateUnchecked(mdp, pi);
  const Vhat = ev.V.map((v, s) => v + critic[s]);
  const { mean } = gaeMoments(mdp, pi, Vhat, lambda);
  let worst = 0;
  for (let s = 0; s < mean.length; s++)
    for (let a = 0; a < mean[s].length; a++)
      worst = Math.max(worst, Math.abs(mean[s][a] - ev.A[s][a] + critic[s]));
  const maxE = maxAbs(critic);
  const factor = (g * (1 - lambda)) / (1 - g * lambda);
  const bound = factor * maxE;
  return {
    lhs: bound,
    rhs: worst,
    unit: bound,
    quantities: { lambda, maxE, factor, bound, maxBias: worst },
    magnitude: maxAbs(ev.V) + maxE,
  };
}

/**
 * prop-k-step-bias at k = 2, the estimator in the book's form or in note 004's (`coefficient` γ² or γ on
 * V̂(s_{t+2})); the bound is the proposition's γ² max|e| either way.
 */
export function twoStepBiasSides({ mdp, pi, critic }: DecodedInstance, notes: boolean): StatementSides {
  const { P, R, gamma: g } = mdp;
  const nS = R.length;
  const nA = P.length;
  const ev = evaluateUnchecked(mdp, pi);
  const Vhat = ev.V.map((v, s) => v + critic[s]);
  // From a state s′ one step later: E[r_{t+1} | s′] and E[V̂(s_{t+2}) | s′] under π.
  const rNext = new Array<number>(nS).fill(0);
  const vNext = new Array<number>(nS).fill(0);
  for (let s = 0; s < nS; s++)
    for (let a = 0; a < nA; a++) {
      rNext[s] += pi[s][a] * R[s][a];
      for (let s2 = 0; s2 < nS; s2++) vNext[s] += pi[s][a] * P[a][s][s2] * Vhat[s2];
    }
  const coefficient = notes ? g : g * g;
  let worst = 0;
  for (let s = 0; s < nS; s++)
    for (let a = 0; a < nA; a++) {
      let mean = R[s][a] - Vhat[s];
      for (let s2 = 0; s2 < nS; s2++) mean += P[a][s][s2] * (g * rNext[s2] + coefficient * vNext[s2]);
      worst = Math.max(worst, Math.abs(mean - ev.A[s][a] + critic[s]));
    }
  const maxE = maxAbs(critic);
  const bound = g * g * maxE;
  return {
    lhs: bound,
    rhs: worst,
    unit: bound,
    quantities: { maxE, bound, maxBias: worst },
    magnitude: maxAbs(ev.V) + maxE,
  };
}
