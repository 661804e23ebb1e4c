import { describe, expect, it } from 'vitest';
import {
  PPO_DEFAULTS,
  PRESETS,
  PRESET_NAMES,
  presetConfig,
  REINFORCE_DEFAULTS,
  validateConfig,
  validateLive,
} from './config';

describe('configs', () => {
  it('every preset is valid', () => {
    for (const name of PRESET_NAMES) expect(validateConfig(PRESETS[name]), name).toEqual([]);
  });

  it('the no-clip preset really turns clipping off', () => {
    expect(presetConfig('ppo-cartpole-noclip')).toMatchObject({ clipCoef: Infinity });
    expect(presetConfig('reinforce-cartpole-vanilla')).toMatchObject({
      variant: 'total-return',
      normalizeReturns: false,
    });
  });

  it('unknown presets fall back to ppo-cartpole', () => {
    expect(presetConfig('nope')).toEqual(PPO_DEFAULTS);
  });

  it('reports bad fields with messages instead of throwing', () => {
    expect(validateConfig(null)).toEqual(['config must be an object']);
    expect(validateConfig({ algo: 'dqn' })[0]).toMatch(/algo must be/);
    const errs = validateConfig({
      ...PPO_DEFAULTS,
      numEnvs: 0,
      gamma: 1.5,
      learningRate: NaN,
      numMinibatches: 100_000,
    });
    expect(errs.some((e) => e.startsWith('numEnvs'))).toBe(true);
    expect(errs.some((e) => e.startsWith('gamma'))).toBe(true);
    expect(errs.some((e) => e.startsWith('learningRate'))).toBe(true);
    expect(errs.some((e) => e.startsWith('numMinibatches'))).toBe(true);
    expect(validateConfig({ ...REINFORCE_DEFAULTS, variant: 'x' })[0]).toMatch(/^variant/);
  });

  it('validates live hyperparameters', () => {
    expect(validateLive({ learningRate: 1e-3, clipCoef: Infinity, entCoef: 0 })).toEqual([]);
    expect(validateLive({ learningRate: -1 })).toHaveLength(1);
    expect(validateLive({ clipCoef: 0 })).toHaveLength(1);
  });
});
