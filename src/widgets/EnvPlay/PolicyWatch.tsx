/**
 * Watch a training run's current policy play its environment (any env but CartPole, which has its own viewer in the
 * panel): EnvPlay with the latest actor snapshot as the agent, actions sampled as in training. The snapshot is
 * replaced as training goes on (at most every 500 ms), so the play improves while you watch.
 */
import { useMemo } from 'react';
import { createRng, envs, type Action, type EnvId } from '@/rl';
import { expectedPolicy } from '@/lib/agent-file';
import type { PolicySnapshot } from '@/worker/protocol';
import { makeMlpRunner } from '@/worker/trainer-client';
import { agentActor } from '../AgentLibrary/agent-act';
import EnvPlay from '.';

/**
 * The deterministic action of an off-policy actor on a box env (ReLU MLP; TD3's outputs, or SAC's first half, the
 * means): tanh squashed and scaled to the box, as the learners act without noise.
 */
function squashedActor(env: EnvId, policy: PolicySnapshot): (obs: ArrayLike<number>) => Action {
  const space = envs[env].spec.action;
  const low = space.kind === 'box' ? space.low : [0];
  const high = space.kind === 'box' ? space.high : [0];
  const run = makeMlpRunner(policy);
  return (obs) => {
    const out = run(obs);
    return Float32Array.from(low, (l, k) => l + ((Math.tanh(out[k]) + 1) / 2) * (high[k] - l));
  };
}

export function PolicyWatch({
  env,
  policy,
  seed,
}: {
  env: EnvId;
  policy: PolicySnapshot | null;
  seed: number;
}) {
  const agent = useMemo(() => {
    if (!policy) return undefined;
    const kind = expectedPolicy(env).kind;
    const act =
      kind === 'gaussian' && policy.head !== 'gaussian'
        ? squashedActor(env, policy)
        : agentActor(
            {
              kind,
              sizes: policy.sizes,
              tensors: policy.tensors,
              logStd: policy.logStd && Array.from(policy.logStd),
            },
            createRng(seed + 3),
          );
    return { label: 'current policy', env, act };
  }, [env, policy, seed]);
  if (!agent) return <p>The policy appears here once training has started.</p>;
  return <EnvPlay id="train" agent={agent} title={`Watch the policy: ${env}`} />;
}
