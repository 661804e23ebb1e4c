/**
 * The bounded chart series of a run: one point per update with the x axes and every metric the algorithm streams
 * (keys typed from src/spec's METRICS), thinned to at most MAX_POINTS so charts stay cheap at any run length.
 */
import { METRIC_KEYS, type MetricKey, type UpdateMetrics } from '@/spec';

/** One point of the charts per update. */
export type SeriesPoint = Pick<UpdateMetrics, 'update' | 'steps' | 'episodes'> & {
  [K in MetricKey]?: number;
};

/** Longest series kept; when exceeded every other point is dropped. */
export const MAX_POINTS = 240;

function toPoint(m: UpdateMetrics): SeriesPoint {
  const p: SeriesPoint = { update: m.update, steps: m.steps, episodes: m.episodes };
  for (const k of METRIC_KEYS) if (m[k] !== undefined) p[k] = m[k];
  return p;
}

function thin(series: SeriesPoint[]): SeriesPoint[] {
  if (series.length <= MAX_POINTS) return series;
  return series.filter((_, i) => i % 2 === 0 || i === series.length - 1);
}

/** The series with one point per new update appended, thinned to at most MAX_POINTS. */
export function appendPoints(series: SeriesPoint[], updates: UpdateMetrics[]): SeriesPoint[] {
  return thin([...series, ...updates.map(toPoint)]);
}

/**
 * Mean over the series' points of Q_shadow − Q on the same steps (the shadow critic's target rule against the
 * acting critic's, on identical data); NaN without a shadow critic. The points are thinned evenly, so this is a
 * mean over the run's time.
 */
export function meanShadowGap(series: SeriesPoint[]): number {
  let sum = 0;
  let n = 0;
  for (const p of series) {
    const g = (p.qShadow ?? NaN) - (p.qEpisodes ?? NaN);
    if (Number.isFinite(g)) {
      sum += g;
      n += 1;
    }
  }
  return n ? sum / n : NaN;
}
