/**
 * OfflineLab (chapter 11): offline RL end to end in the browser. (1) A behaviour agent: the DQN trained in the
 * panel at the top (its current greedy policy), or a CartPole agent of the reader's library (its own stochastic
 * policy). (2) A dataset logged by it on CartPole-v1 with a fraction ε of uniformly random actions, in slices of at
 * most ~8 ms on the main thread; it can be exported to a file and a file imported (validated, with messages).
 * (3) Naive DQN, CQL and IQL trained on the dataset in the training worker and evaluated online (OfflineRuns).
 * Settings (size, ε, logging seed) live in the URL; the learners' settings in their panels' URL keys.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { createRng, type Action } from '@/rl';
import { agentLibrary } from '@/lib/agent-library';
import { DatasetLogger } from '@/lib/offline-dataset';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import type { OfflineDataset } from '@/spec';
import { Button, Controls, ParamControls, Readout, Readouts, WidgetShell, seedParam } from '@/widgets/common';
import { agentActor, snapshotActor } from '../AgentLibrary/agent-act';
import { TrainingPanelView } from '../TrainingPanel';
import { useTrainingPanelStore } from '../TrainingPanel/useTraining';
import { downloadDataset, readDatasetFile } from './dataset-io';
import { OfflineRuns } from './OfflineRuns';

const ENV = 'CartPole-v1' as const;

const params = defineParams({
  size: int({ min: 500, max: 50_000, default: 10_000, log: true, label: 'transitions to log' }),
  eps: num({ min: 0, max: 1, step: 0.01, default: 0.1, label: 'random actions ε' }),
  seed: seedParam(1),
});

type Source = { kind: 'panel' } | { kind: 'agent'; id: string };

export default function OfflineLab({ id = 'offline' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const behaviour = useTrainingPanelStore({ preset: 'dqn-cartpole', id: 'behaviour' }).store;
  const policy = useStore(behaviour, (s) => s.policy);
  const behaviourSteps = useStore(behaviour, (s) => s.steps);
  const behaviourSeed = useStore(behaviour, (s) => s.config.seed);
  const lib = agentLibrary();
  const libState = useSyncExternalStore(lib.store.subscribe, lib.store.getState);
  const agents = libState.agents.filter((a) => a.agent.env === ENV);
  const [source, setSource] = useState<Source>({ kind: 'panel' });
  const [dataset, setDataset] = useState<OfflineDataset | null>(null);
  const [version, setVersion] = useState(0);
  const [logging, setLogging] = useState<number | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const cancel = useRef<() => void>(() => {});
  useEffect(() => () => cancel.current(), []);

  const agent = source.kind === 'agent' ? agents.find((a) => a.id === source.id) : undefined;
  const canLog = logging === null && (source.kind === 'panel' ? policy !== null : agent !== undefined);

  const takeDataset = (d: OfflineDataset, note: string) => {
    setDataset(d);
    setVersion((v) => v + 1);
    setErrors([]);
    setMessage(note);
  };

  const log = () => {
    const rng = createRng(p.seed);
    let act: (o: ArrayLike<number>) => Action;
    let label: string;
    if (source.kind === 'panel') {
      if (!policy) return;
      act = snapshotActor(policy, ENV, rng, true);
      label = `DQN on ${ENV} (panel above), seed ${behaviourSeed}, after ${behaviourSteps} steps`;
    } else {
      if (!agent) return;
      act = agentActor(agent.agent.policy, rng);
      label = `agent "${agent.agent.name}"`;
    }
    const logger = new DatasetLogger({ env: ENV, act, epsilon: p.eps, size: p.size, rng, label });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    cancel.current = () => {
      stopped = true;
      clearTimeout(timer);
      setLogging(null);
    };
    const tick = () => {
      if (stopped) return;
      const t0 = performance.now();
      while (!logger.done && performance.now() - t0 < 8) logger.run(100);
      setLogging(logger.logged);
      if (logger.done) {
        setLogging(null);
        takeDataset(logger.dataset(), `Logged ${logger.logged} transitions with ${label}, ε = ${p.eps}.`);
      } else timer = setTimeout(tick, 0);
    };
    setLogging(0);
    timer = setTimeout(tick, 0);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await readDatasetFile(file, ENV);
    if (r.ok)
      takeDataset(
        r.dataset,
        `Imported ${r.dataset.size} transitions from ${file.name} (${r.dataset.behaviour.label}).`,
      );
    else {
      setErrors(r.errors);
      setMessage(null);
    }
  };

  const actionShare = dataset ? dataset.actions.reduce((s, a) => s + a, 0) / dataset.size : NaN;
  return (
    <WidgetShell
      title="Offline RL on CartPole: log a dataset, then learn from it without acting"
      onReset={reset}
    >
      <h4 style={{ margin: '0.2em 0' }}>1. A behaviour agent</h4>
      <p style={{ margin: 0, fontSize: '0.9em' }}>
        Train the DQN below for as long as you like (or one update), or pick one of your saved CartPole
        agents.
      </p>
      <TrainingPanelView
        store={behaviour}
        preset="dqn-cartpole"
        compact
        title="Behaviour agent: DQN on CartPole"
      />
      <Controls>
        <label>
          Behaviour{' '}
          <select
            data-testid="offline-source"
            value={source.kind === 'panel' ? 'panel' : source.id}
            onChange={(e) =>
              setSource(
                e.target.value === 'panel' ? { kind: 'panel' } : { kind: 'agent', id: e.target.value },
              )
            }
          >
            <option value="panel">the DQN above (greedy)</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                saved agent: {a.agent.name}
              </option>
            ))}
          </select>
        </label>
      </Controls>
      <h4 style={{ margin: '0.2em 0' }}>2. The dataset</h4>
      <ParamControls specs={params} values={p} set={set} />
      <Controls>
        <Button onClick={log} disabled={!canLog} variant="primary" testId="offline-log">
          {logging === null ? 'Log dataset' : `Logging… ${logging}`}
        </Button>
        <Button
          onClick={() => dataset && downloadDataset(dataset)}
          disabled={!dataset}
          testId="offline-export"
        >
          Export dataset
        </Button>
        <label>
          Import dataset{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="offline-import"
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </Controls>
      {source.kind === 'panel' && !policy && (
        <p style={{ margin: 0, fontSize: '0.85em' }}>
          The behaviour DQN has no policy yet: start it or run one update.
        </p>
      )}
      {message && (
        <p role="status" data-testid="offline-message" style={{ margin: 0, fontSize: '0.85em' }}>
          {message}
        </p>
      )}
      {errors.length > 0 && (
        <ul role="alert" data-testid="offline-errors" style={{ margin: 0, fontSize: '0.85em' }}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <Readouts>
        <Readout label="Transitions" value={dataset?.size ?? 0} testId="offline-dataset-size" />
        <Readout
          label="Behaviour episodes"
          value={dataset?.behaviour.episodes ?? 0}
          testId="offline-dataset-episodes"
        />
        <Readout
          label="Behaviour mean return"
          value={dataset?.behaviour.meanReturn ?? NaN}
          testId="offline-dataset-return"
          digits={4}
        />
        <Readout
          label="ε of the data"
          value={dataset?.behaviour.epsilon ?? NaN}
          testId="offline-dataset-eps"
          digits={3}
        />
        <Readout
          label="Share of action 1 (push right)"
          value={actionShare}
          testId="offline-dataset-right"
          digits={3}
        />
      </Readouts>
      <h4 style={{ margin: '0.2em 0' }}>3. Learning from the dataset only</h4>
      {dataset ? (
        <OfflineRuns key={version} dataset={dataset} />
      ) : (
        <p style={{ margin: 0 }}>Log or import a dataset first.</p>
      )}
    </WidgetShell>
  );
}
