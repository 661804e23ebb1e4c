/**
 * The widget's problem for the log-derivative derivation of chapter 2: a horizon-H MDP with 2 states and 2
 * actions, a softmax policy and a fixed baseline. Every line is computed exactly by `logDerivativeLines` of
 * src/rl/log-derivative.ts (enumerating every trajectory).
 */
import { logDerivativeLines, type LogDerivativeLines } from '@/rl';
import type { DerivationStep } from '@/widgets/common/DerivationTable';
import { randomProblem } from '@/widgets/common/random-problem';

export type DerivationLines = LogDerivativeLines;

export function derivation(seed: number, gamma: number, H = 3): DerivationLines {
  const { mdp, theta } = randomProblem({ seed, states: 2, actions: 2, gamma });
  const b = [0.7, -0.4]; // any baseline
  return logDerivativeLines(mdp, theta, b, H);
}

/**
 * Central differences with h = 1e-6 are exact only to O(h²) plus rounding ε·|J|/h ≈ 1e-10: the first comparison
 * (exact gradient against the finite-difference one) allows 1e-7; the exact lines after it agree to 1e-9.
 */
export const FD_TOL = 1e-7;

/** The lines as `DerivationTable` rows, each checked against the line above; the dropped past terms against 0. */
export function derivationSteps(d: DerivationLines): DerivationStep[] {
  const lines = [
    { text: '∇J(θ), by finite differences of J', value: d.fd, note: 'central differences, h = 10⁻⁶' },
    { text: 'Σ_τ ∇P(τ|θ) R(τ)', value: d.gradP, note: 'differentiate the sum over trajectories' },
    {
      text: 'Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) R(τ)',
      value: d.logDeriv,
      note: 'log-derivative trick; the dynamics drop out',
    },
    {
      text: 'Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) Σ_{t′≥t} γ^t′ r_t′',
      value: d.rewardToGo,
      note: 'the past dropped (its terms sum to 0, last row)',
    },
    {
      text: 'Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) (Σ_{t′≥t} γ^t′ r_t′ − γ^t b(s_t))',
      value: d.baseline,
      note: 'a baseline: E[∇log π] = 0',
    },
  ];
  const steps: DerivationStep[] = lines.map((l, i) => ({
    id: `logd-step-${i + 1}`,
    lhsTestId: `logd-line-${i + 1}`,
    label: `line ${i + 1}`,
    formula: l.text,
    text: l.text,
    lhs: l.value,
    ...(i > 0 && { rhs: lines[i - 1].value, relation: '=' as const, tol: i === 1 ? FD_TOL : undefined }),
    note: l.note,
  }));
  steps.push({
    id: 'logd-past-terms',
    label: 'dropped',
    formula: 'Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) Σ_{t′<t} γ^t′ r_t′',
    text: 'dropped past terms',
    lhs: d.pastTerms,
    rhs: d.pastTerms.map(() => 0),
    relation: '=',
    note: 'a reward before t is independent of the score at t',
  });
  return steps;
}
