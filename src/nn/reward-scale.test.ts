import { describe, expect, it } from 'vitest';
import { RewardScaler } from './reward-scale';

describe('RewardScaler (NormalizeReward)', () => {
  it("divides by the running std of the discounted returns, as gym's wrapper over a recorded sequence", () => {
    // Reference computed step by step with the wrapper's formulas (RunningMeanStd, batched over 2 envs).
    const gamma = 0.9;
    const sc = new RewardScaler(2, gamma);
    const rewards = [
      [1, -2],
      [0.5, 3],
      [-1, 1],
    ];
    const dones = [
      [false, false],
      [false, true],
      [false, false],
    ];
    let mean = 0;
    let v = 1;
    let count = 1e-4;
    const G = [0, 0];
    for (let t = 0; t < rewards.length; t++) {
      const out = new Float32Array(2);
      sc.step(rewards[t], (e) => dones[t][e], out, 0);
      for (let e = 0; e < 2; e++) G[e] = G[e] * gamma + rewards[t][e];
      const bm = (G[0] + G[1]) / 2;
      const bv = ((G[0] - bm) ** 2 + (G[1] - bm) ** 2) / 2;
      const d = bm - mean;
      const tot = count + 2;
      mean += (d * 2) / tot;
      v = (v * count + bv * 2 + (d * d * count * 2) / tot) / tot;
      count = tot;
      for (let e = 0; e < 2; e++) {
        expect(out[e]).toBeCloseTo(rewards[t][e] / Math.sqrt(v + 1e-8), 5);
        if (dones[t][e]) G[e] = 0;
      }
    }
    expect(sc.std).toBeCloseTo(Math.sqrt(v), 12);
  });

  it('clips scaled rewards to ±10', () => {
    const sc = new RewardScaler(1, 0.99);
    const out = new Float32Array(1);
    // many small rewards first, so one huge reward barely moves the running variance
    for (let t = 0; t < 10_000; t++) sc.step([0.001], () => false, out, 0);
    sc.step([1e6], () => false, out, 0);
    expect(out[0]).toBe(10);
    sc.step([-1e9], () => false, out, 0);
    expect(out[0]).toBe(-10);
  });
});
