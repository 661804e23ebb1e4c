import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reinforceEstimate, rewardsToGo } from './returns';

describe('returns of a trajectory', () => {
  it('G_t is the discounted sum of the rewards from t on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, g) => {
          const G = rewardsToGo(r, g);
          r.forEach((_, t) => {
            const direct = r.slice(t).reduce((acc, x, k) => acc + g ** k * x, 0);
            expect(G[t]).toBeCloseTo(direct, 9);
          });
        },
      ),
    );
  });

  it('the reward-to-go estimate equals the full-return estimate minus the past terms', () => {
    // Σ_t g_t γ^t G_t = Σ_t g_t Σ_{k ≥ t} γ^k r_k: each score multiplies only the rewards that come after it.
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, g) => {
          const scores = pairs.map((p) => p[0]);
          const r = pairs.map((p) => p[1]);
          let direct = 0;
          for (let t = 0; t < r.length; t++)
            for (let k = t; k < r.length; k++) direct += scores[t] * g ** k * r[k];
          expect(reinforceEstimate(scores, r, g)).toBeCloseTo(direct, 9);
        },
      ),
    );
    expect(reinforceEstimate([1, 0.5], [1, 2], 0.5)).toBeCloseTo(1 * (1 + 0.5 * 2) + 0.5 * 0.5 * 2, 12);
  });
});
