import { describe, expect, it } from 'vitest';
import { createRng, MountainCarContinuous } from './index';

const f = Math.fround;

describe('MountainCarContinuous-v0 (Gymnasium)', () => {
  it('one step from a float64 reset state with a float64 action, by hand', () => {
    const env = new MountainCarContinuous();
    const x0 = -0.5123456789; // not a float32 value: the state as reset() leaves it (np.float64)
    env.state.set([x0, 0]);
    const r = env.step([0.5]);
    const v = 0 + (0.5 * 0.0015 - 0.0025 * Math.cos(3 * x0));
    expect(env.state[1]).toBe(f(v)); // stored as np.float32
    expect(env.state[0]).toBe(f(x0 + v));
    expect(r.reward).toBe(-(0.5 * 0.5 * 0.1));
    expect(r.terminated).toBe(false);
  });

  it('from a float32 state with a float32 action, computes as numpy 2 does: in float32', () => {
    const env = new MountainCarContinuous();
    const x0 = f(-0.6041679382324219);
    const v0 = f(0.044750459492206573);
    const a = f(0.588074803352356);
    env.state.set([x0, v0]);
    env.step(new Float32Array([a]));
    // force * power and 3 * position are float32; the cos term is a Python float cast to float32 when subtracted.
    const dv = f(f(a * f(0.0015)) - f(0.0025 * Math.cos(f(3 * x0))));
    const v = f(v0 + dv);
    expect(env.state[1]).toBe(v);
    expect(env.state[0]).toBe(f(x0 + v));
    // the float64 result differs: the emulation matters
    expect(f(v0 + (a * 0.0015 - 0.0025 * Math.cos(3 * x0)))).not.toBe(v);
  });

  it('clips the force to [-1, 1] but charges 0.1 a^2 of the unclipped action', () => {
    const env = new MountainCarContinuous();
    env.state.set([-0.5, 0]);
    const r = env.step([2]);
    expect(r.reward).toBeCloseTo(-0.4, 15);
    const clipped = new MountainCarContinuous();
    clipped.state.set([-0.5, 0]);
    clipped.step([1]);
    expect(Array.from(env.state)).toEqual(Array.from(clipped.state));
  });

  it('pays 100 - 0.1 a^2 on the step that reaches x >= 0.45 moving right, and stops at the left wall', () => {
    const env = new MountainCarContinuous();
    env.state.set([0.44, 0.02]);
    const r = env.step(new Float32Array([1]));
    expect(r.terminated).toBe(true);
    expect(r.reward).toBe(100 - 0.1);
    env.state.set([-1.19, -0.05]);
    env.step([-1]);
    expect(Array.from(env.state)).toEqual([f(-1.2), 0]);
  });

  it('clips the speed at 0.07', () => {
    const env = new MountainCarContinuous();
    env.state.set([-Math.PI / 6, 0.0699]);
    env.step([1]);
    expect(env.state[1]).toBe(f(0.07));
  });

  it('resets x uniformly in [-0.6, -0.4) with v = 0 (float64)', () => {
    const env = new MountainCarContinuous();
    const rng = createRng(3);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < 2000; i++) {
      env.reset(rng);
      expect(env.state[1]).toBe(0);
      lo = Math.min(lo, env.state[0]);
      hi = Math.max(hi, env.state[0]);
    }
    expect(lo).toBeGreaterThanOrEqual(-0.6);
    expect(hi).toBeLessThan(-0.4);
    expect(lo).toBeLessThan(-0.599);
    expect(hi).toBeGreaterThan(-0.401);
  });
});
