import { describe, expect, it } from 'vitest';
import { readParams } from './url-params';
import {
  cellOf,
  checkResult,
  configHash,
  parseSweep,
  SWEEP_PARAMS,
  sweepFromSearch,
  sweepQuery,
} from './sweep';
import { presetConfig, validateConfig } from '@/spec';

const params = (over: Record<string, string | number>) => ({
  ...readParams('sw', SWEEP_PARAMS, '').values,
  ...over,
});

describe('sweep definitions', () => {
  it('builds the cartesian product of the varied settings, seeds innermost', () => {
    const { sweep, problems } = parseSweep(
      params({
        preset: 'ppo-cartpole',
        set: 'total:2000,envs:4',
        a: 'clip:0.1,0.3',
        b: 'lr:0.001,0.01',
        seeds: 2,
        seed0: 5,
      }),
    );
    expect(problems).toEqual([]);
    expect(sweep!.configs.map((c) => c.label)).toEqual([
      'clip=0.1, lr=0.001',
      'clip=0.1, lr=0.01',
      'clip=0.3, lr=0.001',
      'clip=0.3, lr=0.01',
    ]);
    expect(sweep!.cells).toBe(8);
    const c = cellOf(sweep!, 5);
    expect(c.config.label).toBe('clip=0.1, lr=0.01'.replace('0.1', '0.3').replace('lr=0.01', 'lr=0.001'));
    expect(c.seed).toBe(6);
    expect(c.train).toMatchObject({
      clipCoef: 0.3,
      learningRate: 0.001,
      totalSteps: 2000,
      numEnvs: 4,
      seed: 6,
    });
    expect(validateConfig(c.train)).toEqual([]);
  });

  it('drops unknown settings and out-of-range values with a notice, like every link setting', () => {
    const { sweep, problems } = parseSweep(params({ a: 'clip:0.1,7,abc,0.1', b: 'bogus:1', set: 'seed:4' }));
    expect(sweep!.axes).toHaveLength(1);
    expect(sweep!.axes[0].values).toEqual([0.1]);
    expect(problems.join('\n')).toMatch(/must be in \[0\.01, 1\]/);
    expect(problems.join('\n')).toMatch(/not a number/);
    expect(problems.join('\n')).toMatch(/“bogus” is not a setting/);
    expect(problems.join('\n')).toMatch(/“seed” is not a setting/);
  });

  it('refuses sweeps over the cell limit or breaking the work limits', () => {
    expect(
      parseSweep(
        params({ a: 'clip:0.1,0.2,0.3,0.4,0.5,0.6', b: 'lr:0.001,0.002,0.003,0.004,0.005', seeds: 20 }),
      ).sweep,
    ).toBeNull();
    const big = parseSweep(params({ a: 'envs:64', b: 'steps:2048', set: 'hidden:256' }));
    expect(big.sweep).toBeNull();
    expect(big.problems.join(' ')).toMatch(/configuration/);
  });

  it('the off value of a field is a valid sweep value (no clipping)', () => {
    const { sweep } = parseSweep(params({ a: 'clip:0.2,inf' }));
    expect(sweep!.configs[1].config).toMatchObject({ clipCoef: Infinity });
    expect(sweep!.configs[1].label).toBe('clip=inf');
  });

  it('the link carries every value and reads back to the same sweep (same hash)', () => {
    const p = params({ set: 'total:2000', a: 'lr:0.001,0.003', seeds: 3 });
    const a = parseSweep(p).sweep!;
    const b = sweepFromSearch(sweepQuery(p, 4)).sweep!;
    expect(b.hash).toBe(a.hash);
    expect(sweepQuery(p, 4)).toContain('sw.cell=4');
    expect(sweepQuery(p)).toContain('sw.seeds=3');
    expect(parseSweep({ ...p, seed0: 2 }).sweep!.hash).not.toBe(a.hash);
  });

  it('config hashes ignore the seed and key order', () => {
    const c = presetConfig('ppo-cartpole');
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as typeof c;
    expect(configHash({ ...c, seed: 99 })).toBe(configHash(reordered));
    expect(configHash({ ...c, clipCoef: 0.3 } as typeof c)).not.toBe(configHash(c));
  });

  it('a sweep link made before PPO gained normReward, logStdInit and noiseHold keeps its hash (its codes stay valid)', () => {
    // Recorded from the first version with class sweeps (commit c21e6a6): the default link, clip 0.1/0.2/0.3 × seeds 1-3.
    expect(parseSweep(params({})).sweep!.hash).toBe(830017606);
    expect(configHash(presetConfig('ppo-cartpole'))).toBe(2622936324);
    // A later setting away from its default is part of the configuration, so it changes the hash.
    const c = presetConfig('ppo-cartpole');
    expect(configHash({ ...c, noiseHold: 8 } as typeof c)).not.toBe(configHash(c));
  });

  it('checkResult refuses results of another sweep, cell, configuration or seed', () => {
    const sweep = parseSweep(params({})).sweep!;
    const cell = cellOf(sweep, 4);
    const r = {
      sweep: sweep.hash,
      config: cell.config.hash,
      cell: 4,
      seed: cell.seed,
      backend: 'cpu' as const,
      stepsToSolve: null,
      finalReturn: 10,
      curve: [1, 2, 3],
    };
    expect(checkResult(sweep, r)).toBeNull();
    expect(checkResult(sweep, { ...r, sweep: r.sweep ^ 1 })).toMatch(/another sweep/);
    expect(checkResult(sweep, { ...r, cell: 99 })).toMatch(/no cell 99/);
    expect(checkResult(sweep, { ...r, cell: 0 })).toMatch(/does not match cell 0|seed/);
    expect(checkResult(sweep, { ...r, seed: 77 })).toMatch(/seed/);
  });
});
