import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { controlUpdate, expectedMaxOfIndependent, tdZeroUpdate } from './one-step-updates';
import { createRng } from './rng';

const num = fc.double({ min: -10, max: 10, noNaN: true });

describe('one tabular update', () => {
  it('TD(0): α = 1 lands on the target, α = 0 keeps V, a fixed point stays put, terminal drops V(s′)', () => {
    fc.assert(
      fc.property(num, num, num, fc.double({ min: 0, max: 0.99, noNaN: true }), (v, r, vn, g) => {
        expect(tdZeroUpdate(v, r, vn, 1, g)).toBeCloseTo(r + g * vn, 10);
        expect(tdZeroUpdate(v, r, vn, 0, g)).toBeCloseTo(v, 12);
        expect(tdZeroUpdate(r + g * vn, r, vn, 0.3, g)).toBeCloseTo(r + g * vn, 10);
        expect(tdZeroUpdate(v, r, vn, 1, g, true)).toBeCloseTo(r, 10);
      }),
    );
  });

  it('Q-learning ≥ expected SARSA ≥ … and SARSA with the greedy action is Q-learning', () => {
    fc.assert(
      fc.property(fc.array(num, { minLength: 2, maxLength: 5 }), num, num, (row, q, r) => {
        const greedy = row.indexOf(Math.max(...row));
        const uniform = row.map(() => 1 / row.length);
        const ql = controlUpdate(q, r, row, 0.5, 0.9, 'q-learning');
        expect(controlUpdate(q, r, row, 0.5, 0.9, 'sarsa', { nextAction: greedy })).toBeCloseTo(ql, 12);
        expect(
          controlUpdate(q, r, row, 0.5, 0.9, 'expected-sarsa', { nextPolicy: uniform }),
        ).toBeLessThanOrEqual(ql + 1e-12);
      }),
    );
  });

  it('E[max] by enumeration matches Monte Carlo and is at least the max of the means', () => {
    const values = [
      [-1, 1],
      [-2, 0.5, 2],
    ];
    const probs = [
      [0.5, 0.5],
      [0.2, 0.5, 0.3],
    ];
    const exact = expectedMaxOfIndependent(values, probs);
    const rng = createRng(5);
    let s = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) s += Math.max(...values.map((v, a) => v[rng.categorical(probs[a])]));
    expect(Math.abs(s / n - exact)).toBeLessThan(0.01);
    const means = values.map((v, a) => v.reduce((acc, x, k) => acc + x * probs[a][k], 0));
    expect(exact).toBeGreaterThanOrEqual(Math.max(...means));
  });
});
