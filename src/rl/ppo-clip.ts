/**
 * PPO's clipped objective for one sample (chapter 6), as a function of the probability ratio
 * r = π′(a|s) / π(a|s) and the advantage A: min(rA, clip(r, 1 − ε, 1 + ε)A), and its derivative in r.
 * Facts (property tests in ppo-clip.test.ts): it never exceeds rA (a pessimistic bound), equals rA for
 * r ∈ [1 − ε, 1 + ε], and its derivative is A where the unclipped term is active and 0 in the flat regions
 * (r > 1 + ε with A > 0, r < 1 − ε with A < 0). Averaged over s ~ d_π, a ~ π it is a lower bound of the surrogate's
 * policy advantage Σ_s d_π(s) Σ_a π′(a|s) A_π(s, a), with equality when every ratio lies in the clip range.
 */

/** min(rA, clip(r, 1 − ε, 1 + ε)A). */
export function clippedObjective(r: number, A: number, eps: number): number {
  const clipped = Math.min(Math.max(r, 1 - eps), 1 + eps);
  return Math.min(r * A, clipped * A);
}

/** d/dr of min(rA, clip(r)A): A where the unclipped term is active, 0 in the flat regions. */
export function clippedGradient(r: number, A: number, eps: number): number {
  if (A > 0) return r < 1 + eps ? A : 0;
  if (A < 0) return r > 1 - eps ? A : 0;
  return 0;
}
