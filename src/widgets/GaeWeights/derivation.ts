/**
 * The lines of the GAE derivation (chapter 7) evaluated on one finite trajectory at t = 0. A trajectory of length
 * T bootstraps from V(s_T), so the k-step estimators stop changing at k = T and the weight of Â^(T) collects the
 * tail: w_k = (1 − λ)λ^(k−1) for k < T and w_T = λ^(T−1). The weights sum to one and every line is the same
 * number computed a different way.
 */
import { gae, gaeFromTrajectory, kStepAdvantage, type Trajectory } from '@/rl';
import type { DerivationStep } from '@/widgets/common/DerivationTable';

export function kWeights(lambda: number, T: number): number[] {
  return Array.from({ length: T }, (_, i) => (i + 1 < T ? (1 - lambda) * lambda ** i : lambda ** (T - 1)));
}

/** Â^(k)_0 in the reward form −V(s_0) + Σ_{l<k} γ^l r_l + γ^k V(s_k) (with s_T the final state). */
export function kStepRewardForm(tr: Trajectory, V: ArrayLike<number>, gamma: number, k: number): number {
  const T = tr.rewards.length;
  let sum = -V[tr.states[0]];
  let g = 1;
  for (let l = 0; l < k; l++) {
    sum += g * tr.rewards[l];
    g *= gamma;
  }
  const sk = k < T ? tr.states[k] : tr.finalState;
  return sum + g * V[sk];
}

export interface DerivationLine {
  id: string;
  label: string;
  value: number;
}

export function derivationLines(tr: Trajectory, V: ArrayLike<number>, gamma: number, lambda: number) {
  const T = tr.rewards.length;
  const w = kWeights(lambda, T);
  const delta = tr.rewards.map((r, l) => {
    const next = l + 1 < T ? tr.states[l + 1] : tr.finalState;
    return r + gamma * V[next] - V[tr.states[l]];
  });
  const kReward = w.map((_, i) => kStepRewardForm(tr, V, gamma, i + 1));
  const kResidual = w.map((_, i) => kStepAdvantage(tr, V, gamma, 0, i + 1));
  const dot = (a: number[], b: number[]) => a.reduce((acc, x, i) => acc + x * b[i], 0);
  // Line 3: the coefficient of γ^l δ_l is the total weight of the estimators that contain it, Σ_{k>l} w_k.
  const tailWeight = w.map((_, l) => w.slice(l).reduce((a, b) => a + b, 0));
  const line3 = delta.reduce((acc, d, l) => acc + gamma ** l * d * tailWeight[l], 0);
  // Line 4: the same coefficient in closed form, λ^l (geometric series).
  const line4 = delta.reduce((acc, d, l) => acc + (gamma * lambda) ** l * d, 0);
  const line5 = gaeFromTrajectory(tr, V, gamma, lambda)[0];
  // Line 6: the rollout routine of the training code, told that the last step was a time-limit truncation.
  const values = tr.states.map((s) => V[s]);
  const nextValues = tr.states.map((_, l) => V[l + 1 < T ? tr.states[l + 1] : tr.finalState]);
  const line6 = gae({
    rewards: tr.rewards,
    values,
    nextValues,
    terminated: new Array<number>(T).fill(0),
    truncated: tr.rewards.map((_, l) => (l === T - 1 ? 1 : 0)),
    gamma,
    lambda,
  }).advantages[0];
  const lines: DerivationLine[] = [
    {
      id: 'gaew-line1',
      label: 'line 1: Σₖ wₖ Â⁽ᵏ⁾, each Â⁽ᵏ⁾ computed from rewards and V',
      value: dot(w, kReward),
    },
    {
      id: 'gaew-line2',
      label: 'line 2: each Â⁽ᵏ⁾ written as its sum of residuals',
      value: dot(w, kResidual),
    },
    { id: 'gaew-line3', label: 'line 3: regrouped by residual, weights summed numerically', value: line3 },
    { id: 'gaew-line4', label: 'lines 4–5: geometric sums, Σ (γλ)ˡ δₗ', value: line4 },
    { id: 'gaew-line5', label: 'recursion Âₜ = δₜ + γλ Âₜ₊₁, run backwards', value: line5 },
    { id: 'gaew-line6', label: 'gae() of the training code (last step truncated)', value: line6 },
  ];
  return { w, delta, kReward, kResidual, lines };
}

/**
 * The lines as `DerivationTable` rows, each checked against the line above (identities: the kit's 1e-9 relative),
 * with the weights' sum checked against 1. The cells keep the lines' ids (`gaew-line1` …) as test ids.
 */
export function derivationSteps(lines: DerivationLine[], w: number[]): DerivationStep[] {
  const steps: DerivationStep[] = lines.map((l, i) => ({
    id: `${l.id}-step`,
    lhsTestId: l.id,
    label: l.label,
    lhs: l.value,
    ...(i > 0 && { rhs: lines[i - 1].value, relation: '=' as const }),
  }));
  steps.push({
    id: 'gaew-weights',
    label: 'the weights sum to one: Σₖ wₖ',
    text: 'sum of the weights',
    lhs: w.reduce((a, b) => a + b, 0),
    rhs: 1,
    relation: '=',
  });
  return steps;
}
