/** Chapter 5 (TRPO): the largest TV between two policies, a KL divergence, TRPO's guaranteed improvement. */
import { klDivergence, trpoGuaranteedImprovement, tvDistance, tvMax, type Policy, type Rng } from '@/rl';
import { defineExercise } from './types';
import { distinctRows, pick, reversed, rotated, tex, texMatrix } from './instance';

interface TwoPolicies {
  pi: Policy;
  piNew: Policy;
}

// Hundredths (each at least 0.05): enough variety that the largest distance differs from seed to seed.
const differentRows = (rng: Rng, states: number): TwoPolicies =>
  distinctRows(rng, states, 3, { units: 100, min: 5, fallbacks: [reversed] });

export const tvMaxEx = defineExercise<TwoPolicies>({
  id: 'ex-checked-tv-max',
  chapter: 5,
  make: (rng) => differentRows(rng, 3),
  statement: ({ pi, piNew }) =>
    `Two policies over states $1, 2, 3$ and actions $1, 2, 3$ (row $s$ is the distribution over actions in state $s$): ` +
    `$$\\pi = ${texMatrix(pi)},\\qquad \\pi' = ${texMatrix(piNew)}.$$` +
    `Compute $D_{TV}^{\\max}(\\pi, \\pi') = \\max_s D_{TV}(\\pi(\\cdot \\mid s), \\pi'(\\cdot \\mid s))$.`,
  asked: "D_{TV}^{\\max}(\\pi, \\pi')",
  askedText: 'D_TV^max(π, π′)',
  answer: ({ pi, piNew }) => tvMax(pi, piNew),
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'no-half',
      value: ({ pi, piNew }) => 2 * tvMax(pi, piNew),
      hint: 'That is the L1 distance. Total variation is half of it: D_TV(p, q) = ½ Σ_a |p(a) − q(a)|.',
    },
    {
      id: 'mean',
      value: ({ pi, piNew }) => pi.reduce((acc, row, s) => acc + tvDistance(row, piNew[s]), 0) / pi.length,
      hint: 'That averages over the states; the bound uses the largest distance over states.',
    },
  ],
  hint: 'For each state compute ½ Σ_a |π(a|s) − π′(a|s)|, then take the largest of the three.',
});

interface KlInst {
  p: number[];
  q: number[];
}

export const klEx = defineExercise<KlInst>({
  id: 'ex-checked-kl-state',
  chapter: 5,
  make(rng) {
    const { pi, piNew } = distinctRows(rng, 1, 3, { fallbacks: [reversed, rotated] });
    return { p: pi[0], q: piNew[0] };
  },
  statement: ({ p, q }) =>
    `In one state, the old policy is $\\pi(\\cdot \\mid s) = (${p.map((x) => tex(x)).join(',\\ ')})$ and the new one ` +
    `$\\pi'(\\cdot \\mid s) = (${q.map((x) => tex(x)).join(',\\ ')})$ over three actions. Compute ` +
    `$D_{KL}(\\pi(\\cdot \\mid s) \\,\\Vert\\, \\pi'(\\cdot \\mid s))$ with the natural logarithm.`,
  asked: "D_{KL}(\\pi \\Vert \\pi')",
  askedText: 'D_KL(π ‖ π′)',
  answer: ({ p, q }) => klDivergence(p, q),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'reversed',
      value: ({ p, q }) => klDivergence(q, p),
      hint: 'That is D_KL(π′ ‖ π), the other direction. In D_KL(π ‖ π′) = Σ π log(π/π′) the weights are the old policy’s.',
    },
    {
      id: 'log2',
      value: ({ p, q }) => klDivergence(p, q) / Math.LN2,
      hint: 'That is in bits (log base 2). Use the natural logarithm.',
    },
    {
      id: 'log10',
      value: ({ p, q }) => klDivergence(p, q) / Math.LN10,
      hint: 'That uses log base 10. Use the natural logarithm.',
    },
  ],
  hint: 'D_KL(p ‖ q) = Σ_a p(a) log(p(a)/q(a)), natural logarithm, weighted by the first argument.',
});

interface TrpoInst {
  gain: number;
  eps: number;
  gamma: number;
  alpha: number;
}

export const trpoBoundEx = defineExercise<TrpoInst>({
  id: 'ex-checked-trpo-bound',
  chapter: 5,
  make: (rng) => ({
    gain: pick(rng, [0.5, 1, 1.5, 2, 3]),
    eps: pick(rng, [0.5, 1, 2]),
    gamma: pick(rng, [0.8, 0.9, 0.95]),
    alpha: pick(rng, [0.01, 0.02, 0.03, 0.05]),
  }),
  statement: ({ gain, eps, gamma, alpha }) =>
    `An update from $\\pi$ to $\\pi'$ has surrogate gain $L_\\pi(\\pi') - J(\\pi) = ${tex(gain)}$; the old policy's advantages satisfy ` +
    `$\\max_{s, a} \\lvert A_\\pi(s, a) \\rvert = ${tex(eps)}$, $\\gamma = ${tex(gamma)}$ and $D_{TV}^{\\max}(\\pi, \\pi') = ${tex(alpha)}$. ` +
    `What lower bound on $J(\\pi') - J(\\pi)$ does the TV form of TRPO's improvement theorem give?`,
  asked: "J(\\pi') - J(\\pi) \\ge",
  askedText: 'the lower bound on J(π′) − J(π)',
  answer: ({ gain, eps, gamma, alpha }) => trpoGuaranteedImprovement(gain, eps, gamma, alpha),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'not-squared-horizon',
      value: ({ gain, eps, gamma, alpha }) => gain - ((4 * eps * gamma) / (1 - gamma)) * alpha * alpha,
      hint: 'The penalty coefficient is C = 4εγ/(1 − γ)², with the square.',
    },
    {
      id: 'alpha-not-squared',
      value: ({ gain, eps, gamma, alpha }) => gain - ((4 * eps * gamma) / (1 - gamma) ** 2) * alpha,
      hint: 'The penalty is quadratic in the distance: C α², not C α.',
    },
    {
      id: 'no-four',
      value: ({ gain, eps, gamma, alpha }) => gain - ((eps * gamma) / (1 - gamma) ** 2) * alpha * alpha,
      hint: 'The constant is 4εγ/(1 − γ)²: the factor 4 is missing.',
    },
  ],
  hint: 'J(π′) − J(π) ≥ (L_π(π′) − J(π)) − C α² with C = 4εγ/(1 − γ)² and α = D_TV^max.',
});

export const chapter5 = [tvMaxEx, klEx, trpoBoundEx];
