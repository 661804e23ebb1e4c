/** Chapter 9 (value-based methods): a TD(0) update, a Q-learning update, the expected maximum behind maximisation bias. */
import { controlUpdate, expectedMaxOfIndependent, tdZeroUpdate } from '@/rl';
import { defineExercise } from './types';
import { intIn, pick, tex, texTuple } from './instance';

interface TdInst {
  v: number;
  vNext: number;
  r: number;
  alpha: number;
  gamma: number;
}

export const tdZeroEx = defineExercise<TdInst>({
  id: 'ex-checked-td0',
  chapter: 9,
  make: (rng) => ({
    v: pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5, 2]),
    vNext: pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5, 2, 3]),
    r: intIn(rng, -2, 3),
    alpha: pick(rng, [0.1, 0.2, 0.25, 0.5]),
    gamma: pick(rng, [0.8, 0.9, 0.99]),
  }),
  statement: (i) =>
    `TD(0) holds $V(s) = ${tex(i.v)}$ and $V(s') = ${tex(i.vNext)}$. From $s$ the agent receives $r = ${tex(i.r)}$ and ` +
    `moves to the non-terminal state $s'$. With step size $\\alpha = ${tex(i.alpha)}$ and $\\gamma = ${tex(i.gamma)}$, what is $V(s)$ after the update?`,
  asked: 'V(s)',
  askedText: 'the updated V(s)',
  answer: (i) => tdZeroUpdate(i.v, i.r, i.vNext, i.alpha, i.gamma),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'target',
      value: (i) => i.r + i.gamma * i.vNext,
      hint: 'That is the TD target itself (a step size of 1). TD(0) moves V(s) only a fraction α of the way towards it.',
    },
    {
      id: 'no-gamma',
      value: (i) => tdZeroUpdate(i.v, i.r, i.vNext, i.alpha, 1),
      hint: 'The bootstrapped value enters discounted: the target is r + γ V(s′).',
    },
    {
      id: 'increment-only',
      value: (i) => tdZeroUpdate(i.v, i.r, i.vNext, i.alpha, i.gamma) - i.v,
      hint: 'That is the increment α δ. The new value is the old one plus it.',
    },
  ],
  hint: 'δ = r + γ V(s′) − V(s); the new value is V(s) + α δ.',
});

interface QInst {
  q: number;
  next: number[];
  nextAction: number;
  r: number;
  alpha: number;
  gamma: number;
}

export const qLearningEx = defineExercise<QInst>({
  id: 'ex-checked-q-learning',
  chapter: 9,
  make(rng) {
    const next = [0, 1, 2].map(() => pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5]));
    if (new Set(next).size === 1) next[0] += 1;
    const best = next.indexOf(Math.max(...next));
    // The ε-greedy behaviour explored: the action taken next is not the greedy one.
    const others = [0, 1, 2].filter((a) => next[a] !== next[best]);
    return {
      q: pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5]),
      next,
      nextAction: others[rng.int(others.length)],
      r: intIn(rng, -2, 3),
      alpha: pick(rng, [0.1, 0.2, 0.5]),
      gamma: pick(rng, [0.9, 0.99]),
    };
  },
  statement: (i) =>
    `Q-learning holds $Q(s, a) = ${tex(i.q)}$ and, in the next state, $Q(s', \\cdot) = ${texTuple(i.next)}$ over actions $1, 2, 3$. ` +
    `Taking $a$ in $s$ gave $r = ${tex(i.r)}$ and led to $s'$ (not terminal), where the $\\epsilon$-greedy behaviour then took action $${i.nextAction + 1}$. ` +
    `With $\\alpha = ${tex(i.alpha)}$ and $\\gamma = ${tex(i.gamma)}$, what is $Q(s, a)$ after the Q-learning update?`,
  asked: 'Q(s, a)',
  askedText: 'the updated Q(s, a)',
  answer: (i) => controlUpdate(i.q, i.r, i.next, i.alpha, i.gamma, 'q-learning'),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'sarsa',
      value: (i) => controlUpdate(i.q, i.r, i.next, i.alpha, i.gamma, 'sarsa', { nextAction: i.nextAction }),
      hint: 'That bootstraps from the action the behaviour took next, which is SARSA. Q-learning is off-policy: its target uses max_a′ Q(s′, a′).',
    },
    {
      id: 'expected',
      value: (i) =>
        controlUpdate(i.q, i.r, i.next, i.alpha, i.gamma, 'expected-sarsa', {
          nextPolicy: [1 / 3, 1 / 3, 1 / 3],
        }),
      hint: 'That averages the next action values. Q-learning takes their maximum.',
    },
    {
      id: 'target',
      value: (i) => i.r + i.gamma * Math.max(...i.next),
      hint: 'That is the target; the update moves Q(s, a) a fraction α of the way towards it.',
    },
  ],
  hint: 'Target = r + γ max_a′ Q(s′, a′); new Q(s, a) = Q(s, a) + α (target − Q(s, a)).',
});

interface BiasInst {
  /** Each action's estimate takes one of two values with probability ½ each. */
  values: number[][];
}

export const maxBiasEx = defineExercise<BiasInst>({
  id: 'ex-checked-max-bias',
  chapter: 9,
  make(rng) {
    const values = [0, 1].map(() => {
      const mean = pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5]);
      const spread = pick(rng, [0.5, 1, 1.5, 2, 2.5]);
      return [mean - spread, mean + spread];
    });
    return { values };
  },
  statement: ({ values }) =>
    `Two actions have noisy value estimates, independent of each other: $\\hat Q(1)$ is $${tex(values[0][0])}$ or $${tex(values[0][1])}$ ` +
    `and $\\hat Q(2)$ is $${tex(values[1][0])}$ or $${tex(values[1][1])}$, each with probability $\\tfrac12$. ` +
    `Compute $\\mathbb E[\\max_a \\hat Q(a)]$, the value a greedy learner expects.`,
  asked: '\\mathbb E[\\max_a \\hat Q(a)]',
  askedText: 'E[max_a Q̂(a)]',
  answer: ({ values }) =>
    expectedMaxOfIndependent(values, [
      [0.5, 0.5],
      [0.5, 0.5],
    ]),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'max-of-means',
      value: ({ values }) => Math.max(...values.map((v) => (v[0] + v[1]) / 2)),
      hint: 'That is max_a E[Q̂(a)]. The expectation of the maximum is larger: average max(Q̂(1), Q̂(2)) over the four equally likely combinations.',
    },
    {
      id: 'max-of-maxes',
      value: ({ values }) => Math.max(...values.flat()),
      hint: 'That is the largest value either estimate can take; it happens only in some combinations. Average the maximum over the four combinations.',
    },
  ],
  hint: 'List the four equally likely pairs (Q̂(1), Q̂(2)), take the larger value in each, and average.',
});

export const chapter9 = [tdZeroEx, qLearningEx, maxBiasEx];
