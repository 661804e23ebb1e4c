/**
 * Generalized advantage estimation (Schulman et al. 2016) for rollouts of one or more environments.
 *
 * Termination and truncation are different: when an episode *terminates* the value after it is zero; when it is
 * *truncated* (time limit, or the end of a rollout) the state is not terminal and the estimate bootstraps from
 * V(final observation). Implementations that store a single `done` flag and use it for both (e.g. the original
 * OpenAI baselines and CleanRL's ppo.py) treat time-limit truncation as termination, which biases the advantages of
 * the last steps of every truncated episode downwards. Here the caller passes `nextValues[i]` = V(s_{t+1}) of the
 * real next observation (for a truncated step: V of the final observation, before any auto-reset).
 */

export interface GaeInput {
  /** r_t, time-major: index t * numEnvs + e. */
  rewards: ArrayLike<number>;
  /** V(s_t). */
  values: ArrayLike<number>;
  /** V(s_{t+1}) of the true next observation (ignored where terminated). */
  nextValues: ArrayLike<number>;
  /** 1 (or true) where the episode terminated at this step. */
  terminated: ArrayLike<number | boolean>;
  /** 1 (or true) where the episode was truncated at this step (time limit). */
  truncated: ArrayLike<number | boolean>;
  numEnvs?: number;
  gamma: number;
  lambda: number;
}

export interface GaeOutput {
  advantages: Float64Array;
  /** advantages + values: the targets of the value function (lambda-returns). */
  returns: Float64Array;
}

export function gae({
  rewards,
  values,
  nextValues,
  terminated,
  truncated,
  numEnvs = 1,
  gamma,
  lambda,
}: GaeInput): GaeOutput {
  const n = rewards.length;
  if (values.length !== n || nextValues.length !== n || terminated.length !== n || truncated.length !== n) {
    throw new Error('gae: rewards, values, nextValues, terminated and truncated must have the same length');
  }
  if (n % numEnvs !== 0) throw new Error('gae: length is not a multiple of numEnvs');
  const T = n / numEnvs;
  const adv = new Float64Array(n);
  for (let e = 0; e < numEnvs; e++) {
    let next = 0;
    for (let t = T - 1; t >= 0; t--) {
      const i = t * numEnvs + e;
      const term = Number(terminated[i]) !== 0;
      const done = term || Number(truncated[i]) !== 0;
      const delta = rewards[i] + (term ? 0 : gamma * nextValues[i]) - values[i];
      // The recursion A_t = delta_t + gamma lambda A_{t+1} stops at episode boundaries.
      next = delta + (done ? 0 : gamma * lambda * next);
      adv[i] = next;
    }
  }
  const returns = new Float64Array(n);
  for (let i = 0; i < n; i++) returns[i] = adv[i] + values[i];
  return { advantages: adv, returns };
}
