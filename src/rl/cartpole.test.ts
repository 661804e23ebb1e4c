import { describe, expect, it } from 'vitest';
import { CARTPOLE, CartPole, VecCartPole, cartpoleDynamics, createRng } from './index';

describe('CartPole-v1 (Gymnasium)', () => {
  it('first step from rest, pushing right, matches the equations solved by hand', () => {
    // temp = 10/1.1 = 100/11; thetaacc = -(100/11) / (0.5 (4/3 - 0.1/1.1)) = -6600/451; xacc = 4400/451.
    const env = new CartPole();
    env.state.set([0, 0, 0, 0]);
    const r = env.step(1);
    expect(env.state[0]).toBe(0); // position uses the old velocity (Euler order)
    expect(env.state[1]).toBeCloseTo((0.02 * 4400) / 451, 14);
    expect(env.state[2]).toBe(0);
    expect(env.state[3]).toBeCloseTo((-0.02 * 6600) / 451, 14);
    expect(r).toMatchObject({ reward: 1, terminated: false, truncated: false });
    expect(r.obs).toBeInstanceOf(Float32Array);
    expect(r.obs[1]).toBe(Math.fround(env.state[1]));
  });

  it('replays a trajectory against an independent transcription of cartpole.py', () => {
    const ref = (s: number[], action: number) => {
      const [x, xd, th, thd] = s;
      const force = action === 1 ? 10 : -10;
      const ct = Math.cos(th);
      const st = Math.sin(th);
      const temp = (force + 0.1 * 0.5 * thd ** 2 * st) / 1.1;
      const thacc = (9.8 * st - ct * temp) / (0.5 * (4 / 3 - (0.1 * ct ** 2) / 1.1));
      const xacc = temp - (0.1 * 0.5 * thacc * ct) / 1.1;
      return [x + 0.02 * xd, xd + 0.02 * xacc, th + 0.02 * thd, thd + 0.02 * thacc];
    };
    const env = new CartPole();
    const start = [0.01, -0.02, 0.03, 0.04];
    env.state.set(start);
    let s = start;
    const actions = [1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0];
    for (const a of actions) {
      s = ref(s, a);
      env.step(a as 0 | 1);
      for (let i = 0; i < 4; i++) expect(Math.abs(env.state[i] - s[i])).toBeLessThan(1e-12);
    }
  });

  it('pays 1 on the terminating step, and terminates at 12 degrees and 2.4', () => {
    const env = new CartPole();
    env.state.set([0, 0, CARTPOLE.thetaThreshold - 0.001, 1]);
    const r = env.step(1);
    expect(r.terminated).toBe(true);
    expect(r.reward).toBe(1);
    expect(env.step(1).reward).toBe(0); // stepping past the end pays nothing, as in Gymnasium
    env.state.set([2.39, 1, 0, 0]);
    expect(env.step(1).terminated).toBe(true);
    env.state.set([-2.39, -1, 0, 0]);
    expect(env.step(0).terminated).toBe(true);
  });

  it("follows Gymnasium's reward rule after termination: 0 while out of bounds, 1 again if back in bounds", () => {
    const env = new CartPole();
    env.state.set([2.45, 0, 0, 0]);
    expect(env.step(0)).toMatchObject({ terminated: true, reward: 1 });
    expect(env.step(0)).toMatchObject({ terminated: true, reward: 0 });
    env.state.set([0, 0, 0, 0]); // cartpole.py pays 1 whenever the new state is in bounds
    expect(env.step(0)).toMatchObject({ terminated: false, reward: 1 });
    env.reset(createRng(1));
    env.state.set([2.45, 0, 0, 0]);
    expect(env.step(0).reward).toBe(1); // reset clears the terminated flag
  });

  it('the vectorised version truncates at exactly 500, keeps the final observation and auto-resets', () => {
    const vec = new VecCartPole(2, createRng(5));
    for (let t = 1; t <= 500; t++) {
      vec.state.set([0.1, 0, 0, 0], 0); // env 0 held upright: only the time limit can end it
      vec.step([t % 2, 1 - (t % 2)]);
      expect(vec.terminated[0]).toBe(0);
      expect(vec.truncated[0]).toBe(t === 500 ? 1 : 0);
      expect(vec.rewards[0]).toBe(1);
    }
    expect(vec.finalObs[0]).toBe(Math.fround(0.1));
    expect(vec.steps[0]).toBe(0);
    for (let i = 0; i < 4; i++) expect(Math.abs(vec.obs[i])).toBeLessThanOrEqual(0.05);
    expect(vec.finished.some((f) => f.env === 0 && f.length === 500 && f.return === 500)).toBe(true);
  });

  it('one vectorised env and a scalar env given the same seed reset to the same state and stay in lockstep', () => {
    const vec = new VecCartPole(1, createRng(77));
    const env = new CartPole();
    const obs0 = env.reset(createRng(77));
    expect(Array.from(vec.state)).toEqual(Array.from(env.state));
    expect(Array.from(vec.obs)).toEqual(Array.from(obs0));
    for (let t = 0; t < 8; t++) {
      const a = (t % 3 === 0 ? 1 : 0) as 0 | 1;
      vec.step([a]);
      env.step(a);
      expect(Array.from(vec.state)).toEqual(Array.from(env.state));
    }
  });

  it('truncates at exactly 500 steps', () => {
    const env = new CartPole();
    env.reset(createRng(1));
    for (let t = 1; t <= 500; t++) {
      env.state.set([0, 0, 0, 0]); // hold it upright so only the time limit can end the episode
      const r = env.step(t % 2 === 0 ? 1 : 0);
      expect(r.terminated).toBe(false);
      expect(r.truncated).toBe(t === 500);
    }
  });

  it('resets uniformly inside ±0.05', () => {
    const env = new CartPole();
    const rng = createRng(3);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 2000; i++) {
      const o = env.reset(rng);
      for (const v of env.state) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      expect(o.length).toBe(4);
    }
    expect(min).toBeGreaterThanOrEqual(-0.05);
    expect(max).toBeLessThan(0.05);
    expect(min).toBeLessThan(-0.049);
    expect(max).toBeGreaterThan(0.049);
  });

  it('the vectorised version steps exactly like the scalar one and auto-resets with the final observation kept', () => {
    const vec = new VecCartPole(3, createRng(9));
    const scalar = [0, 1, 2].map((e) => {
      const c = new CartPole();
      c.state.set(vec.state.subarray(4 * e, 4 * e + 4));
      return c;
    });
    const rng = createRng(4);
    let ended = 0;
    for (let t = 0; t < 300; t++) {
      const actions = [0, 1, 2].map(() => (rng.uniform() < 0.5 ? 0 : 1));
      vec.step(actions);
      for (let e = 0; e < 3; e++) {
        const r = scalar[e].step(actions[e] as 0 | 1);
        if (vec.terminated[e] || vec.truncated[e]) {
          ended++;
          for (let i = 0; i < 4; i++) expect(vec.finalObs[4 * e + i]).toBe(r.obs[i]);
          expect(Boolean(vec.terminated[e])).toBe(r.terminated);
          scalar[e] = new CartPole();
          scalar[e].state.set(vec.state.subarray(4 * e, 4 * e + 4));
        } else {
          for (let i = 0; i < 4; i++) expect(vec.obs[4 * e + i]).toBe(r.obs[i]);
        }
      }
    }
    expect(ended).toBeGreaterThan(5); // random actions end episodes quickly
    const s = new Float64Array([0, 0, 0, 0]);
    cartpoleDynamics(s, 0, 1);
    expect(s[1]).toBeCloseTo(0.02 * (4400 / 451), 14);
  });
});
