/**
 * The three offline learners (naive DQN, CQL, IQL) on one dataset, each a training panel whose worker receives the
 * dataset before its run (the store's trainer factory sends it). Remounted (new stores, new workers) whenever the
 * dataset changes. A summary row compares the behaviour's return with each learner's evaluation return and
 * overestimation.
 */
import { useStore } from 'zustand';
import type { OfflineDataset } from '@/spec';
import type { TrainingStore } from '@/stores/training';
import { createTrainer } from '@/worker/trainer-client';
import { Button, Controls, Readout, Readouts } from '@/widgets/common';
import { TrainingPanelView } from '../TrainingPanel';
import { useTrainingPanelStore } from '../TrainingPanel/useTraining';

const METHODS = [
  { method: 'dqn', preset: 'offline-dqn-cartpole', title: 'Naive offline DQN' },
  { method: 'cql', preset: 'offline-cql-cartpole', title: 'CQL(H) offline' },
  { method: 'iql', preset: 'offline-iql-cartpole', title: 'IQL offline' },
] as const;

function useOfflineStore(preset: string, dataset: OfflineDataset): TrainingStore {
  return useTrainingPanelStore(
    { preset },
    { makeTrainer: (runId, config, backend) => createTrainer(runId, config, backend, dataset) },
  ).store;
}

function MethodSummary({ store, method }: { store: TrainingStore; method: string }) {
  const m = useStore(store, (s) => s.latest);
  const ret = m?.returnMean20 ?? NaN;
  const over = (m?.qEpisodes ?? NaN) - (m?.mcReturn ?? NaN);
  return (
    <>
      <Readout
        label={`${method.toUpperCase()}: evaluation return`}
        value={ret}
        testId={`offline-return-${method}`}
        digits={4}
      />
      <Readout
        label={`${method.toUpperCase()}: Q − return`}
        value={over}
        testId={`offline-over-${method}`}
        digits={3}
      />
    </>
  );
}

export function OfflineRuns({ dataset }: { dataset: OfflineDataset }) {
  const stores = [
    useOfflineStore(METHODS[0].preset, dataset),
    useOfflineStore(METHODS[1].preset, dataset),
    useOfflineStore(METHODS[2].preset, dataset),
  ];
  return (
    <div>
      <Controls>
        <Button onClick={() => stores.forEach((s) => s.getState().start())} testId="offline-train-all">
          Train all three
        </Button>
      </Controls>
      <Readouts>
        <Readout
          label="Behaviour: mean return while logging"
          value={dataset.behaviour.meanReturn}
          testId="offline-behaviour-return"
          digits={4}
        />
        {METHODS.map((m, k) => (
          <MethodSummary key={m.method} store={stores[k]} method={m.method} />
        ))}
      </Readouts>
      {METHODS.map((m, k) => (
        <TrainingPanelView
          key={m.method}
          store={stores[k]}
          preset={m.preset}
          compact={false}
          title={m.title}
        />
      ))}
    </div>
  );
}
