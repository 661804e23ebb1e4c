/** PPO's clipped objective for one sample, and its derivative in r. */
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
