import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sweepsToTolerance } from './contraction';
import { randomMDP } from './random-mdp';
import { valueIteration } from './dp';

describe('sweepsToTolerance', () => {
  it('is the smallest k with γ^k B ≤ ε', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        (g, B, eps) => {
          const k = sweepsToTolerance(g, B, eps);
          expect(g ** k * B).toBeLessThanOrEqual(eps);
          if (k > 0) expect(g ** (k - 1) * B).toBeGreaterThan(eps);
        },
      ),
    );
  });

  it('known values: γ = 0.9, B = 10, ε = 0.01 needs 66 sweeps; nothing to do when B ≤ ε', () => {
    expect(sweepsToTolerance(0.9, 10, 0.01)).toBe(66); // 0.9^65·10 = 0.0106, 0.9^66·10 = 0.00955
    expect(sweepsToTolerance(0.5, 0.1, 0.2)).toBe(0);
    expect(sweepsToTolerance(0, 5, 0.1)).toBe(1);
  });

  it('value iteration from 0 is within ε of V* after that many sweeps (B = r_max/(1 − γ))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(0.5, 0.8, 0.9), (seed, gamma) => {
        const mdp = randomMDP(seed, { states: 4, actions: 2, gamma });
        const rmax = Math.max(...mdp.R.flat().map(Math.abs));
        const eps = 1e-3;
        const k = sweepsToTolerance(gamma, rmax / (1 - gamma), eps);
        const Vstar = valueIteration(mdp, { tol: 1e-13 }).V;
        const Vk = valueIteration(mdp, { tol: 0, maxIter: k }).V;
        for (let s = 0; s < 4; s++) expect(Math.abs(Vk[s] - Vstar[s])).toBeLessThanOrEqual(eps + 1e-12);
      }),
      { numRuns: 50 },
    );
  });
});
