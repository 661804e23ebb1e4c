import { describe, expect, it } from 'vitest';
import { angleNormalize, createRng, Pendulum } from './index';

const f = Math.fround;

describe('Pendulum-v1 (Gymnasium)', () => {
  it('one step from horizontal with full torque, by hand: thdot = (15 sin th + 3u) dt', () => {
    const env = new Pendulum();
    env.state.set([Math.PI / 2, 0]);
    const r = env.step([2]);
    expect(r.reward).toBe(-((Math.PI / 2) ** 2 + 0 + 0.001 * 4));
    expect(env.state[1]).toBeCloseTo((15 + 6) * 0.05, 14);
    expect(env.state[0]).toBeCloseTo(Math.PI / 2 + 1.05 * 0.05, 14);
    expect(r).toMatchObject({ terminated: false, truncated: false });
    expect(Array.from(r.obs)).toEqual([Math.cos(env.state[0]), Math.sin(env.state[0]), env.state[1]].map(f));
    expect(env.lastU).toBe(2);
  });

  it('upright and still costs nothing and stays put', () => {
    const env = new Pendulum();
    env.state.set([0, 0]);
    const r = env.step([0]);
    expect(r.reward === 0).toBe(true);
    expect(Array.from(env.state)).toEqual([0, 0]);
  });

  it('clips the torque to [-2, 2] (cost included) and the speed to 8', () => {
    const a = new Pendulum();
    const b = new Pendulum();
    a.state.set([1, 0.5]);
    b.state.set([1, 0.5]);
    expect(a.step([5]).reward).toBe(b.step([2]).reward);
    expect(Array.from(a.state)).toEqual(Array.from(b.state));
    expect(a.lastU).toBe(2);
    a.state.set([0.3, 7.9]);
    a.step([2]);
    expect(a.state[1]).toBe(8);
    expect(a.state[0]).toBe(0.3 + 8 * 0.05);
  });

  it('a float32 torque computes 0.001 u^2 and 3u in float32, as numpy 2 does', () => {
    const env = new Pendulum();
    const u = f(0.7);
    env.state.set([0.4, -0.2]);
    const r = env.step(new Float32Array([u]));
    const an = angleNormalize(0.4); // ((0.4 + pi) mod 2pi) - pi is 0.4 only to rounding
    expect(r.reward).toBe(-(an * an + 0.1 * (0.2 * 0.2) + f(f(0.001) * f(u * u))));
    expect(env.state[1]).toBe(-0.2 + (15 * Math.sin(0.4) + f(3 * u)) * 0.05);
    const g = new Pendulum();
    g.state.set([0.4, -0.2]);
    expect(g.step([u]).reward).not.toBe(r.reward); // float64 action: the float64 result differs
  });

  it("normalises the angle for the cost as numpy's floor modulo does (theta is not wrapped in the state)", () => {
    expect(angleNormalize(2 * Math.PI + 0.1)).toBeCloseTo(0.1, 14);
    expect(angleNormalize(-2 * Math.PI - 0.1)).toBeCloseTo(-0.1, 14);
    expect(angleNormalize(Math.PI)).toBe(-Math.PI);
    expect(angleNormalize(-Math.PI)).toBe(-Math.PI);
    const env = new Pendulum();
    env.state.set([3.1, 8]);
    env.step([0]);
    expect(env.state[0]).toBeGreaterThan(Math.PI); // free to leave [-pi, pi]
  });

  it('resets theta uniformly in [-pi, pi) and thetadot in [-1, 1)', () => {
    const env = new Pendulum();
    const rng = createRng(3);
    const lo = [Infinity, Infinity];
    const hi = [-Infinity, -Infinity];
    for (let i = 0; i < 3000; i++) {
      env.reset(rng);
      for (let k = 0; k < 2; k++) {
        lo[k] = Math.min(lo[k], env.state[k]);
        hi[k] = Math.max(hi[k], env.state[k]);
      }
    }
    expect(lo[0]).toBeGreaterThanOrEqual(-Math.PI);
    expect(hi[0]).toBeLessThan(Math.PI);
    expect(lo[0]).toBeLessThan(-3.13);
    expect(hi[0]).toBeGreaterThan(3.13);
    expect(lo[1]).toBeGreaterThanOrEqual(-1);
    expect(hi[1]).toBeLessThan(1);
    expect(lo[1]).toBeLessThan(-0.998);
    expect(hi[1]).toBeGreaterThan(0.998);
    expect(env.lastU).toBe(null);
  });
});
