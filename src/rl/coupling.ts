/** Couplings of two distributions: the maximal coupling, the independent one, samplers, and TV three ways. */
import type { Rng } from './rng';
import { RLInputError, validateDistribution } from './validate';

export interface Coupling {
  /** joint[i][j] = P(X = i, Y = j); row sums are p, column sums q. */
  joint: number[][];
  /** P(X != Y) under this coupling. */
  disagreement: number;
  /** D_TV(p, q) of the marginals (half the L1 distance); equals `disagreement` for the maximal coupling only. */
  tv: number;
}

const tvOf = (p: number[], q: number[]) => p.reduce((acc, x, i) => acc + Math.abs(x - q[i]), 0) / 2;

function check(p: number[], q: number[]) {
  validateDistribution(p, 'p');
  validateDistribution(q, 'q');
  if (p.length !== q.length) throw new RLInputError('p and q must be over the same outcomes');
}

/**
 * The maximal coupling: with probability sum_x min(p, q) draw X = Y from min(p, q) normalised; otherwise X and Y
 * independently from the normalised excesses (p - min)+ and (q - min)+, which have disjoint supports. P(X != Y) = TV.
 */
export function maximalCoupling(p: number[], q: number[]): Coupling {
  check(p, q);
  const k = p.length;
  const m = p.map((x, i) => Math.min(x, q[i]));
  const tv = 1 - m.reduce((a, b) => a + b, 0);
  const joint = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === j ? m[i] : 0)),
  );
  if (tv > 1e-15) {
    for (let i = 0; i < k; i++) {
      const ex = p[i] - m[i];
      if (ex <= 0) continue;
      for (let j = 0; j < k; j++) {
        const ey = q[j] - m[j];
        if (ey > 0) joint[i][j] += (ex * ey) / tv;
      }
    }
  }
  let dis = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) dis += joint[i][j];
  return { joint, disagreement: dis, tv: tvOf(p, q) };
}

/** The independent coupling p ⊗ q. */
export function independentCoupling(p: number[], q: number[]): Coupling {
  check(p, q);
  const joint = p.map((x) => q.map((y) => x * y));
  let same = 0;
  for (let i = 0; i < p.length; i++) same += p[i] * q[i];
  return { joint, disagreement: 1 - same, tv: tvOf(p, q) };
}

/** Draws one pair (X, Y) from a joint matrix. */
export function sampleCouplingPair(joint: number[][], rng: Rng): [number, number] {
  const k = joint[0].length;
  const flat = joint.flat();
  const idx = rng.categorical(flat);
  return [Math.floor(idx / k), idx % k];
}

/** Alias of `sampleCouplingPair`: one pair (X, Y) ~ joint, drawn with the seeded `rng`. */
export const sampleCoupling = sampleCouplingPair;

/** Draws n pairs and returns how many disagreed. */
export function sampleDisagreements(joint: number[][], rng: Rng, n: number): number {
  const k = joint[0].length;
  const flat = joint.flat();
  let dis = 0;
  for (let i = 0; i < n; i++) {
    const idx = rng.categorical(flat);
    if (Math.floor(idx / k) !== idx % k) dis++;
  }
  return dis;
}

/** TV three ways: half the L1 distance, the max over events (attained at {p > q}), P(X != Y) under the maximal coupling. */
export function tvThreeWays(
  p: number[],
  q: number[],
): { halfL1: number; maxEvent: number; coupling: number; event: number[] } {
  check(p, q);
  let halfL1 = 0;
  for (let i = 0; i < p.length; i++) halfL1 += Math.abs(p[i] - q[i]);
  halfL1 /= 2;
  // Brute force over all events for small k (a check of the theorem), else the optimal event {p > q}.
  const event: number[] = [];
  let maxEvent = 0;
  if (p.length <= 16) {
    for (let mask = 0; mask < 1 << p.length; mask++) {
      let diff = 0;
      for (let i = 0; i < p.length; i++) if (mask & (1 << i)) diff += p[i] - q[i];
      if (Math.abs(diff) > maxEvent) maxEvent = Math.abs(diff);
    }
  } else {
    for (let i = 0; i < p.length; i++) if (p[i] > q[i]) maxEvent += p[i] - q[i];
  }
  for (let i = 0; i < p.length; i++) if (p[i] > q[i]) event.push(i);
  return { halfL1, maxEvent, coupling: maximalCoupling(p, q).disagreement, event };
}
