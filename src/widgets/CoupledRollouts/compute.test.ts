import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCoupledSampler, exactCurves, makeModel } from './compute';

describe('coupled rollouts', () => {
  it('TV of the state laws ≤ disagreement of the maximal coupling ≤ 1 − (1 − α)^t, and independence is worse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (seed, step) => {
          const rows = exactCurves(makeModel(seed, step), 25);
          return rows.every(
            (r) =>
              r.tvState <= r.disagreeMaximal + 1e-12 &&
              r.disagreeMaximal <= r.bound + 1e-12 &&
              r.disagreeMaximal <= r.disagreeIndependent + 1e-12,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('identical policies never disagree under the maximal coupling', () => {
    const rows = exactCurves(makeModel(3, 0), 10);
    for (const r of rows) {
      expect(r.disagreeMaximal).toBeLessThan(1e-12);
      expect(r.tvState).toBeLessThan(1e-12);
    }
    expect(rows[5].disagreeIndependent).toBeGreaterThan(0.5);
  });

  it('the sampled disagreement converges to the exact one', () => {
    const model = makeModel(1, 0.8);
    const exact = exactCurves(model, 20);
    const s = createCoupledSampler(model, 20, 1);
    s.step(20000);
    const est = s.disagreed();
    for (let t = 0; t <= 20; t++) {
      const p = exact[t].disagreeMaximal;
      expect(Math.abs(est[t] - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / 20000) + 1e-12);
    }
  });
});
