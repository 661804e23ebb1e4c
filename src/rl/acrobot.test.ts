import { describe, expect, it } from 'vitest';
import { Acrobot, ACROBOT, createRng, VecAcrobot } from './index';

const { PI: pi, cos, sin } = Math;

/** An independent transcription of acrobot.py's `_dsdt` ("book") and `rk4`, on plain arrays. */
function refStep(s: number[], torque: number): number[] {
  const f = ([t1, t2, d1, d2]: number[]) => {
    const D1 = 0.25 + (1 + 0.25 + cos(t2)) + 2;
    const D2 = 0.25 + 0.5 * cos(t2) + 1;
    const p2 = 4.9 * cos(t1 + t2 - pi / 2);
    const p1 = -0.5 * d2 * d2 * sin(t2) - d2 * d1 * sin(t2) + 1.5 * 9.8 * cos(t1 - pi / 2) + p2;
    const dd2 = (torque + (D2 / D1) * p1 - 0.5 * d1 * d1 * sin(t2) - p2) / (1.25 - (D2 * D2) / D1);
    return [d1, d2, -(D2 * dd2 + p1) / D1, dd2];
  };
  const add = (a: number[], b: number[], h: number) => a.map((x, i) => x + h * b[i]);
  const k1 = f(s);
  const k2 = f(add(s, k1, 0.1));
  const k3 = f(add(s, k2, 0.1));
  const k4 = f(add(s, k3, 0.2));
  const n = s.map((x, i) => x + (0.2 / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
  const wrap = (x: number) => (x > pi ? x - 2 * pi : x < -pi ? x + 2 * pi : x);
  const clip = (x: number, m: number) => Math.min(Math.max(x, -m), m);
  return [wrap(n[0]), wrap(n[1]), clip(n[2], 4 * pi), clip(n[3], 9 * pi)];
}

describe('Acrobot-v1 (Gymnasium)', () => {
  it('from rest with +1 torque: the first accelerations solved by hand (d1 = 4.5, d2 = 1.75)', () => {
    // At rest, phi1 = phi2 = 0 (up to cos(-pi/2) = 6e-17), so theta2'' = 1 / (1.25 - 1.75^2 / 4.5) = 72/41 and
    // theta1'' = -1.75 theta2'' / 4.5 = -28/41; over dt = 0.2 the velocities grow by about 0.2 times these (gravity
    // only acts once the links have moved, which is second order in dt).
    const env = new Acrobot();
    env.state.set([0, 0, 0, 0]);
    const r = env.step(2);
    expect(env.state[2]).toBeCloseTo((0.2 * -28) / 41, 1);
    expect(env.state[3]).toBeCloseTo((0.2 * 72) / 41, 1);
    expect(r).toMatchObject({ reward: -1, terminated: false, truncated: false });
    expect(r.obs).toBeInstanceOf(Float32Array);
    expect(Array.from(r.obs)).toEqual(
      [
        cos(env.state[0]),
        sin(env.state[0]),
        cos(env.state[1]),
        sin(env.state[1]),
        env.state[2],
        env.state[3],
      ].map(Math.fround),
    );
    // and without torque it stays at rest (to rounding)
    env.state.set([0, 0, 0, 0]);
    env.step(1);
    for (const v of env.state) expect(Math.abs(v)).toBeLessThan(1e-14);
  });

  it('replays a trajectory against an independent transcription of the equations', () => {
    const env = new Acrobot();
    let s = [0.05, -0.08, 0.03, 0.09];
    env.state.set(s);
    const rng = createRng(5);
    for (let t = 0; t < 40; t++) {
      const a = rng.int(3);
      s = refStep(s, a - 1);
      env.step(a);
      for (let i = 0; i < 4; i++) expect(Math.abs(env.state[i] - s[i])).toBeLessThan(1e-9);
    }
  });

  it('terminates with reward 0 when the tip is above the line, and pays -1 on every other step', () => {
    const env = new Acrobot();
    env.state.set([pi - 0.05, 0, 0, 0]); // link 1 up, link 2 straight: tip at height 2 > 1
    expect(env.step(1)).toMatchObject({ terminated: true, reward: 0 });
    env.state.set([pi / 2, 0, 0, 0]); // horizontal: tip at height 0
    expect(env.step(1)).toMatchObject({ terminated: false, reward: -1 });
  });

  it('wraps the angles into [-pi, pi] and clips the velocities at 4pi and 9pi', () => {
    const env = new Acrobot();
    env.state.set([pi - 0.01, 0, 3, 0]); // theta1 crosses +pi during the step
    env.step(1);
    expect(env.state[0]).toBeLessThan(-pi + 1);
    expect(env.state[0]).toBeGreaterThanOrEqual(-pi);
    const rng = createRng(8);
    let hit1 = 0;
    let hit2 = 0;
    for (let i = 0; i < 400; i++) {
      env.state.set([
        rng.uniform() * 2 * pi - pi,
        rng.uniform() * 2 * pi - pi,
        4 * pi * (2 * rng.uniform() - 1),
        9 * pi * (2 * rng.uniform() - 1),
      ]);
      env.step(rng.int(3));
      expect(Math.abs(env.state[0])).toBeLessThanOrEqual(pi);
      expect(Math.abs(env.state[1])).toBeLessThanOrEqual(pi);
      expect(Math.abs(env.state[2])).toBeLessThanOrEqual(ACROBOT.maxVel1);
      expect(Math.abs(env.state[3])).toBeLessThanOrEqual(ACROBOT.maxVel2);
      if (Math.abs(env.state[2]) === ACROBOT.maxVel1) hit1++;
      if (Math.abs(env.state[3]) === ACROBOT.maxVel2) hit2++;
    }
    expect(hit1).toBeGreaterThan(0); // the bounds are reached and hold exactly
    expect(hit2).toBeGreaterThan(0);
  });

  it('resets uniformly in [-0.1, 0.1), rounded to float32 as Gymnasium does', () => {
    const env = new Acrobot();
    const rng = createRng(3);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < 2000; i++) {
      const o = env.reset(rng);
      expect(o.length).toBe(6);
      for (const v of env.state) {
        expect(Math.fround(v)).toBe(v);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    expect(lo).toBeGreaterThanOrEqual(Math.fround(-0.1));
    expect(hi).toBeLessThanOrEqual(Math.fround(0.1));
    expect(lo).toBeLessThan(-0.099);
    expect(hi).toBeGreaterThan(0.099);
  });

  it('the vectorised version truncates at exactly 500 and keeps the final observation', () => {
    const vec = new VecAcrobot(1, createRng(2));
    for (let t = 1; t <= 500; t++) {
      vec.state.set([0, 0, 0, 0]);
      vec.step([1]);
      expect(vec.truncated[0]).toBe(t === 500 ? 1 : 0);
    }
    expect(vec.finalObs[0]).toBe(1); // cos(0) of the held state
    expect(vec.finished).toEqual([{ env: 0, return: -500, length: 500 }]);
    expect(vec.steps[0]).toBe(0);
  });
});
