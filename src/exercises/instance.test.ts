/**
 * `distinctRows` replaced four hand-written "two distributions that differ" builders (chapters 3, 5 and 8). A
 * reader's instance comes from their seed, and a classroom's result codes name instances by seed, so every instance
 * must stay as it was: each exercise is checked against its old builder on 3000 seeds.
 */
import { describe, expect, it } from 'vitest';
import type { Rng } from '@/rl';
import { importanceEx } from './ch03';
import { klEx, tvMaxEx } from './ch05';
import { independentEx, maximalEntryEx, tvEx } from './ch08';
import { distinctRows, gridDistribution, instanceRng, pick, reversed, rotated } from './instance';
import { instanceOf } from './registry';

const same = (a: number[], b: number[]) => a.every((x, i) => x === b[i]);
const SEEDS = Array.from({ length: 3000 }, (_, i) => i);

/** The builders as they were written before `distinctRows`. */
const old = {
  tvMax(rng: Rng) {
    const pi = Array.from({ length: 3 }, () => gridDistribution(rng, 3, 100, 5));
    const piNew = Array.from({ length: 3 }, () => gridDistribution(rng, 3, 100, 5));
    for (let s = 0; s < 3; s++) if (same(piNew[s], pi[s])) piNew[s] = [...pi[s]].reverse();
    return { pi, piNew };
  },
  kl(rng: Rng) {
    const p = gridDistribution(rng, 3);
    let q = gridDistribution(rng, 3);
    if (same(q, p)) q = [...p].reverse();
    if (same(q, p)) q = [p[1], p[2], p[0]];
    return { p, q };
  },
  pq(rng: Rng) {
    const p = gridDistribution(rng, 4, 100, 5);
    let q = gridDistribution(rng, 4, 100, 5);
    if (same(q, p)) q = [p[1], p[0], p[3], p[2]];
    if (same(q, p)) q = [0.4, 0.2, 0.2, 0.2];
    const over = p.map((_, k) => k).filter((k) => p[k] > q[k]);
    const under = p.map((_, k) => k).filter((k) => q[k] > p[k]);
    return { p, q, i: over[rng.int(over.length)], j: under[rng.int(under.length)] };
  },
  importance(rng: Rng) {
    const pi = gridDistribution(rng, 3, 10, 2);
    let piNew = gridDistribution(rng, 3, 10, 1);
    if (same(piNew, pi)) piNew = [pi[1], pi[0], pi[2]];
    const actions = [0, 1, 2, 3].map(() => rng.categorical(pi));
    const adv = [0, 1, 2, 3].map(() => pick(rng, [-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2]));
    if (new Set(actions).size === 1) actions[3] = (actions[0] + 1) % 3;
    return { pi, piNew, actions, adv };
  },
};

describe('the exercises on distinctRows draw the instances they drew before', () => {
  it.each(
    (
      [
        [tvMaxEx, old.tvMax],
        [klEx, old.kl],
        [tvEx, old.pq],
        [independentEx, old.pq],
        [maximalEntryEx, old.pq],
        [importanceEx, old.importance],
      ] as const
    ).map(([def, before]) => [def.id, def, before] as const),
  )('%s', (_id, def, before) => {
    for (const seed of SEEDS)
      expect(instanceOf(def as never, seed)).toEqual(before(instanceRng(def.id, seed)));
  });
});

describe('distinctRows', () => {
  /** An rng whose draws are all 0, so both policies come out equal and the fallbacks must act. */
  const zeros = { int: () => 0 } as unknown as Rng;

  it('draws every row of the first, then every row of the second, on the requested grids', () => {
    const { pi, piNew } = distinctRows(instanceRng('x', 1), 4, 3, {
      units: 100,
      min: 5,
      minNew: 10,
      fallbacks: [],
    });
    expect(pi).toHaveLength(4);
    for (const row of pi) expect(Math.min(...row)).toBeGreaterThanOrEqual(0.05);
    for (const row of piNew) expect(Math.min(...row)).toBeGreaterThanOrEqual(0.1);
    const rng = instanceRng('x', 1);
    const first = Array.from({ length: 4 }, () => gridDistribution(rng, 3, 100, 5));
    expect(pi).toEqual(first);
  });

  it('replaces an equal row by the fallbacks, in order, only while it is still equal', () => {
    expect(distinctRows(zeros, 2, 3, { fallbacks: [reversed] })).toEqual({
      pi: [
        [0.8, 0.1, 0.1],
        [0.8, 0.1, 0.1],
      ],
      piNew: [
        [0.1, 0.1, 0.8],
        [0.1, 0.1, 0.8],
      ],
    });
    const calls: number[][] = [];
    const second = (row: number[]) => (calls.push(row), [0.2, 0.3, 0.5]);
    expect(distinctRows(zeros, 1, 3, { fallbacks: [reversed, second] }).piNew).toEqual([[0.1, 0.1, 0.8]]);
    expect(calls).toEqual([]);
    // a palindrome survives reversal, so the second fallback acts
    const palindrome = { int: (n: number) => (n === 3 ? 1 : 0) } as unknown as Rng;
    expect(distinctRows(palindrome, 1, 3, { fallbacks: [reversed, rotated] })).toEqual({
      pi: [[0.1, 0.8, 0.1]],
      piNew: [[0.8, 0.1, 0.1]],
    });
  });
});
