/** Chapter 4 (mixture policies, CPI): Kakade–Langford's bound at a step, the best step, the best guarantee. */
import { bestMixtureStep, mixtureLowerBound } from '@/rl';
import { defineExercise } from './types';
import { pick, tex } from './instance';

interface Ingredients {
  A: number;
  eps: number;
  gamma: number;
  alpha: number;
}

const draw = (rng: Parameters<typeof pick>[0]): Ingredients => {
  const eps = pick(rng, [0.5, 1, 2, 4]);
  return {
    eps,
    A: eps * pick(rng, [0.1, 0.2, 0.3, 0.4, 0.5]),
    gamma: pick(rng, [0.8, 0.9, 0.95]),
    alpha: pick(rng, [0.01, 0.02, 0.05, 0.1, 0.2]),
  };
};

const given = ({ A, eps, gamma }: Ingredients) =>
  `For a policy $\\pi$ and a candidate $\\pi'$, the policy advantage is $\\mathbb A = \\mathbb E_{s \\sim d_\\pi} \\mathbb E_{a \\sim \\pi'} A_\\pi(s, a) = ${tex(A)}$, ` +
  `$\\epsilon = \\max_s \\lvert \\mathbb E_{a \\sim \\pi'} A_\\pi(s, a) \\rvert = ${tex(eps)}$ and $\\gamma = ${tex(gamma)}$. `;

const B = (i: Ingredients, alpha = i.alpha) => mixtureLowerBound(i.A, i.eps, i.gamma, alpha);

export const klBoundEx = defineExercise<Ingredients>({
  id: 'ex-checked-kl-bound',
  chapter: 4,
  make: draw,
  statement: (i) =>
    given(i) +
    `Compute Kakade and Langford's lower bound $B(\\alpha)$ on $J(\\pi_\\alpha) - J(\\pi)$ for the mixture ` +
    `$\\pi_\\alpha = (1 - \\alpha)\\pi + \\alpha\\pi'$ at $\\alpha = ${tex(i.alpha)}$.`,
  asked: 'B(\\alpha)',
  askedText: 'B(α)',
  answer: (i) => B(i),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-5 },
  mistakes: [
    {
      id: 'no-horizon',
      value: (i) => (1 - i.gamma) * B(i),
      hint: 'The factor 1/(1 − γ) in front is missing: the bound is on unnormalised values, B(α) = α/(1 − γ) (𝔸 − 2αγε/(1 − γ(1 − α))).',
    },
    {
      id: 'loose-denominator',
      value: ({ A, eps, gamma, alpha }) =>
        (alpha / (1 - gamma)) * (A - (2 * alpha * gamma * eps) / (1 - gamma)),
      hint: 'That is the looser quadratic bound, with 1 − γ in the penalty’s denominator. The theorem has 1 − γ(1 − α).',
    },
    {
      id: 'first-order',
      value: ({ A, gamma, alpha }) => (alpha * A) / (1 - gamma),
      hint: 'That is only the first-order gain α𝔸/(1 − γ); the bound subtracts the penalty 2α²γε/((1 − γ)(1 − γ(1 − α))).',
    },
  ],
  hint: 'Substitute into B(α) = α/(1 − γ) · (𝔸 − 2αγε/(1 − γ(1 − α))).',
});

export const bestAlphaEx = defineExercise<Ingredients>({
  id: 'ex-checked-best-alpha',
  chapter: 4,
  make: draw,
  statement: (i) =>
    given(i) +
    `Which mixture weight $\\alpha^\\star \\in [0, 1]$ maximises Kakade and Langford's bound $B(\\alpha)$?`,
  asked: '\\alpha^\\star',
  askedText: 'α*',
  answer: (i) => bestMixtureStep(i.A, i.eps, i.gamma).alpha,
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'quadratic-step',
      value: (i) => bestMixtureStep(i.A, i.eps, i.gamma).simpleAlpha,
      hint: 'That is α̃ = (1 − γ)𝔸/(4γε), the maximiser of the looser quadratic bound. Maximise B itself: α̂ = ((1 − γ)/γ)(1/√(1 − 𝔸/(2ε)) − 1).',
    },
    {
      id: 'no-gamma',
      value: (i) => (1 - i.gamma) * (1 / Math.sqrt(1 - i.A / (2 * i.eps)) - 1),
      hint: 'The factor 1/γ is missing from α̂ = ((1 − γ)/γ)(k − 1).',
    },
  ],
  hint: 'B is concave; set B′(α) = 0. With k = 1/√(1 − 𝔸/(2ε)) the stationary point is α̂ = (1 − γ)(k − 1)/γ; clip it to [0, 1].',
});

export const bestBoundEx = defineExercise<Ingredients>({
  id: 'ex-checked-best-bound',
  chapter: 4,
  make: draw,
  statement: (i) =>
    given(i) +
    `What improvement $J(\\pi_{\\alpha^\\star}) - J(\\pi)$ does the bound guarantee at its best weight $\\alpha^\\star$, i.e. what is $B(\\alpha^\\star)$?`,
  asked: 'B(\\alpha^\\star)',
  askedText: 'B(α*)',
  answer: (i) => bestMixtureStep(i.A, i.eps, i.gamma).bound,
  tolerance: { kind: 'sig', figures: 3, floor: 1e-6 },
  mistakes: [
    {
      id: 'quadratic-value',
      value: (i) => bestMixtureStep(i.A, i.eps, i.gamma).simpleValue,
      hint: 'That is 𝔸²/(8γε), the guarantee of the looser quadratic bound at its own best step. The exact maximum of B is a little larger.',
    },
    {
      id: 'first-order',
      value: (i) => {
        const a = bestMixtureStep(i.A, i.eps, i.gamma).alpha;
        return (a * i.A) / (1 - i.gamma);
      },
      hint: 'That is the first-order gain α*𝔸/(1 − γ) without the penalty term.',
    },
  ],
  hint: 'Find α* first (the maximiser of B on [0, 1]), then evaluate B there; when α̂ ≤ 1, B(α̂) = (2ε/γ)(1 − √(1 − 𝔸/(2ε)))².',
});

export const chapter4 = [klBoundEx, bestAlphaEx, bestBoundEx];
