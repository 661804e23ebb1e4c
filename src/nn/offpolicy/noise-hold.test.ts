/**
 * `noiseHold` of the box learners (TD3/DDPG/SAC): the acting draws are held for k steps and redrawn after (and at
 * `learningStarts`), seeded, and hold 1 acts exactly as before the option existed.
 */
import { describe, expect, it } from 'vitest';
import { DDPG_DEFAULTS, SAC_DEFAULTS, TD3_DEFAULTS } from './config';
import { makeOffPolicyEnv, type OffPolicyEnv } from './env';
import { SacTrainer } from './sac';
import { Td3Trainer } from './td3';

/** An env whose observation never changes (so an untrained actor's μ(s) is constant); it records every action. */
function constantEnv(): [OffPolicyEnv, number[][]] {
  const acts: number[][] = [];
  let t = 0;
  const env: OffPolicyEnv = {
    obsSize: 3,
    action: { kind: 'box', low: [-2, -1], high: [2, 1] },
    reset: () => [0.1, -0.2, 0.3],
    step: (a) => {
      acts.push(Array.from(a));
      t += 1;
      return { obs: [0.1, -0.2, 0.3], reward: 0, terminated: false, truncated: t % 25 === 0 };
    },
  };
  return [env, acts];
}

/** Pendulum-v1 with every action recorded. */
function recordingPendulum(): [OffPolicyEnv, number[]] {
  const inner = makeOffPolicyEnv('Pendulum-v1');
  const acts: number[] = [];
  return [
    {
      ...inner,
      step: (a) => {
        acts.push(a[0]);
        return inner.step(a);
      },
    },
    acts,
  ];
}

/** FNV-1a over the float32 bits of the actions. */
function hashActions(acts: number[]): number {
  let h = 2166136261;
  for (const b of new Uint32Array(Float32Array.from(acts).buffer)) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

// no training during the 40 steps looked at (t % trainFrequency = 0 only at t = 0), so μ(s) stays the initial one
const quiet = { hidden: 8, batchSize: 4, learningStarts: 10, trainFrequency: 1000, chunkSteps: 40, seed: 5 };
type Make = (hold: number, env: OffPolicyEnv, seed?: number) => Td3Trainer | SacTrainer;
const makers: Array<[string, Make]> = [
  ['TD3', (noiseHold, env, seed = 5) => new Td3Trainer({ ...TD3_DEFAULTS, ...quiet, noiseHold, seed }, env)],
  [
    'DDPG',
    (noiseHold, env, seed = 5) => new Td3Trainer({ ...DDPG_DEFAULTS, ...quiet, noiseHold, seed }, env),
  ],
  ['SAC', (noiseHold, env, seed = 5) => new SacTrainer({ ...SAC_DEFAULTS, ...quiet, noiseHold, seed }, env)],
];

describe.each(makers)('%s noiseHold', (_name, make) => {
  it('holds the acting draws for k steps, redraws every k steps and at learningStarts', async () => {
    const [env, acts] = constantEnv();
    await make(4, env).update();
    expect(acts).toHaveLength(40);
    // redraws at 0, 4, 8, then at learningStarts (10), then every 4 steps from there
    const redraws = new Set([0, 4, 8, 10, 14, 18, 22, 26, 30, 34, 38]);
    for (let t = 1; t < 40; t++) {
      const same = acts[t].every((v, k) => v === acts[t - 1][k]);
      expect(same, `step ${t}`).toBe(!redraws.has(t));
    }
    // a fresh draw every step with hold 1
    const [env1, acts1] = constantEnv();
    await make(1, env1).update();
    for (let t = 1; t < 40; t++) expect(acts1[t][0]).not.toBe(acts1[t - 1][0]);
  });

  it('is seeded: same seed, same actions; another seed, others', async () => {
    const run = async (seed: number) => {
      const [env, acts] = constantEnv();
      await make(8, env, seed).update();
      return acts;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });
});

describe('noiseHold 1', () => {
  // Recorded on Pendulum-v1 (seed 7, 200 steps, learning from step 33) with the code before `noiseHold` existed.
  const small = { hidden: 8, batchSize: 16, learningStarts: 32, chunkSteps: 100, totalSteps: 5000, seed: 7 };
  const before: Array<[string, (env: OffPolicyEnv) => Td3Trainer | SacTrainer, number]> = [
    ['TD3', (env) => new Td3Trainer({ ...TD3_DEFAULTS, ...small, noiseHold: 1 }, env), 4093762949],
    ['DDPG', (env) => new Td3Trainer({ ...DDPG_DEFAULTS, ...small, noiseHold: 1 }, env), 2435264992],
    ['SAC', (env) => new SacTrainer({ ...SAC_DEFAULTS, ...small, noiseHold: 1 }, env), 1974303694],
  ];
  it.each(before)('%s acts bit for bit as before the option existed', async (_name, make, hash) => {
    expect(TD3_DEFAULTS.noiseHold).toBe(1);
    expect(SAC_DEFAULTS.noiseHold).toBe(1);
    const [env, acts] = recordingPendulum();
    const tr = make(env);
    await tr.update();
    await tr.update();
    expect(acts).toHaveLength(200);
    expect(hashActions(acts)).toBe(hash);
  });
});
