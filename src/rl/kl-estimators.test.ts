import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  expectedLossGradient,
  forwardKlGradient,
  klDivergence,
  klEstimate,
  klEstimatorMoments,
  randomDistribution,
  reverseKlGradient,
} from './index';

const arbPair = fc
  .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), K: fc.integer({ min: 1, max: 10 }) })
  .map(({ seed, K }) => {
    const rng = createRng(seed);
    return { pi: randomDistribution(rng, K), ref: randomDistribution(rng, K), rng };
  });

const softmax = (t: number[]) => {
  const m = Math.max(...t);
  const e = t.map((v) => Math.exp(v - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
};

describe('k1, k2, k3 (Schulman) from samples of π', () => {
  it('k1 and k3 are unbiased for KL(π ‖ π_ref); k3 is never negative; k2 is biased', () => {
    fc.assert(
      fc.property(arbPair, ({ pi, ref }) => {
        const m = klEstimatorMoments(pi, ref);
        const tol = 1e-12 * Math.max(1, m.kl);
        expect(Math.abs(m.k1.mean - m.kl)).toBeLessThan(tol);
        expect(Math.abs(m.k3.mean - m.kl)).toBeLessThan(1e-11 * Math.max(1, m.kl));
        expect(m.k3.min).toBeGreaterThanOrEqual(0);
        expect(m.k2.min).toBeGreaterThanOrEqual(0);
        // ½ E[(log ρ)²] ≥ ½ (E log ρ)² = ½ KL², so k2 is not unbiased in general.
        expect(m.k2.mean).toBeGreaterThanOrEqual(0.5 * m.kl * m.kl - tol);
      }),
      { numRuns: 1000 },
    );
  });

  it('k3 is chapter 6’s approximate KL (r − 1) − log r with the sampling policy π and r = π_ref/π', () => {
    fc.assert(
      fc.property(arbPair, ({ pi, ref, rng }) => {
        const y = rng.categorical(pi);
        const r = ref[y] / pi[y];
        expect(Math.abs(klEstimate('k3', pi[y], ref[y]) - (r - 1 - Math.log(r)))).toBeLessThan(
          1e-12 * Math.max(1, r),
        );
      }),
    );
  });

  it('differentiated as a loss: E∇k1 = 0, E∇k2 = ∇KL(π ‖ π_ref), E∇k3 = ∇KL(π_ref ‖ π) (finite differences)', () => {
    fc.assert(
      fc.property(arbPair, ({ pi, ref }) => {
        const theta = pi.map(Math.log);
        const h = 1e-6;
        const fd = (f: (p: number[]) => number) =>
          theta.map((_, b) => {
            const plus = theta.slice();
            const minus = theta.slice();
            plus[b] += h;
            minus[b] -= h;
            return (f(softmax(plus)) - f(softmax(minus))) / (2 * h);
          });
        const rev = fd((p) => klDivergence(p, ref));
        const fwd = fd((p) => klDivergence(ref, p));
        reverseKlGradient(pi, ref).forEach((g, b) => expect(Math.abs(g - rev[b])).toBeLessThan(1e-6));
        forwardKlGradient(pi, ref).forEach((g, b) => expect(Math.abs(g - fwd[b])).toBeLessThan(1e-6));
        expectedLossGradient('k1', pi, ref).forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-12));
        expectedLossGradient('k2', pi, ref).forEach((g, b) =>
          expect(Math.abs(g - rev[b])).toBeLessThan(1e-6),
        );
        expectedLossGradient('k3', pi, ref).forEach((g, b) =>
          expect(Math.abs(g - fwd[b])).toBeLessThan(1e-6),
        );
      }),
    );
  });
});
