/**
 * The training panel's live charts (canvas, see LiveLineChart) and the ratio histogram, re-rendered only when their
 * throttled data change. TrainingBench draws the same charts, so the benchmark's main-thread figure is the panel's.
 */
import { memo, useMemo } from 'react';
import type { SeriesPoint } from '@/stores/training';
import type { Row } from '@/lib/export';
import { LiveLineChart } from '@/widgets/common';
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

export const PanelCharts = memo(function PanelCharts({
  rows,
  hist,
  isPpo,
  compact,
  preset,
  solveThreshold,
}: {
  rows: Row[];
  hist: { edges: number[]; counts: number[] } | null;
  isPpo: boolean;
  compact: boolean;
  preset: string;
  solveThreshold: number;
}) {
  const chartH = compact ? 180 : 220;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
        gap: '0.6em',
      }}
    >
      <LiveLineChart
        caption="Mean return of the last 20 episodes, by environment step"
        data={rows}
        xKey="steps"
        series={[{ key: 'returnMean20', label: 'mean return (last 20)' }]}
        yDomain={[0, 500]}
        height={chartH}
        filename={`${preset}-return`}
        refLines={solveThreshold > 0 ? [{ y: solveThreshold, label: 'solved' }] : []}
      />
      <LiveLineChart
        caption="Consecutive policies: TV distance and KL(old‖new) over the batch's states"
        data={rows}
        xKey="steps"
        series={[
          { key: 'tvMean', label: 'TV mean' },
          { key: 'tvMax', label: 'TV max', dashed: true },
          { key: 'klMean', label: 'KL mean' },
          { key: 'klMax', label: 'KL max', dashed: true },
        ]}
        height={chartH}
        filename={`${preset}-policy-distance`}
      />
      {!compact && (
        <LiveLineChart
          caption="Diagnostics per update"
          data={rows}
          xKey="steps"
          series={
            isPpo
              ? [
                  { key: 'approxKl', label: 'approx KL' },
                  { key: 'clipFraction', label: 'clip fraction' },
                  { key: 'entropy', label: 'entropy' },
                  { key: 'explainedVariance', label: 'explained variance' },
                ]
              : [
                  { key: 'entropy', label: 'entropy' },
                  { key: 'explainedVariance', label: 'explained variance' },
                ]
          }
          height={chartH}
          filename={`${preset}-diagnostics`}
        />
      )}
      {!compact && hist && <RatioHistogram hist={hist} />}
    </div>
  );
});
