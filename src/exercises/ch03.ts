/** Chapter 3 (performance difference): the PDL's value, an advantage from V^π, a one-ratio importance-sampling estimate. */
import { evaluatePolicy, performanceDifference, qFromV, surrogate, type MDP, type Policy } from '@/rl';
import { defineExercise } from './types';
import { distinctRows, gridDistribution, intIn, pick, tex, texMatrix, texTuple } from './instance';

interface Pair {
  mdp: MDP;
  pi: Policy;
  piNew: Policy;
}

const twoStateMdp = (rng: Parameters<typeof gridDistribution>[0], gamma: number): MDP => ({
  P: [0, 1].map(() => [0, 1].map(() => gridDistribution(rng, 2))),
  R: [0, 1].map(() => [0, 1].map(() => intIn(rng, -2, 3))),
  rho0: gridDistribution(rng, 2),
  gamma,
});

export const pdlValue = defineExercise<Pair>({
  id: 'ex-checked-pdl',
  chapter: 3,
  make(rng) {
    const mdp = twoStateMdp(rng, pick(rng, [0.5, 0.6, 0.8]));
    // Deterministic policies (one action per state) keep the hand computation to two 2 × 2 systems.
    const det = () => [0, 1].map(() => (rng.int(2) === 0 ? [1, 0] : [0, 1]));
    const pi = det();
    let piNew = det();
    if (JSON.stringify(pi) === JSON.stringify(piNew)) piNew = [pi[0].slice().reverse(), pi[1]];
    return { mdp, pi, piNew };
  },
  statement: ({ mdp, pi, piNew }) =>
    `An MDP has states $1, 2$, actions $1, 2$, $\\gamma = ${tex(mdp.gamma)}$ and start distribution ` +
    `$\\rho_0 = ${texTuple(mdp.rho0)}$. Row $s$ of $P(\\cdot \\mid \\cdot, a)$ is the law of the next state after action $a$ in $s$: ` +
    `$$P(\\cdot \\mid \\cdot, 1) = ${texMatrix(mdp.P[0])},\\quad P(\\cdot \\mid \\cdot, 2) = ${texMatrix(mdp.P[1])},\\quad r = ${texMatrix(mdp.R)}.$$` +
    `The policy $\\pi$ plays action ${pi.map((row, s) => `$${row.indexOf(1) + 1}$ in state $${s + 1}$`).join(' and ')}; ` +
    `the policy $\\pi'$ plays action ${piNew.map((row, s) => `$${row.indexOf(1) + 1}$ in state $${s + 1}$`).join(' and ')}. ` +
    `Compute $J(\\pi') - J(\\pi)$ (by the performance difference lemma, or directly).`,
  asked: "J(\\pi') - J(\\pi)",
  askedText: 'J(π′) − J(π)',
  answer: ({ mdp, pi, piNew }) => performanceDifference(mdp, pi, piNew).lhs,
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'normalised',
      value: ({ mdp, pi, piNew }) => (1 - mdp.gamma) * performanceDifference(mdp, pi, piNew).lhs,
      hint: 'With the normalised distribution d_π′ the lemma carries a factor 1/(1 − γ): J(π′) − J(π) = (1/(1 − γ)) E_{s∼d_π′, a∼π′}[A_π(s, a)].',
    },
    {
      id: 'old-visitation',
      value: ({ mdp, pi, piNew }) => surrogate(mdp, pi, piNew) - evaluatePolicy(mdp, pi).J,
      hint: 'That weighs the advantages by the visitation of the old policy π: it is the surrogate L_π(π′) − J(π), which agrees with J(π′) − J(π) only to first order. The lemma uses the states the new policy visits.',
    },
    {
      id: 'sign',
      value: ({ mdp, pi, piNew }) => -performanceDifference(mdp, pi, piNew).lhs,
      hint: 'The sign is reversed: the advantages are those of π, averaged over what π′ does.',
    },
  ],
  hint: 'Evaluate π (solve the 2 × 2 system for V^π), form A_π(s, a) = r(s, a) + γ Σ P(s′|s, a) V^π(s′) − V^π(s), and sum ρ_π′(s) A_π(s, π′(s)); or evaluate both policies and subtract ρ_0 · V.',
});

interface AdvantageInst {
  mdp: MDP;
  V: number[];
  s: number;
  a: number;
}

export const advantageEx = defineExercise<AdvantageInst>({
  id: 'ex-checked-advantage',
  chapter: 3,
  make(rng) {
    const gamma = pick(rng, [0.8, 0.9]);
    const mdp: MDP = {
      P: [0, 1].map(() => [0, 1, 2].map(() => gridDistribution(rng, 3))),
      R: [0, 1, 2].map(() => [0, 1].map(() => intIn(rng, -2, 3))),
      rho0: [1, 0, 0],
      gamma,
    };
    const pi = [0, 1, 2].map(() => gridDistribution(rng, 2));
    // The true V^π, rounded to two decimals: the statement gives these numbers and the answer uses them.
    const V = evaluatePolicy(mdp, pi).V.map((v) => Math.round(v * 100) / 100);
    return { mdp, V, s: rng.int(3), a: rng.int(2) };
  },
  statement: ({ mdp, V, s, a }) =>
    `In an MDP with states $1, 2, 3$ and $\\gamma = ${tex(mdp.gamma)}$, a policy $\\pi$ has values (rounded to two decimals) ` +
    `$V^\\pi = ${texTuple(V)}$. In state $${s + 1}$, action $${a + 1}$ pays $r(${s + 1}, ${a + 1}) = ${tex(mdp.R[s][a])}$ ` +
    `and leads to states $1, 2, 3$ with probabilities $${mdp.P[a][s].map((x) => tex(x)).join(',\\ ')}$. ` +
    `Using these numbers, compute the advantage $A^\\pi(${s + 1}, ${a + 1})$.`,
  asked: 'A^\\pi(s, a)',
  askedText: 'A^π(s, a)',
  answer: ({ mdp, V, s, a }) => qFromV(mdp, V)[s][a] - V[s],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'q-not-a',
      value: ({ mdp, V, s, a }) => qFromV(mdp, V)[s][a],
      hint: 'That is Q^π(s, a). The advantage subtracts the value of the state: A^π(s, a) = Q^π(s, a) − V^π(s).',
    },
    {
      id: 'no-discount',
      value: ({ mdp, V, s, a }) => qFromV({ ...mdp, gamma: 1 }, V)[s][a] - V[s],
      hint: 'The next state’s value enters discounted: Q^π(s, a) = r(s, a) + γ Σ_s′ P(s′|s, a) V^π(s′).',
    },
    {
      id: 'reversed',
      value: ({ mdp, V, s, a }) => V[s] - qFromV(mdp, V)[s][a],
      hint: 'The sign is reversed: A^π(s, a) = Q^π(s, a) − V^π(s) is positive when the action does better than π on average.',
    },
  ],
  hint: 'Compute Q^π(s, a) = r(s, a) + γ Σ_s′ P(s′|s, a) V^π(s′), then subtract V^π(s).',
});

interface Importance {
  pi: number[];
  piNew: number[];
  actions: number[];
  adv: number[];
}

const isEstimate = ({ actions, adv }: Importance, weight: (a: number) => number) =>
  actions.reduce((acc, a, i) => acc + weight(a) * adv[i], 0) / actions.length;

export const importanceEx = defineExercise<Importance>({
  id: 'ex-checked-importance',
  chapter: 3,
  make(rng) {
    const two = distinctRows(rng, 1, 3, { min: 2, minNew: 1, fallbacks: [(p) => [p[1], p[0], p[2]]] });
    const [pi, piNew] = [two.pi[0], two.piNew[0]];
    const actions = [0, 1, 2, 3].map(() => rng.categorical(pi));
    const adv = [0, 1, 2, 3].map(() => pick(rng, [-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2]));
    if (new Set(actions).size === 1) actions[3] = (actions[0] + 1) % 3;
    return { pi, piNew, actions, adv };
  },
  statement: (i) =>
    `In one state, the old policy is $\\pi = ${texTuple(i.pi)}$ and the new one $\\pi' = ${texTuple(i.piNew)}$ over actions $1, 2, 3$. ` +
    `Four actions were sampled from $\\pi$: $${i.actions.map((a) => a + 1).join(',\\ ')}$, with advantage estimates ` +
    `$\\hat A = ${i.adv.map((x) => tex(x)).join(',\\ ')}$. Compute the one-ratio importance-sampling estimate ` +
    `$\\frac{1}{4}\\sum_i \\frac{\\pi'(a_i)}{\\pi(a_i)} \\hat A_i$ of $\\mathbb E_{a \\sim \\pi'}[A(a)]$.`,
  asked: "\\frac14 \\sum_i \\frac{\\pi'(a_i)}{\\pi(a_i)} \\hat A_i",
  askedText: 'the importance-sampling estimate',
  answer: (i) => isEstimate(i, (a) => i.piNew[a] / i.pi[a]),
  tolerance: { kind: 'sig', figures: 3, floor: 1e-3 },
  mistakes: [
    {
      id: 'no-weights',
      value: (i) => isEstimate(i, () => 1),
      hint: 'That is the plain average of the advantages, an estimate of E_{a∼π}[A]. The samples came from π: reweight each by π′(a)/π(a).',
    },
    {
      id: 'inverted',
      value: (i) => isEstimate(i, (a) => i.pi[a] / i.piNew[a]),
      hint: 'The ratio is upside down: a sample from π counts π′(a)/π(a) times (target over sampling law).',
    },
  ],
  hint: 'For each sample compute the ratio π′(a_i)/π(a_i), multiply by Â_i, and average the four products.',
});

export const chapter3 = [pdlValue, advantageEx, importanceEx];
