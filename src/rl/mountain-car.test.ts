import { describe, expect, it } from 'vitest';
import { createRng, MountainCar, VecMountainCar } from './index';

describe('MountainCar-v0 (Gymnasium)', () => {
  it('one step from [-0.5, 0] pushing right, by hand: v = 0.001 - 0.0025 cos(-1.5), x = -0.5 + v', () => {
    const env = new MountainCar();
    env.state.set([-0.5, 0]);
    const r = env.step(2);
    const v = 0 + (1 * 0.001 + Math.cos(-1.5) * -0.0025);
    expect(env.state[1]).toBe(v);
    expect(env.state[0]).toBe(-0.5 + v);
    expect(r).toMatchObject({ reward: -1, terminated: false, truncated: false });
    expect(Array.from(r.obs)).toEqual([Math.fround(-0.5 + v), Math.fround(v)]);
    env.state.set([-0.5, 0]);
    env.step(1); // no push: gravity alone
    expect(env.state[1]).toBe(Math.cos(-1.5) * -0.0025);
  });

  it('clips the speed at 0.07 and stops the car at the left wall', () => {
    const env = new MountainCar();
    env.state.set([-Math.PI / 6, 0.0699]); // cos(3x) = 0 here: +0.001 would exceed 0.07
    env.step(2);
    expect(env.state[1]).toBe(0.07);
    env.state.set([-1.19, -0.05]);
    env.step(0);
    expect(env.state[0]).toBe(-1.2);
    expect(env.state[1]).toBe(0); // inelastic wall
  });

  it('terminates at x >= 0.5 with v >= 0, still paying -1; not while moving left', () => {
    const env = new MountainCar();
    env.state.set([0.49, 0.02]);
    expect(env.step(2)).toMatchObject({ terminated: true, reward: -1 });
    env.state.set([0.55, -0.001]);
    const r = env.step(0);
    expect(env.state[0]).toBeGreaterThanOrEqual(0.5);
    expect(r.terminated).toBe(false);
  });

  it('keeps its state in float64 (Gymnasium stores np.float64 here; only the observation is float32)', () => {
    const env = new MountainCar();
    env.reset(createRng(1));
    env.step(2);
    expect(Math.fround(env.state[1])).not.toBe(env.state[1]);
  });

  it('resets x uniformly in [-0.6, -0.4) with v = 0', () => {
    const env = new MountainCar();
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

  it('the vectorised version reports the terminal step, not a truncation, and resets', () => {
    const vec = new VecMountainCar(2, createRng(4));
    vec.state.set([0.49, 0.02], 0);
    vec.step([2, 1]);
    expect([vec.terminated[0], vec.truncated[0], vec.rewards[0]]).toEqual([1, 0, -1]);
    expect(vec.finalObs[0]).toBe(Math.fround(0.49 + 0.02 + 0.001 - 0.0025 * Math.cos(3 * 0.49)));
    expect(vec.obs[1]).toBe(0); // the new episode starts at rest
    expect(vec.finished).toEqual([{ env: 0, return: -1, length: 1 }]);
  });
});
