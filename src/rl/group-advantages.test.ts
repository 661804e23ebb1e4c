import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  expectedGroupUpdate,
  groupAdvantages,
  grpoBinaryWeight,
  randomDistribution,
} from './index';

const arbRewards = fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 16 });

describe('group-relative advantages', () => {
  it('sum to zero; with eps = 0 and the std normalisation their sample std is 1 unless all rewards are equal', () => {
    fc.assert(
      fc.property(arbRewards, (r) => {
        for (const normalizeStd of [true, false]) {
          const A = groupAdvantages(r, { normalizeStd });
          expect(Math.abs(A.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9 * Math.max(1, ...A.map(Math.abs)));
        }
        const mean = r.reduce((a, b) => a + b, 0) / r.length;
        fc.pre(r.some((v) => Math.abs(v - mean) > 1e-6));
        const A = groupAdvantages(r, { eps: 0 });
        const ss = A.reduce((s, a) => s + a * a, 0) / (r.length - 1);
        expect(Math.abs(ss - 1)).toBeLessThan(1e-9);
      }),
    );
    expect(groupAdvantages([1, 1, 1, 1])).toEqual([0, 0, 0, 0]);
    expect(groupAdvantages([1, 0], { std: 'population', eps: 0 })).toEqual([1, -1]);
  });

  const arbPolicy = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      K: fc.integer({ min: 2, max: 4 }),
      G: fc.integer({ min: 2, max: 5 }),
    })
    .map(({ seed, K, G }) => {
      const rng = createRng(seed);
      return { pi: randomDistribution(rng, K), rng, K, G };
    });

  it('without the std normalisation the expected update is (G − 1) ∇J for any rewards (a leave-in mean baseline)', () => {
    fc.assert(
      fc.property(arbPolicy, ({ pi, rng, K, G }) => {
        const r = Array.from({ length: K }, () => rng.normal());
        const J = pi.reduce((s, p, y) => s + p * r[y], 0);
        const u = expectedGroupUpdate(pi, r, G, { normalizeStd: false });
        u.forEach((v, y) => expect(Math.abs(v - (G - 1) * pi[y] * (r[y] - J))).toBeLessThan(1e-10));
      }),
      { numRuns: 200 },
    );
  });

  it('for 0/1 rewards the expected update is w_G(p) ∇p, with and without the normalisation (prop-ch12-grpo-weight)', () => {
    fc.assert(
      fc.property(
        arbPolicy,
        fc.constantFrom('sample' as const, 'population' as const),
        ({ pi, rng, K, G }, std) => {
          const r = Array.from({ length: K }, () => (rng.uniform() < 0.5 ? 1 : 0));
          const p = pi.reduce((s, q, y) => s + q * r[y], 0);
          for (const normalizeStd of [true, false]) {
            const opts = { normalizeStd, std, eps: 1e-4 };
            const w = grpoBinaryWeight(p, G, opts);
            const u = expectedGroupUpdate(pi, r, G, opts);
            u.forEach((v, y) =>
              expect(Math.abs(v - w * pi[y] * (r[y] - p))).toBeLessThan(1e-9 * Math.max(1, w)),
            );
            if (!normalizeStd) expect(Math.abs(w - (G - 1))).toBeLessThan(1e-12);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the std normalisation weighs hard and easy prompts more: w_G(p) is symmetric about p = 1/2 and smallest there', () => {
    const G = 8;
    const w = (p: number) => grpoBinaryWeight(p, G);
    expect(Math.abs(w(0.1) - w(0.9))).toBeLessThan(1e-9);
    expect(w(0.1)).toBeGreaterThan(w(0.3));
    expect(w(0.3)).toBeGreaterThan(w(0.5));
    // At p = 0 the update w ∇p vanishes with ∇p; the weight tends to G a₁(1), one correct answer among G.
    expect(Math.abs(w(0) - G * groupAdvantages([1, 0, 0, 0, 0, 0, 0, 0])[0])).toBeLessThan(1e-12);
    expect(Math.abs(w(1) - w(0))).toBeLessThan(1e-9);
  });
});
