/** Seeded random MDPs and policies, for the widgets and the property tests. */
import { createRng, type Rng } from './rng';
import type { MDP, Policy } from './types';

export interface RandomMDPOptions {
  states: number;
  actions: number;
  gamma: number;
  /** Each row of P puts mass on at most this many next states (default: all). Sparse rows make MDPs less mixing. */
  branching?: number;
  /** Rewards uniform in [-rewardScale, rewardScale]. Default 1. */
  rewardScale?: number;
}

function normalise(x: number[]): number[] {
  const z = x.reduce((a, b) => a + b, 0);
  return x.map((v) => v / z);
}

/** A random distribution over n outcomes (exponential weights: uniform on the simplex), optionally sparse. */
export function randomDistribution(rng: Rng, n: number, support = n): number[] {
  const w = new Array<number>(n).fill(0);
  const idx = Array.from({ length: n }, (_, i) => i);
  rng.shuffle(idx);
  for (let i = 0; i < Math.max(1, Math.min(n, support)); i++) w[idx[i]] = -Math.log(1 - rng.uniform());
  return normalise(w);
}

export function randomMDP(seedOrRng: number | Rng, opts: RandomMDPOptions): MDP {
  const rng = typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
  const { states, actions, gamma, branching = states, rewardScale = 1 } = opts;
  const P = Array.from({ length: actions }, () =>
    Array.from({ length: states }, () => randomDistribution(rng, states, branching)),
  );
  const R = Array.from({ length: states }, () =>
    Array.from({ length: actions }, () => rewardScale * (2 * rng.uniform() - 1)),
  );
  const rho0 = randomDistribution(rng, states);
  return { P, R, rho0, gamma };
}

export function randomPolicy(seedOrRng: number | Rng, states: number, actions: number): Policy {
  const rng = typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
  return Array.from({ length: states }, () => randomDistribution(rng, actions));
}

export function uniformPolicy(states: number, actions: number): Policy {
  return Array.from({ length: states }, () => new Array<number>(actions).fill(1 / actions));
}

/** Random softmax parameters theta[s][a] ~ scale · N(0, 1). */
export function randomTheta(seedOrRng: number | Rng, states: number, actions: number, scale = 1): number[][] {
  const rng = typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
  return Array.from({ length: states }, () => Array.from({ length: actions }, () => scale * rng.normal()));
}
