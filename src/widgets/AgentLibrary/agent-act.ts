/**
 * A saved agent's policy as an action function, on the main thread: a categorical policy samples from the softmax
 * of its logits, a Gaussian one draws mean + exp(logStd)·ε (a Float32Array; the env clips it to its box, as in
 * training). `greedy` takes the most likely action / the mean instead. Seeded: same seed, same episode.
 */
import { envs, type Action, type EnvId, type Rng } from '@/rl';
import { makeMlpRunner } from '@/worker/trainer-client';
import type { PolicySnapshot } from '@/worker/protocol';
import type { AgentPolicy } from '@/lib/agent-file';

export function agentActor(
  policy: Pick<AgentPolicy, 'kind' | 'sizes' | 'logStd'> & { tensors: ArrayLike<number>[] },
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

/**
 * A training run's policy snapshot as an action function. PPO and REINFORCE snapshots (tanh) act as `agentActor`
 * does (PPO's Gaussian head with its log-stds). The off-policy learners' (ReLU, CleanRL's networks) act greedily, as their evaluation does: DQN takes the
 * argmax of its Q values; TD3/DDPG's actor outputs m pre-squash values and SAC's 2m (the means, then the log-stds),
 * and the action is tanh(mean) scaled to the box, the deterministic action CleanRL evaluates.
 */
export function snapshotActor(
  policy: PolicySnapshot,
  env: EnvId,
  rng: Rng,
  greedy = false,
): (obs: ArrayLike<number>) => Action {
  const space = envs[env].spec.action;
  if (policy.activation !== 'relu')
    return agentActor(
      {
        kind: space.kind === 'discrete' ? 'categorical' : 'gaussian',
        sizes: policy.sizes,
        tensors: policy.tensors,
        logStd: policy.logStd ? Array.from(policy.logStd) : undefined,
      },
      rng,
      greedy,
    );
  const run = makeMlpRunner(policy);
  if (space.kind === 'discrete')
    return (obs) => {
      const q = run(obs);
      let best = 0;
      for (let a = 1; a < q.length; a++) if (q[a] > q[best]) best = a;
      return best;
    };
  const { low, high } = space;
  return (obs) => {
    const out = run(obs);
    return Float32Array.from(low, (l, k) => l + ((Math.tanh(out[k]) + 1) / 2) * (high[k] - l));
  };
}
