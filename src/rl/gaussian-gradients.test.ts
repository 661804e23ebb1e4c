/**
 * The closed forms of chapter 10's gradient estimators and squashed Gaussian, against independent computations:
 * Simpson quadrature of the defining integrals (split at the step's jump), finite differences of the objective,
 * and Monte Carlo within 5 standard errors.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  criticValue,
  gaussianGradientMoments,
  gaussianGradientSample,
  logOneMinusTanhSq,
  normalCdf,
  normalExpectation,
  normalPdf,
  simpson,
  squashedDensity,
  squashedDensityUncorrected,
  squashedLogProb,
  squashedMoments,
  type ActionCritic,
} from './index';

const arbCritic: fc.Arbitrary<ActionCritic> = fc.oneof(
  fc.record({
    kind: fc.constant('quadratic' as const),
    c: fc.double({ min: -2, max: 2, noNaN: true }),
    offset: fc.double({ min: -10, max: 10, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('sine' as const),
    omega: fc.double({ min: 0.1, max: 3, noNaN: true }),
    offset: fc.double({ min: -10, max: 10, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('step' as const),
    c: fc.double({ min: -2, max: 2, noNaN: true }),
    offset: fc.double({ min: -10, max: 10, noNaN: true }),
  }),
);
const arbMu = fc.double({ min: -2, max: 2, noNaN: true });
const arbSigma = fc.double({ min: 0.1, max: 2, noNaN: true });

describe('the normal distribution function', () => {
  it('Phi matches the quadrature of phi to 1e-13, and the symmetry Phi(x) + Phi(-x) = 1', () => {
    for (const x of [-9, -6, -3.2, -3, -2.9, -1, -0.3, 0, 0.5, 1.7, 2.9, 3, 4.5, 8]) {
      const lower = x < 0 ? simpson(normalPdf, -40, x, 40000) : 1 - simpson(normalPdf, x, 40, 40000);
      expect(Math.abs(normalCdf(x) - lower)).toBeLessThan(1e-13);
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
    }
    expect(normalCdf(0)).toBe(0.5);
    // The far tail keeps its relative accuracy.
    expect(Math.abs(normalCdf(-10) / 7.61985302416053e-24 - 1)).toBeLessThan(1e-12);
  });
});

describe('pathwise against score-function gradients of E[Q(a)], a ~ N(mu, sigma^2)', () => {
  it('the exact gradient is the finite difference of the objective; the deterministic gradient is its sigma -> 0 limit', () => {
    fc.assert(
      fc.property(arbCritic, arbMu, arbSigma, (q, mu, sigma) => {
        const h = 1e-5;
        const m = gaussianGradientMoments(q, mu, sigma);
        const fd =
          (gaussianGradientMoments(q, mu + h, sigma).objective -
            gaussianGradientMoments(q, mu - h, sigma).objective) /
          (2 * h);
        expect(Math.abs(fd - m.gradient)).toBeLessThan(1e-7 * Math.max(1, Math.abs(m.gradient)));
        if (q.kind !== 'step') {
          const small = gaussianGradientMoments(q, mu, 1e-6);
          expect(Math.abs(small.gradient - m.deterministic)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('means and variances equal the quadrature of their definitions (1e-9)', () => {
    fc.assert(
      fc.property(
        arbCritic,
        arbMu,
        arbSigma,
        fc.double({ min: -5, max: 5, noNaN: true }),
        (q, mu, sigma, b) => {
          const m = gaussianGradientMoments(q, mu, sigma, b);
          const breaks = q.kind === 'step' ? [(q.c - mu) / sigma] : [];
          const E = (f: (xi: number) => number) => normalExpectation(f, breaks, 8000);
          const draw = (xi: number) => gaussianGradientSample(q, mu, sigma, xi, b);
          const objective = E((xi) => criticValue(q, mu + sigma * xi));
          const scale = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
          expect(Math.abs(m.objective - objective)).toBeLessThan(scale(objective));
          for (const [k, est] of [m.pathwise, m.score, m.scoreBaseline].entries()) {
            const mean = E((xi) => draw(xi)[k]);
            const second = E((xi) => draw(xi)[k] ** 2);
            expect(Math.abs(est.mean - mean)).toBeLessThan(scale(second));
            expect(Math.abs(est.variance - (second - mean * mean))).toBeLessThan(scale(second));
          }
          // Both are unbiased, except the pathwise estimator of a step, which is identically 0.
          expect(m.score.mean).toBe(m.gradient);
          if (q.kind === 'step') expect(m.pathwise).toEqual({ mean: 0, variance: 0 });
          else expect(m.pathwise.mean).toBe(m.gradient);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('adding a constant to Q leaves the pathwise estimator alone and grows the score variance quadratically', () => {
    const base = { kind: 'quadratic' as const, c: 0.5, offset: 0 };
    const a = gaussianGradientMoments(base, 0, 0.5);
    const b = gaussianGradientMoments({ ...base, offset: 10 }, 0, 0.5);
    expect(b.pathwise).toEqual(a.pathwise);
    // Var(g + k xi / sigma) = Var(g) + 2k Cov(g, xi) / sigma + k^2 / sigma^2 with Cov(g_SF, xi) = E[Q xi^2] / sigma.
    expect(b.score.variance).toBeGreaterThan(a.score.variance + 100 / 0.25 - 2 * 10 * 10);
    // The baseline b = offset undoes it exactly.
    expect(
      Math.abs(
        gaussianGradientMoments({ ...base, offset: 10 }, 0, 0.5, 10).scoreBaseline.variance -
          a.score.variance,
      ),
    ).toBeLessThan(1e-9);
  });

  it('Monte Carlo means and variances agree with the closed forms within 5 standard errors', () => {
    const rng = createRng(7);
    for (const q of [
      { kind: 'quadratic', c: 1, offset: 0 },
      { kind: 'sine', omega: 2, offset: 1 },
      { kind: 'step', c: 0.3, offset: 0 },
    ] as ActionCritic[]) {
      const m = gaussianGradientMoments(q, 0.2, 0.6);
      const n = 200_000;
      const sums = [0, 0, 0];
      const sq = [0, 0, 0];
      for (let i = 0; i < n; i++) {
        const x = gaussianGradientSample(q, 0.2, 0.6, rng.normal());
        x.forEach((v, k) => {
          sums[k] += v;
          sq[k] += v * v;
        });
      }
      [m.pathwise, m.score].forEach((est, k) => {
        const mean = sums[k] / n;
        const variance = sq[k] / n - mean * mean;
        expect(Math.abs(mean - est.mean)).toBeLessThanOrEqual(5 * Math.sqrt(est.variance / n) + 1e-12);
        expect(Math.abs(variance - est.variance)).toBeLessThanOrEqual(0.05 * est.variance + 1e-12);
      });
    }
  });

  it('rejects a non-positive sigma', () => {
    expect(() => gaussianGradientMoments({ kind: 'sine', omega: 1, offset: 0 }, 0, 0)).toThrow(/sigma = 0/);
  });
});

describe('the squashed Gaussian a = c tanh(u)', () => {
  it('the stable log-det equals log(1 - tanh^2) where that is accurate, and stays finite where it rounds to -inf', () => {
    for (const u of [-5, -1, -0.1, 0, 0.3, 2, 7]) {
      expect(Math.abs(logOneMinusTanhSq(u) - Math.log(1 - Math.tanh(u) ** 2))).toBeLessThan(1e-9);
    }
    expect(Math.log(1 - Math.tanh(25) ** 2)).toBe(-Infinity);
    expect(Math.abs(logOneMinusTanhSq(25) - (2 * Math.LN2 - 50))).toBeLessThan(1e-12);
  });

  it('the corrected density integrates to 1 and is the change of variables; the uncorrected one does not', () => {
    fc.assert(
      fc.property(arbMu, arbSigma, fc.constantFrom(1, 2), (mu, sigma, c) => {
        // Integrate in u (a = c tanh u, da = c sech^2 u du) so the spikes at the bounds cause no trouble.
        const lo = mu - 12 * sigma;
        const hi = mu + 12 * sigma;
        const jac = (u: number) => c * Math.exp(logOneMinusTanhSq(u));
        const mass = simpson((u) => Math.exp(squashedLogProb(u, mu, sigma, c)) * jac(u), lo, hi, 20000);
        expect(Math.abs(mass - 1)).toBeLessThan(1e-9);
        const m = squashedMoments(mu, sigma, c);
        const wrong = simpson(
          (u) => squashedDensityUncorrected(c * Math.tanh(u), mu, sigma, c) * jac(u),
          lo,
          hi,
          20000,
        );
        expect(Math.abs(wrong - m.uncorrectedMass)).toBeLessThan(1e-9);
        expect(m.uncorrectedMass).toBeLessThanOrEqual(c * (1 + 1e-12));
        // Entropy = H(N) + E[log c sech^2 u] <= H(N) + log c.
        expect(m.entropy).toBeLessThanOrEqual(m.entropyUncorrected + Math.log(c) + 1e-12);
        for (const u of [mu - sigma, mu, mu + 0.5 * sigma]) {
          const a = c * Math.tanh(u);
          if (Math.abs(a) < 0.999 * c) {
            const fd = (c * (Math.tanh(u + 1e-6) - Math.tanh(u - 1e-6))) / 2e-6;
            const direct = Math.exp(-0.5 * ((u - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI)) / fd;
            expect(Math.abs(squashedDensity(a, mu, sigma, c) - direct)).toBeLessThan(
              1e-7 * Math.max(1, direct),
            );
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a histogram of samples matches the corrected density (chi-square-sized deviations)', () => {
    const rng = createRng(3);
    const [mu, sigma] = [0.8, 1.2];
    const n = 100_000;
    const bins = 20;
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < n; i++) {
      const a = Math.tanh(mu + sigma * rng.normal());
      counts[Math.min(bins - 1, Math.floor(((a + 1) / 2) * bins))]++;
    }
    let chi2 = 0;
    for (let k = 0; k < bins; k++) {
      const [lo, hi] = [-1 + (2 * k) / bins, -1 + (2 * (k + 1)) / bins];
      // Bin probability in u-space: P(atanh(lo) <= u < atanh(hi)).
      const ul = k === 0 ? -Infinity : Math.atanh(lo);
      const uh = k === bins - 1 ? Infinity : Math.atanh(hi);
      const p = normalCdf((uh - mu) / sigma) - normalCdf((ul - mu) / sigma);
      const pa = k === 0 || k === bins - 1 ? p : simpson((a) => squashedDensity(a, mu, sigma), lo, hi, 400);
      expect(Math.abs(p - pa)).toBeLessThan(k === 0 || k === bins - 1 ? 1 : 1e-9);
      chi2 += (counts[k] - n * p) ** 2 / (n * p);
    }
    // 19 degrees of freedom: P(chi2 > 45) < 1e-3.
    expect(chi2).toBeLessThan(45);
  });

  it('moments: mean and mass near the bounds by quadrature agree with Monte Carlo', () => {
    const rng = createRng(11);
    const m = squashedMoments(1.5, 1, 2);
    let sum = 0;
    let near = 0;
    let logdet = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = 1.5 + rng.normal();
      const a = 2 * Math.tanh(u);
      sum += a;
      near += Math.abs(a) > 1.98 ? 1 : 0;
      logdet += Math.log(2) + logOneMinusTanhSq(u);
    }
    expect(Math.abs(sum / n - m.mean)).toBeLessThan(0.01);
    expect(Math.abs(near / n - m.massNearBounds)).toBeLessThan(0.005);
    expect(Math.abs(logdet / n - m.meanLogDet)).toBeLessThan(0.02);
    expect(() => squashedMoments(0, -1)).toThrow(/sigma = -1/);
  });
});
