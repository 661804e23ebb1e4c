/** Chapter 11 (offline RL): an expectile, CQL's conservative fixed point, the AWR policy. */
import { awrPolicy, cqlFixedPoint, evaluatePolicy, expectile, quantile, type MDP } from '@/rl';
import { defineExercise } from './types';
import { gridDistribution, intIn, pick, tex, texTuple } from './instance';

interface Law {
  values: number[];
  weights: number[];
  tau: number;
}

export const expectileEx = defineExercise<Law>({
  id: 'ex-checked-expectile',
  chapter: 11,
  make(rng) {
    const set = new Set<number>();
    while (set.size < 4) set.add(intIn(rng, -3, 6));
    return {
      values: [...set].sort((a, b) => a - b),
      weights: gridDistribution(rng, 4),
      tau: pick(rng, [0.6, 0.7, 0.8, 0.9]),
    };
  },
  statement: ({ values, weights, tau }) =>
    `A random variable $X$ takes the values $${values.map((x) => tex(x)).join(',\\ ')}$ with probabilities ` +
    `$${weights.map((x) => tex(x)).join(',\\ ')}$. Compute its expectile $m_\\tau$ at $\\tau = ${tex(tau)}$: the minimiser of ` +
    `$\\mathbb E\\big[\\lvert \\tau - \\mathbb 1(X < m) \\rvert (X - m)^2\\big]$.`,
  asked: 'm_\\tau',
  askedText: 'the expectile m_τ',
  answer: ({ values, weights, tau }) => expectile(values, tau, weights),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'mean',
      value: ({ values, weights }) => expectile(values, 0.5, weights),
      hint: 'That is the mean, the expectile at τ = ½. For τ > ½ the values above m weigh τ and those below 1 − τ, which pushes m up.',
    },
    {
      id: 'quantile',
      value: ({ values, weights, tau }) => quantile(values, tau, weights),
      hint: 'That is the τ-quantile (the asymmetric absolute loss). The expectile uses the asymmetric squared loss: solve τ E[(X − m)⁺] = (1 − τ) E[(m − X)⁺].',
    },
    {
      id: 'swapped',
      value: ({ values, weights, tau }) => expectile(values, 1 - tau, weights),
      hint: 'The weights are swapped: values above m weigh τ, values below weigh 1 − τ (that is the expectile at 1 − τ).',
    },
  ],
  hint: 'm_τ solves τ Σ p(x)(x − m)⁺ = (1 − τ) Σ p(x)(m − x)⁺: guess which values lie above m, solve the linear equation, and check the guess.',
});

interface CqlInst {
  r: number[];
  pi: number[];
  piBeta: number[];
  gamma: number;
  alpha: number;
  a: number;
}

const cqlSetting = ({ r, pi, piBeta, gamma }: CqlInst) => {
  const model: MDP = { P: [[[1]], [[1]]], R: [r], rho0: [1], gamma };
  return { model, pi: [pi], mu: [pi], piBeta: [piBeta], variant: 'penalty' as const };
};

export const cqlEx = defineExercise<CqlInst>({
  id: 'ex-checked-cql',
  chapter: 11,
  make: (rng) => ({
    r: [0, 1].map(() => intIn(rng, -1, 3)),
    pi: gridDistribution(rng, 2),
    piBeta: gridDistribution(rng, 2),
    gamma: pick(rng, [0.5, 0.8, 0.9]),
    alpha: pick(rng, [0.1, 0.2, 0.5, 1]),
    a: rng.int(2),
  }),
  statement: (i) =>
    `An MDP has one state, which every action leads back to, and actions $1, 2$ with rewards $r = ${texTuple(i.r)}$; ` +
    `$\\gamma = ${tex(i.gamma)}$. The data's behaviour policy is $\\hat\\pi_\\beta = ${texTuple(i.piBeta)}$ (exact backups: no sampling error). ` +
    `Conservative policy evaluation of $\\pi = ${texTuple(i.pi)}$ with $\\mu = \\pi$, the penalty-only variant ` +
    `$g = \\mu / \\hat\\pi_\\beta$ and $\\alpha = ${tex(i.alpha)}$ converges to a fixed point $\\hat Q$. Compute $\\hat Q(${i.a + 1})$.`,
  asked: '\\hat Q(a)',
  askedText: 'the CQL fixed point Q̂(a)',
  answer: (i) => cqlFixedPoint(cqlSetting(i), i.alpha).Q[0][i.a],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'no-penalty',
      value: (i) => evaluatePolicy(cqlSetting(i).model, [i.pi]).Q[0][i.a],
      hint: 'That is Q^π without the penalty. CQL subtracts α g from the reward at every backup: Q̂ is the value of π for the reward r − α g.',
    },
    {
      id: 'one-backup',
      value: (i) => i.r[i.a] - (i.alpha * i.pi[i.a]) / i.piBeta[i.a],
      hint: 'That is r − α g without the future. The fixed point bootstraps: Q̂(a) = r(a) − α g(a) + γ Σ_b π(b) Q̂(b).',
    },
    {
      id: 'inverted-ratio',
      value: (i) => {
        const { model } = cqlSetting(i);
        const R = [i.r.map((x, b) => x - (i.alpha * i.piBeta[b]) / i.pi[b])];
        return evaluatePolicy({ ...model, R }, [i.pi]).Q[0][i.a];
      },
      hint: 'The penalty ratio is upside down: g = μ/π̂_β, large where μ puts mass the data rarely shows.',
    },
  ],
  hint: 'Q̂ is the value of π when the reward is r(a) − α μ(a)/π̂_β(a): with one state, V̂ = Σ_a π(a)(r(a) − α g(a))/(1 − γ) and Q̂(a) = r(a) − α g(a) + γ V̂.',
});

interface AwrInst {
  piBeta: number[];
  adv: number[];
  eta: number;
  a: number;
}

export const awrEx = defineExercise<AwrInst>({
  id: 'ex-checked-awr',
  chapter: 11,
  make(rng) {
    const adv = [0, 1, 2].map(() => pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5]));
    if (new Set(adv).size === 1) adv[0] += 1;
    return { piBeta: gridDistribution(rng, 3), adv, eta: pick(rng, [0.5, 1, 2, 3]), a: rng.int(3) };
  },
  statement: ({ piBeta, adv, eta, a }) =>
    `In one state the behaviour policy is $\\pi_\\beta = ${texTuple(piBeta)}$ over actions $1, 2, 3$ and IQL's advantages are ` +
    `$A(s, \\cdot) = Q(s, \\cdot) - V(s) = ${texTuple(adv)}$. With inverse temperature $\\eta = ${tex(eta)}$, what probability does the ` +
    `policy extracted by advantage-weighted regression give to action $${a + 1}$?`,
  asked: '\\pi(a \\mid s)',
  askedText: 'π(a | s)',
  answer: ({ piBeta, adv, eta, a }) => awrPolicy([adv], [0], [piBeta], eta)[0][a],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'no-behaviour',
      value: ({ adv, eta, a }) => awrPolicy([adv], [0], [[1 / 3, 1 / 3, 1 / 3]], eta)[0][a],
      hint: 'That ignores π_β. AWR reweights the logged actions, so π(a|s) ∝ π_β(a|s) e^{η A(s, a)}.',
    },
    {
      id: 'divided-by-eta',
      value: ({ piBeta, adv, eta, a }) => awrPolicy([adv], [0], [piBeta], 1 / eta)[0][a],
      hint: 'η is an inverse temperature: it multiplies the advantage, e^{η A}.',
    },
  ],
  hint: 'Weight each action by π_β(a|s) e^{η A(s, a)} and normalise the three weights.',
});

export const chapter11 = [expectileEx, cqlEx, awrEx];
