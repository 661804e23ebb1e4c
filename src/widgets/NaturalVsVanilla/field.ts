/**
 * A two-parameter policy for the natural-gradient picture (chapter 5): one state, three actions with rewards r,
 * logits (θ₁, θ₂, 0). J(θ) = Σ_a π_a r_a, ∇J_i = π_i (r_i − J), and the Fisher matrix of the two free logits is
 * F_ij = π_i δ_ij − π_i π_j (invertible once the third logit is pinned).
 */
import { softmax } from '@/rl';

export const REWARDS = [1, 0.6, 0];

export const policy = (t1: number, t2: number): number[] => softmax([t1, t2, 0]);

export const value = (t1: number, t2: number) =>
  policy(t1, t2).reduce((acc, p, a) => acc + p * REWARDS[a], 0);

export function vanilla(t1: number, t2: number): [number, number] {
  const p = policy(t1, t2);
  const J = p.reduce((acc, q, a) => acc + q * REWARDS[a], 0);
  return [p[0] * (REWARDS[0] - J), p[1] * (REWARDS[1] - J)];
}

export function natural(t1: number, t2: number): [number, number] {
  const p = policy(t1, t2);
  const [g1, g2] = vanilla(t1, t2);
  const a = p[0] - p[0] * p[0];
  const b = -p[0] * p[1];
  const d = p[1] - p[1] * p[1];
  const det = a * d - b * b;
  return [(d * g1 - b * g2) / det, (a * g2 - b * g1) / det];
}

/** A path of `steps` steps of length `stepLength` (in θ) along the normalised field. */
export function path(
  field: (a: number, b: number) => [number, number],
  start: [number, number],
  steps: number,
  stepLength: number,
) {
  const pts: Array<{ t1: number; t2: number; J: number }> = [
    { t1: start[0], t2: start[1], J: value(...start) },
  ];
  let [x, y] = start;
  for (let i = 0; i < steps; i++) {
    const [gx, gy] = field(x, y);
    const n = Math.hypot(gx, gy) || 1;
    x += (stepLength * gx) / n;
    y += (stepLength * gy) / n;
    pts.push({ t1: x, t2: y, J: value(x, y) });
  }
  return pts;
}
