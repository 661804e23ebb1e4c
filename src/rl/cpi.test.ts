/** Conservative policy iteration (cpi.ts): thm-cpi-monotone and prop-best-alpha of chapter 4 on random MDPs. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpiStep, evaluatePolicy, greedyPolicy, mixtureBound, policyIteration } from './index';
import { arbCase } from './test-utils';

const TOL = 1e-9;

describe('conservative policy iteration', () => {
  it('J(next) − J(π) ≥ B(α) ≥ 0; α maximises the bound over the grid; α = 0 keeps π', () => {
    fc.assert(
      fc.property(arbCase(10, 4, 0.95), fc.integer({ min: 1, max: 60 }), ({ mdp, pi }, grid) => {
        const slack = TOL / (1 - mdp.gamma) ** 2;
        const r = cpiStep(mdp, pi, grid);
        expect(r.greedy).toEqual(greedyPolicy(evaluatePolicy(mdp, pi).Q));
        expect(r.bound).toBeGreaterThanOrEqual(0);
        const gain = evaluatePolicy(mdp, r.next).J - evaluatePolicy(mdp, pi).J;
        expect(gain).toBeGreaterThanOrEqual(r.bound - slack);
        for (let k = 1; k <= grid; k++)
          expect(mixtureBound(mdp, pi, r.greedy, k / grid).lowerBound).toBeLessThanOrEqual(r.bound);
        if (r.alpha === 0) {
          expect(r.bound).toBe(0);
          expect(r.next).toEqual(pi);
        } else {
          expect(Math.abs(Math.round(r.alpha * grid) - r.alpha * grid)).toBeLessThan(1e-9);
          expect(r.bound).toBe(mixtureBound(mdp, pi, r.greedy, r.alpha).lowerBound);
          r.next.forEach((row, s) =>
            row.forEach((x, a) => expect(x).toBe((1 - r.alpha) * pi[s][a] + r.alpha * r.greedy[s][a])),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('iterated, J never decreases and stays below the optimum (thm-cpi-monotone)', () => {
    fc.assert(
      fc.property(arbCase(8, 3, 0.9), ({ mdp, pi }) => {
        const slack = TOL / (1 - mdp.gamma) ** 2;
        const best = mdp.rho0.reduce((acc, p, s) => acc + p * policyIteration(mdp).V[s], 0);
        let cur = pi;
        let J = evaluatePolicy(mdp, cur).J;
        for (let k = 0; k < 15; k++) {
          const r = cpiStep(mdp, cur, 50);
          const Jn = evaluatePolicy(mdp, r.next).J;
          expect(Jn).toBeGreaterThanOrEqual(J + r.bound - slack);
          expect(Jn).toBeLessThanOrEqual(best + slack);
          cur = r.next;
          J = Jn;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('prop-best-alpha: B is maximised at α̂ = (1−γ)(k−1)/γ, k = (1 − 𝔸/(2ε))^(−1/2), with B(α̂) = (2ε/γ)(1 − 1/k)² ≥ 𝔸²/(8γε); no grid does better', () => {
    fc.assert(
      fc.property(arbCase(10, 4, 0.95), fc.double({ min: 0.2, max: 0.95, noNaN: true }), (c, gamma) => {
        const mdp = { ...c.mdp, gamma };
        const { greedy, bound } = cpiStep(mdp, c.pi, 40);
        const { policyAdvantage: AA, eps } = mixtureBound(mdp, c.pi, greedy, 0);
        fc.pre(AA > 1e-6 && eps > 0);
        expect(AA).toBeLessThanOrEqual(eps * (1 + TOL));
        const k = 1 / Math.sqrt(1 - AA / (2 * eps));
        const alphaHat = ((1 - gamma) * (k - 1)) / gamma;
        const B = (a: number) => mixtureBound(mdp, c.pi, greedy, a).lowerBound;
        const scale = (TOL * Math.max(1, eps)) / (1 - gamma) ** 2;
        if (alphaHat <= 1) {
          const closed = ((2 * eps) / gamma) * (1 - 1 / k) ** 2;
          expect(Math.abs(B(alphaHat) - closed)).toBeLessThanOrEqual(scale);
          expect(closed).toBeGreaterThanOrEqual(AA ** 2 / (8 * gamma * eps) - scale);
          for (const d of [1e-3, 1e-2]) {
            if (alphaHat - d >= 0) expect(B(alphaHat - d)).toBeLessThanOrEqual(closed + scale);
            if (alphaHat + d <= 1) expect(B(alphaHat + d)).toBeLessThanOrEqual(closed + scale);
          }
        }
        // The grid's best bound never beats the continuous maximum over [0, 1].
        expect(bound).toBeLessThanOrEqual(B(Math.min(1, alphaHat)) + scale);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a bad grid', () => {
    const [c] = fc.sample(arbCase(3, 2), { seed: 1, numRuns: 1 });
    expect(() => cpiStep(c.mdp, c.pi, 0)).toThrow(/grid/);
    expect(() => cpiStep(c.mdp, c.pi, 2.5)).toThrow(/grid/);
  });
});
