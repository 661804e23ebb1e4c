import { describe, expect, it } from 'vitest';
import ref from './fixtures/rliable-reference.json';
import { createRng } from './rng';
import {
  improvementInterval,
  iqm,
  iqmCurve,
  iqmInterval,
  meanCurve,
  percentile,
  performanceProfile,
  probabilityOfImprovement,
  trimMean,
} from './rliable';

// Reference values: scripts/rliable-reference.py (scipy's trim_mean and mannwhitneyu, numpy's percentile, and our
// generator ported to Python for the bootstrap resamples).
const D = ref.data;
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 12);
const closeAll = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => close(x, b[i]));
};

describe('rliable statistics against the Python reference', () => {
  it('the ported generator is ours', () => {
    const rng = createRng(7);
    closeAll(
      ref.rng7.map(() => rng.uniform()),
      ref.rng7,
    );
  });

  it('trimMean and iqm follow scipy.stats.trim_mean (int(n/4) cut from each end, no fractional weights)', () => {
    close(iqm(D.A), ref.trimMean.A);
    close(iqm(D.FIVE), ref.trimMean.FIVE);
    close(iqm(D.FOUR), ref.trimMean.FOUR);
    close(iqm(D.TWO_TASKS), ref.trimMean.TWO_TASKS);
    // Hand-computed: n = 9 cuts 2 from each end, n = 5 cuts 1, n = 3 cuts none.
    expect(trimMean([1, 2, 3, 4, 5, 6, 7, 8, 900])).toBe((3 + 4 + 5 + 6 + 7) / 5);
    expect(trimMean([10, -1, 3, 2, 4])).toBe(3);
    expect(trimMean([1, 2, 30])).toBe(11);
    expect(trimMean([])).toBeNaN();
  });

  it('percentile interpolates linearly as numpy does', () => {
    close(percentile(D.FIVE[0], 2.5), ref.percentile['q2.5']);
    close(percentile(D.FIVE[0], 97.5), ref.percentile['q97.5']);
    close(percentile(D.FOUR[0], 50), ref.percentile.q50);
  });

  it('IQM stratified bootstrap intervals equal the reference (same seed, same resamples)', () => {
    const cases = [
      ['A', D.A, 2000, 1],
      ['B', D.B, 2000, 1],
      ['C', D.C, 2000, 1],
      ['FIVE', D.FIVE, 1000, 42],
      ['TWO_TASKS', D.TWO_TASKS, 1000, 3],
    ] as const;
    for (const [name, scores, reps, seed] of cases) {
      const got = iqmInterval(scores, { reps, seed });
      const want = ref.iqmInterval[name];
      close(got.point, want.point);
      close(got.lo, want.lo);
      close(got.hi, want.hi);
    }
  });

  it('the interval is reproducible and changes with the seed', () => {
    const a = iqmInterval(D.FIVE, { reps: 200, seed: 4 });
    expect(iqmInterval(D.FIVE, { reps: 200, seed: 4 })).toEqual(a);
    const others = [5, 6, 7, 8].map((seed) => iqmInterval(D.FIVE, { reps: 200, seed }));
    expect(others.some((o) => o.lo !== a.lo || o.hi !== a.hi)).toBe(true);
  });

  it('performance profile: fraction of runs above tau, with its band', () => {
    // Three strata of three runs: each resample draws inside each stratum.
    const got = performanceProfile([D.A[0], D.B[0], D.C[0]], ref.profile.taus, {
      reps: 500,
      seed: 5,
    });
    closeAll(got.point, ref.profile.point);
    closeAll(got.lo, ref.profile.lo);
    closeAll(got.hi, ref.profile.hi);
  });

  it('probability of improvement: Mann-Whitney with ties 1/2, averaged over tasks', () => {
    close(probabilityOfImprovement(D.A, D.B), ref.poi.AB);
    close(probabilityOfImprovement(D.B, D.A), ref.poi.BA);
    close(probabilityOfImprovement(D.A, D.C), ref.poi.AC);
    close(probabilityOfImprovement(D.A, D.A), ref.poi.AA);
    close(probabilityOfImprovement(D.TWO_TASKS, D.TWO_TASKS_Y), ref.poi.TWO_TASKS);
    // Hand count: x = [1, 2], y = [2, 0]: (1>2: 0) (1>0: 1) (2=2: ½) (2>0: 1) → 2.5 / 4.
    expect(probabilityOfImprovement([[1, 2]], [[2, 0]])).toBe(0.625);
  });

  it('probability of improvement intervals equal the reference', () => {
    const ac = improvementInterval(D.A, D.C, { reps: 1000, seed: 9 });
    close(ac.lo, ref.poiInterval.AC.lo);
    close(ac.hi, ref.poiInterval.AC.hi);
    const two = improvementInterval(D.TWO_TASKS, D.TWO_TASKS_Y, { reps: 500, seed: 2 });
    close(two.point, ref.poiInterval.TWO_TASKS.point);
    close(two.lo, ref.poiInterval.TWO_TASKS.lo);
    close(two.hi, ref.poiInterval.TWO_TASKS.hi);
  });

  it('IQM curves with bands skip runs without a value yet', () => {
    const curves = D.CURVES.map((c) => c.map((v) => (v === null ? NaN : v)));
    const got = iqmCurve(curves, { reps: 500, seed: 11 });
    closeAll(got.point, ref.curve.point);
    closeAll(got.lo, ref.curve.lo);
    closeAll(got.hi, ref.curve.hi);
  });
});

describe('meanCurve', () => {
  it('is the mean of the runs with a value at each point, its band inside the runs’ range', () => {
    const curves = [
      [NaN, 1, 4],
      [2, 3, 8],
      [4, 5, 6],
    ];
    const got = meanCurve(curves, { reps: 300, seed: 1 });
    expect(got.point).toEqual([3, 3, 6]);
    got.lo.forEach((lo, k) => expect(lo).toBeGreaterThanOrEqual([2, 1, 4][k]));
    got.hi.forEach((hi, k) => expect(hi).toBeLessThanOrEqual([4, 5, 8][k]));
    expect(meanCurve(curves, { reps: 300, seed: 1 })).toEqual(got);
  });
});
