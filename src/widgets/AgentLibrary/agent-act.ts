/**
 * A saved agent's policy as an action function, on the main thread: a categorical policy samples from the softmax
 * of its logits, a Gaussian one draws mean + exp(logStd)·ε (a Float32Array; the env clips it to its box, as in
 * training). `greedy` takes the most likely action / the mean instead. Seeded: same seed, same episode.
 */
import type { Action, Rng } from '@/rl';
import { makeMlpRunner } from '@/worker/trainer-client';
import type { AgentPolicy } from '@/lib/agent-file';

export function agentActor(
  policy: AgentPolicy,
  rng: Rng,
  greedy = false,
): (obs: ArrayLike<number>) => Action {
  const run = makeMlpRunner({
    sizes: policy.sizes,
    tensors: policy.tensors.map((t) => Float32Array.from(t)),
  });
  if (policy.kind === 'gaussian') {
    const std = (policy.logStd ?? []).map(Math.exp);
    return (obs) => {
      const mean = run(obs);
      return Float32Array.from(mean, (m, i) => (greedy ? m : m + std[i] * rng.normal()));
    };
  }
  const probs = new Float64Array(policy.sizes[3]);
  return (obs) => {
    const logits = run(obs);
    let best = 0;
    let max = -Infinity;
    for (let i = 0; i < logits.length; i++) if (logits[i] > max) [max, best] = [logits[i], i];
    if (greedy) return best;
    for (let i = 0; i < logits.length; i++) probs[i] = Math.exp(logits[i] - max);
    return rng.categorical(probs);
  };
}
