/**
 * The training panel's live charts (the kit's `Chart` with `live`, on a canvas) and the ratio histogram,
 * re-rendered only when their throttled data change. Series keys are typed from src/spec's METRICS, and an algorithm's charts show only the
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
import { Chart, line, rule, type Layer, type LineLayer, type PredictionLayer } from '@/widgets/common';
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

/**
 * `value` as the panel shows it: changing at most every CHART_MS while the run trains (20 metrics messages a second
 * would each be a render and a frame); paused, stopped or finished, the latest at once (the numbers a reader reads
 * off, or a saved run is compared with, are final).
 */
export function useLiveView<T>(store: TrainingStore, value: T): T {
  const running = useStore(store, (s) => s.status === 'running');
  const throttled = useThrottled(value, CHART_MS);
  return running ? throttled : value;
}

/** Chart rows for a live series, changing at most every CHART_MS (the charts' redraw rate while training). */
export function useChartRows(series: SeriesPoint[]): Row[] {
  const shown = useThrottled(series, CHART_MS);
  return useMemo(() => toRows(shown), [shown]);
}

/** A chart row: the x axes and the metrics, keyed as in src/spec (so a misspelt key is a type error). */
export type ChartRow = { [K in SeriesKey]?: number | null };

const metricLine = (key: MetricKey, dashed?: boolean): LineLayer<SeriesKey> =>
  line<SeriesKey>(key, METRICS[key].label, { dashed });

const DISTANCES = [
  metricLine('tvMean'),
  metricLine('tvMax', true),
  metricLine('klMean'),
  metricLine('klMax', true),
];
const DIAGNOSTICS: MetricKey[] = ['approxKl', 'clipFraction', 'entropy', 'explainedVariance'];
/** Off-policy learners (DQN, DDPG, TD3, SAC): overestimation, critic, exploration, actor, speed. */
const RETURN = [metricLine('returnMean20')];
const SPEED = [metricLine('updatesPerSec')];
const OVERESTIMATION = [metricLine('qEpisodes'), metricLine('mcReturn', true)];
/** With a shadow critic: its Q on the same steps, between the two. */
const OVERESTIMATION_SHADOW = [metricLine('qEpisodes'), metricLine('qShadow'), metricLine('mcReturn', true)];
const CRITIC = [metricLine('qLoss'), metricLine('tdError', true), metricLine('qMean')];
const EXPLORATION: MetricKey[] = ['epsilon', 'alpha', 'actorLoss'];

/** Environment steps as 12k, 1.5M… on the x axis. */
export const stepsFormat = (v: number) =>
  Math.abs(v) >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(Number(v.toPrecision(3)));

/**
 * One live chart of the panel: the kit's `Chart` (canvas) against environment steps, `lines` over the reference
 * layers `under`; its table and exports hold the steps and the lines' columns only.
 */
function MetricChart({
  rows,
  lines,
  under = [],
  over = [],
  ...rest
}: {
  rows: ChartRow[];
  lines: LineLayer<SeriesKey>[];
  under?: Layer<SeriesKey>[];
  over?: Layer<SeriesKey>[];
  caption: string;
  filename: string;
  height: number;
  yDomain?: [number, number];
}) {
  const keys: SeriesKey[] = ['steps', ...lines.map((l) => l.key)];
  const table = rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])) as Row);
  return (
    <Chart
      live
      data={rows}
      x="steps"
      xLabel="environment steps"
      xFormat={stepsFormat}
      layers={[...under, ...lines, ...over]}
      table={table}
      {...rest}
    />
  );
}

/** The charts for `algo`'s metrics, drawn from `rows`. */
export const PanelCharts = memo(function PanelCharts({
  rows: given,
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
  prediction?: PredictionLayer<SeriesKey>;
}) {
  const rows = given as ChartRow[];
  const height = compact ? 180 : 220;
  const streamed: readonly MetricKey[] = algoSpec(algo).series;
  const has = (k: MetricKey) => streamed.includes(k);
  // PanelCharts re-renders only when its rows change, and then every chart's table must be rebuilt anyway.
  const diagnostics = DIAGNOSTICS.filter(has).map((k) => metricLine(k));
  const exploration = EXPLORATION.filter(has).map((k) => metricLine(k));
  const distances = DISTANCES.filter((l) => has(l.key as MetricKey));
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: '0.6em' }}
    >
      <MetricChart
        caption="Mean return of the last 20 episodes, by environment step"
        rows={rows}
        lines={RETURN}
        under={Number.isFinite(solveThreshold) ? [rule({ y: solveThreshold, label: 'solved' })] : []}
        over={!compact && prediction ? [prediction] : []}
        yDomain={env === 'CartPole-v1' ? [0, 500] : undefined}
        height={height}
        filename={`${preset}-return`}
      />
      {has('tvMean') && (
        <MetricChart
          caption="Consecutive policies: TV distance and KL(old‖new) over the batch's states"
          rows={rows}
          lines={distances}
          height={height}
          filename={`${preset}-policy-distance`}
        />
      )}
      {has('qEpisodes') && (
        <MetricChart
          caption="Overestimation: mean Q(s, a) on recent episodes' steps against their discounted return"
          rows={rows}
          lines={rows.some((r) => r.qShadow != null) ? OVERESTIMATION_SHADOW : OVERESTIMATION}
          height={height}
          filename={`${preset}-overestimation`}
        />
      )}
      {!compact && has('qLoss') && (
        <MetricChart
          caption="Critic: TD loss, mean |TD error| and mean Q on the replay batch"
          rows={rows}
          lines={CRITIC}
          height={height}
          filename={`${preset}-critic`}
        />
      )}
      {!compact && exploration.length > 0 && (
        <MetricChart
          caption={has('epsilon') ? 'Exploration: ε of ε-greedy' : 'Actor loss and temperature'}
          rows={rows}
          lines={exploration}
          height={height}
          filename={`${preset}-actor`}
        />
      )}
      {!compact && has('updatesPerSec') && (
        <MetricChart
          caption="Gradient steps per second"
          rows={rows}
          lines={SPEED}
          height={height}
          filename={`${preset}-speed`}
        />
      )}
      {!compact && diagnostics.length > 0 && (
        <MetricChart
          caption="Diagnostics per update"
          rows={rows}
          lines={diagnostics}
          height={height}
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
  // Rows and histogram through one throttle: both redraw in the same task (one React render, one frame).
  const ratioHist = latest?.ratioHist ?? null;
  const data = useMemo(() => ({ series, hist: ratioHist }), [series, ratioHist]);
  const shown = useLiveView(store, data);
  const rows = useMemo(() => toRows(shown.series), [shown.series]);
  const hist = shown.hist;
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
