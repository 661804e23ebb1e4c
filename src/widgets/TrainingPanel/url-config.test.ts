import { describe, expect, it } from 'vitest';
import { readParams, writeParams } from '@/lib/url-state';
import { algoSpec, PRESET_NAMES, presetConfig, validateConfig } from '@/spec';
import { paramFields } from '@/widgets/common/param-fields';
import { configFromParams, linkConfig, paramsFromConfig, specsFor } from './url-config';

describe('training settings in the URL, generated from the spec tables', () => {
  it.each(PRESET_NAMES)('%s: an untouched panel writes nothing and reads back its preset', (name) => {
    const cfg = presetConfig(name);
    const specs = specsFor(cfg, 'auto');
    expect(writeParams(name, specs, paramsFromConfig(cfg, 'auto') as never, '')).toBe('');
    const { values } = readParams(name, specs, '');
    expect(configFromParams(cfg, values as never)).toEqual(cfg);
  });

  it.each(PRESET_NAMES)('%s: every URL parameter has exactly the range of its field in the table', (name) => {
    const cfg = presetConfig(name);
    const specs = specsFor(cfg, 'auto');
    for (const f of Object.values(algoSpec(cfg.algo).fields)) {
      if (!f.url) continue;
      const s = specs[f.url];
      if (f.kind === 'num' || f.kind === 'int') expect(s, f.url).toMatchObject({ min: f.min, max: f.max });
      if (f.kind === 'enum' && s.kind === 'enum') expect(s.values).toEqual(f.options.map((o) => o.value));
    }
  });

  it.each(PRESET_NAMES)(
    '%s: the panel’s sliders are generated from the same table (range, scale, label)',
    (name) => {
      const cfg = presetConfig(name);
      const controls = paramFields(specsFor(cfg, 'auto'));
      for (const f of Object.values(algoSpec(cfg.algo).fields)) {
        if (!f.url) continue;
        const c = controls.find((x) => x.name === f.url)!;
        expect(c.label.startsWith(f.label), f.url).toBe(true);
        if (f.kind === 'num' || f.kind === 'int')
          expect(c, f.url).toMatchObject({ control: 'slider', min: f.min, max: f.max, log: !!f.log });
        if (f.kind === 'num' && f.off)
          expect(controls.find((x) => x.name === f.off!.url)?.control).toBe('toggle');
      }
      // gamma = 0.6 from a link is a position the discount slider has (the 0.9-0.999 slider had not).
      const gamma = controls.find((x) => x.name === 'gamma');
      expect(gamma && gamma.control === 'slider' && gamma.min <= 0.6 && gamma.max >= 0.6).toBe(true);
    },
  );

  it('round-trips changed settings, seed and backend through the query string (gamma 0.6 included)', () => {
    const base = presetConfig('ppo-cartpole');
    const specs = specsFor(base, 'auto');
    const changed = {
      ...base,
      seed: 42,
      learningRate: 1e-3,
      numEnvs: 8,
      gamma: 0.6,
      clipCoef: Infinity,
      targetKl: 0.015,
    };
    const search = writeParams('p', specs, paramsFromConfig(changed, 'wasm') as never, '?other.x=1');
    expect(search).toContain('p.seed=42');
    expect(search).toContain('p.noclip=1');
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
    expect((cfg as { numEnvs: number }).numEnvs).toBe(64); // clamped to its range…
    // …but 64 environments that each finish an episode of up to 500 steps exceed REINFORCE's work limit: repaired.
    const link = linkConfig(base, values as never);
    expect(validateConfig(link.config)).toEqual([]);
    expect((link.config as { numEnvs: number }).numEnvs).toBe((base as { numEnvs: number }).numEnvs);
    expect(link.notices[0]).toMatch(/hidden units/);
    expect(cfg.algo === 'reinforce' && cfg.variant).toBe(base.algo === 'reinforce' && base.variant);
    expect(cfg.seed).toBe(0);
  });

  it('repairs links whose values are each in range but too much together, and says so', () => {
    const base = presetConfig('ppo-cartpole');
    const specs = specsFor(base, 'auto');
    const heavy = '?p.envs=64&p.steps=2048&p.hidden=256&p.epochs=100&p.mb=1';
    const { values, notices } = readParams('p', specs, heavy);
    expect(notices).toEqual([]); // each value is inside its own range
    const link = linkConfig(base, values as never);
    expect(validateConfig(link.config)).toEqual([]);
    expect(link.notices.join(' ')).toMatch(/rows of experience/);
    const split = linkConfig(base, readParams('p', specs, '?p.envs=1&p.steps=1&p.mb=2').values as never);
    expect(split.notices[0]).toMatch(/do not split the batch/);
    expect(validateConfig(split.config)).toEqual([]);
  });
});
