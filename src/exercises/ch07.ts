/** Chapter 7 (GAE): a GAE advantage on a truncated rollout, a k-step advantage, a λ-return after termination. */
import { gae } from '@/rl';
import { defineExercise } from './types';
import { intIn, pick, tex } from './instance';

interface Rollout {
  gamma: number;
  lambda: number;
  rewards: number[];
  /** V(s_0) … V(s_T): one more value than rewards (the last is the state after the rollout). */
  values: number[];
}

const drawRollout = (rng: Parameters<typeof pick>[0], steps: number): Rollout => ({
  gamma: pick(rng, [0.8, 0.9, 0.95]),
  lambda: pick(rng, [0.5, 0.8, 0.9, 0.95]),
  rewards: Array.from({ length: steps }, () => intIn(rng, -1, 3)),
  values: Array.from({ length: steps + 1 }, () => pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3])),
});

/** Â_0 by the library's gae(), the rollout ending in the given way after its last reward. */
function advantage0(
  { gamma, rewards, values }: Rollout,
  lambda: number,
  end: 'truncated' | 'terminated',
): number {
  const T = rewards.length;
  return gae({
    rewards,
    values: values.slice(0, T),
    nextValues: values.slice(1),
    terminated: rewards.map((_, t) => Number(end === 'terminated' && t === T - 1)),
    truncated: rewards.map((_, t) => Number(end === 'truncated' && t === T - 1)),
    gamma,
    lambda,
  }).advantages[0];
}

const listTeX = (name: string, xs: number[]) => xs.map((x, t) => `${name}_{${t}} = ${tex(x)}`).join(',\\ ');

export const gaeEx = defineExercise<Rollout>({
  id: 'ex-checked-gae',
  chapter: 7,
  make: (rng) => drawRollout(rng, 3),
  statement: (i) =>
    `A rollout of three steps is cut by the end of the batch (truncated, not terminated) in state $s_3$. Rewards ` +
    `$${listTeX('r', i.rewards)}$; critic values $V(s_0), \\dots, V(s_3) = ${i.values.map((x) => tex(x)).join(',\\ ')}$; ` +
    `$\\gamma = ${tex(i.gamma)}$, $\\lambda = ${tex(i.lambda)}$. Compute $\\hat A^{\\mathrm{GAE}(\\gamma,\\lambda)}_0$.`,
  asked: '\\hat A^{\\mathrm{GAE}(\\gamma,\\lambda)}_0',
  askedText: 'Â_0 (GAE)',
  answer: (i) => advantage0(i, i.lambda, 'truncated'),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'lambda-zero',
      value: (i) => advantage0(i, 0, 'truncated'),
      hint: 'That is δ_0 alone (λ = 0). GAE adds the later residuals too, weighted by (γλ)^l.',
    },
    {
      id: 'lambda-one',
      value: (i) => advantage0(i, 1, 'truncated'),
      hint: 'That is the λ = 1 estimate (the discounted return minus V(s_0)). Weight δ_l by (γλ)^l, not γ^l.',
    },
    {
      id: 'no-gamma',
      value: (i) => deltas(i).reduce((acc, d, l) => acc + i.lambda ** l * d, 0),
      hint: 'The weights are (γλ)^l: the factor γ is missing from them.',
    },
    {
      id: 'treated-as-terminal',
      value: (i) => advantage0(i, i.lambda, 'terminated'),
      hint: 'The rollout was truncated, not terminated: the last residual still bootstraps from V(s_3).',
    },
  ],
  hint: 'Compute δ_t = r_t + γ V(s_{t+1}) − V(s_t) for t = 0, 1, 2, then Â_0 = δ_0 + γλ δ_1 + (γλ)² δ_2.',
});

/** δ_t = r_t + γ V(s_{t+1}) − V(s_t) along a truncated rollout. */
const deltas = ({ rewards, values, gamma }: Rollout) =>
  rewards.map((r, t) => r + gamma * values[t + 1] - values[t]);

export const kStepEx = defineExercise<Rollout>({
  id: 'ex-checked-k-step',
  chapter: 7,
  make: (rng) => drawRollout(rng, 2),
  statement: (i) =>
    `Along a trajectory, $${listTeX('r', i.rewards)}$, and the critic gives $V(s_0) = ${tex(i.values[0])}$, ` +
    `$V(s_1) = ${tex(i.values[1])}$, $V(s_2) = ${tex(i.values[2])}$, with $\\gamma = ${tex(i.gamma)}$. ` +
    `Compute the two-step advantage estimate $\\hat A^{(2)}_0$.`,
  asked: '\\hat A^{(2)}_0',
  askedText: 'Â^(2)_0',
  answer: (i) => advantage0(i, 1, 'truncated'),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'gamma-once',
      value: ({ rewards, values, gamma }) => rewards[0] + gamma * rewards[1] + gamma * values[2] - values[0],
      hint: 'V(s_2) is two steps away: it is discounted by γ², not γ.',
    },
    {
      id: 'no-baseline',
      value: (i) => advantage0(i, 1, 'truncated') + i.values[0],
      hint: 'That is the two-step return. The advantage subtracts the baseline V(s_0).',
    },
    {
      id: 'one-step',
      value: (i) => advantage0(i, 0, 'truncated'),
      hint: 'That is the one-step estimate δ_0. Â^(2) uses two rewards before bootstrapping.',
    },
  ],
  hint: 'Â^(2)_0 = r_0 + γ r_1 + γ² V(s_2) − V(s_0), which is also δ_0 + γ δ_1.',
});

export const lambdaReturnEx = defineExercise<Rollout>({
  id: 'ex-checked-lambda-return',
  chapter: 7,
  make: (rng) => drawRollout(rng, 3),
  statement: (i) =>
    `An episode ends after three steps: $s_3$ is terminal. Rewards $${listTeX('r', i.rewards)}$; the critic gives ` +
    `$V(s_0), V(s_1), V(s_2) = ${i.values
      .slice(0, 3)
      .map((x) => tex(x))
      .join(
        ',\\ ',
      )}$ (and, untrained there, $V(s_3) = ${tex(i.values[3])}$); $\\gamma = ${tex(i.gamma)}$, $\\lambda = ${tex(i.lambda)}$. ` +
    `Compute the value target of $s_0$ that PPO regresses on, $\\hat A^{\\mathrm{GAE}(\\gamma,\\lambda)}_0 + V(s_0)$.`,
  asked: '\\hat A_0 + V(s_0)',
  askedText: 'the value target Â_0 + V(s_0)',
  answer: (i) => advantage0(i, i.lambda, 'terminated') + i.values[0],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'bootstrapped-terminal',
      value: (i) => advantage0(i, i.lambda, 'truncated') + i.values[0],
      hint: 'The episode terminated: nothing comes after s_3, so the last residual is r_2 − V(s_2), without γ V(s_3).',
    },
    {
      id: 'advantage-only',
      value: (i) => advantage0(i, i.lambda, 'terminated'),
      hint: 'That is the advantage; the value target adds V(s_0) back.',
    },
  ],
  hint: 'With s_3 terminal, δ_2 = r_2 − V(s_2). Compute Â_0 = δ_0 + γλ δ_1 + (γλ)² δ_2 and add V(s_0).',
});

export const chapter7 = [gaeEx, kStepEx, lambdaReturnEx];
