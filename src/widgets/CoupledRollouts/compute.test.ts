import { describe, expect, it } from 'vitest';
import { coupledRolloutCurves } from '@/rl';
import { createCoupledSampler, makeModel } from './compute';

describe('coupled rollouts widget: model and Monte Carlo', () => {
  it('the sampled disagreement converges to the exact one', () => {
    const model = makeModel(1, 0.8);
    const exact = coupledRolloutCurves(model.mdp, model.pi, model.piNew, 20);
    const s = createCoupledSampler(model, 20, 1);
    s.step(20000);
    const est = s.disagreed();
    for (let t = 0; t <= 20; t++) {
      const p = exact[t].disagreeMaximal;
      expect(Math.abs(est[t] - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / 20000) + 1e-12);
    }
  });

  it('does not depend on how the work is chunked', () => {
    const model = makeModel(2, 0.5);
    const a = createCoupledSampler(model, 30, 2);
    const b = createCoupledSampler(model, 30, 2);
    a.step(1000);
    for (let i = 0; i < 20; i++) b.step(50);
    expect(b.disagreed()).toEqual(a.disagreed());
  });

  it('α of the model is tvMax and the exact bound uses it', () => {
    const model = makeModel(3, 1.2);
    const rows = coupledRolloutCurves(model.mdp, model.pi, model.piNew, 5);
    expect(rows[5].bound).toBe(1 - (1 - model.alpha) ** 5);
  });
});
