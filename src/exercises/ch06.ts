/** Chapter 6 (PPO): the clipped objective of a batch, which samples still pull, the approximate KL. */
import { clippedGradient, clippedObjective } from '@/rl';
import { defineExercise } from './types';
import { pick, tex } from './instance';

const RATIOS = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4, 1.5];
const ADVANTAGES = [-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2];

interface Batch {
  eps: number;
  r: number[];
  A: number[];
}

const drawBatch = (rng: Parameters<typeof pick>[0]): Batch => ({
  eps: pick(rng, [0.1, 0.2, 0.3]),
  r: [0, 1, 2, 3].map(() => pick(rng, RATIOS)),
  A: [0, 1, 2, 3].map(() => pick(rng, ADVANTAGES)),
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const clip = (r: number, eps: number) => Math.min(Math.max(r, 1 - eps), 1 + eps);

const batchTeX = ({ r, A }: Batch) =>
  `ratios $r_i = ${r.map((x) => tex(x)).join(',\\ ')}$ and advantages $\\hat A_i = ${A.map((x) => tex(x)).join(',\\ ')}$`;

export const clipObjectiveEx = defineExercise<Batch>({
  id: 'ex-checked-clip-objective',
  chapter: 6,
  make: drawBatch,
  statement: (b) =>
    `A minibatch of four samples has ${batchTeX(b)}, and $\\epsilon = ${tex(b.eps)}$. Compute the clipped objective ` +
    `$L^{\\text{CLIP}} = \\frac14 \\sum_i \\min\\big(r_i \\hat A_i,\\ \\operatorname{clip}(r_i, 1 - \\epsilon, 1 + \\epsilon)\\hat A_i\\big)$.`,
  asked: 'L^{\\text{CLIP}}',
  askedText: 'L^CLIP',
  answer: ({ r, A, eps }) => mean(r.map((x, i) => clippedObjective(x, A[i], eps))),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'unclipped',
      value: ({ r, A }) => mean(r.map((x, i) => x * A[i])),
      hint: 'That is the unclipped surrogate L^CPI = mean of r_i Â_i. Clip each ratio to [1 − ε, 1 + ε] and keep the smaller of the two terms.',
    },
    {
      id: 'always-clipped',
      value: ({ r, A, eps }) => mean(r.map((x, i) => clip(x, eps) * A[i])),
      hint: 'That uses the clipped term everywhere. The objective takes the minimum of the clipped and unclipped terms, so a ratio that makes things worse is never clipped.',
    },
    {
      id: 'max',
      value: ({ r, A, eps }) => mean(r.map((x, i) => Math.max(x * A[i], clip(x, eps) * A[i]))),
      hint: 'That takes the larger term; PPO is pessimistic and takes the minimum.',
    },
  ],
  hint: 'For each sample compute r_i Â_i and clip(r_i, 1 − ε, 1 + ε) Â_i, keep the smaller, and average the four.',
});

export const clipGradientEx = defineExercise<Batch>({
  id: 'ex-checked-clip-gradient',
  chapter: 6,
  make: drawBatch,
  statement: (b) =>
    `A minibatch of four samples has ${batchTeX(b)}, and $\\epsilon = ${tex(b.eps)}$. For how many of the four samples is ` +
    `the derivative of $\\min\\big(r_i \\hat A_i, \\operatorname{clip}(r_i, 1 - \\epsilon, 1 + \\epsilon)\\hat A_i\\big)$ with respect to $r_i$ zero, ` +
    `so that the sample no longer moves the policy?`,
  asked: '\\#\\{i : \\partial / \\partial r_i = 0\\}',
  askedText: 'the number of samples with zero gradient',
  answer: ({ r, A, eps }) => r.filter((x, i) => clippedGradient(x, A[i], eps) === 0).length,
  tolerance: { kind: 'integer' },
  mistakes: [
    {
      id: 'clip-fraction',
      value: ({ r, eps }) => r.filter((x) => Math.abs(x - 1) > eps).length,
      hint: 'That counts every ratio outside [1 − ε, 1 + ε] (the “clip fraction” trainers report). A ratio outside the range still has a gradient when the unclipped term is the smaller one: r < 1 − ε with Â > 0, or r > 1 + ε with Â < 0.',
    },
  ],
  hint: 'A sample is flat only where the clipped term is the minimum and constant: r > 1 + ε with Â > 0, or r < 1 − ε with Â < 0.',
});

interface Ratios {
  r: number[];
}

export const approxKlEx = defineExercise<Ratios>({
  id: 'ex-checked-approx-kl',
  chapter: 6,
  make: (rng) => ({ r: [0, 1, 2, 3].map(() => pick(rng, RATIOS)) }),
  statement: ({ r }) =>
    `After some epochs of PPO, four samples drawn from the old policy have ratios $r_i = \\pi_\\theta(a_i \\mid s_i)/\\pi_{\\theta_{\\text{old}}}(a_i \\mid s_i) = ` +
    `${r.map((x) => tex(x)).join(',\\ ')}$. Compute the approximate KL that the trainer reports, ` +
    `$\\hat{\\mathbb E}[(r - 1) - \\log r]$ over these four samples.`,
  asked: '\\hat{\\mathbb E}[(r - 1) - \\log r]',
  askedText: 'the approximate KL',
  answer: ({ r }) => mean(r.map((x) => x - 1 - Math.log(x))),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-5 },
  mistakes: [
    {
      id: 'minus-log-r',
      value: ({ r }) => mean(r.map((x) => -Math.log(x))),
      hint: 'That is the older estimate E[−log r]: unbiased too, but with high variance and sometimes negative. The trainer adds r − 1, which has mean zero and makes every term non-negative.',
    },
    {
      id: 'quadratic',
      value: ({ r }) => mean(r.map((x) => (x - 1) ** 2 / 2)),
      hint: 'That is the second-order approximation ½(r − 1)². Compute (r − 1) − log r itself.',
    },
    {
      id: 'log10',
      value: ({ r }) => mean(r.map((x) => x - 1 - Math.log10(x))),
      hint: 'Use the natural logarithm.',
    },
  ],
  hint: 'For each ratio compute (r − 1) − ln r (always ≥ 0), then average the four.',
});

export const chapter6 = [clipObjectiveEx, clipGradientEx, approxKlEx];
