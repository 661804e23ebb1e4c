/**
 * Conservative policy iteration (Kakade & Langford 2002; chapter 4): one step mixes π towards the policy π′ greedy
 * with respect to A^π, π_new = (1 − α)π + απ′, with the weight α of a grid that maximises the lower bound of
 * `mixtureBound`, B(α) = α/(1−γ) (𝔸 − 2αγε/(1 − γ(1−α))). Since J(π_new) − J(π) ≥ B(α) and B(0) = 0, J never
 * decreases (thm-cpi-monotone); when no weight of the grid guarantees an improvement the step keeps π (α = 0).
 */
import { mixtureBound } from './bounds';
import { evaluatePolicy, greedyPolicy } from './evaluate';
import type { MDP, Policy } from './types';
import { RLInputError } from './validate';

export interface CpiStep {
  /** The next policy (1 − α)π + απ′ (π itself when α = 0). */
  next: Policy;
  /** The policy greedy with respect to A^π. */
  greedy: Policy;
  /** The chosen weight: the first of k / grid, k = 1..grid, with the largest positive bound; 0 if none is positive. */
  alpha: number;
  /** B(α), the guaranteed improvement J(next) − J(π) ≥ B(α) (0 when α = 0). */
  bound: number;
}

/** One step of conservative policy iteration with α chosen on the grid k / `grid`, k = 1..grid. */
export function cpiStep(mdp: MDP, pi: Policy, grid = 200): CpiStep {
  if (!Number.isInteger(grid) || grid < 1)
    throw new RLInputError(`grid must be a positive integer, got ${grid}`);
  const greedy = greedyPolicy(evaluatePolicy(mdp, pi).Q);
  let best = { alpha: 0, bound: 0 };
  for (let i = 1; i <= grid; i++) {
    const alpha = i / grid;
    const b = mixtureBound(mdp, pi, greedy, alpha).lowerBound;
    if (b > best.bound) best = { alpha, bound: b };
  }
  const next = mixtureBound(mdp, pi, greedy, best.alpha).mixture;
  return { next, greedy, ...best };
}
