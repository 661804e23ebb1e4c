import { describe, expect, it } from 'vitest';
import { createRng, envs } from '@/rl';
import { episodeSeed, summarise, type EpisodeRow } from './episodes';
import { humanAction, initialInput, pointerValue } from './human-input';

describe('play widget logic', () => {
  it('summarises each player separately', () => {
    const rows: EpisodeRow[] = [
      { who: 'you', episode: 1, return: 20, length: 20 },
      { who: 'agent', episode: 1, return: 500, length: 500 },
      { who: 'you', episode: 2, return: 60, length: 60 },
    ];
    expect(summarise(rows, 'you')).toEqual({ episodes: 2, last: 60, best: 60, mean: 40 });
    expect(summarise(rows, 'agent')).toEqual({ episodes: 1, last: 500, best: 500, mean: 500 });
    expect(summarise([], 'you').episodes).toBe(0);
  });

  it('gives both players the same k-th start state, and different ones for different k', () => {
    const env = envs['Acrobot-v1'].make();
    const a = Array.from(env.reset(createRng(episodeSeed(3, 0))));
    const b = Array.from(env.reset(createRng(episodeSeed(3, 0))));
    const c = Array.from(env.reset(createRng(episodeSeed(3, 1))));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('maps held keys to actions as Gymnasium does (MountainCar: nothing = 1), CartPole keeps the last push', () => {
    const i = initialInput();
    expect(humanAction('MountainCar-v0', i)).toBe(1);
    expect(humanAction('MountainCar-v0', { ...i, held: 'left' })).toBe(0);
    expect(humanAction('Acrobot-v1', { ...i, held: 'right' })).toBe(2);
    expect(humanAction('CartPole-v1', { ...i, held: null, last: 'right' })).toBe(1);
    expect(humanAction('CartPole-v1', { ...i, held: 'left', last: 'right' })).toBe(0);
    expect(humanAction('Pendulum-v1', { ...i, value: 0.5 })).toEqual([0.5]);
    expect(humanAction('Pendulum-v1', { ...i, held: 'left', value: 0.5 })).toEqual([-2]);
    expect(humanAction('MountainCarContinuous-v0', { ...i, value: 7 })).toEqual([1]);
    expect(pointerValue('Pendulum-v1', 1)).toBe(2);
    expect(pointerValue('Pendulum-v1', 0.5)).toBe(0);
    expect(pointerValue('Pendulum-v1', 0)).toBe(-2);
  });
});
