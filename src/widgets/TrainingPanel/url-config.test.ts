import { describe, expect, it } from 'vitest';
import { readParams, writeParams } from '@/lib/url-state';
import { PRESET_NAMES, presetConfig } from '@/worker/trainer-client';
import { configFromParams, paramsFromConfig, specsFor } from './url-config';

describe('training settings in the URL', () => {
  it.each(PRESET_NAMES)('%s: an untouched panel writes nothing and reads back its preset', (name) => {
    const cfg = presetConfig(name);
    const specs = specsFor(cfg, 'auto');
    expect(writeParams(name, specs, paramsFromConfig(cfg, 'auto') as never, '')).toBe('');
    const { values } = readParams(name, specs, '');
    expect(configFromParams(cfg, values as never)).toEqual(cfg);
  });

  it('round-trips changed settings, seed and backend through the query string', () => {
    const base = presetConfig('ppo-cartpole');
    const specs = specsFor(base, 'auto');
    const changed = {
      ...base,
      seed: 42,
      learningRate: 1e-3,
      numEnvs: 8,
      clipCoef: Infinity,
      targetKl: 0.015,
    };
    const search = writeParams('p', specs, paramsFromConfig(changed, 'wasm') as never, '?other.x=1');
    expect(search).toContain('p.seed=42');
    expect(search).toContain('other.x=1');
    const { values, notices } = readParams('p', specs, search);
    expect(notices).toEqual([]);
    expect(values.backend).toBe('wasm');
    expect(configFromParams(base, values as never)).toEqual(changed);
  });

  it('clamps bad values from a link instead of passing them to the trainer', () => {
    const base = presetConfig('reinforce-cartpole');
    const specs = specsFor(base, 'auto');
    const { values, notices } = readParams('r', specs, '?r.envs=100000&r.variant=nope&r.seed=-3');
    expect(notices.length).toBeGreaterThan(0);
    const cfg = configFromParams(base, values as never);
    expect(cfg.numEnvs).toBeLessThanOrEqual(64);
    expect(cfg.algo === 'reinforce' && cfg.variant).toBe(base.algo === 'reinforce' && base.variant);
    expect(cfg.seed).toBeGreaterThanOrEqual(0);
  });
});
