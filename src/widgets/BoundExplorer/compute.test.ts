import { describe, expect, it } from 'vitest';
import { boundsAt, curve, floorOf, setup } from './compute';

describe('bound explorer numbers', () => {
  it('J stays above the shaded floor (the larger bound) along the whole path, both directions', () => {
    for (const dir of ['gradient', 'natural'] as const) {
      for (const seed of [1, 3, 7]) {
        const s = setup(seed, 5, 3, 0.9, dir);
        for (const p of curve(s, 10)) {
          expect(p.floor).toBe(Math.max(p.tvBound, p.klBound));
          expect(p.J).toBeGreaterThanOrEqual(p.floor - 1e-12);
        }
      }
    }
  });

  it('at step zero J, L and the floor coincide', () => {
    const b = boundsAt(setup(3, 5, 3, 0.9, 'gradient'), 0);
    expect(Math.abs(b.J - b.L)).toBeLessThan(1e-12);
    expect(Math.abs(floorOf(b) - b.J)).toBeLessThan(1e-12);
  });
});
