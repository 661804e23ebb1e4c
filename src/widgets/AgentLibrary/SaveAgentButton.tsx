/**
 * "Save agent" / "Export agent" for a training panel: the run's current actor (weights), config, env id, seed,
 * backend and returns, into the saved-agent library (IndexedDB) or straight to a JSON file.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { envs } from '@/rl';
import {
  AGENT_FORMAT,
  AGENT_VERSION,
  expectedPolicy,
  policyFromSnapshot,
  type AgentFile,
} from '@/lib/agent-file';
import { agentLibrary } from '@/lib/agent-library';
import { jsonSafe } from '@/lib/export';
import type { TrainingStore } from '@/stores/training';
import { Button } from '@/widgets/common';
import { downloadAgent } from './agent-download';

export function agentFromRun(store: TrainingStore): AgentFile | null {
  const s = store.getState();
  if (!s.policy) return null;
  const env = s.config.env;
  const kind = expectedPolicy(env).kind;
  const mean = s.latest?.returnMean20;
  const now = new Date();
  return {
    format: AGENT_FORMAT,
    version: AGENT_VERSION,
    name: `${s.config.algo} ${env} seed ${s.config.seed}`,
    env,
    algo: s.config.algo,
    seed: s.config.seed,
    backend: s.backend?.name ?? 'unknown',
    config: JSON.parse(JSON.stringify(s.config, jsonSafe)) as Record<string, unknown>,
    returns: {
      mean20: mean !== undefined && Number.isFinite(mean) ? mean : null,
      recent: (s.latest?.episodeReturns ?? []).filter(Number.isFinite).slice(-100),
      episodes: s.episodes,
      steps: s.steps,
    },
    policy: policyFromSnapshot(kind, s.policy.sizes, s.policy.tensors, s.policy.logStd),
    savedAt: now.toISOString(),
  };
}

export function SaveAgentButton({ store }: { store: TrainingStore }) {
  // A policy the agent file can hold: a categorical tanh network (discrete envs) or PPO's Gaussian head (box envs).
  // The off-policy learners' ReLU Q networks and squashed actors are not policies of that form, so they are not
  // saved as one.
  const hasPolicy = useStore(
    store,
    (s) =>
      s.policy !== null &&
      s.policy.activation !== 'relu' &&
      (envs[s.config.env].spec.action.kind === 'discrete' ? true : s.policy.head === 'gaussian'),
  );
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    const a = agentFromRun(store);
    if (!a) return;
    await agentLibrary().save(a);
    const problem = agentLibrary().store.getState().problem;
    setMessage(problem ? `Saved for this visit only: ${problem}` : `Saved "${a.name}" to your agents.`);
  };
  const exportFile = () => {
    const a = agentFromRun(store);
    if (!a) return;
    downloadAgent(a);
  };
  return (
    <div className="controls">
      <Button onClick={() => void save()} disabled={!hasPolicy} testId="save-agent">
        Save agent
      </Button>
      <Button onClick={exportFile} disabled={!hasPolicy} testId="export-agent">
        Export agent
      </Button>
      {message && (
        <span role="status" data-testid="save-agent-message">
          {message} <a href="#/widget/AgentLibrary">Saved agents</a>
        </span>
      )}
    </div>
  );
}
