import { describe, expect, it } from 'vitest';
import { makeCartPole, makeRng, rlVec } from './rl-bridge';
import { ENV_SPECS } from '@/spec';
import { allocStep, RlVecEnv, SyncVecEnv } from './vec-env';
import { makeVecEnv } from './envs';

describe('RlVecEnv (src/rl VecCartPole behind the engine interface)', () => {
  it('steps exactly like single CartPoles vectorised by SyncVecEnv, episode ends and truncations included', () => {
    const n = 5;
    const a = new RlVecEnv(rlVec('CartPole-v1'), ENV_SPECS['CartPole-v1'], n, makeRng(11));
    const b = new SyncVecEnv(makeCartPole, n, 4, 2, makeRng(11));
    const oa = new Float32Array(4 * n);
    const ob = new Float32Array(4 * n);
    a.reset(oa);
    b.reset(ob);
    expect(Array.from(oa)).toEqual(Array.from(ob));
    const sa = allocStep(a);
    const sb = allocStep(b);
    // A policy that balances for a while (so some episodes reach the 500-step truncation) with random moves.
    const actRng = makeRng(3);
    const acts = new Int32Array(n);
    let ends = 0;
    let truncations = 0;
    for (let t = 0; t < 6000; t++) {
      for (let e = 0; e < n; e++)
        acts[e] =
          actRng.uniform() < 0.1
            ? actRng.uniform() < 0.5
              ? 0
              : 1
            : oa[4 * e + 2] + oa[4 * e + 3] > 0
              ? 1
              : 0;
      a.step(acts, sa);
      b.step(acts, sb);
      for (const k of ['obs', 'rewards', 'terminated', 'truncated', 'episodeLength'] as const)
        expect(Array.from(sa[k])).toEqual(Array.from(sb[k]));
      expect(Array.from(sa.episodeReturn)).toEqual(Array.from(sb.episodeReturn));
      for (let e = 0; e < n; e++) {
        if (sa.terminated[e] || sa.truncated[e]) {
          ends++;
          truncations += sa.truncated[e];
          expect(Array.from(sa.finalObs.subarray(4 * e, 4 * e + 4))).toEqual(
            Array.from(sb.finalObs.subarray(4 * e, 4 * e + 4)),
          );
        }
      }
      oa.set(sa.obs);
    }
    expect(ends).toBeGreaterThan(10);
    expect(truncations).toBeGreaterThan(0);
  });
});

describe('the engine’s environment registry', () => {
  it('sizes every discrete environment from its spec', () => {
    for (const id of ['CartPole-v1', 'Acrobot-v1', 'MountainCar-v0'] as const) {
      const env = makeVecEnv(id, 2, makeRng(1));
      const spec = ENV_SPECS[id];
      expect(env.obsSize).toBe(spec.observation.low.length);
      expect(spec.action.kind === 'discrete' && env.numActions).toBe(
        spec.action.kind === 'discrete' && spec.action.n,
      );
      const obs = new Float32Array(2 * env.obsSize);
      env.reset(obs);
      const out = allocStep(env);
      env.step(new Int32Array(2), out);
      expect(out.obs.every(Number.isFinite)).toBe(true);
    }
  });

  it('takes box actions: one value per dimension and env, clipped by the env', () => {
    const env = makeVecEnv('Pendulum-v1', 2, makeRng(1));
    expect(env.actionKind).toBe('box');
    expect(env.numActions).toBe(1);
    const obs = new Float32Array(2 * env.obsSize);
    env.reset(obs);
    const out = allocStep(env);
    // Pendulum's cost has 0.001 u² with u clipped to ±2: the same state with u = 2 and u = 50 costs the same
    const twin = makeVecEnv('Pendulum-v1', 2, makeRng(1));
    twin.reset(new Float32Array(2 * env.obsSize));
    const outTwin = allocStep(twin);
    env.step(Float32Array.of(2, -0.5), out);
    twin.step(Float32Array.of(50, -0.5), outTwin);
    expect(Array.from(outTwin.rewards)).toEqual(Array.from(out.rewards));
    expect(Array.from(outTwin.obs)).toEqual(Array.from(out.obs));
  });
});
