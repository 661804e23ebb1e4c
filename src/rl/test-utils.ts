/** fast-check arbitraries shared by the property tests. */
import fc from 'fast-check';
import { randomMDP, randomPolicy, randomTheta } from './random-mdp';
import { createRng } from './rng';
import type { MDP, Policy } from './types';

export interface Case {
  mdp: MDP;
  pi: Policy;
  piNew: Policy;
  theta: number[][];
  seed: number;
}

/** Random MDPs up to 20 states × 6 actions with gamma up to 0.99, plus two random policies and softmax parameters. */
export const arbCase = (maxStates = 20, maxActions = 6, maxGamma = 0.99) =>
  fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      states: fc.integer({ min: 1, max: maxStates }),
      actions: fc.integer({ min: 1, max: maxActions }),
      gamma: fc.double({ min: 0, max: maxGamma, noNaN: true }),
      branching: fc.integer({ min: 1, max: maxStates }),
    })
    .map(({ seed, states, actions, gamma, branching }): Case => {
      const rng = createRng(seed);
      const mdp = randomMDP(rng, { states, actions, gamma, branching });
      return {
        mdp,
        pi: randomPolicy(rng, states, actions),
        piNew: randomPolicy(rng, states, actions),
        theta: randomTheta(rng, states, actions),
        seed,
      };
    });

export const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
