import * as tf from '../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingError } from '../trainer';
import {
  DDPG_DEFAULTS,
  SAC_DEFAULTS,
  TD3_DEFAULTS,
  type DdpgConfig,
  type SacConfig,
  type Td3Config,
} from './config';
import { makeOffPolicyEnv, type OffPolicyEnv } from './env';
import type { OffPolicyMetrics } from './metrics';
import { SacTrainer } from './sac';
import { Td3Trainer } from './td3';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small = { hidden: 8, batchSize: 16, learningStarts: 32, chunkSteps: 100, totalSteps: 5000 };
const td3: Td3Config = { ...TD3_DEFAULTS, ...small };
const ddpg: DdpgConfig = { ...DDPG_DEFAULTS, ...small };
const sac: SacConfig = { ...SAC_DEFAULTS, ...small };
const pendulum = () => makeOffPolicyEnv('Pendulum-v1');
const strip = (m: OffPolicyMetrics) => ({ ...m, rolloutMs: 0, sampleMs: 0, learnMs: 0, updatesPerSec: 0 });

type Make = (seed: number, env?: OffPolicyEnv) => Td3Trainer | SacTrainer;
const makers: Array<[string, Make]> = [
  ['TD3', (seed, env) => new Td3Trainer({ ...td3, seed }, env ?? pendulum())],
  ['DDPG', (seed, env) => new Td3Trainer({ ...ddpg, seed }, env ?? pendulum())],
  ['SAC', (seed, env) => new SacTrainer({ ...sac, seed }, env ?? pendulum())],
];

describe.each(makers)('%s trainer', (_name, make) => {
  it('leaks no tensors over 1,000 gradient steps', async () => {
    const tr = make(1);
    // Two calls first: each network keeps its split weights until it changes, so compare at the same phase of the
    // delayed actor update (every call after the first ends on an even gradient step).
    await tr.update();
    await tr.update();
    const n = tf.memory().numTensors;
    while (tr.gradientStepsDone < 1000) await tr.update();
    expect(tf.memory().numTensors).toBe(n);
    tr.dispose();
  }, 300_000);

  it('same seed on cpu gives identical metrics; another seed does not', async () => {
    const run = async (seed: number) => {
      const tr = make(seed);
      const ms = [];
      for (let k = 0; k < 2; k++) ms.push(strip(await tr.update()));
      tr.dispose();
      return ms;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it('reports finite losses and the readout once learning has started; stays in the box', async () => {
    const tr = make(2);
    const lengths: number[] = [];
    let m = await tr.update();
    for (let k = 0; k < 2; k++) {
      lengths.push(...m.episodeLengths);
      m = await tr.update();
    }
    expect(m.steps).toBe(300);
    expect(m.gradientSteps).toBe(300 - 33); // t = 33 … 299 (t > learningStarts)
    for (const k of ['qLoss', 'tdError', 'qMean', 'actorLoss', 'qEpisodes', 'mcReturn'] as const)
      expect(Number.isFinite(m[k]), k).toBe(true);
    expect(lengths).toEqual([200]); // Pendulum-v1: truncated at 200
    tr.dispose();
  });

  it('stops with an explanation when a loss becomes NaN', async () => {
    const env = pendulum();
    const poisoned: OffPolicyEnv = { ...env, step: (a) => ({ ...env.step(a), reward: NaN }) };
    await expect(make(1, poisoned).update()).rejects.toBeInstanceOf(TrainingError);
  });
});

describe('TD3 switches and SAC temperature', () => {
  it('delays the actor: policyFrequency k gives one actor update per k critic updates (SAC: k of them)', async () => {
    const counts = async (tr: Td3Trainer | SacTrainer) => {
      await tr.update(); // fills the buffer; its statistics are read and cleared at the end of the call
      const t = tr as unknown as { train(): boolean; critCount: number; actorCount: number };
      for (let k = 0; k < 12; k++) t.train();
      const out = [t.critCount, t.actorCount];
      tr.dispose();
      return out;
    };
    expect(await counts(new Td3Trainer({ ...td3, policyFrequency: 1 }, pendulum()))).toEqual([12, 12]);
    expect(await counts(new Td3Trainer({ ...td3, policyFrequency: 3 }, pendulum()))).toEqual([12, 4]);
    // CleanRL's SAC compensates: every 2nd step, 2 actor updates
    expect(await counts(new SacTrainer({ ...sac, policyFrequency: 2 }, pendulum()))).toEqual([12, 12]);
    expect(await counts(new SacTrainer({ ...sac, policyFrequency: 3 }, pendulum()))).toEqual([12, 12]);
  });

  it('SAC autotune moves α from 1 toward the target entropy; a fixed α stays put', async () => {
    const tuned = new SacTrainer({ ...sac, learningStarts: 10 }, pendulum());
    let m = await tuned.update();
    for (let k = 0; k < 3; k++) m = await tuned.update();
    expect(m.alpha).not.toBe(1);
    expect(m.alpha).toBeGreaterThan(0);
    tuned.dispose();
    const fixed = new SacTrainer({ ...sac, autotune: false, alpha: 0.2 }, pendulum());
    const f = await fixed.update();
    expect(f.alpha).toBeCloseTo(0.2, 6);
    fixed.setLive({ alpha: 0.05 });
    expect((await fixed.update()).alpha).toBeCloseTo(0.05, 6);
    fixed.dispose();
  });

  it('refuses a discrete environment', () => {
    expect(() => new Td3Trainer(td3, makeOffPolicyEnv('CartPole-v1'))).toThrow(/box/);
  });
});

describe('the shadow critic', () => {
  const noShadow = (m: OffPolicyMetrics) => ({ ...strip(m), qShadow: 0 });
  const run = async (make: () => Td3Trainer, calls = 3) => {
    const tr = make();
    const ms: OffPolicyMetrics[] = [];
    for (let k = 0; k < calls; k++) ms.push(await tr.update());
    tr.dispose();
    return ms;
  };
  it.each([
    ['DDPG (shadow: twin, min target)', ddpg],
    ['TD3 (shadow: one critic)', td3],
  ])(
    '%s never acts: the run is the same with it, and it reads lower Q than the single critic',
    async (_n, cfg) => {
      const off = await run(() => new Td3Trainer({ ...cfg, seed: 9 }, pendulum()));
      const on = await run(() => new Td3Trainer({ ...cfg, seed: 9, shadow: true }, pendulum()));
      expect(on.map(noShadow)).toEqual(off.map(noShadow));
      expect(off.every((m) => Number.isNaN(m.qShadow))).toBe(true);
      const last = on[on.length - 1];
      expect(Number.isFinite(last.qShadow)).toBe(true);
      // the min over two critics' targets pulls the twin's Q below the single critic's on the same steps
      if (cfg.clippedDoubleQ) expect(last.qEpisodes).toBeLessThan(last.qShadow);
      else expect(last.qShadow).toBeLessThan(last.qEpisodes);
    },
    120_000,
  );
});
