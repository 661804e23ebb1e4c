/**
 * Watch a training run's current policy play its environment (any env but CartPole, which has its own viewer in the
 * panel): EnvPlay with the latest actor snapshot as the agent, actions sampled as in training (the off-policy
 * learners' greedy or deterministic action: see `snapshotActor`). The snapshot is
 * replaced as training goes on (at most every 500 ms), so the play improves while you watch.
 */
import { useMemo } from 'react';
import { createRng, type EnvId } from '@/rl';
import type { PolicySnapshot } from '@/worker/protocol';
import { snapshotActor } from '../AgentLibrary/agent-act';
import EnvPlay from '.';

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
    const act = snapshotActor(policy, env, createRng(seed + 3));
    return { label: 'current policy', env, act };
  }, [env, policy, seed]);
  if (!agent) return <p>The policy appears here once training has started.</p>;
  return <EnvPlay id="train" agent={agent} title={`Watch the policy: ${env}`} />;
}
