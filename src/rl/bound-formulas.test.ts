import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bestMixtureStep,
  mixtureLowerBound,
  trpoGuaranteedImprovement,
  trpoPenaltyCoefficient,
} from './bound-formulas';
import { mixtureBound, trpoBounds } from './bounds';
import { randomMDP, randomPolicy } from './random-mdp';

describe('the bounds as formulas', () => {
  it('B(α) from 𝔸, ε, γ is mixtureBound’s lower bound, on random MDPs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, w) => {
        const mdp = randomMDP(seed, { states: 4, actions: 3, gamma: 0.9 });
        const pi = randomPolicy(seed + 1, 4, 3);
        const pi2 = randomPolicy(seed + 2, 4, 3);
        const m = mixtureBound(mdp, pi, pi2, w);
        expect(mixtureLowerBound(m.policyAdvantage, m.eps, 0.9, w)).toBeCloseTo(m.lowerBound, 10);
      }),
      { numRuns: 100 },
    );
  });

  it('TRPO’s guarantee from L − J, ε, γ, α is trpoBounds’ tvBound − J(π)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const mdp = randomMDP(seed, { states: 3, actions: 2, gamma: 0.8 });
        const b = trpoBounds(mdp, randomPolicy(seed + 1, 3, 2), randomPolicy(seed + 2, 3, 2));
        expect(trpoPenaltyCoefficient(b.eps, 0.8)).toBeCloseTo(b.C, 10);
        expect(trpoGuaranteedImprovement(b.L - b.Jold, b.eps, 0.8, b.alpha)).toBeCloseTo(
          b.tvBound - b.Jold,
          9,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('prop-best-alpha: α* maximises B on a fine grid; B(α̂) has the closed form; α̃ gives 𝔸²/(8γε) ≤ B(α*)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        (ratio, eps, gamma) => {
          const A = ratio * eps;
          const best = bestMixtureStep(A, eps, gamma);
          // Rounding only: the grid never beats the maximiser by more than 1e-9 relative.
          const slack = 1e-9 * Math.max(1, Math.abs(best.bound));
          for (let i = 0; i <= 1000; i++)
            expect(mixtureLowerBound(A, eps, gamma, i / 1000)).toBeLessThanOrEqual(best.bound + slack);
          if (best.alphaHat <= 1)
            expect(best.bound).toBeCloseTo(((2 * eps) / gamma) * (1 - Math.sqrt(1 - A / (2 * eps))) ** 2, 10);
          if (best.simpleAlpha <= 1) expect(best.simpleValue).toBeLessThanOrEqual(best.bound + slack);
        },
      ),
      { numRuns: 200 },
    );
  });
});
