import { describe, expect, it } from 'vitest';
import { softmaxNaturalGradient, softmaxPolicyGradient } from '@/rl';
import { REWARDS, natural, vanilla } from './field';

const bandit = { P: [[[1]], [[1]], [[1]]], R: [REWARDS], rho0: [1], gamma: 0 };

describe('two-parameter policy field', () => {
  it('vanilla gradient matches the exact softmax gradient of src/rl', () => {
    const g = softmaxPolicyGradient(bandit, [[0.3, -0.7, 0]]);
    const [a, b] = vanilla(0.3, -0.7);
    expect(a).toBeCloseTo(g[0][0], 12);
    expect(b).toBeCloseTo(g[0][1], 12);
  });
  it('natural gradient matches src/rl up to the per-state constant (pinned third logit)', () => {
    const n = softmaxNaturalGradient(bandit, [[0.3, -0.7, 0]])[0];
    const [a, b] = natural(0.3, -0.7);
    // src/rl centres the direction; pinning θ₃ = 0 shifts it by −n[2].
    expect(a).toBeCloseTo(n[0] - n[2], 6);
    expect(b).toBeCloseTo(n[1] - n[2], 6);
  });
});

describe('paths from the default start', () => {
  it('the natural path ends higher than the vanilla path after equal-length steps', async () => {
    const { path } = await import('./field');
    const v = path(vanilla, [-3, 3], 25, 0.3);
    const n = path(natural, [-3, 3], 25, 0.3);
    expect(n[25].J).toBeGreaterThan(v[25].J);
  });
});

describe("chapter 5's figures at the default start (−3, 3)", () => {
  it('the middle action has probability 0.95, the best 0.0024, and a vanilla component 25.9 times larger', () => {
    const [a, b] = vanilla(-3, 3);
    expect(Math.abs(b / a).toFixed(1)).toBe('25.9');
  });
});
