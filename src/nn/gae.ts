/**
 * Generalized advantage estimation over a [numSteps][numEnvs] rollout, float32 in place (the trainer's hot path).
 * `done[t]` marks that the episode ended at step t (terminated, or truncated with the bootstrap value already
 * folded into the reward by the rollout), so no value flows across episode boundaries.
 */
export function gaeInPlace(
  rewards: Float32Array,
  values: Float32Array,
  done: Uint8Array,
  lastValues: Float32Array,
  numEnvs: number,
  numSteps: number,
  gamma: number,
  lambda: number,
  adv: Float32Array,
  returns: Float32Array,
): void {
  for (let e = 0; e < numEnvs; e++) {
    let last = 0;
    for (let t = numSteps - 1; t >= 0; t--) {
      const i = t * numEnvs + e;
      const nextV = t === numSteps - 1 ? lastValues[e] : values[i + numEnvs];
      const nonTerminal = done[i] ? 0 : 1;
      const delta = rewards[i] + gamma * nextV * nonTerminal - values[i];
      last = delta + gamma * lambda * nonTerminal * last;
      adv[i] = last;
      returns[i] = last + values[i];
    }
  }
}
