import { describe, expect, it } from 'vitest';
import { expectedLossGradient, klDivergence, klEstimatorMoments, reverseKlGradient } from './index';

/** The figures chapter 12 quotes that no widget shows, recomputed (the widgets' figures are read by e2e). */

const softmax = (t: number[]) => {
  const m = Math.max(...t);
  const e = t.map((v) => Math.exp(v - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
};

describe('chapter 12, quoted figures', () => {
  it('k3 on chapter 6’s example: mean 0.0207 (the KL), variance 3.1e-5 against 4.2e-2 for the log-ratio', () => {
    const m = klEstimatorMoments([0.5, 0.3, 0.2], [0.4, 0.35, 0.25]);
    expect(m.kl.toFixed(4)).toBe('0.0207');
    expect(m.k3.mean.toFixed(4)).toBe('0.0207');
    expect(m.k3.variance.toExponential(1)).toBe('3.1e-5');
    expect(m.k1.variance.toExponential(1)).toBe('4.2e-2');
  });

  it('E∇k3 = (0.100, −0.050, −0.050) against ∇KL(π ‖ π_ref) = (0.101, −0.052, −0.049)', () => {
    const pi = [0.5, 0.3, 0.2];
    const ref = [0.4, 0.35, 0.25];
    expect(expectedLossGradient('k3', pi, ref).map((v) => v.toFixed(3))).toEqual([
      '0.100',
      '-0.050',
      '-0.050',
    ]);
    expect(reverseKlGradient(pi, ref).map((v) => v.toFixed(3))).toEqual(['0.101', '-0.052', '-0.049']);
  });

  it('the exercise: a step along −(π − π_ref) raises the reverse KL 3.6013 → 3.6044 and lowers the forward 4.048 → 4.034', () => {
    const pi = [0.75, 0.24, 0.01];
    const ref = [0.07, 0.0001, 0.9299];
    const d = pi.map((p, i) => -(p - ref[i]));
    const g = reverseKlGradient(pi, ref);
    expect(g.reduce((s, x, i) => s + x * d[i], 0).toFixed(3)).toBe('0.312');
    const after = softmax(pi.map((p, i) => Math.log(p) + 0.01 * d[i]));
    expect(klDivergence(pi, ref).toFixed(4)).toBe('3.6013');
    expect(klDivergence(after, ref).toFixed(4)).toBe('3.6044');
    expect(klDivergence(ref, pi).toFixed(3)).toBe('4.048');
    expect(klDivergence(ref, after).toFixed(3)).toBe('4.034');
  });
});
