/**
 * What the contraction bound promises in advance (chapter 1): value iteration from V_0 with
 * ‖V_0 − V*‖∞ ≤ B satisfies ‖V_k − V*‖∞ ≤ γ^k B, so k sweeps suffice for a tolerance ε once γ^k B ≤ ε.
 */
import { RLInputError } from './validate';

/** The smallest k ≥ 0 with γ^k · initialError ≤ eps (0 if initialError ≤ eps already). */
export function sweepsToTolerance(gamma: number, initialError: number, eps: number): number {
  if (!(gamma >= 0 && gamma < 1)) throw new RLInputError(`gamma = ${gamma} is outside [0, 1)`);
  if (!(initialError >= 0) || !(eps > 0)) throw new RLInputError('need initialError ≥ 0 and eps > 0');
  if (initialError <= eps) return 0;
  if (gamma === 0) return 1;
  // Start from the logarithm's estimate, then settle the boundary by evaluating γ^k B itself (no rounding doubt).
  let k = Math.max(0, Math.ceil(Math.log(eps / initialError) / Math.log(gamma)) - 1);
  while (gamma ** k * initialError > eps) k++;
  while (k > 0 && gamma ** (k - 1) * initialError <= eps) k--;
  return k;
}
