import { describe, expect, it } from 'vitest';
import { derivation } from './derivation';

describe('log-derivative derivation, by enumeration', () => {
  it('every line equals the gradient; the dropped past terms sum to zero', () => {
    for (const seed of [1, 2, 3]) {
      const d = derivation(seed, 0.9);
      expect(d.trajectories).toBe(2 * 4 * 4 * 2);
      d.logDeriv.forEach((x, i) => {
        expect(Math.abs(d.fd[i] - x)).toBeLessThan(1e-8);
        expect(Math.abs(d.gradP[i] - x)).toBeLessThan(1e-8);
        expect(Math.abs(d.rewardToGo[i] - x)).toBeLessThan(1e-14);
        expect(Math.abs(d.baseline[i] - x)).toBeLessThan(1e-14);
        expect(Math.abs(d.pastTerms[i])).toBeLessThan(1e-14);
      });
    }
  });
});
