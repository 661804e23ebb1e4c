/**
 * The widget's problem for the log-derivative derivation of chapter 2: a horizon-H MDP with 2 states and 2
 * actions, a softmax policy and a fixed baseline. Every line is computed exactly by `logDerivativeLines` of
 * src/rl/log-derivative.ts (enumerating every trajectory).
 */
import { logDerivativeLines, randomMDP, randomTheta, type LogDerivativeLines } from '@/rl';

export type DerivationLines = LogDerivativeLines;

export function derivation(seed: number, gamma: number, H = 3): DerivationLines {
  const mdp = randomMDP(seed, { states: 2, actions: 2, gamma });
  const theta = randomTheta(seed + 1, 2, 2);
  const b = [0.7, -0.4]; // any baseline
  return logDerivativeLines(mdp, theta, b, H);
}
