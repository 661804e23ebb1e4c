/**
 * The random problem most widgets show, built one way: the MDP from `seed`, the softmax parameters θ of the
 * reader's policy π from `seed + 1`, and (when a widget needs a second policy) θ′ from `seed + 2`. One shared seed
 * parameter for the URL, so every widget's seed slider has the same range and label.
 */
import { useMemo } from 'react';
import { randomMDP, randomTheta, softmaxPolicy, type MDP, type Policy } from '@/rl';
import { int, type IntSpec } from '@/lib/url-params';

/** The seed parameter of a widget: `seed: seedParam(3)` in its `defineParams` table. */
export const seedParam = (defaultSeed = 1): IntSpec =>
  int({ min: 0, max: 9999, default: defaultSeed, label: 'seed' });

export interface ProblemOptions {
  seed: number;
  states: number;
  actions: number;
  gamma: number;
  /** Next states each row of P can reach (default: all). */
  branching?: number;
}

export interface RandomProblem {
  mdp: MDP;
  /** Softmax parameters θ[s][a] of π. */
  theta: number[][];
  /** π = softmax(θ). */
  pi: Policy;
  /** Parameters of a second policy, from seed + 2, scaled by `scale` (default 1). */
  otherTheta: (scale?: number) => number[][];
}

export function randomProblem({ seed, states, actions, gamma, branching }: ProblemOptions): RandomProblem {
  const mdp = randomMDP(seed, { states, actions, gamma, branching });
  const theta = randomTheta(seed + 1, states, actions);
  return {
    mdp,
    theta,
    pi: softmaxPolicy(theta),
    otherTheta: (scale = 1) => randomTheta(seed + 2, states, actions, scale),
  };
}

/** `randomProblem`, rebuilt only when one of its options changes. */
export function useRandomProblem({ seed, states, actions, gamma, branching }: ProblemOptions): RandomProblem {
  return useMemo(
    () => randomProblem({ seed, states, actions, gamma, branching }),
    [seed, states, actions, gamma, branching],
  );
}
