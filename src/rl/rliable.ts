/**
 * Aggregate statistics for few-run experiments, after rliable (Agarwal et al. 2021, "Deep RL at the edge of the
 * statistical precipice"; google-research/rliable, metrics.py and library.py), in float64:
 *
 * - `iqm`: rliable's `aggregate_iqm` is `scipy.stats.trim_mean(scores, 0.25, axis=None)` over the pooled runs.
 *   scipy cuts int(0.25 · n) scores from each end and averages the rest with equal weights: there is no fractional
 *   weighting for n not a multiple of 4 (n = 9 drops 2 from each end and averages 5).
 * - `stratifiedBootstrap`: rliable's `StratifiedBootstrap` resamples runs with replacement inside each task
 *   (stratum) and applies the statistic; the interval is the percentile interval of the replicates (arch's
 *   `conf_int(method='percentile')`), percentiles interpolated linearly between order statistics (numpy's default).
 *   The resampling stream is `createRng(seed)`, so an interval is reproducible; it is not numpy's stream, so the
 *   replicates differ from rliable's (the reference test ports our generator to Python instead).
 * - `scoreDistribution`: the performance profile, the fraction of runs with score > τ (`run_score_deviation`).
 * - `probabilityOfImprovement`: P(X > Y) per task, the Mann–Whitney U statistic over all pairs with ties counted ½,
 *   divided by n_x · n_y (rliable calls `scipy.stats.mannwhitneyu(..., alternative='greater')`), averaged over tasks;
 *   its interval resamples X and Y independently inside each task (`StratifiedIndependentBootstrap`).
 *
 * Scores are given per task: `scores[m]` is the list of run scores of task m (tasks may have different run counts).
 */
import { createRng, type Rng } from './rng';

/** scipy.stats.trim_mean(x, prop): drop int(prop · n) values from each end of the sorted list, average the rest. */
export function trimMean(x: readonly number[], prop = 0.25): number {
  const n = x.length;
  if (n === 0) return NaN;
  const cut = Math.floor(prop * n);
  if (cut > n - cut) throw new Error('trimMean: proportion too big');
  const s = [...x].sort((a, b) => a - b);
  let sum = 0;
  for (let i = cut; i < n - cut; i++) sum += s[i];
  return sum / (n - 2 * cut);
}

/** Interquartile mean of the pooled run scores of all tasks. */
export function iqm(scores: readonly (readonly number[])[]): number {
  return trimMean(scores.flat(), 0.25);
}

/** numpy.percentile(values, q) with linear interpolation (q in [0, 100]). */
export function percentile(values: readonly number[], q: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = ((n - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

export interface BootstrapOptions {
  /** Bootstrap replicates (rliable's default is 50 000 for intervals, 2 000 for profiles). */
  reps?: number;
  /** Coverage of the interval. */
  size?: number;
  /** Seed of the resampling stream. */
  seed?: number;
}

/** A statistic with its percentile interval, component by component. */
export interface Interval {
  point: number[];
  lo: number[];
  hi: number[];
}

/** One stratified resample: each task's runs drawn with replacement from that task's runs (task by task, run by run). */
function resample<T>(strata: readonly (readonly T[])[], rng: Rng): T[][] {
  return strata.map((runs) => runs.map(() => runs[rng.int(runs.length)]));
}

function percentileInterval(reps: number[][], dims: number, size: number) {
  const lo: number[] = [];
  const hi: number[] = [];
  const tail = (100 * (1 - size)) / 2;
  for (let d = 0; d < dims; d++) {
    // A replicate without a value (a curve point none of its resampled runs reached) is left out (nanpercentile).
    const col = reps.map((r) => r[d]).filter((v) => !Number.isNaN(v));
    lo.push(percentile(col, tail));
    hi.push(percentile(col, 100 - tail));
  }
  return { lo, hi };
}

/**
 * Stratified bootstrap percentile interval of a vector statistic of per-task runs (`strata[m]` = runs of task m,
 * each run any value: a score, or a whole learning curve).
 */
export function stratifiedBootstrap<T>(
  strata: readonly (readonly T[])[],
  stat: (strata: readonly (readonly T[])[]) => number[],
  { reps = 2000, size = 0.95, seed = 0 }: BootstrapOptions = {},
): Interval {
  const point = stat(strata);
  const rng = createRng(seed);
  const out: number[][] = [];
  for (let r = 0; r < reps; r++) out.push(stat(resample(strata, rng)));
  return { point, ...percentileInterval(out, point.length, size) };
}

/** IQM of the pooled runs with its stratified bootstrap interval: [point, lo, hi]. */
export function iqmInterval(scores: readonly (readonly number[])[], opts: BootstrapOptions = {}) {
  const r = stratifiedBootstrap(scores, (s) => [iqm(s)], opts);
  return { point: r.point[0], lo: r.lo[0], hi: r.hi[0] };
}

/** Fraction of all runs with score > τ, for each τ (the performance profile's curve). */
export function scoreDistribution(scores: readonly (readonly number[])[], taus: readonly number[]): number[] {
  // Sorted once; for each τ the count above it is found by binary search (profiles are evaluated per resample).
  const all = scores.flat().sort((a, b) => a - b);
  const n = all.length;
  return taus.map((t) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid] > t) hi = mid;
      else lo = mid + 1;
    }
    return (n - lo) / n;
  });
}

/** The performance profile with its stratified bootstrap band (one resample serves every τ). */
export function performanceProfile(
  scores: readonly (readonly number[])[],
  taus: readonly number[],
  opts: BootstrapOptions = {},
): Interval {
  return stratifiedBootstrap(scores, (s) => scoreDistribution(s, taus), opts);
}

/** Mann–Whitney probability that a run of X beats a run of Y: pairs with x > y count 1, ties ½, over n_x · n_y. */
export function pairwiseImprovement(x: readonly number[], y: readonly number[]): number {
  let u = 0;
  for (const a of x) for (const b of y) u += a > b ? 1 : a === b ? 0.5 : 0;
  return u / (x.length * y.length);
}

/** rliable's probability_of_improvement: P(X_m > Y_m) averaged over tasks (identical run lists give ½). */
export function probabilityOfImprovement(
  x: readonly (readonly number[])[],
  y: readonly (readonly number[])[],
): number {
  if (x.length !== y.length) throw new Error('probabilityOfImprovement: X and Y need the same tasks');
  let sum = 0;
  for (let m = 0; m < x.length; m++) sum += pairwiseImprovement(x[m], y[m]);
  return sum / x.length;
}

/** P(X > Y) with its interval: X and Y resampled independently inside each task (X first, then Y, each rep). */
export function improvementInterval(
  x: readonly (readonly number[])[],
  y: readonly (readonly number[])[],
  { reps = 2000, size = 0.95, seed = 0 }: BootstrapOptions = {},
) {
  const point = probabilityOfImprovement(x, y);
  const rng = createRng(seed);
  const out: number[][] = [];
  for (let r = 0; r < reps; r++) out.push([probabilityOfImprovement(resample(x, rng), resample(y, rng))]);
  const { lo, hi } = percentileInterval(out, 1, size);
  return { point, lo: lo[0], hi: hi[0] };
}

/**
 * IQM learning curve with its band (rliable's sample-efficiency curves): runs are curves on one grid; every
 * replicate resamples whole runs, so each point's interval keeps the runs' correlation over time. A run with no
 * value yet at a point (NaN: no episode finished) is left out of that point; a point with no value is NaN.
 */
export function iqmCurve(curves: readonly (readonly number[])[], opts: BootstrapOptions = {}): Interval {
  const points = curves[0]?.length ?? 0;
  const stat = (s: readonly (readonly (readonly number[])[])[]) =>
    Array.from({ length: points }, (_, k) =>
      trimMean(
        s[0].map((c) => c[k]).filter((v) => !Number.isNaN(v)),
        0.25,
      ),
    );
  return stratifiedBootstrap([curves], stat, opts);
}

/** Mean learning curve with its band: like `iqmCurve` with the mean of the runs that have a value at each point. */
export function meanCurve(curves: readonly (readonly number[])[], opts: BootstrapOptions = {}): Interval {
  const points = curves[0]?.length ?? 0;
  const stat = (s: readonly (readonly (readonly number[])[])[]) =>
    Array.from({ length: points }, (_, k) => {
      const v = s[0].map((c) => c[k]).filter((x) => !Number.isNaN(x));
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
    });
  return stratifiedBootstrap([curves], stat, opts);
}
