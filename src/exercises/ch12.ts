/** Chapter 12 (preferences): the KL-regularised optimum, a DPO loss, a GRPO group advantage. */
import { groupAdvantages, klRegularizedOptimum, logSigmoid } from '@/rl';
import { defineExercise } from './types';
import { gridDistribution, intIn, pick, tex, texTuple } from './instance';

interface KlInst {
  ref: number[];
  r: number[];
  beta: number;
  y: number;
}

export const klOptimumEx = defineExercise<KlInst>({
  id: 'ex-checked-kl-optimum',
  chapter: 12,
  make(rng) {
    const r = [0, 1, 2].map(() => pick(rng, [-1, -0.5, 0, 0.5, 1, 1.5, 2]));
    if (new Set(r).size === 1) r[0] += 1;
    return { ref: gridDistribution(rng, 3), r, beta: pick(rng, [0.25, 0.5, 1, 2]), y: rng.int(3) };
  },
  statement: ({ ref, r, beta, y }) =>
    `For one prompt, three responses have reference probabilities $\\pi_{\\text{ref}} = ${texTuple(ref)}$ and rewards ` +
    `$r = ${texTuple(r)}$. The policy $\\pi^\\star$ maximises $\\mathbb E_{y \\sim \\pi}[r(y)] - \\beta\\, D_{KL}(\\pi \\Vert \\pi_{\\text{ref}})$ ` +
    `with $\\beta = ${tex(beta)}$. Compute $\\pi^\\star(y_{${y + 1}})$.`,
  asked: '\\pi^\\star(y)',
  askedText: 'π*(y)',
  answer: ({ ref, r, beta, y }) => klRegularizedOptimum(ref, r, beta).pi[y],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'no-reference',
      value: ({ r, beta, y }) => klRegularizedOptimum([1 / 3, 1 / 3, 1 / 3], r, beta).pi[y],
      hint: 'That is softmax(r/β), which forgets the reference. The optimum tilts π_ref: π*(y) ∝ π_ref(y) e^{r(y)/β}.',
    },
    {
      id: 'times-beta',
      value: ({ ref, r, beta, y }) =>
        klRegularizedOptimum(
          ref,
          r.map((x) => x * beta * beta),
          beta,
        ).pi[y],
      hint: 'β divides the reward in the exponent: π*(y) ∝ π_ref(y) e^{r(y)/β}. A large β keeps π* near π_ref.',
    },
  ],
  hint: 'Weight each response by π_ref(y) e^{r(y)/β} and normalise.',
});

interface DpoInst {
  pw: number;
  pl: number;
  refW: number;
  refL: number;
  beta: number;
}

const margin = ({ pw, pl, refW, refL }: DpoInst) => Math.log(pw / refW) - Math.log(pl / refL);

export const dpoLossEx = defineExercise<DpoInst>({
  id: 'ex-checked-dpo-loss',
  chapter: 12,
  make(rng) {
    const probs = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];
    const inst = {
      pw: pick(rng, probs),
      pl: pick(rng, probs),
      refW: pick(rng, probs),
      refL: pick(rng, probs),
      beta: pick(rng, [0.1, 0.5, 1, 2]),
    };
    if (Math.abs(margin(inst)) < 1e-9) inst.pw = inst.pw === 0.5 ? 0.4 : 0.5;
    return inst;
  },
  statement: (i) =>
    `A preference pair for one prompt: the preferred response $y_w$ has $\\pi_\\theta(y_w) = ${tex(i.pw)}$ and $\\pi_{\\text{ref}}(y_w) = ${tex(i.refW)}$; ` +
    `the rejected one $y_l$ has $\\pi_\\theta(y_l) = ${tex(i.pl)}$ and $\\pi_{\\text{ref}}(y_l) = ${tex(i.refL)}$. With $\\beta = ${tex(i.beta)}$, ` +
    `compute the DPO loss of this pair, $-\\log\\sigma\\big(\\beta\\log\\frac{\\pi_\\theta(y_w)}{\\pi_{\\text{ref}}(y_w)} - \\beta\\log\\frac{\\pi_\\theta(y_l)}{\\pi_{\\text{ref}}(y_l)}\\big)$ (natural logarithms).`,
  asked: '\\mathcal L_{\\text{DPO}}',
  askedText: 'the DPO loss',
  answer: (i) => -logSigmoid(i.beta * margin(i)),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'swapped',
      value: (i) => -logSigmoid(-i.beta * margin(i)),
      hint: 'The two responses are swapped: the preferred response’s log-ratio comes first.',
    },
    {
      id: 'no-beta',
      value: (i) => -logSigmoid(margin(i)),
      hint: 'β multiplies both log-ratios before the sigmoid.',
    },
    {
      id: 'no-reference',
      value: (i) => -logSigmoid(i.beta * (Math.log(i.pw) - Math.log(i.pl))),
      hint: 'The implicit reward is β log(π_θ/π_ref): divide by the reference probabilities inside the logarithms.',
    },
  ],
  hint: 'Compute the margin m = β[log(π_θ(y_w)/π_ref(y_w)) − log(π_θ(y_l)/π_ref(y_l))], then −log σ(m) = log(1 + e^{−m}).',
});

interface GroupInst {
  rewards: number[];
  i: number;
}

export const grpoEx = defineExercise<GroupInst>({
  id: 'ex-checked-grpo-advantage',
  chapter: 12,
  make(rng) {
    const G = pick(rng, [4, 5, 6]);
    const rewards = Array.from({ length: G }, () => intIn(rng, 0, 4) / 2);
    if (new Set(rewards).size === 1) rewards[0] = rewards[0] === 0 ? 1 : 0;
    // Ask about a response whose advantage is not zero.
    const mean = rewards.reduce((a, b) => a + b, 0) / G;
    const candidates = rewards.map((_, k) => k).filter((k) => rewards[k] !== mean);
    return { rewards, i: candidates[rng.int(candidates.length)] };
  },
  statement: ({ rewards, i }) =>
    `A group of $G = ${rewards.length}$ responses to one prompt got rewards $${rewards.map((x) => tex(x)).join(',\\ ')}$. ` +
    `Compute the group-relative advantage $A_{${i + 1}}$ of response ${i + 1} as this book's code does: ` +
    `$(r_i - \\operatorname{mean}(r)) / (\\operatorname{std}(r) + \\varepsilon_{\\text{std}})$ with the sample standard deviation ` +
    `(dividing by $G - 1$) and $\\varepsilon_{\\text{std}} = 10^{-4}$.`,
  asked: 'A_i',
  askedText: 'the advantage A_i',
  answer: ({ rewards, i }) => groupAdvantages(rewards)[i],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'no-std',
      value: ({ rewards, i }) => groupAdvantages(rewards, { normalizeStd: false })[i],
      hint: 'That is r_i − mean(r) (the Dr. GRPO form). This exercise divides by the group’s standard deviation too.',
    },
    {
      id: 'population-std',
      value: ({ rewards, i }) => groupAdvantages(rewards, { std: 'population' })[i],
      hint: 'That uses the population standard deviation (dividing by G). The book’s code uses the sample one, dividing by G − 1.',
    },
  ],
  hint: 'mean(r) = Σ r_i / G; std(r) = √(Σ (r_i − mean)² / (G − 1)); then A_i = (r_i − mean)/(std + 10⁻⁴).',
});

export const chapter12 = [klOptimumEx, dpoLossEx, grpoEx];
