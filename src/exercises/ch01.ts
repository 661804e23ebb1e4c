/** Chapter 1 (MDPs and Bellman equations): a policy's value, one Bellman optimality backup, sweeps from the bound. */
import { bellmanOptimalityOperator, evaluatePolicy, sweepsToTolerance, type MDP, type Policy } from '@/rl';
import { defineExercise } from './types';
import { gridDistribution, intIn, pick, tex, texMatrix } from './instance';

/** A two-state, two-action MDP on tenths, a policy on tenths, and γ: values a reader can solve by hand (2 × 2). */
interface PolicyValue {
  mdp: MDP;
  pi: Policy;
}

/** The Markov chain and reward of a policy: P_π and r_π as plain arrays. */
function chain({ mdp, pi }: PolicyValue) {
  const n = pi.length;
  const Ppi = Array.from({ length: n }, (_, s) =>
    Array.from({ length: n }, (_, t) => pi[s].reduce((acc, w, a) => acc + w * mdp.P[a][s][t], 0)),
  );
  const rpi = pi.map((row, s) => row.reduce((acc, w, a) => acc + w * mdp.R[s][a], 0));
  return { Ppi, rpi };
}

/** V of the 2-state chain (I − γ M)^{-1} r for any 2 × 2 M (the mistakes use other M). */
function solve2(M: number[][], r: number[], g: number): number[] {
  const a = 1 - g * M[0][0];
  const b = -g * M[0][1];
  const c = -g * M[1][0];
  const d = 1 - g * M[1][1];
  const det = a * d - b * c;
  return [(d * r[0] - b * r[1]) / det, (-c * r[0] + a * r[1]) / det];
}

export const policyValue = defineExercise<PolicyValue>({
  id: 'ex-checked-policy-value',
  chapter: 1,
  make(rng) {
    const gamma = pick(rng, [0.5, 0.6, 0.7, 0.8, 0.9]);
    const P = [0, 1].map(() => [0, 1].map(() => gridDistribution(rng, 2)));
    const R = [0, 1].map(() => [0, 1].map(() => intIn(rng, -2, 3)));
    const pi = [0, 1].map(() => gridDistribution(rng, 2));
    return { mdp: { P, R, rho0: [1, 0], gamma }, pi };
  },
  statement: ({ mdp, pi }) =>
    `An MDP has two states, $1$ and $2$, and two actions, $1$ and $2$, with $\\gamma = ${tex(mdp.gamma)}$. ` +
    `Row $s$ of each matrix below is the law $P(\\cdot \\mid s, a)$ of the next state; $r(s, a)$ is the reward and ` +
    `row $s$ of $\\pi$ is $\\pi(\\cdot \\mid s)$: ` +
    `$$P(\\cdot \\mid \\cdot, 1) = ${texMatrix(mdp.P[0])},\\quad P(\\cdot \\mid \\cdot, 2) = ${texMatrix(mdp.P[1])},$$` +
    `$$r = ${texMatrix(mdp.R)},\\quad \\pi = ${texMatrix(pi)}.$$` +
    `Compute $V^\\pi(1)$, the expected discounted return from state $1$.`,
  asked: 'V^\\pi(1)',
  askedText: 'V^π(1)',
  answer: ({ mdp, pi }) => evaluatePolicy(mdp, pi).V[0],
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'immediate-reward',
      value: (i) => chain(i).rpi[0],
      hint: 'That is only the expected reward of the first step, r_π(1). The value also counts every later reward, discounted: solve V = r_π + γ P_π V.',
    },
    {
      id: 'absorbing',
      value: (i) => chain(i).rpi[0] / (1 - i.mdp.gamma),
      hint: 'That value would be right if the chain stayed in state 1 for ever. It moves: weight the next states by P_π and solve the two Bellman equations together.',
    },
    {
      id: 'transposed',
      value: (i) => {
        const { Ppi, rpi } = chain(i);
        return solve2(
          [Ppi[0].map((_, t) => Ppi[t][0]), Ppi[0].map((_, t) => Ppi[t][1])],
          rpi,
          i.mdp.gamma,
        )[0];
      },
      hint: 'It looks as if P_π was used transposed: in V(s) = r_π(s) + γ Σ_s′ P_π(s, s′) V(s′) the sum runs along row s (from s to s′).',
    },
    {
      id: 'two-steps',
      value: (i) => {
        const { Ppi, rpi } = chain(i);
        return rpi[0] + i.mdp.gamma * (Ppi[0][0] * rpi[0] + Ppi[0][1] * rpi[1]);
      },
      hint: 'That counts the first two rewards only. The return goes on for ever: write the Bellman equation for both states and solve the linear system.',
    },
  ],
  hint: 'Form P_π(s, s′) = Σ_a π(a|s) P(s′|s, a) and r_π(s) = Σ_a π(a|s) r(s, a), then solve the 2 × 2 system (I − γ P_π) V = r_π.',
});

interface Backup {
  mdp: MDP;
  V: number[];
}

/** r(1, a) + g Σ P(s′|1, a) V(s′), the backup of one action from state 1 (g = γ unless a mistake drops it). */
const backup = (mdp: MDP, V: number[], a: number, g = mdp.gamma) =>
  mdp.R[0][a] + g * mdp.P[a][0].reduce((acc, p, t) => acc + p * V[t], 0);

export const bellmanBackup = defineExercise<Backup>({
  id: 'ex-checked-bellman-backup',
  chapter: 1,
  make(rng) {
    const gamma = pick(rng, [0.5, 0.8, 0.9]);
    const P = [0, 1].map(() => [0, 1, 2].map(() => gridDistribution(rng, 3)));
    const R = [0, 1, 2].map(() => [0, 1].map(() => intIn(rng, -2, 3)));
    const V = [0, 1, 2].map(() => intIn(rng, -4, 6));
    return { mdp: { P, R, rho0: [1, 0, 0], gamma }, V };
  },
  statement: ({ mdp, V }) =>
    `An MDP has states $1, 2, 3$, actions $1, 2$ and $\\gamma = ${tex(mdp.gamma)}$. From state $1$, ` +
    `action $1$ pays $r(1, 1) = ${tex(mdp.R[0][0])}$ and leads to states $1, 2, 3$ with probabilities ` +
    `$${mdp.P[0][0].map((x) => tex(x)).join(',\\ ')}$; action $2$ pays $r(1, 2) = ${tex(mdp.R[0][1])}$ and leads to ` +
    `them with probabilities $${mdp.P[1][0].map((x) => tex(x)).join(',\\ ')}$. ` +
    `Value iteration holds $V = (${V.map((x) => tex(x)).join(',\\ ')})$. Compute the first entry of the next sweep, $(TV)(1)$.`,
  asked: '(TV)(1)',
  askedText: '(TV)(1)',
  answer: ({ mdp, V }) => bellmanOptimalityOperator(mdp, V)[0],
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'no-discount',
      value: ({ mdp, V }) => Math.max(...[0, 1].map((a) => backup(mdp, V, a, 1))),
      hint: 'The next-state values enter multiplied by γ: T V(s) = max_a [r(s, a) + γ Σ_s′ P(s′|s, a) V(s′)].',
    },
    {
      id: 'average',
      value: ({ mdp, V }) => (backup(mdp, V, 0) + backup(mdp, V, 1)) / 2,
      hint: 'That averages the two actions (the backup of the uniform policy). The optimality operator takes the better action.',
    },
    {
      id: 'min',
      value: ({ mdp, V }) => Math.min(backup(mdp, V, 0), backup(mdp, V, 1)),
      hint: 'That is the worse of the two actions; the Bellman optimality operator maximises.',
    },
    {
      id: 'no-reward',
      value: ({ mdp, V }) => Math.max(backup(mdp, V, 0) - mdp.R[0][0], backup(mdp, V, 1) - mdp.R[0][1]),
      hint: 'The immediate reward r(1, a) is missing from the backup.',
    },
  ],
  hint: 'For each action compute r(1, a) + γ Σ_s′ P(s′|1, a) V(s′); the backup is the larger of the two.',
});

interface Sweeps {
  gamma: number;
  rmax: number;
  eps: number;
}

export const viSweeps = defineExercise<Sweeps>({
  id: 'ex-checked-vi-sweeps',
  chapter: 1,
  make: (rng) => ({
    gamma: pick(rng, [0.5, 0.8, 0.9, 0.95, 0.99]),
    rmax: pick(rng, [1, 2, 5, 10]),
    eps: pick(rng, [0.1, 0.01, 0.001]),
  }),
  statement: ({ gamma, rmax, eps }) =>
    `Rewards satisfy $\\lvert r(s, a) \\rvert \\le ${tex(rmax)}$ and $\\gamma = ${tex(gamma)}$. Value iteration starts ` +
    `from $V_0 = 0$. Using only the contraction bound $\\lVert V_k - V^\\star \\rVert_\\infty \\le \\gamma^k \\lVert V_0 - V^\\star \\rVert_\\infty$ ` +
    `and the bound on $\\lVert V^\\star \\rVert_\\infty$ that the rewards give, what is the smallest number of sweeps $k$ that ` +
    `guarantees $\\lVert V_k - V^\\star \\rVert_\\infty \\le ${tex(eps, 4)}$ for every such MDP?`,
  asked: 'k',
  askedText: 'k',
  answer: ({ gamma, rmax, eps }) => sweepsToTolerance(gamma, rmax / (1 - gamma), eps),
  tolerance: { kind: 'integer' },
  mistakes: [
    {
      id: 'no-horizon',
      value: ({ gamma, rmax, eps }) => sweepsToTolerance(gamma, rmax, eps),
      hint: 'The initial error is ‖V*‖∞, which can be as large as r_max/(1 − γ), not r_max: a return adds up rewards.',
    },
    {
      id: 'rounded-down',
      value: ({ gamma, rmax, eps }) => sweepsToTolerance(gamma, rmax / (1 - gamma), eps) - 1,
      hint: 'One short: after that many sweeps γ^k r_max/(1 − γ) is still above the tolerance. Round k up, not down.',
    },
  ],
  hint: 'Solve γ^k · r_max/(1 − γ) ≤ ε for the smallest whole k (take logarithms; log γ is negative, so the inequality flips).',
});

export const chapter1 = [policyValue, bellmanBackup, viSweeps];
