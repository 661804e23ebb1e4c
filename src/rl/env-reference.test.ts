/**
 * Replays transitions recorded from Gymnasium's own environments (scripts/gymnasium-reference.py: Gymnasium 1.4,
 * numpy 2.4): from each recorded state, one step with the recorded action must give Gymnasium's next state,
 * observation, reward and flags. One-step replays keep a last-bit difference of the platforms' sin/cos from being
 * amplified by Acrobot's chaos; the whole episodes are also replayed from the reset state.
 */
import { describe, expect, it } from 'vitest';
import reference from './fixtures/gymnasium-reference.json';
import { envs, isEnvId, type Action, type Env } from './index';

interface Step {
  action: number | number[];
  after: number[];
  obs: number[];
  reward: number;
  terminated: boolean;
  truncated: boolean;
}
interface Episode {
  env: string;
  seed: number;
  actionFloat32: boolean;
  reset: number[];
  steps: Step[];
}

const episodes = reference.episodes as Episode[];

const toAction = (ep: Episode, a: number | number[]): Action =>
  typeof a === 'number' ? a : ep.actionFloat32 ? Float32Array.from(a) : [...a];

/** Relative difference, with an absolute floor for values near 0. */
const close = (x: number, y: number, tol: number) => Math.abs(x - y) <= tol * Math.max(1, Math.abs(y));

describe('environments against transitions recorded from Gymnasium', () => {
  it('covers every environment, terminal steps and the time limits', () => {
    const ids = new Set(episodes.map((e) => e.env));
    expect([...ids].sort()).toEqual(Object.keys(envs).sort());
    const last = (id: string, flag: 'terminated' | 'truncated') =>
      episodes.some((e) => e.env === id && e.steps[e.steps.length - 1][flag]);
    for (const id of ['Acrobot-v1', 'MountainCar-v0', 'MountainCarContinuous-v0', 'CartPole-v1'])
      expect(last(id, 'terminated')).toBe(true);
    for (const id of ['MountainCar-v0', 'Pendulum-v1']) expect(last(id, 'truncated')).toBe(true);
  });

  for (const ep of episodes) {
    it(`${ep.env} seed ${ep.seed} (${ep.actionFloat32 ? 'float32' : 'float64'} actions): every step from Gymnasium's state`, () => {
      if (!isEnvId(ep.env)) throw new Error(ep.env);
      const env: Env = envs[ep.env].make();
      let exact = 0;
      let before = ep.reset;
      ep.steps.forEach((s, t) => {
        env.state.set(before);
        env.steps = t;
        const r = env.step(toAction(ep, s.action));
        for (let i = 0; i < s.after.length; i++) {
          if (env.state[i] === s.after[i]) exact++;
          expect(close(env.state[i], s.after[i], 1e-13), `state[${i}] at step ${t + 1}`).toBe(true);
        }
        expect(r.obs.length).toBe(s.obs.length);
        for (let i = 0; i < s.obs.length; i++)
          expect(close(r.obs[i], s.obs[i], 1e-6), `obs[${i}]`).toBe(true);
        expect(close(r.reward, s.reward, 1e-13), `reward at step ${t + 1}`).toBe(true);
        expect(r.terminated).toBe(s.terminated);
        expect(r.truncated).toBe(s.truncated);
        before = s.after;
      });
      // Bit-for-bit almost everywhere: only sin/cos may differ in the last bit between V8 and glibc/numpy.
      expect(exact / (ep.steps.length * ep.reset.length)).toBeGreaterThan(0.9);
    });
  }

  it('replays whole episodes from the reset state (no drift over 60+ steps outside Acrobot)', () => {
    for (const ep of episodes.filter((e) => e.env !== 'Acrobot-v1')) {
      if (!isEnvId(ep.env)) throw new Error(ep.env);
      const env = envs[ep.env].make();
      env.state.set(ep.reset);
      for (const s of ep.steps) {
        const r = env.step(toAction(ep, s.action));
        expect(r.terminated).toBe(s.terminated);
        for (let i = 0; i < s.after.length; i++) expect(close(env.state[i], s.after[i], 1e-9)).toBe(true);
      }
    }
  });
});
