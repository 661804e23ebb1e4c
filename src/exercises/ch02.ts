/** Chapter 2 (the policy gradient): the softmax score, the exact gradient of a bandit, a REINFORCE estimate. */
import { reinforceEstimate, rewardsToGo, softmaxPolicy, softmaxPolicyGradient } from '@/rl';
import { defineExercise } from './types';
import { intIn, pick, tex, texTuple } from './instance';

const HALVES = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];

interface Score {
  theta: number[];
  a: number;
  b: number;
}

const probs = (theta: number[]) => softmaxPolicy([theta])[0];

export const softmaxScore = defineExercise<Score>({
  id: 'ex-checked-softmax-score',
  chapter: 2,
  make(rng) {
    const theta = [0, 1, 2].map(() => pick(rng, HALVES));
    const a = rng.int(3);
    const b = (a + 1 + rng.int(2)) % 3;
    return { theta, a, b };
  },
  statement: ({ theta, a, b }) =>
    `A softmax policy over three actions has logits $\\theta = ${texTuple(theta)}$, so ` +
    `$\\pi_\\theta(a) = e^{\\theta_a} / \\sum_{a'} e^{\\theta_{a'}}$ (one state, actions $1, 2, 3$). ` +
    `Compute the component $\\partial \\log \\pi_\\theta(${a + 1}) / \\partial \\theta_{${b + 1}}$ of the score of action $${a + 1}$.`,
  asked: `\\partial \\log \\pi_\\theta(a) / \\partial \\theta_b`,
  askedText: '∂ log π_θ(a) / ∂θ_b',
  answer: ({ theta, b }) => -probs(theta)[b],
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'indicator-misplaced',
      value: ({ theta, b }) => 1 - probs(theta)[b],
      hint: 'The score is 1[a = b] − π_θ(b); here a ≠ b, so the indicator is 0.',
    },
    {
      id: 'wrong-index',
      value: ({ theta, a }) => -probs(theta)[a],
      hint: 'The derivative with respect to θ_b brings down π_θ(b), the probability of the action you differentiate by, not of the action taken.',
    },
    {
      id: 'no-log',
      value: ({ theta, a, b }) => -probs(theta)[a] * probs(theta)[b],
      hint: 'That is the derivative of π_θ(a) itself. The score is the derivative of its logarithm: divide by π_θ(a).',
    },
  ],
  hint: 'Write log π_θ(a) = θ_a − log Σ_{a′} e^{θ_{a′}} and differentiate both terms by θ_b.',
});

interface Bandit {
  theta: number[];
  r: number[];
  b: number;
}

/** The bandit as a one-state MDP with γ = 0, so J(θ) = Σ_a π_θ(a) r(a) and softmaxPolicyGradient is its gradient. */
const banditGradient = ({ theta, r }: Bandit) =>
  softmaxPolicyGradient({ P: r.map(() => [[1]]), R: [r], rho0: [1], gamma: 0 }, [theta])[0];

export const banditGradientEx = defineExercise<Bandit>({
  id: 'ex-checked-bandit-gradient',
  chapter: 2,
  make(rng) {
    const theta = [0, 1, 2].map(() => pick(rng, HALVES));
    let r = [0, 1, 2].map(() => intIn(rng, -2, 4));
    if (new Set(r).size === 1) r = [r[0], r[0] + 1, r[0] - 1];
    return { theta, r, b: rng.int(3) };
  },
  statement: ({ theta, r, b }) =>
    `A one-step problem (a bandit) has actions $1, 2, 3$ with rewards $r = ${texTuple(r)}$, and the policy is the ` +
    `softmax of $\\theta = ${texTuple(theta)}$. Its objective is $J(\\theta) = \\sum_a \\pi_\\theta(a)\\, r(a)$. ` +
    `Compute the exact gradient component $\\partial J / \\partial \\theta_{${b + 1}}$.`,
  asked: '\\partial J / \\partial \\theta_b',
  askedText: '∂J / ∂θ_b',
  answer: (i) => banditGradient(i)[i.b],
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'no-baseline',
      value: ({ theta, r, b }) => probs(theta)[b] * r[b],
      hint: 'That keeps only the a = b term of E[∇ log π · r]. The other actions contribute too, through −π_θ(b) in their scores: the result is π_θ(b)(r(b) − J).',
    },
    {
      id: 'no-probability',
      value: ({ theta, r, b }) => r[b] - probs(theta).reduce((acc, p, a) => acc + p * r[a], 0),
      hint: 'r(b) − J is the advantage of action b; the gradient weighs it by how often b is played, π_θ(b).',
    },
  ],
  hint: 'Use ∇J = Σ_a π_θ(a) r(a) ∇ log π_θ(a) with ∂ log π_θ(a)/∂θ_b = 1[a = b] − π_θ(b).',
});

interface Reinforce {
  rewards: number[];
  scores: number[];
  gamma: number;
}

export const reinforceEx = defineExercise<Reinforce>({
  id: 'ex-checked-reinforce-estimate',
  chapter: 2,
  make(rng) {
    const gamma = pick(rng, [0.5, 0.8, 0.9]);
    const rewards = [0, 1, 2].map(() => intIn(rng, -1, 3));
    if (!rewards.some((x) => x !== 0)) rewards[2] = 2;
    const scores = [0, 1, 2].map(() => pick(rng, [-0.8, -0.6, -0.4, -0.2, 0.2, 0.4, 0.6, 0.8]));
    return { rewards, scores, gamma };
  },
  statement: ({ rewards, scores, gamma }) =>
    `One episode of three steps gave rewards $r_0, r_1, r_2 = ${rewards.map((x) => tex(x)).join(',\\ ')}$ ` +
    `with $\\gamma = ${tex(gamma)}$, and along it the component $\\hat g_t = \\partial \\log \\pi_\\theta(a_t \\mid s_t) / \\partial \\theta_k$ ` +
    `of the score took the values $\\hat g_0, \\hat g_1, \\hat g_2 = ${scores.map((x) => tex(x)).join(',\\ ')}$. ` +
    `Compute the reward-to-go estimate $\\sum_t \\hat g_t\\, \\hat R_t$ of $\\partial J / \\partial \\theta_k$, ` +
    `with $\\hat R_t = \\gamma^t G_t$ and $G_t = \\sum_{k \\ge t} \\gamma^{k - t} r_k$.`,
  asked: '\\sum_t \\hat g_t \\hat R_t',
  askedText: 'Σ_t ĝ_t R̂_t',
  answer: ({ rewards, scores, gamma }) => reinforceEstimate(scores, rewards, gamma),
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'full-return',
      value: ({ rewards, scores, gamma }) =>
        scores.reduce((a, b) => a + b, 0) * rewards.reduce((acc, r, k) => acc + gamma ** k * r, 0),
      hint: 'That multiplies every score by the whole return R(τ). With reward-to-go each score multiplies only the rewards that come after it.',
    },
    {
      id: 'no-gamma-t',
      value: ({ rewards, scores, gamma }) => {
        const G = rewardsToGo(rewards, gamma);
        return scores.reduce((acc, g, t) => acc + g * G[t], 0);
      },
      hint: 'The factor γ^t in R̂_t = γ^t G_t is missing: a reward at time k counts γ^k in J, whichever score it multiplies.',
    },
    {
      id: 'undiscounted',
      value: ({ rewards, scores }) => reinforceEstimate(scores, rewards, 1),
      hint: 'The rewards were not discounted: G_t = Σ_k γ^{k−t} r_k.',
    },
  ],
  hint: 'Compute G_2 = r_2, G_1 = r_1 + γ G_2, G_0 = r_0 + γ G_1, then add up ĝ_t γ^t G_t.',
});

export const chapter2 = [softmaxScore, banditGradientEx, reinforceEx];
