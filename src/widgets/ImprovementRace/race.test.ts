import { describe, expect, it } from 'vitest';
import { race } from './race';

describe('improvement race', () => {
  it('the penalty method with the theoretical C never decreases J; the trust region moves much faster', () => {
    for (const seed of [1, 2, 3]) {
      const rows = race(seed, 0.9, 0.05, 5, 15);
      rows.forEach((r, i) => i && expect(r.penalty).toBeGreaterThanOrEqual(rows[i - 1].penalty - 1e-12));
      const last = rows[rows.length - 1];
      expect(last.trust - rows[0].trust).toBeGreaterThan(2 * (last.penalty - rows[0].penalty));
    }
  });
  it('vanilla ascent with a large step can fall (the default scenario)', () => {
    const rows = race(1, 0.9, 0.05, 5);
    expect(rows.some((r, i) => i > 0 && r.vanilla < rows[i - 1].vanilla)).toBe(true);
  });
});
