import { describe, expect, it } from 'vitest';
import { betaFactor, klRatiosUnderModel, landingShare, overshootIntervals } from './kl-penalty-rule';

describe("PPO's adaptive β under the 1/β² model (chapter 6)", () => {
  it('1.6 d_targ → 0.4 d_targ → 1.6 d_targ → … never settles', () => {
    const xs = klRatiosUnderModel(1.6, 6);
    xs.forEach((x, k) => expect(x).toBeCloseTo(k % 2 === 0 ? 1.6 : 0.4, 12));
    for (const x of xs) expect(betaFactor(x)).not.toBe(1);
  });
  it('the overshooting intervals map onto each other; outside them one correction lands in the band', () => {
    const { above, below } = overshootIntervals();
    expect(above[1]).toBeCloseTo(8 / 3, 12);
    expect(below).toEqual([0.375, 1 / 1.5]);
    for (let x = 1.51; x < above[1]; x += 0.01) {
      const [, y, z] = klRatiosUnderModel(x, 2);
      expect(y).toBeGreaterThan(below[0]);
      expect(y).toBeLessThan(below[1]);
      expect(z).toBeCloseTo(x, 12);
    }
    for (const x of [2.7, 3, 5, 6]) expect(betaFactor(klRatiosUnderModel(x, 1)[1])).toBe(1);
    expect(landingShare().toFixed(3)).toBe('0.585');
  });
});
