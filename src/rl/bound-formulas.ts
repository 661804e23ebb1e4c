/**
 * The improvement bounds as formulas of their scalar ingredients (chapters 4 and 5), for a reader who is given
 * 𝔸, ε, γ and a step rather than an MDP. `mixtureBound` and `trpoBounds` compute the same expressions from an MDP
 * (bound-formulas.test.ts checks that they agree).
 * - Kakade & Langford: B(α) = α/(1−γ) (𝔸 − 2αγε/(1 − γ(1 − α))), maximised at α* = min(1, α̂),
 *   α̂ = ((1−γ)/γ)(1/√(1 − 𝔸/(2ε)) − 1) (prop-best-alpha), and the paper's simpler step α̃ = (1−γ)𝔸/(4γε).
 * - TRPO: J(π′) ≥ L_π(π′) − C α² with C = 4εγ/(1−γ)² and α = max_s D_TV.
 */
import { RLInputError } from './validate';

function checkGamma(gamma: number) {
  if (!(gamma > 0 && gamma < 1)) throw new RLInputError(`gamma = ${gamma} is outside (0, 1)`);
}

/** B(α) of Kakade and Langford's bound for the mixture (1 − α)π + απ′. */
export function mixtureLowerBound(
  policyAdvantage: number,
  eps: number,
  gamma: number,
  alpha: number,
): number {
  return (alpha / (1 - gamma)) * (policyAdvantage - (2 * alpha * gamma * eps) / (1 - gamma * (1 - alpha)));
}

export interface BestMixtureStep {
  /** The stationary point α̂ of B. */
  alphaHat: number;
  /** The maximiser over [0, 1], min(1, α̂). */
  alpha: number;
  /** B(α), the best guaranteed improvement. */
  bound: number;
  /** Kakade and Langford's step α̃ = (1−γ)𝔸/(4γε), maximiser of the looser quadratic bound, and its value 𝔸²/(8γε). */
  simpleAlpha: number;
  simpleValue: number;
}

/** prop-best-alpha: the step that maximises B over [0, 1] (needs 0 < 𝔸 ≤ ε). */
export function bestMixtureStep(policyAdvantage: number, eps: number, gamma: number): BestMixtureStep {
  checkGamma(gamma);
  if (!(policyAdvantage > 0 && policyAdvantage <= eps))
    throw new RLInputError(`need 0 < 𝔸 ≤ ε, got 𝔸 = ${policyAdvantage}, ε = ${eps}`);
  const k = 1 / Math.sqrt(1 - policyAdvantage / (2 * eps));
  const alphaHat = ((1 - gamma) / gamma) * (k - 1);
  const alpha = Math.min(1, alphaHat);
  return {
    alphaHat,
    alpha,
    bound: mixtureLowerBound(policyAdvantage, eps, gamma, alpha),
    simpleAlpha: ((1 - gamma) * policyAdvantage) / (4 * gamma * eps),
    simpleValue: (policyAdvantage * policyAdvantage) / (8 * gamma * eps),
  };
}

/** C = 4εγ/(1 − γ)², the penalty coefficient of TRPO's Theorem 1. */
export function trpoPenaltyCoefficient(eps: number, gamma: number): number {
  return (4 * eps * gamma) / (1 - gamma) ** 2;
}

/** The guaranteed improvement of TRPO's Theorem 1: J(π′) − J(π) ≥ (L_π(π′) − J(π)) − C α². */
export function trpoGuaranteedImprovement(
  surrogateGain: number,
  eps: number,
  gamma: number,
  alpha: number,
): number {
  return surrogateGain - trpoPenaltyCoefficient(eps, gamma) * alpha * alpha;
}
