import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectile,
  expectileByBisection,
  expectileLoss,
  expectileResidual,
  expectileRisk,
  quantile,
} from './expectile';

const arbLaw = fc
  .record({
    values: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }),
    w: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
    tau: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
  })
  .map(({ values, w, tau }) => ({ values, weights: w.slice(0, values.length), tau }));

describe('expectile', () => {
  it('solves g(m) = 0 and agrees with bisection (random discrete laws)', () => {
    fc.assert(
      fc.property(arbLaw, ({ values, weights, tau }) => {
        const m = expectile(values, tau, weights);
        const scale = Math.max(1, ...values.map(Math.abs));
        expect(Math.abs(expectileResidual(values, m, tau, weights))).toBeLessThan(1e-9 * scale);
        expect(Math.abs(m - expectileByBisection(values, tau, weights))).toBeLessThan(1e-9 * scale);
      }),
      { numRuns: 500 },
    );
  });

  it('is the unique minimiser of the asymmetric squared risk', () => {
    fc.assert(
      fc.property(
        arbLaw,
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.boolean(),
        ({ values, weights, tau }, size, up) => {
          const m = expectile(values, tau, weights);
          const r0 = expectileRisk(values, m, tau, weights);
          const delta = up ? size : -size;
          // Strict convexity: E L(X - m - delta) - E L(X - m) >= min(tau, 1 - tau) delta^2 at the minimiser.
          const r1 = expectileRisk(values, m + delta, tau, weights);
          expect(r1 - r0).toBeGreaterThanOrEqual(
            Math.min(tau, 1 - tau) * delta * delta * (1 - 1e-9) - 1e-9 * r0,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is the mean at tau = 1/2 and lies in [min, max], increasing in tau', () => {
    fc.assert(
      fc.property(
        arbLaw,
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        ({ values, weights, tau }, tau2) => {
          const z = weights.reduce((a, b) => a + b, 0);
          const mean = values.reduce((acc, x, i) => acc + (x * weights[i]) / z, 0);
          const scale = Math.max(1, ...values.map(Math.abs));
          expect(Math.abs(expectile(values, 0.5, weights) - mean)).toBeLessThan(1e-10 * scale);
          const m = expectile(values, tau, weights);
          expect(m).toBeGreaterThanOrEqual(Math.min(...values));
          expect(m).toBeLessThanOrEqual(Math.max(...values));
          const [lo, hi] = tau < tau2 ? [tau, tau2] : [tau2, tau];
          expect(expectile(values, lo, weights)).toBeLessThanOrEqual(
            expectile(values, hi, weights) + 1e-10 * scale,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tends to the maximum of the support as tau -> 1 (and to the minimum as tau -> 0)', () => {
    fc.assert(
      fc.property(arbLaw, ({ values, weights }) => {
        const max = Math.max(...values);
        const min = Math.min(...values);
        const gaps = [1e-2, 1e-4, 1e-6, 1e-8].map((eps) => max - expectile(values, 1 - eps, weights));
        for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThanOrEqual(gaps[i - 1] + 1e-12);
        // From g(m) = 0: max - m_tau <= ((1 - tau) / tau) (max - min) / p_max, p_max the mass at the maximum.
        const z = weights.reduce((a, b) => a + b, 0);
        const pMax = values.reduce((acc, x, i) => acc + (x === max ? weights[i] / z : 0), 0);
        const tau = 1 - 1e-8;
        expect(gaps[3]).toBeLessThanOrEqual((((1 - tau) / tau) * (max - min)) / pMax + 1e-9);
        const pMin = values.reduce((acc, x, i) => acc + (x === min ? weights[i] / z : 0), 0);
        expect(expectile(values, 1 - tau, weights) - min).toBeLessThanOrEqual(
          (((1 - tau) / tau) * (max - min)) / pMin + 1e-9,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('matches a hand computation', () => {
    // X uniform on {0, 1}: tau (1 - m) = (1 - tau) m, so m = tau.
    expect(expectile([0, 1], 0.9)).toBeCloseTo(0.9, 14);
    // X in {0, 10} with P(10) = 0.2, tau = 0.8: 0.8·0.2·(10 - m) = 0.2·0.8·m → m = 5.
    expect(expectile([0, 10], 0.8, [0.8, 0.2])).toBeCloseTo(5, 12);
    expect(expectileLoss(2, 0.7)).toBeCloseTo(2.8, 14);
    expect(expectileLoss(-2, 0.7)).toBeCloseTo(1.2, 14);
  });

  it('rejects tau outside (0, 1) and empty or bad laws', () => {
    expect(() => expectile([1, 2], 1)).toThrow(/\(0, 1\)/);
    expect(() => expectile([1, 2], 0)).toThrow(/\(0, 1\)/);
    expect(() => expectile([], 0.5)).toThrow(/no atoms/);
    expect(() => expectile([1, NaN], 0.5)).toThrow(/not finite/);
    expect(() => expectile([1, 2], 0.5, [0, 0])).toThrow(/sum to 0/);
  });
});

describe('quantile', () => {
  it('is the lower quantile', () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2);
    expect(quantile([3, 1, 2, 4], 0.51)).toBe(3);
    expect(quantile([3, 1, 2, 4], 1)).toBe(4);
    expect(quantile([0, 10], 0.9, [0.8, 0.2])).toBe(10);
    expect(quantile([0, 10], 0.8, [0.8, 0.2])).toBe(0);
  });
});
