/**
 * The sweep's accepted results grouped by configuration and handed to src/rl's rliable statistics. Score of a run:
 * its final return (mean of the last 20 episodes at the end), raw: a sweep is on one environment, so no
 * normalisation. Intervals: 95 % stratified bootstrap percentile intervals, seed 0 (reproducible: the e2e test
 * recomputes them from the codes), `REPS` replicates.
 */
import { improvementInterval, iqmInterval, meanCurve, performanceProfile } from '@/rl';
import type { Sweep } from '@/lib/sweep';
import type { CellResult } from '@/lib/sweep-code';

export const REPS = 2000;
export const PROFILE_REPS = 500;
export const PROFILE_POINTS = 41;
export const BOOTSTRAP_SEED = 0;

export interface ConfigStats {
  index: number;
  label: string;
  runs: number;
  scores: number[];
  iqm: number;
  lo: number;
  hi: number;
  solved: number;
}

export interface Aggregate {
  configs: ConfigStats[];
  /** Performance profile rows: tau and, per configuration c, `c{c}`, `c{c}lo`, `c{c}hi`. */
  profile: Record<string, number>[];
  /** P(row config > column config) with interval, for configurations with runs. */
  improvement: { x: number; y: number; point: number; lo: number; hi: number }[];
  /** Mean curve rows: step and, per configuration, mean and band. */
  curves: Record<string, number>[];
}

export function aggregate(sweep: Sweep, results: readonly CellResult[]): Aggregate {
  const n = sweep.seeds.length;
  const groups = sweep.configs.map((c) =>
    results.filter((r) => Math.floor(r.cell / n) === c.index).sort((a, b) => a.cell - b.cell),
  );
  const opts = { reps: REPS, seed: BOOTSTRAP_SEED };
  const configs: ConfigStats[] = sweep.configs.map((c, i) => {
    const scores = groups[i].map((r) => r.finalReturn);
    const iv = scores.length ? iqmInterval([scores], opts) : { point: NaN, lo: NaN, hi: NaN };
    return {
      index: i,
      label: c.label,
      runs: scores.length,
      scores,
      iqm: iv.point,
      lo: iv.lo,
      hi: iv.hi,
      solved: groups[i].filter((r) => r.stepsToSolve !== null).length,
    };
  });
  const all = results.map((r) => r.finalReturn);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const taus = all.length
    ? Array.from({ length: PROFILE_POINTS }, (_, k) => lo + ((hi - lo) * k) / (PROFILE_POINTS - 1))
    : [];
  const profile: Record<string, number>[] = taus.map((tau) => ({ tau }));
  const withRuns = configs.filter((c) => c.runs > 0);
  for (const c of withRuns) {
    const p = performanceProfile([c.scores], taus, { reps: PROFILE_REPS, seed: BOOTSTRAP_SEED });
    taus.forEach((_, k) => {
      profile[k][`c${c.index}`] = p.point[k];
      profile[k][`c${c.index}lo`] = p.lo[k];
      profile[k][`c${c.index}hi`] = p.hi[k];
    });
  }
  const improvement: Aggregate['improvement'] = [];
  for (const x of withRuns)
    for (const y of withRuns)
      if (x.index !== y.index)
        improvement.push({
          x: x.index,
          y: y.index,
          ...improvementInterval([x.scores], [y.scores], { reps: PROFILE_REPS, seed: BOOTSTRAP_SEED }),
        });
  const K = results[0]?.curve.length ?? 0;
  const total = sweep.configs[0].config.totalSteps;
  const curves: Record<string, number>[] = Array.from({ length: K }, (_, k) => ({
    steps: Math.round((total * (k + 1)) / K),
  }));
  for (const c of withRuns) {
    const m = meanCurve(
      groups[c.index].map((r) => r.curve),
      { reps: PROFILE_REPS, seed: BOOTSTRAP_SEED },
    );
    curves.forEach((row, k) => {
      row[`c${c.index}`] = m.point[k];
      row[`c${c.index}lo`] = m.lo[k];
      row[`c${c.index}hi`] = m.hi[k];
    });
  }
  return { configs, profile, improvement, curves };
}
