/**
 * Instances from the reader's seed, and the TeX of their numbers. Each exercise draws from its own stream
 * (the seed mixed with a hash of the exercise id), so adding an exercise never changes another one's instance.
 * Numbers are drawn on coarse grids (tenths, small integers) so that a reader can compute by hand.
 */
import { createRng, type Rng } from '@/rl';

/** FNV-1a of the id, mixed with the seed: the exercise's stream. */
export function instanceRng(id: string, seed: number): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return createRng((h ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
}

/** One of the given values, uniformly. */
export const pick = <T>(rng: Rng, values: readonly T[]): T => values[rng.int(values.length)];

/** An integer in [lo, hi]. */
export const intIn = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);

/**
 * A distribution over n outcomes in multiples of 1/units, each at least min/units: e.g. tenths for units = 10.
 * Exact decimal fractions, so the reader sees the numbers the answer is computed from.
 */
export function gridDistribution(rng: Rng, n: number, units = 10, min = 1): number[] {
  const counts = new Array<number>(n).fill(min);
  for (let left = units - n * min; left > 0; left--) counts[rng.int(n)]++;
  return counts.map((c) => c / units);
}

/**
 * Two policies that differ: `rows` rows of the first (distributions over `n` outcomes on the grid of `units`ths,
 * each entry at least `min`), then `rows` rows of the second (at least `minNew`, default `min`), drawn in that
 * order. A row of the second equal to the first's is replaced by the first of `fallbacks` (functions of the first's
 * row), then the next while still equal. One row gives two distributions.
 */
export function distinctRows(
  rng: Rng,
  rows: number,
  n: number,
  opts: { units?: number; min?: number; minNew?: number; fallbacks: ((row: number[]) => number[])[] },
): { pi: number[][]; piNew: number[][] } {
  const { units = 10, min = 1, minNew = min, fallbacks } = opts;
  const pi = Array.from({ length: rows }, () => gridDistribution(rng, n, units, min));
  const piNew = Array.from({ length: rows }, () => gridDistribution(rng, n, units, minNew));
  for (let s = 0; s < rows; s++)
    for (const f of fallbacks) if (piNew[s].every((x, a) => x === pi[s][a])) piNew[s] = f(pi[s]);
  return { pi, piNew };
}

/** Fallbacks for `distinctRows`: the row reversed, rotated left by one. */
export const reversed = (row: number[]) => [...row].reverse();
export const rotated = (row: number[]) => [...row.slice(1), row[0]];

/** A number as TeX: up to `digits` decimals, trailing zeros dropped, a real minus sign. */
export function tex(x: number, digits = 3): string {
  const s = Number(x.toFixed(digits)).toString();
  return s.startsWith('-') ? `-${s.slice(1)}` : s;
}

export const texRow = (row: readonly number[], digits = 3) => row.map((x) => tex(x, digits)).join(' & ');

/** A matrix as a TeX pmatrix. */
export const texMatrix = (rows: readonly (readonly number[])[], digits = 3) =>
  `\\begin{pmatrix} ${rows.map((r) => texRow(r, digits)).join(' \\\\ ')} \\end{pmatrix}`;

/** A list as TeX: (a, b, c). */
export const texTuple = (xs: readonly number[], digits = 3) =>
  `(${xs.map((x) => tex(x, digits)).join(',\\ ')})`;
