/** What every environment of the registry shares: spec, TimeLimit, reset ranges, vector = scalar, bad actions. */
import { describe, expect, it } from 'vitest';
import { actionSize, createRng, ENV_IDS, envs, getEnv, obsSize, type Action, type EnvId } from './index';

/** A state each env keeps re-entering without ending (so only the time limit can end the episode). */
const calm: Record<EnvId, number[]> = {
  'CartPole-v1': [0, 0, 0, 0],
  'Acrobot-v1': [0, 0, 0, 0],
  'MountainCar-v0': [-0.5, 0],
  'MountainCarContinuous-v0': [-0.5, 0],
  'Pendulum-v1': [1, 0],
};

const randomAction = (id: EnvId, u: () => number): Action => {
  const a = envs[id].spec.action;
  return a.kind === 'discrete'
    ? Math.floor(u() * a.n)
    : Float32Array.from(a.low, (lo, i) => lo + (a.high[i] - lo) * u());
};

describe('the environment registry', () => {
  it('lists the five Gymnasium ids with their limits and solve thresholds', () => {
    expect(Object.keys(envs)).toEqual([...ENV_IDS]);
    const table = ENV_IDS.map((id) => [id, envs[id].spec.maxEpisodeSteps, envs[id].spec.solveThreshold]);
    expect(table).toEqual([
      ['CartPole-v1', 500, 475],
      ['Acrobot-v1', 500, -100],
      ['MountainCar-v0', 200, -110],
      ['MountainCarContinuous-v0', 999, 90],
      ['Pendulum-v1', 200, -200],
    ]);
    for (const id of ENV_IDS) {
      const { spec } = envs[id];
      expect(spec.id).toBe(id);
      expect(spec.solveWindow).toBe(20);
      expect(envs[id].make().spec).toBe(spec);
    }
    expect(envs['Pendulum-v1'].spec.action).toEqual({ kind: 'box', low: [-2], high: [2] });
    expect(envs['Acrobot-v1'].spec.action).toEqual({ kind: 'discrete', n: 3 });
    expect(envs['Acrobot-v1'].spec.observation.high[5]).toBe(Math.fround(9 * Math.PI));
    expect(() => getEnv('LunarLander-v3')).toThrow(
      /Unknown environment "LunarLander-v3"; known: CartPole-v1/,
    );
  });

  for (const id of ENV_IDS) {
    const { spec } = envs[id];

    it(`${id}: truncates on exactly step ${spec.maxEpisodeSteps}`, () => {
      const env = envs[id].make();
      env.reset(createRng(1));
      const u = createRng(2);
      for (let t = 1; t <= spec.maxEpisodeSteps; t++) {
        env.state.set(calm[id]);
        const r = env.step(randomAction(id, () => u.uniform()));
        expect(r.terminated).toBe(false);
        expect(r.truncated).toBe(t === spec.maxEpisodeSteps);
      }
    });

    it(`${id}: observations stay inside the spec's bounds under random actions`, () => {
      const env = envs[id].make();
      const rng = createRng(3);
      let obs = env.reset(rng);
      for (let t = 0; t < 3000; t++) {
        expect(obs.length).toBe(obsSize(spec));
        for (let i = 0; i < obs.length; i++) {
          expect(obs[i]).toBeGreaterThanOrEqual(spec.observation.low[i]);
          expect(obs[i]).toBeLessThanOrEqual(spec.observation.high[i]);
        }
        const r = env.step(randomAction(id, () => rng.uniform()));
        obs = r.terminated || r.truncated ? env.reset(rng) : r.obs;
      }
    });

    it(`${id}: one vectorised env per seed steps exactly like the scalar env, with auto-reset and final observations`, () => {
      const n = 3;
      const vec = envs[id].makeVec(n, createRng(9));
      const k = vec.state.length / n;
      const d = obsSize(spec);
      const m = actionSize(spec);
      const fresh = (e: number) => {
        const c = envs[id].make();
        c.state.set(vec.state.subarray(k * e, k * e + k));
        return c;
      };
      const scalar = [0, 1, 2].map(fresh);
      const rng = createRng(4);
      let ended = 0;
      for (let t = 0; t < 1200; t++) {
        const acts = [0, 1, 2].map(() => randomAction(id, () => rng.uniform()));
        const flat =
          spec.action.kind === 'discrete'
            ? Int32Array.from(acts as number[])
            : Float32Array.from((acts as Float32Array[]).flatMap((a) => [...a]));
        vec.step(flat);
        for (let e = 0; e < n; e++) {
          const a = spec.action.kind === 'discrete' ? acts[e] : flat.subarray(m * e, m * e + m);
          const r = scalar[e].step(a);
          expect(vec.rewards[e]).toBe(Math.fround(r.reward));
          expect(Boolean(vec.terminated[e])).toBe(r.terminated);
          if (vec.terminated[e] || vec.truncated[e]) {
            ended++;
            expect(Array.from(vec.finalObs.subarray(d * e, d * e + d))).toEqual(Array.from(r.obs));
            expect(vec.steps[e]).toBe(0);
            expect(vec.finished.some((f) => f.env === e && f.length === scalar[e].steps)).toBe(true);
            scalar[e] = fresh(e);
          } else {
            expect(Array.from(vec.obs.subarray(d * e, d * e + d))).toEqual(Array.from(r.obs));
            expect(Array.from(vec.state.subarray(k * e, k * e + k))).toEqual(Array.from(scalar[e].state));
          }
        }
      }
      expect(ended).toBeGreaterThan(0);
    });

    it(`${id}: a vectorised env and a scalar env given the same seed reset to the same state`, () => {
      const vec = envs[id].makeVec(1, createRng(77));
      const env = envs[id].make();
      const obs = env.reset(createRng(77));
      expect(Array.from(vec.state)).toEqual(Array.from(env.state));
      expect(Array.from(vec.obs)).toEqual(Array.from(obs));
    });

    it(`${id}: a bad action gets a clear message`, () => {
      const env = envs[id].make();
      env.reset(createRng(1));
      if (spec.action.kind === 'discrete') {
        expect(() => env.step(spec.action.kind === 'discrete' ? spec.action.n : 0)).toThrow(
          /takes an integer action/,
        );
        expect(() => env.step(0.5)).toThrow(new RegExp(`^${id} takes an integer action in 0\\.\\.`));
        expect(() => env.step([0])).toThrow(/integer action/);
      } else {
        expect(() => env.step(0.5)).toThrow(new RegExp(`^${id} takes an array of 1 number`));
        expect(() => env.step([0.5, 0.5])).toThrow(/array of 1 number/);
      }
    });
  }
});
