/**
 * TrainingCompare: two runs side by side (each in its own worker) and one chart overlaying both returns.
 * `<Widget name="TrainingCompare" presetA="ppo-cartpole-many-epochs" presetB="ppo-cartpole-noclip" />`
 */
import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import { LiveLineChart } from '@/widgets/common';
import { useChartRows } from '../TrainingPanel/PanelCharts';
import TrainingPanel from '../TrainingPanel';
import type { TrainingStore } from '@/stores/training';
import { createTrainingStore } from '@/stores/training';
import { presetConfig } from '@/worker/trainer-client';

// A placeholder store so hooks are unconditional before the panels hand theirs over.
const EMPTY = createTrainingStore('compare.placeholder', presetConfig('ppo-cartpole'));

function Overlay({
  a,
  b,
  nameA,
  nameB,
}: {
  a: TrainingStore;
  b: TrainingStore;
  nameA: string;
  nameB: string;
}) {
  const sa = useStore(a, (s) => s.series);
  const sb = useStore(b, (s) => s.series);
  const rowsA = useChartRows(sa);
  const rowsB = useChartRows(sb);
  return (
    <LiveLineChart
      caption={`Mean return of the last 20 episodes: ${nameA} against ${nameB}`}
      data={[]}
      seriesData={[rowsA, rowsB]}
      xKey="steps"
      series={[
        { key: 'returnMean20', label: `A: ${nameA}` },
        { key: 'returnMean20', label: `B: ${nameB}` },
      ]}
      yDomain={[0, 500]}
      height={220}
      filename="compare-return"
    />
  );
}

export default function TrainingCompare({
  presetA = 'ppo-cartpole-many-epochs',
  presetB = 'ppo-cartpole-noclip',
  seed,
}: {
  presetA?: string;
  presetB?: string;
  seed?: number | string;
}) {
  const [a, setA] = useState<TrainingStore>(EMPTY);
  const [b, setB] = useState<TrainingStore>(EMPTY);
  const onA = useCallback((s: TrainingStore) => setA(() => s), []);
  const onB = useCallback((s: TrainingStore) => setB(() => s), []);
  const startBoth = () => {
    a.getState().start();
    b.getState().start();
  };
  return (
    <div className="training-compare" style={{ display: 'flex', flexDirection: 'column', gap: '0.6em' }}>
      <div>
        <button type="button" onClick={startBoth}>
          Start both
        </button>
      </div>
      <Overlay a={a} b={b} nameA={presetA} nameB={presetB} />
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: '0.6em' }}
      >
        <TrainingPanel preset={presetA} seed={seed} id="A" compact title={`A: ${presetA}`} onStore={onA} />
        <TrainingPanel preset={presetB} seed={seed} id="B" compact title={`B: ${presetB}`} onStore={onB} />
      </div>
    </div>
  );
}
