/**
 * Coupled rollouts (chapter 8, back to chapter 5's proof): π and π′ run from the same start state, sharing their
 * randomness through a coupling of their action distributions at every state while they still agree (once the
 * actions differ, the two trajectories go their own ways).
 *
 * Exact curves, by forward recursions over the state distribution:
 *  - the laws of s_t under π and π′ (ρ0 P_π^t, ρ0 P_π′^t) and their total variation;
 *  - u_t(s) = Pr(the coupled pair agreed on a_0, …, a_{t−1} and s_t = s):
 *      u_0 = ρ0,   u_{t+1}(s′) = Σ_s u_t(s) Σ_a c(a|s) P(s′|s, a),
 *    with c(a|s) = min(π(a|s), π′(a|s)) for the maximal coupling and π(a|s)π′(a|s) for independent draws, so
 *    Pr(disagreed before t) = 1 − Σ_s u_t(s);
 *  - the bound Pr(agreement through t) ≥ (1 − α)^t with α = max_s D_TV(π(·|s), π′(·|s)).
 * Facts (property tests in coupled-rollouts.test.ts): D_TV(law of s_t under π, under π′) ≤ Pr(maximal pair
 * disagreed before t) ≤ 1 − (1 − α)^t, and the maximal coupling never disagrees more than independent draws.
 */
import { tvDistance, tvMax } from './divergence';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

/** mass ↦ Σ_s mass(s) Σ_a weight(s, a) P(· | s, a): one step of a (possibly sub-stochastic) forward recursion. */
function propagate(mdp: MDP, mass: number[], weight: (s: number, a: number) => number): number[] {
  const n = mass.length;
  const next = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    if (mass[s] === 0) continue;
    for (let a = 0; a < mdp.P.length; a++) {
      const w = mass[s] * weight(s, a);
      if (w === 0) continue;
      const row = mdp.P[a][s];
      for (let s2 = 0; s2 < n; s2++) next[s2] += w * row[s2];
    }
  }
  return next;
}

export interface CoupledRolloutRow {
  t: number;
  /** D_TV(law of s_t under π, law of s_t under π′). */
  tvState: number;
  /** Pr(the maximally coupled pair disagreed on some action before t), i.e. on one of a_0, …, a_{t−1}. */
  disagreeMaximal: number;
  /** The same when the two actions are drawn independently at every step. */
  disagreeIndependent: number;
  /** 1 − (1 − α)^t, α = tvMax(π, π′). */
  bound: number;
}

/** The exact curves of coupled rollouts of π and π′ for t = 0, …, horizon (horizon + 1 rows). */
export function coupledRolloutCurves(
  mdp: MDP,
  pi: Policy,
  piNew: Policy,
  horizon: number,
): CoupledRolloutRow[] {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions, 'pi');
  validatePolicy(piNew, states, actions, 'piNew');
  if (!Number.isInteger(horizon) || horizon < 0)
    throw new RLInputError(`horizon must be a nonnegative integer, got ${horizon}`);
  const alpha = tvMax(pi, piNew);
  let mu = mdp.rho0.slice();
  let muNew = mdp.rho0.slice();
  let uMax = mdp.rho0.slice();
  let uInd = mdp.rho0.slice();
  const rows: CoupledRolloutRow[] = [];
  const sum = (x: number[]) => x.reduce((a, b) => a + b, 0);
  for (let t = 0; t <= horizon; t++) {
    rows.push({
      t,
      tvState: tvDistance(mu, muNew),
      disagreeMaximal: Math.max(0, 1 - sum(uMax)),
      disagreeIndependent: Math.max(0, 1 - sum(uInd)),
      bound: 1 - (1 - alpha) ** t,
    });
    mu = propagate(mdp, mu, (s, a) => pi[s][a]);
    muNew = propagate(mdp, muNew, (s, a) => piNew[s][a]);
    uMax = propagate(mdp, uMax, (s, a) => Math.min(pi[s][a], piNew[s][a]));
    uInd = propagate(mdp, uInd, (s, a) => pi[s][a] * piNew[s][a]);
  }
  return rows;
}
