/**
 * TrainingCompare: two runs side by side (each in its own worker) and one chart overlaying both returns.
 * `<Widget name="TrainingCompare" presetA="ppo-cartpole-many-epochs" presetB="ppo-cartpole-noclip" />`
 * It owns both stores (created here with the panel's store hook) and reads their series with selectors.
 */
import { useStore } from 'zustand';
import type { SeriesKey } from '@/spec';
import { Chart, line } from '@/widgets/common';
import type { TrainingStore } from '@/stores/training';
import { stepsFormat, useChartRows, type ChartRow } from '../TrainingPanel/PanelCharts';
import { TrainingPanelView } from '../TrainingPanel';
import { useTrainingPanelStore } from '../TrainingPanel/useTraining';

/** The overlay has no shared rows: each run's curve brings its own. */
const NO_ROWS: ChartRow[] = [];

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
  const rowsA = useChartRows(useStore(a, (s) => s.series));
  const rowsB = useChartRows(useStore(b, (s) => s.series));
  return (
    <Chart
      live
      caption={`Mean return of the last 20 episodes: ${nameA} against ${nameB}`}
      data={NO_ROWS}
      x="steps"
      xLabel="environment steps"
      xFormat={stepsFormat}
      // each run's curve from its own rows (the two runs report at different steps)
      layers={[
        line<SeriesKey>('returnMean20', `A: ${nameA}`, { data: rowsA }),
        line<SeriesKey>('returnMean20', `B: ${nameB}`, { data: rowsB }),
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
  const a = useTrainingPanelStore({ preset: presetA, seed, id: 'A' }).store;
  const b = useTrainingPanelStore({ preset: presetB, seed, id: 'B' }).store;
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
        <TrainingPanelView store={a} preset={presetA} compact title={`A: ${presetA}`} />
        <TrainingPanelView store={b} preset={presetB} compact title={`B: ${presetB}`} />
      </div>
    </div>
  );
}
