import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clippedGradient, clippedObjective } from './clip';

describe('PPO clipped objective', () => {
  it('is a pessimistic bound equal to rA inside the clip range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        (r, A, eps) => {
          expect(clippedObjective(r, A, eps)).toBeLessThanOrEqual(r * A + 1e-12);
          if (r >= 1 - eps && r <= 1 + eps) expect(clippedObjective(r, A, eps)).toBeCloseTo(r * A, 12);
        },
      ),
    );
  });
  it('has zero gradient exactly in the flat regions, and agrees with finite differences elsewhere', () => {
    expect(clippedGradient(1.5, 1, 0.2)).toBe(0);
    expect(clippedGradient(0.5, 1, 0.2)).toBe(1);
    expect(clippedGradient(0.5, -1, 0.2)).toBe(0);
    expect(clippedGradient(1.5, -1, 0.2)).toBe(-1);
    for (const [r, A] of [
      [0.7, 2],
      [1.1, 2],
      [1.3, -2],
      [0.9, -2],
    ]) {
      const h = 1e-7;
      const fd = (clippedObjective(r + h, A, 0.2) - clippedObjective(r - h, A, 0.2)) / (2 * h);
      expect(fd).toBeCloseTo(clippedGradient(r, A, 0.2), 6);
    }
  });
});
