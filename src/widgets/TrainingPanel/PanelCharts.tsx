/**
 * The training panel's live charts (canvas, see LiveLineChart) and the ratio histogram, re-rendered only when their
 * throttled data change. Series keys are typed from src/spec's METRICS, and an algorithm's charts show only the
 * metrics it streams. The benchmark page draws the same charts, so its main-thread figure is the panel's.
 */
import { memo, useMemo } from 'react';
import { useStore } from 'zustand';
import {
  algoSpec,
  METRICS,
  type AlgoId,
  type EnvId,
  type MetricKey,
  type RatioHist,
  type SeriesKey,
} from '@/spec';
import type { SeriesPoint, TrainingStore } from '@/stores/training';
import type { Row } from '@/lib/export';
import { LiveLineChart, type PredictionLayer } from '@/widgets/common';
import { trainingPrediction } from './prediction';
import { RatioHistogram } from './RatioHistogram';
import { useThrottled } from './throttle';

/** How often the charts redraw while training (ms). */
export const CHART_MS = 250;

/** Chart rows from the store's series; NaN (no finished episode yet, no critic) becomes a gap, not a point. */
export function toRows(series: SeriesPoint[]): Row[] {
  return series.map((p) => {
    const o: Row = {};
    for (const [k, v] of Object.entries(p)) o[k] = Number.isFinite(v) ? (v as number) : null;
    return o;
  });
}

/** Chart rows for a live series, changing at most every CHART_MS (the charts' redraw rate while training). */
export function useChartRows(series: SeriesPoint[]): Row[] {
  const shown = useThrottled(series, CHART_MS);
  return useMemo(() => toRows(shown), [shown]);
}

interface ChartSeries {
  key: SeriesKey;
  label: string;
  dashed?: boolean;
}
const line = (key: MetricKey, dashed?: boolean): ChartSeries => ({ key, label: METRICS[key].label, dashed });

const DISTANCES: ChartSeries[] = [line('tvMean'), line('tvMax', true), line('klMean'), line('klMax', true)];
const DIAGNOSTICS: MetricKey[] = ['approxKl', 'clipFraction', 'entropy', 'explainedVariance'];
/** Off-policy learners (DQN, DDPG, TD3, SAC): overestimation, critic, exploration, actor, speed. */
const OVERESTIMATION: ChartSeries[] = [line('qEpisodes'), line('mcReturn', true)];
const CRITIC: ChartSeries[] = [line('qLoss'), line('tdError', true), line('qMean')];
const EXPLORATION: MetricKey[] = ['epsilon', 'alpha', 'actorLoss'];

/** The charts for `algo`'s metrics, drawn from `rows`. */
export const PanelCharts = memo(function PanelCharts({
  rows,
  hist,
  algo,
  compact,
  preset,
  solveThreshold,
  env = 'CartPole-v1',
  prediction,
}: {
  rows: Row[];
  hist: RatioHist | null;
  algo: AlgoId;
  compact: boolean;
  preset: string;
  solveThreshold: number;
  env?: EnvId;
  /** The reader's prediction of the return curve (the full panel only). */
  prediction?: PredictionLayer;
}) {
  const chartH = compact ? 180 : 220;
  const streamed: readonly MetricKey[] = algoSpec(algo).series;
  const has = (k: MetricKey) => streamed.includes(k);
  const diagnostics = DIAGNOSTICS.filter(has).map((k) => line(k));
  const exploration = EXPLORATION.filter(has).map((k) => line(k));
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: '0.6em' }}
    >
      <LiveLineChart
        caption="Mean return of the last 20 episodes, by environment step"
        data={rows}
        xKey="steps"
        series={[line('returnMean20')]}
        yDomain={env === 'CartPole-v1' ? [0, 500] : undefined}
        height={chartH}
        filename={`${preset}-return`}
        refLines={Number.isFinite(solveThreshold) ? [{ y: solveThreshold, label: 'solved' }] : []}
        prediction={compact ? undefined : prediction}
      />
      {has('tvMean') && (
        <LiveLineChart
          caption="Consecutive policies: TV distance and KL(old‖new) over the batch's states"
          data={rows}
          xKey="steps"
          series={DISTANCES.filter((s) => has(s.key as MetricKey))}
          height={chartH}
          filename={`${preset}-policy-distance`}
        />
      )}
      {has('qEpisodes') && (
        <LiveLineChart
          caption="Overestimation: mean Q(s, a) on recent episodes' steps against their discounted return"
          data={rows}
          xKey="steps"
          series={OVERESTIMATION}
          height={chartH}
          filename={`${preset}-overestimation`}
        />
      )}
      {!compact && has('qLoss') && (
        <LiveLineChart
          caption="Critic: TD loss, mean |TD error| and mean Q on the replay batch"
          data={rows}
          xKey="steps"
          series={CRITIC}
          height={chartH}
          filename={`${preset}-critic`}
        />
      )}
      {!compact && exploration.length > 0 && (
        <LiveLineChart
          caption={has('epsilon') ? 'Exploration: ε of ε-greedy' : 'Actor loss and temperature'}
          data={rows}
          xKey="steps"
          series={exploration}
          height={chartH}
          filename={`${preset}-actor`}
        />
      )}
      {!compact && has('updatesPerSec') && (
        <LiveLineChart
          caption="Gradient steps per second"
          data={rows}
          xKey="steps"
          series={[line('updatesPerSec')]}
          height={chartH}
          filename={`${preset}-speed`}
        />
      )}
      {!compact && diagnostics.length > 0 && (
        <LiveLineChart
          caption="Diagnostics per update"
          data={rows}
          xKey="steps"
          series={diagnostics}
          height={chartH}
          filename={`${preset}-diagnostics`}
        />
      )}
      {!compact && hist && <RatioHistogram hist={hist} />}
    </div>
  );
});

/** The panel's charts, reading the series and the last histogram from `store` at the charts' redraw rate. */
export function StoreCharts({
  store,
  compact,
  preset,
}: {
  store: TrainingStore;
  compact: boolean;
  preset: string;
}) {
  const series = useStore(store, (s) => s.series);
  const latest = useStore(store, (s) => s.latest);
  const algo = useStore(store, (s) => s.config.algo);
  const solve = useStore(store, (s) => s.config.solveThreshold);
  const env = useStore(store, (s) => s.config.env);
  const config = useStore(store, (s) => s.config);
  const prediction = useMemo(() => trainingPrediction(config, preset), [config, preset]);
  const rows = useChartRows(series);
  const hist = useThrottled(latest?.ratioHist ?? null, CHART_MS);
  // The ratio histogram is about the clip range: shown for algorithms that clip the ratio.
  const clipped = algoSpec(algo).series.includes('clipFraction');
  return (
    <PanelCharts
      rows={rows}
      hist={clipped ? hist : null}
      algo={algo}
      compact={compact}
      preset={preset}
      solveThreshold={solve}
      env={env}
      prediction={prediction}
    />
  );
}
