import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clippedGradient, clippedObjective, evaluatePolicy, surrogate } from './index';
import { arbCase } from './test-utils';

const arbR = fc.double({ min: 0, max: 5, noNaN: true });
const arbA = fc.double({ min: -3, max: 3, noNaN: true });
const arbEps = fc.double({ min: 0.01, max: 0.9, noNaN: true });

describe('PPO clipped objective', () => {
  it('is a pessimistic bound, equal to rA inside the clip range and constant (1 ± ε)A in the flat regions', () => {
    fc.assert(
      fc.property(arbR, arbA, arbEps, (r, A, eps) => {
        const f = clippedObjective(r, A, eps);
        expect(f).toBeLessThanOrEqual(r * A);
        if (r >= 1 - eps && r <= 1 + eps) expect(f).toBe(r * A);
        if (A > 0 && r > 1 + eps) expect(f).toBe((1 + eps) * A);
        if (A < 0 && r < 1 - eps) expect(f).toBe((1 - eps) * A);
      }),
      { numRuns: 1000 },
    );
  });

  it('has zero gradient exactly in the flat regions, and agrees with finite differences away from the kinks', () => {
    expect(clippedGradient(1.5, 1, 0.2)).toBe(0);
    expect(clippedGradient(0.5, 1, 0.2)).toBe(1);
    expect(clippedGradient(0.5, -1, 0.2)).toBe(0);
    expect(clippedGradient(1.5, -1, 0.2)).toBe(-1);
    expect(clippedGradient(1, 0, 0.2)).toBe(0);
    fc.assert(
      fc.property(arbR, arbA, arbEps, (r, A, eps) => {
        const h = 1e-6;
        fc.pre(Math.abs(r - (1 + eps)) > 10 * h && Math.abs(r - (1 - eps)) > 10 * h && r > 10 * h);
        const fd = (clippedObjective(r + h, A, eps) - clippedObjective(r - h, A, eps)) / (2 * h);
        expect(Math.abs(fd - clippedGradient(r, A, eps))).toBeLessThanOrEqual(1e-7);
        const flat = (A > 0 && r > 1 + eps) || (A < 0 && r < 1 - eps) || A === 0;
        expect(clippedGradient(r, A, eps)).toBe(flat ? 0 : A);
      }),
      { numRuns: 1000 },
    );
  });

  it('averaged over s ~ d_π, a ~ π it bounds the policy advantage (1 − γ)(L_π(π′) − J(π)) from below, with equality when every ratio is in range', () => {
    fc.assert(
      fc.property(
        arbCase(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        arbEps,
        ({ mdp, pi, piNew }, w, eps) => {
          const q = pi.map((row, s) => row.map((p, a) => (1 - w) * p + w * piNew[s][a]));
          const ev = evaluatePolicy(mdp, pi);
          const advantage = (1 - mdp.gamma) * (surrogate(mdp, pi, q) - ev.J);
          const clipped = (e: number) =>
            ev.d.reduce(
              (acc, d, s) =>
                acc + d * pi[s].reduce((b, p, a) => b + p * clippedObjective(q[s][a] / p, ev.A[s][a], e), 0),
              0,
            );
          const scale = 1e-9 * Math.max(1, ...ev.A.flat().map(Math.abs));
          expect(clipped(eps)).toBeLessThanOrEqual(advantage + scale);
          // A clip range wide enough to contain every ratio changes nothing.
          const wide = Math.max(...pi.flatMap((row, s) => row.map((p, a) => Math.abs(q[s][a] / p - 1))));
          if (wide < 1) expect(Math.abs(clipped(wide) - advantage)).toBeLessThanOrEqual(scale);
        },
      ),
      { numRuns: 200 },
    );
  });
});
