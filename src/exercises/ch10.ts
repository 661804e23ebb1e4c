/** Chapter 10 (maximum entropy): a soft maximum, a Boltzmann probability, a soft Bellman backup. */
import { boltzmannPolicy, softMax } from '@/rl';
import { defineExercise } from './types';
import { intIn, pick, tex, texTuple } from './instance';

const QS = [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3];
const TEMPERATURES = [0.1, 0.2, 0.5, 1, 2];

interface SoftInst {
  q: number[];
  alpha: number;
  a: number;
}

const drawSoft = (rng: Parameters<typeof pick>[0]): SoftInst => {
  const q = [0, 1, 2].map(() => pick(rng, QS));
  if (new Set(q).size === 1) q[1] += 1;
  return { q, alpha: pick(rng, TEMPERATURES), a: rng.int(3) };
};

const logMeanExp = (q: number[], alpha: number) => softMax(q, alpha) - alpha * Math.log(q.length);

export const softValueEx = defineExercise<SoftInst>({
  id: 'ex-checked-soft-value',
  chapter: 10,
  make: drawSoft,
  statement: ({ q, alpha }) =>
    `In one state the soft action values are $Q(s, \\cdot) = ${texTuple(q)}$ over three actions and the temperature is ` +
    `$\\alpha = ${tex(alpha)}$. Compute the soft value $V(s) = \\operatorname{lse}_\\alpha(Q(s, \\cdot)) = \\alpha \\log \\sum_a e^{Q(s, a)/\\alpha}$.`,
  asked: 'V(s)',
  askedText: 'the soft value V(s)',
  answer: ({ q, alpha }) => softMax(q, alpha),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'hard-max',
      value: ({ q }) => Math.max(...q),
      hint: 'That is the hard maximum, the α → 0 limit. At a positive temperature the soft maximum is larger, by up to α log |A|.',
    },
    {
      id: 'log-mean',
      value: ({ q, alpha }) => logMeanExp(q, alpha),
      hint: 'That averages the exponentials (a log-mean-exp). The soft value sums them: α log Σ_a e^{Q/α}.',
    },
    {
      id: 'alpha-outside-missing',
      value: ({ q, alpha }) => softMax(q, alpha) / alpha,
      hint: 'The factor α in front of the logarithm is missing.',
    },
  ],
  hint: 'Compute Σ_a e^{Q(s, a)/α}, take its natural logarithm and multiply by α (subtracting max Q first keeps the numbers small).',
});

export const boltzmannEx = defineExercise<SoftInst>({
  id: 'ex-checked-boltzmann',
  chapter: 10,
  make: drawSoft,
  statement: ({ q, alpha, a }) =>
    `In one state the soft action values are $Q(s, \\cdot) = ${texTuple(q)}$ over actions $1, 2, 3$ and the temperature is ` +
    `$\\alpha = ${tex(alpha)}$. What probability does the soft-optimal (Boltzmann) policy give to action $${a + 1}$?`,
  asked: '\\pi(a \\mid s)',
  askedText: 'π(a | s)',
  answer: ({ q, alpha, a }) => boltzmannPolicy([q], alpha)[0][a],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'no-temperature',
      value: ({ q, a }) => boltzmannPolicy([q], 1)[0][a],
      hint: 'That is softmax(Q) at temperature 1. Divide the values by α first: π(a|s) ∝ e^{Q(s, a)/α}.',
    },
    {
      id: 'times-alpha',
      value: ({ q, alpha, a }) => boltzmannPolicy([q.map((x) => x * alpha * alpha)], alpha)[0][a],
      hint: 'That multiplies the values by α; the temperature divides them: π(a|s) ∝ e^{Q(s, a)/α}.',
    },
  ],
  hint: 'π(a|s) = e^{Q(s, a)/α} / Σ_b e^{Q(s, b)/α}.',
});

interface BackupInst {
  r: number;
  gamma: number;
  alpha: number;
  next: number[];
}

export const softBackupEx = defineExercise<BackupInst>({
  id: 'ex-checked-soft-backup',
  chapter: 10,
  make(rng) {
    const next = [0, 1, 2].map(() => pick(rng, QS));
    if (new Set(next).size === 1) next[2] += 1;
    return { r: intIn(rng, -2, 3), gamma: pick(rng, [0.5, 0.9, 0.99]), alpha: pick(rng, TEMPERATURES), next };
  },
  statement: ({ r, gamma, alpha, next }) =>
    `Action $a$ in state $s$ pays $r(s, a) = ${tex(r)}$ and always leads to state $s'$, where the current soft action values are ` +
    `$Q(s', \\cdot) = ${texTuple(next)}$. With $\\gamma = ${tex(gamma)}$ and temperature $\\alpha = ${tex(alpha)}$, compute one soft Bellman ` +
    `optimality backup $r(s, a) + \\gamma\\, \\operatorname{lse}_\\alpha(Q(s', \\cdot))$.`,
  asked: '(\\mathcal T_\\alpha Q)(s, a)',
  askedText: 'the soft backup of Q(s, a)',
  answer: ({ r, gamma, alpha, next }) => r + gamma * softMax(next, alpha),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'hard-backup',
      value: ({ r, gamma, next }) => r + gamma * Math.max(...next),
      hint: 'That is the hard Bellman backup with max. The soft backup uses the soft maximum α log Σ e^{Q/α} of the next values.',
    },
    {
      id: 'no-gamma',
      value: ({ r, alpha, next }) => r + softMax(next, alpha),
      hint: 'The next state’s soft value is discounted by γ.',
    },
    {
      id: 'log-mean',
      value: ({ r, gamma, alpha, next }) => r + gamma * logMeanExp(next, alpha),
      hint: 'That averages the exponentials of the next values; the soft maximum sums them.',
    },
  ],
  hint: 'First the soft value of s′: V(s′) = α log Σ_a′ e^{Q(s′, a′)/α}; then r(s, a) + γ V(s′).',
});

export const chapter10 = [softValueEx, boltzmannEx, softBackupEx];
