import * as tf from './tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@/rl';
import { GRPO_DEFAULTS, type GrpoConfig, type GrpoPoint } from '@/spec';
import { GrpoRun, referenceTarget } from './grpo';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny: GrpoConfig = {
  ...GRPO_DEFAULTS,
  hidden: 16,
  problems: 8,
  groupSize: 4,
  updates: 4,
  sftSteps: 60,
};

function run(cfg: GrpoConfig, n = cfg.updates) {
  const r = new GrpoRun(cfg, createRng(cfg.seed));
  const points: GrpoPoint[] = [r.initial()];
  const tensors: number[] = [];
  for (let k = 0; k < n; k++) {
    points.push(r.step());
    tensors.push(tf.memory().numTensors);
  }
  r.dispose();
  return { points, tensors };
}

describe('GRPO on sums of two digits', () => {
  it('the reference’s target puts mass exp(−|s − (a + b)| / T) on each sum, most on the right one', () => {
    const q = referenceTarget(2);
    const row = q.subarray(3 * 19 * 10 + 4 * 19, 3 * 19 * 10 + 5 * 19); // a = 3, b = 4
    expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(row.indexOf(Math.max(...row))).toBe(7);
    expect(row[8] / row[7]).toBeCloseTo(Math.exp(-0.5), 6);
  });

  it('is reproducible on one backend, keeps its tensor count constant, and starts all three learners at the reference', () => {
    const a = run(tiny);
    const b = run(tiny);
    expect(b.points).toEqual(a.points);
    expect(new Set(a.tensors.slice(1)).size).toBe(1);
    const s0 = a.points[0].stats;
    expect(s0.grpo.kl).toBe(0);
    expect(s0['grpo-nostd'].accuracy).toBe(s0.grpo.accuracy);
    expect(s0['ppo-critic'].accuracy).toBe(s0.grpo.accuracy);
    // The supervised reference is right about a quarter of the time.
    expect(s0.grpo.accuracy).toBeGreaterThan(0.1);
    expect(s0.grpo.accuracy).toBeLessThan(0.4);
  });

  it('training moves the right way: accuracy rises above the reference’s for all three learners, and the KL grows', () => {
    const cfg: GrpoConfig = { ...GRPO_DEFAULTS, hidden: 16, updates: 30, sftSteps: 100 };
    const { points } = run(cfg);
    const first = points[0].stats;
    const last = points[points.length - 1].stats;
    for (const v of ['grpo', 'grpo-nostd', 'ppo-critic'] as const) {
      expect(last[v].accuracy).toBeGreaterThan(first[v].accuracy + 0.05);
      expect(last[v].kl).toBeGreaterThan(0.01);
    }
  }, 120_000);
});
