import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaBetween, scorePrediction, sketchPoints, timeToThreshold, valueAt, type Pt } from './prediction';

const line = (pts: Array<[number, number]>): Pt[] => pts.map(([x, y]) => ({ x, y }));

describe('prediction score', () => {
  it('integrates the gap exactly, including where the curves cross', () => {
    expect(
      areaBetween(
        line([
          [0, 1],
          [10, 1],
        ]),
        line([
          [0, 3],
          [10, 3],
        ]),
        0,
        10,
      ),
    ).toBeCloseTo(20, 12);
    // |2x − 1| on [0, 1] is two triangles of area 1/4.
    expect(
      areaBetween(
        line([
          [0, 0],
          [1, 1],
        ]),
        line([
          [0, 1],
          [1, 0],
        ]),
        0,
        1,
      ),
    ).toBeCloseTo(0.5, 12);
    expect(
      areaBetween(
        line([
          [0, 0],
          [1, 1],
        ]),
        line([
          [0, 0],
          [1, 1],
        ]),
        0,
        1,
      ),
    ).toBe(0);
  });

  it('matches a fine Riemann sum on random polylines, and is symmetric', () => {
    const poly = fc
      .array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 8 })
      .map((ys) => ys.map((y, i) => ({ x: (10 * i) / (ys.length - 1), y })));
    fc.assert(
      fc.property(poly, poly, (p, q) => {
        const a = areaBetween(p, q, 0, 10);
        let sum = 0;
        const n = 20000;
        for (let i = 0; i < n; i++) {
          const x = ((i + 0.5) * 10) / n;
          sum += Math.abs(valueAt(p, x) - valueAt(q, x)) * (10 / n);
        }
        expect(Math.abs(a - sum)).toBeLessThan(1e-3 * Math.max(1, a));
        expect(areaBetween(q, p, 0, 10)).toBeCloseTo(a, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('finds the first crossing of the threshold by interpolation', () => {
    expect(
      timeToThreshold(
        line([
          [0, 0],
          [100, 200],
          [200, 500],
        ]),
        350,
      ),
    ).toBeCloseTo(150, 12);
    expect(
      timeToThreshold(
        line([
          [0, 0],
          [100, 200],
        ]),
        350,
      ),
    ).toBeNull();
    expect(
      timeToThreshold(
        line([
          [0, 400],
          [100, 200],
        ]),
        350,
      ),
    ).toBe(0);
  });

  it('normalises by the overlap and the plot height, and reports the error in time to threshold', () => {
    const knots = [0, 100, 200, 300, 400, 500]; // a straight line from 0 to 500 over [0, 1000]
    const predicted = sketchPoints(knots, [0, 1000]);
    const actual = line([
      [0, 0],
      [500, 500],
      [800, 500],
    ]);
    const s = scorePrediction(predicted, actual, [0, 500], 475)!;
    expect(s.from).toBe(0);
    expect(s.to).toBe(800);
    // Gap: |x/2 − x| on [0, 500] integrates to 62500; |x/2 − 500| on [500, 800] to 500·300 − (800² − 500²)/4.
    const exact = 62500 + (500 * 300 - (800 ** 2 - 500 ** 2) / 4);
    expect(s.area).toBeCloseTo(exact, 6);
    expect(s.normalised).toBeCloseTo(exact / (800 * 500), 12);
    expect(s.tPredicted).toBeCloseTo(950, 9);
    expect(s.tActual).toBeCloseTo(475, 9);
    expect(s.tError).toBeCloseTo(475, 9);
  });

  it('needs two points of each curve that overlap', () => {
    expect(
      scorePrediction(
        sketchPoints([1, null, null], [0, 2]),
        line([
          [0, 0],
          [1, 1],
        ]),
        [0, 1],
      ),
    ).toBeNull();
    expect(
      scorePrediction(
        line([
          [5, 0],
          [6, 0],
        ]),
        line([
          [0, 0],
          [1, 1],
        ]),
        [0, 1],
      ),
    ).toBeNull();
  });
});
