import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALGO_IDS,
  PPO_DEFAULTS,
  PRESETS,
  PRESET_NAMES,
  REINFORCE_DEFAULTS,
  algoSpec,
  checkWork,
  migrateConfig,
  presetConfig,
  repairConfig,
  validateConfig,
  validateLive,
  WORK_LIMITS,
  type Fields,
  type TrainConfig,
} from '.';

/**
 * Each table's settings when configs were first hashed into class-sweep result codes (commit c21e6a6). A setting
 * added since must be marked `addedLater` (its default then reproduces the old behaviour and the old hash).
 */
const FIRST_HASHED: Partial<Record<string, string[]>> = {
  ppo: 'env seed numEnvs numSteps totalSteps hidden learningRate annealLr gamma gaeLambda numMinibatches updateEpochs normAdv clipCoef clipVloss entCoef vfCoef maxGradNorm targetKl solveThreshold'.split(
    ' ',
  ),
  reinforce:
    'env seed numEnvs totalSteps hidden learningRate annealLr gamma maxGradNorm solveThreshold variant normalizeReturns batchSteps entCoef valueEpochs'.split(
      ' ',
    ),
  dqn: 'env seed totalSteps learningRate bufferSize gamma tau targetNetworkFrequency batchSize startE endE explorationFraction learningStarts trainFrequency gradientSteps hidden chunkSteps double replay targetNetwork loss solveThreshold'.split(
    ' ',
  ),
  ddpg: 'env seed totalSteps learningRate bufferSize gamma tau batchSize explorationNoise learningStarts trainFrequency gradientSteps hidden chunkSteps clippedDoubleQ policyFrequency targetSmoothing policyNoise noiseClip solveThreshold'.split(
    ' ',
  ),
  td3: 'env seed totalSteps learningRate bufferSize gamma tau batchSize explorationNoise learningStarts trainFrequency gradientSteps hidden chunkSteps clippedDoubleQ policyFrequency targetSmoothing policyNoise noiseClip solveThreshold'.split(
    ' ',
  ),
  sac: 'env seed totalSteps policyLr qLr bufferSize gamma tau batchSize learningStarts trainFrequency gradientSteps hidden chunkSteps policyFrequency targetNetworkFrequency alpha autotune solveThreshold'.split(
    ' ',
  ),
};

describe('settings added after configs were first hashed', () => {
  it('are marked addedLater, so saved sweep codes keep matching (an unmarked new setting fails here)', () => {
    for (const algo of ALGO_IDS) {
      const first = FIRST_HASHED[algo];
      if (!first) continue; // an algorithm added later: every code for it was made with all its settings
      const fields: Fields = algoSpec(algo).fields;
      for (const [k, f] of Object.entries(fields))
        expect(first.includes(k) || f.addedLater === true, `${algo}.${k} added later but not marked`).toBe(
          true,
        );
      for (const k of first) expect(k in fields, `${algo}.${k} was removed`).toBe(true);
    }
  });
});

describe('training configs generated from the spec tables', () => {
  it('every preset is valid, and the defaults are the tables’ (figures unchanged)', () => {
    for (const name of PRESET_NAMES) expect(validateConfig(PRESETS[name]), name).toEqual([]);
    expect(PPO_DEFAULTS).toEqual({
      algo: 'ppo',
      env: 'CartPole-v1',
      seed: 1,
      numEnvs: 16,
      numSteps: 64,
      totalSteps: 300_000,
      hidden: 32,
      learningRate: 3e-3,
      annealLr: true,
      gamma: 0.99,
      gaeLambda: 0.95,
      numMinibatches: 4,
      updateEpochs: 3,
      normReward: false,
      normAdv: true,
      clipCoef: 0.2,
      clipVloss: true,
      entCoef: 0,
      vfCoef: 0.5,
      maxGradNorm: 0.5,
      targetKl: 0,
      logStdInit: 0,
      noiseHold: 1,
      solveThreshold: 475,
    });
    expect(REINFORCE_DEFAULTS).toMatchObject({
      numEnvs: 8,
      hidden: 64,
      learningRate: 5e-3,
      batchSteps: 4000,
    });
  });

  it('the no-clip preset really turns clipping off', () => {
    expect(presetConfig('ppo-cartpole-noclip')).toMatchObject({ clipCoef: Infinity });
    expect(presetConfig('reinforce-cartpole-vanilla')).toMatchObject({
      variant: 'total-return',
      normalizeReturns: false,
    });
    expect(presetConfig('nope')).toEqual(PPO_DEFAULTS);
  });

  it('reports bad fields, unknown keys and unknown algorithms with messages instead of throwing', () => {
    expect(validateConfig(null)).toEqual(['config must be an object']);
    expect(validateConfig({ algo: 'nope' })[0]).toMatch(/algo must be/);
    const errs = validateConfig({ ...PPO_DEFAULTS, numEnvs: 0, gamma: 1.5, learningRate: NaN, extra: 1 });
    for (const f of ['numEnvs', 'gamma', 'learningRate', 'extra'])
      expect(
        errs.some((e) => e.startsWith(f)),
        f,
      ).toBe(true);
    expect(validateConfig({ ...REINFORCE_DEFAULTS, variant: 'x' })[0]).toMatch(/^variant/);
    expect(validateConfig({ ...PPO_DEFAULTS, env: 'Pong' })[0]).toMatch(/^env/);
    // Infinity is "off" only where the table says so.
    expect(validateConfig({ ...PPO_DEFAULTS, clipCoef: Infinity })).toEqual([]);
    expect(validateConfig({ ...PPO_DEFAULTS, vfCoef: Infinity })[0]).toMatch(/^vfCoef/);
  });

  it('checks the rules across fields: minibatches split the batch (envs=1&steps=1&mb=2)', () => {
    expect(validateConfig({ ...PPO_DEFAULTS, numEnvs: 1, numSteps: 1, numMinibatches: 2 })[0]).toMatch(
      /minibatches do not split the batch/,
    );
    expect(validateConfig({ ...PPO_DEFAULTS, numEnvs: 3, numSteps: 10, numMinibatches: 4 })).toHaveLength(1);
    expect(validateConfig({ ...PPO_DEFAULTS, numEnvs: 3, numSteps: 10, numMinibatches: 5 })).toEqual([]);
  });

  it('bounds the work of an update (the issue’s 1.9 GB PPO link and 2.2 GB REINFORCE link)', () => {
    const ppo = {
      ...PPO_DEFAULTS,
      numEnvs: 64,
      numSteps: 2048,
      hidden: 256,
      updateEpochs: 100,
      numMinibatches: 1,
    };
    const e1 = validateConfig(ppo).join('\n');
    expect(e1).toMatch(/rows of experience/);
    expect(e1).toMatch(/hidden units/);
    expect(e1).toMatch(/FLOP/);
    const rf = { ...REINFORCE_DEFAULTS, batchSteps: 100_000, numEnvs: 64, hidden: 256 };
    expect(validateConfig(rf).join('\n')).toMatch(/rows of experience/);
    // Each limit alone: a big batch with a tiny network is fine, as is a big network with small minibatches.
    expect(validateConfig({ ...PPO_DEFAULTS, numEnvs: 64, numSteps: 1024, numMinibatches: 32 })).toEqual([]);
    expect(validateConfig({ ...PPO_DEFAULTS, hidden: 256 })).toEqual([]);
    expect(checkWork({ batchRows: 1, stepRows: WORK_LIMITS.activation, hidden: 2, flops: 0 })).toHaveLength(
      1,
    );
  });

  it('repairs any link whose fields are each valid into a valid config, with a notice per broken rule', () => {
    for (const algo of ALGO_IDS) {
      const spec = algoSpec(algo);
      const base = presetConfig(PRESET_NAMES.find((n) => presetConfig(n).algo === algo) ?? 'ppo-cartpole');
      // Random values inside every field's own range (what a clamped link can hold).
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, f] of Object.entries(spec.fields)) {
        if (f.kind === 'int') arbs[k] = fc.integer({ min: f.min, max: f.max });
        else if (f.kind === 'num') arbs[k] = fc.double({ min: f.min, max: f.max, noNaN: true });
        else if (f.kind === 'bool') arbs[k] = fc.boolean();
        else arbs[k] = fc.constantFrom(...f.options.map((o) => o.value));
      }
      fc.assert(
        fc.property(fc.record(arbs), (vals) => {
          const cfg = { ...vals, algo } as TrainConfig;
          const { config, notices } = repairConfig(cfg, base);
          expect(validateConfig(config)).toEqual([]);
          expect(notices.length > 0).toBe(validateConfig(cfg).length > 0);
        }),
        { numRuns: 300 },
      );
    }
    const { notices } = repairConfig(
      { ...PPO_DEFAULTS, numEnvs: 1, numSteps: 1, numMinibatches: 2 },
      PPO_DEFAULTS,
    );
    expect(notices[0]).toMatch(/using the preset's numEnvs, numSteps, numMinibatches/);
  });

  it('validates live settings against the algorithm’s table', () => {
    expect(validateLive('ppo', { learningRate: 1e-3, clipCoef: Infinity, entCoef: 0 })).toEqual([]);
    expect(validateLive('ppo', { learningRate: -1 })).toHaveLength(1);
    expect(validateLive('ppo', { clipCoef: 0 })).toHaveLength(1);
    expect(validateLive('ppo', { numEnvs: 3 })[0]).toMatch(/cannot change during a run/);
    expect(validateLive('reinforce', { clipCoef: 0.2 })[0]).toMatch(/cannot change/);
  });

  it('migrates configs saved by version 1 (no env; solveThreshold 0 meant never)', () => {
    const { env: _env, ...v1 } = PPO_DEFAULTS;
    expect(migrateConfig(v1)).toEqual(PPO_DEFAULTS);
    expect(migrateConfig({ ...v1, solveThreshold: 0 })).toMatchObject({ solveThreshold: Infinity });
    expect(migrateConfig({ ...v1, numEnvs: -1 })).toBeNull();
    // a PPO config saved before reward scaling existed keeps working, without it
    const { normReward, ...before } = PPO_DEFAULTS;
    expect(normReward).toBe(false);
    expect(migrateConfig(before)).toEqual(PPO_DEFAULTS);
    expect(migrateConfig('x')).toBeNull();
  });
});
