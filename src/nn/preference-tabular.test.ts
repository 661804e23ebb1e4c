import { describe, expect, it } from 'vitest';
import { PREFERENCE_DEFAULTS, type PreferenceConfig } from '@/spec';
import { PreferenceRun } from './preference-tabular';

const small: PreferenceConfig = PREFERENCE_DEFAULTS;

function runToEnd(cfg: PreferenceConfig) {
  const run = new PreferenceRun(cfg);
  const points = [run.point()];
  while (!run.done) {
    run.update();
    if (run.step % 50 === 0) points.push(run.point());
  }
  return { run, points };
}

describe('the preference toy (RLHF and DPO, tabular)', () => {
  it('is reproducible: the same seed gives the same curve, another seed a different one', () => {
    const a = runToEnd({ ...small, steps: 200 }).points;
    const b = runToEnd({ ...small, steps: 200 }).points;
    const c = runToEnd({ ...small, steps: 200, seed: 2 }).points;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('both learners converge to the exact optimum for the data’s maximum-likelihood reward, and beat the reference', () => {
    for (const seed of [1, 2, 3]) {
      const { run, points } = runToEnd({ ...small, seed });
      const exact = run.exact();
      expect(exact.mleFinite.every(Boolean)).toBe(true);
      const first = points[0];
      const last = points[points.length - 1];
      // Start: both at the reference (KL 0, win rate 1/2), far from the optimum.
      expect(first.dpoKl).toBeLessThan(1e-15);
      expect(first.dpoWin).toBeCloseTo(0.5, 12);
      expect(first.dpoGapData).toBeGreaterThan(0.1);
      // End: within 0.01 nats of π*_{r̂}, win rates near its exact value.
      expect(last.dpoGapData).toBeLessThan(0.01);
      expect(last.rlhfGapData).toBeLessThan(0.01);
      expect(Math.abs(last.dpoWin - exact.dataWin)).toBeLessThan(0.01);
      expect(Math.abs(last.rlhfWin - exact.dataWin)).toBeLessThan(0.01);
      expect(last.dpoWin).toBeGreaterThan(0.55);
    }
  });

  it('RLHF’s policy stays at the reference while its reward model is fitted, then moves', () => {
    const { points } = runToEnd(small);
    const rmSteps = Math.round(small.rmFraction * small.steps);
    for (const p of points) {
      if (p.step <= rmSteps) expect(p.rlhfKl).toBeLessThan(1e-15);
    }
    expect(points[points.length - 1].rlhfKl).toBeGreaterThan(0.1);
    // The reward model ranks more pairs correctly than chance once fitted.
    expect(points[points.length - 1].rmAccuracy).toBeGreaterThan(0.6);
  });

  it('with a handful of pairs the maximum-likelihood reward does not exist, and the exact data optimum is reported as missing', () => {
    const run = new PreferenceRun({ ...small, pairs: 12 });
    const exact = run.exact();
    expect(exact.mleFinite.some((f) => !f)).toBe(true);
    expect(Number.isNaN(exact.dataWin)).toBe(true);
    expect(Number.isNaN(run.point().dpoGapData)).toBe(true);
  });
});
