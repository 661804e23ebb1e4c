/** The theorems of the book as property tests over random MDPs (≥ 200 each, up to 20 states × 6 actions, γ ≤ 0.99). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bellmanOperator,
  bellmanOptimalityOperator,
  createRng,
  evaluatePolicy,
  klDivergence,
  maximalCoupling,
  mixtureBound,
  performanceDifference,
  policyIteration,
  randomDistribution,
  softmaxPolicy,
  softmaxPolicyGradient,
  supNorm,
  surrogate,
  trpoBounds,
  tvDistance,
} from './index';
import { arbCase, relErr } from './test-utils';

const runs = { numRuns: 200 };
const TOL = 1e-9;

describe('theorems on random MDPs', () => {
  it("performance difference lemma: J(pi') - J(pi) = sum_s rho_pi'(s) sum_a pi'(a|s) A_pi(s,a)", () => {
    fc.assert(
      fc.property(arbCase(), ({ mdp, pi, piNew }) => {
        const r = performanceDifference(mdp, pi, piNew);
        const scale = 1 / (1 - mdp.gamma);
        expect(Math.abs(r.lhs - r.rhs)).toBeLessThanOrEqual(TOL * scale);
        expect(Math.abs(r.lhs - r.telescoping)).toBeLessThanOrEqual(TOL * scale);
        expect(Math.abs(r.lhs - r.qForm)).toBeLessThanOrEqual(TOL * scale);
      }),
      runs,
    );
  });

  it('L and J agree to first order at pi: equal values and equal gradients along any direction', () => {
    fc.assert(
      fc.property(arbCase(12, 5, 0.95), fc.integer({ min: 0, max: 1e6 }), ({ mdp, theta }, dirSeed) => {
        const pi = softmaxPolicy(theta);
        const J0 = evaluatePolicy(mdp, pi).J;
        expect(relErr(surrogate(mdp, pi, pi), J0)).toBeLessThanOrEqual(TOL);
        const rng = createRng(dirSeed);
        const dir = theta.map((row) => row.map(() => rng.normal()));
        const grad = softmaxPolicyGradient(mdp, theta);
        const exact = grad.reduce((acc, row, s) => acc + row.reduce((b, g, a) => b + g * dir[s][a], 0), 0);
        const h = 1e-5;
        const at = (t: number) => softmaxPolicy(theta.map((row, s) => row.map((x, a) => x + t * dir[s][a])));
        const dL = (surrogate(mdp, pi, at(h)) - surrogate(mdp, pi, at(-h))) / (2 * h);
        const dJ = (evaluatePolicy(mdp, at(h)).J - evaluatePolicy(mdp, at(-h)).J) / (2 * h);
        const scale = Math.max(1, Math.abs(exact)) / (1 - mdp.gamma);
        expect(Math.abs(dL - exact)).toBeLessThanOrEqual(1e-5 * scale);
        expect(Math.abs(dJ - exact)).toBeLessThanOrEqual(1e-5 * scale);
      }),
      runs,
    );
  });

  it('TRPO: J >= L - C alpha^2, J >= L - C klMax, and |J - L| <= tightGap', () => {
    fc.assert(
      fc.property(arbCase(), fc.double({ min: 0, max: 1, noNaN: true }), ({ mdp, pi, piNew }, t) => {
        // Interpolate so both near and far policy pairs are tried.
        const q = pi.map((row, s) => row.map((p, a) => (1 - t) * p + t * piNew[s][a]));
        const b = trpoBounds(mdp, pi, q);
        const slack = TOL / (1 - mdp.gamma) ** 2;
        expect(b.J).toBeGreaterThanOrEqual(b.tvBound - slack);
        expect(b.J).toBeGreaterThanOrEqual(b.klBound - slack);
        expect(Math.abs(b.J - b.L)).toBeLessThanOrEqual(b.tightGap + slack);
        expect(b.tightGap).toBeLessThanOrEqual(b.C * b.alpha * b.alpha + slack);
      }),
      runs,
    );
  });

  it('Kakade-Langford: the mixture improvement is at least the lower bound for every weight', () => {
    fc.assert(
      fc.property(arbCase(), fc.double({ min: 0, max: 1, noNaN: true }), ({ mdp, pi, piNew }, w) => {
        const m = mixtureBound(mdp, pi, piNew, w);
        expect(m.improvement).toBeGreaterThanOrEqual(m.lowerBound - TOL / (1 - mdp.gamma) ** 2);
      }),
      runs,
    );
  });

  it("Pinsker: tv <= sqrt(KL / 2), and the maximal coupling's P(X != Y) equals TV", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        (k, seed, support) => {
          const rng = createRng(seed);
          const p = randomDistribution(rng, k, support);
          const q = randomDistribution(rng, k);
          const tv = tvDistance(p, q);
          expect(tv).toBeLessThanOrEqual(Math.sqrt(klDivergence(p, q) / 2) + 1e-12);
          const c = maximalCoupling(p, q);
          expect(Math.abs(c.disagreement - tv)).toBeLessThanOrEqual(1e-12);
          // The joint really has marginals p and q.
          c.joint.forEach((row, i) =>
            expect(Math.abs(row.reduce((x, y) => x + y, 0) - p[i])).toBeLessThan(1e-12),
          );
          q.forEach((qj, j) =>
            expect(Math.abs(c.joint.reduce((x, row) => x + row[j], 0) - qj)).toBeLessThan(1e-12),
          );
        },
      ),
      runs,
    );
  });

  it('the Bellman operators are gamma-contractions in sup norm', () => {
    fc.assert(
      fc.property(arbCase(), fc.integer({ min: 0, max: 1e6 }), ({ mdp, pi }, seed) => {
        const rng = createRng(seed);
        const n = mdp.rho0.length;
        const V = Array.from({ length: n }, () => 10 * rng.normal());
        const W = Array.from({ length: n }, () => 10 * rng.normal());
        const d = supNorm(V, W);
        expect(supNorm(bellmanOperator(mdp, pi, V), bellmanOperator(mdp, pi, W))).toBeLessThanOrEqual(
          mdp.gamma * d + 1e-9,
        );
        expect(
          supNorm(bellmanOptimalityOperator(mdp, V), bellmanOptimalityOperator(mdp, W)),
        ).toBeLessThanOrEqual(mdp.gamma * d + 1e-9);
      }),
      runs,
    );
  });

  it('policy iteration never decreases any state value, and ends at a fixed point of T', () => {
    fc.assert(
      fc.property(arbCase(), ({ mdp }) => {
        const r = policyIteration(mdp);
        for (let k = 1; k < r.history.length; k++) {
          r.history[k].forEach((v, s) =>
            expect(v).toBeGreaterThanOrEqual(r.history[k - 1][s] - 1e-9 / (1 - mdp.gamma)),
          );
        }
        expect(supNorm(bellmanOptimalityOperator(mdp, r.V), r.V)).toBeLessThanOrEqual(1e-8 / (1 - mdp.gamma));
      }),
      runs,
    );
  });
});
