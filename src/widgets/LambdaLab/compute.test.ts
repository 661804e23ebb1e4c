import { describe, expect, it } from 'vitest';
import { argminMse, createLambdaSampler, LAMBDAS, makeModel } from './compute';
import { gaeErrorCurve } from '@/rl';

describe('Lambda lab Monte Carlo', () => {
  it('does not depend on how the work is chunked', () => {
    const model = makeModel(1, 0.5, 0.9, 'gradient');
    const a = createLambdaSampler(model, 1);
    const b = createLambdaSampler(model, 1);
    a.step(300);
    for (let i = 0; i < 30; i++) b.step(10);
    expect(b.rows()).toEqual(a.rows());
  });

  it('converges to the exact curves, and MSE = bias² + variance', () => {
    const model = makeModel(1, 1, 0.9, 'gradient');
    const exact = gaeErrorCurve(model.mdp, model.pi, model.Vhat, 'gradient', LAMBDAS);
    const s = createLambdaSampler(model, 5);
    const err = () => Math.max(...s.rows().map((r, i) => Math.abs(r.mse - exact[i].mse) / exact[i].mse));
    s.step(200);
    const few = err();
    s.step(5800);
    const many = err();
    expect(many).toBeLessThan(0.08);
    expect(many).toBeLessThan(few);
    for (const r of s.rows()) expect(Math.abs(r.mse - r.bias2 - r.variance)).toBeLessThan(1e-12 * r.mse);
  });

  it('an exact critic wants small λ; a noisy one wants λ near 1 (exact and sampled)', () => {
    for (const seed of [1, 2, 3]) {
      const exact0 = gaeErrorCurve(...args(seed, 0), LAMBDAS);
      expect(argminMse(exact0).lambda).toBe(0);
      const exact2 = gaeErrorCurve(...args(seed, 2), LAMBDAS);
      expect(argminMse(exact2).lambda).toBeGreaterThanOrEqual(0.5);
    }
    const s0 = createLambdaSampler(makeModel(1, 0, 0.9, 'gradient'), 1);
    s0.step(3000);
    expect(argminMse(s0.rows()).lambda).toBeLessThanOrEqual(0.2);
    const s2 = createLambdaSampler(makeModel(1, 2, 0.9, 'gradient'), 1);
    s2.step(3000);
    expect(argminMse(s2.rows()).lambda).toBeGreaterThanOrEqual(0.5);
  });
});

function args(seed: number, noise: number) {
  const m = makeModel(seed, noise, 0.9, 'gradient');
  return [m.mdp, m.pi, m.Vhat, 'gradient'] as const;
}
