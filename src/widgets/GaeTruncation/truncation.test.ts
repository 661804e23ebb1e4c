import { describe, expect, it } from 'vitest';
import { truncationAdvantages } from './truncation';

describe('truncation against termination', () => {
  it('bootstrapping gives zero advantages; treating the time limit as terminal gives −(γλ)^(T−1−t) γ/(1−γ)', () => {
    for (const [gamma, lambda, T] of [
      [0.99, 0.95, 200],
      [0.9, 1, 30],
      [0.5, 0, 5],
    ]) {
      const r = truncationAdvantages(gamma, lambda, T);
      for (let t = 0; t < T; t++) {
        expect(Math.abs(r.bootstrap.advantages[t])).toBeLessThan(1e-9 * r.V);
        expect(Math.abs(r.terminal.advantages[t] - r.formula[t])).toBeLessThan(1e-9 * r.V);
        // Value targets: V itself when bootstrapping; too low by the same amount otherwise.
        expect(Math.abs(r.bootstrap.returns[t] - r.V)).toBeLessThan(1e-9 * r.V);
      }
      expect(r.terminal.advantages[T - 1]).toBeCloseTo(-gamma / (1 - gamma), 9);
    }
  });
});
