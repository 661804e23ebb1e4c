/**
 * Returns of one sampled trajectory (chapters 1, 2): the reward-to-go G_t = Σ_{k ≥ t} γ^{k−t} r_k by the backward
 * recursion G_t = r_t + γ G_{t+1}, and the REINFORCE estimate Σ_t ĝ_t γ^t G_t of one component of ∇J from the
 * scores ĝ_t = ∂ log π(a_t | s_t) / ∂θ_k along the trajectory (chapter 2's R̂_t = γ^t G_t).
 */
import { RLInputError } from './validate';

export function rewardsToGo(rewards: readonly number[], gamma: number): number[] {
  const G = new Array<number>(rewards.length);
  let next = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    next = rewards[t] + gamma * next;
    G[t] = next;
  }
  return G;
}

/** Σ_t score_t γ^t G_t: the reward-to-go policy-gradient estimate from one trajectory. */
export function reinforceEstimate(
  scores: readonly number[],
  rewards: readonly number[],
  gamma: number,
): number {
  if (scores.length !== rewards.length) throw new RLInputError('one score per reward');
  const G = rewardsToGo(rewards, gamma);
  return scores.reduce((acc, g, t) => acc + g * gamma ** t * G[t], 0);
}
