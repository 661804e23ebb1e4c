/**
 * Sample estimators of KL(π ‖ π_ref) from y ∼ π (Schulman's k1, k2, k3), with their exact moments over a
 * categorical distribution, and what their gradients do when an estimate is differentiated as a loss (chapter 12).
 * With ρ = π_ref(y)/π(y): k1 = −log ρ, k2 = ½ (log ρ)², k3 = (ρ − 1) − log ρ. k3 is chapter 6's approximate KL
 * (lem-approx-kl) with the roles of the two policies taken by π (sampling) and π_ref.
 */
import { klDivergence } from './divergence';
import { RLInputError } from './validate';

export type KlEstimator = 'k1' | 'k2' | 'k3';

/** The value of one estimator at one sample, from the two probabilities of the sampled response. */
export function klEstimate(kind: KlEstimator, piY: number, refY: number): number {
  const logRho = Math.log(refY) - Math.log(piY);
  if (kind === 'k1') return -logRho;
  if (kind === 'k2') return 0.5 * logRho * logRho;
  // expm1 keeps (ρ − 1) − log ρ accurate when ρ is close to 1 (the usual case: a policy near its reference).
  return Math.expm1(logRho) - logRho;
}

export interface EstimatorMoment {
  mean: number;
  variance: number;
  /** The smallest value the estimator takes on the support of π. */
  min: number;
}

/** Exact mean, variance and minimum of k1, k2 and k3 for y ∼ π, and the true KL(π ‖ π_ref). */
export function klEstimatorMoments(
  pi: ArrayLike<number>,
  ref: ArrayLike<number>,
): { kl: number } & Record<KlEstimator, EstimatorMoment> {
  if (pi.length !== ref.length) throw new RLInputError('π and π_ref of different sizes');
  const out = { kl: klDivergence(pi, ref) } as { kl: number } & Record<KlEstimator, EstimatorMoment>;
  for (const kind of ['k1', 'k2', 'k3'] as const) {
    let m = 0;
    let m2 = 0;
    let min = Infinity;
    for (let y = 0; y < pi.length; y++) {
      if (!pi[y]) continue;
      if (!ref[y])
        throw new RLInputError(`π puts mass on response ${y}, where π_ref has none: the KL is infinite`);
      const v = klEstimate(kind, pi[y], ref[y]);
      m += pi[y] * v;
      m2 += pi[y] * v * v;
      min = Math.min(min, v);
    }
    out[kind] = { mean: m, variance: Math.max(0, m2 - m * m), min };
  }
  return out;
}

/**
 * For a softmax policy π = softmax(θ), the exact expectation over y ∼ π of ∇_θ of one estimator evaluated at the
 * sample, as automatic differentiation computes it when the estimate is used as a loss (the sample held fixed).
 * With ∇_θ log π(y) = e_y − π: ∇k1 = e_y − π (mean 0), ∇k2 = log(π(y)/π_ref(y)) (e_y − π) (mean ∇KL(π ‖ π_ref)),
 * ∇k3 = (1 − ρ)(e_y − π) (mean π − π_ref = ∇KL(π_ref ‖ π)).
 */
export function expectedLossGradient(
  kind: KlEstimator,
  pi: ArrayLike<number>,
  ref: ArrayLike<number>,
): number[] {
  const K = pi.length;
  const g = new Array<number>(K).fill(0);
  for (let y = 0; y < K; y++) {
    if (!pi[y]) continue;
    const logRatio = Math.log(pi[y]) - Math.log(ref[y]);
    const c = kind === 'k1' ? 1 : kind === 'k2' ? logRatio : 1 - ref[y] / pi[y];
    for (let b = 0; b < K; b++) g[b] += pi[y] * c * ((b === y ? 1 : 0) - pi[b]);
  }
  return g;
}

/** ∇_θ KL(softmax(θ) ‖ π_ref) = π ⊙ (log(π/π_ref) − KL(π ‖ π_ref)): the gradient the KL penalty is meant to follow. */
export function reverseKlGradient(pi: ArrayLike<number>, ref: ArrayLike<number>): number[] {
  const kl = klDivergence(pi, ref);
  return Array.from(pi, (p, y) => (p ? p * (Math.log(p) - Math.log(ref[y]) - kl) : 0));
}

/** ∇_θ KL(π_ref ‖ softmax(θ)) = π − π_ref (the gradient of a cross-entropy). */
export function forwardKlGradient(pi: ArrayLike<number>, ref: ArrayLike<number>): number[] {
  return Array.from(pi, (p, y) => p - ref[y]);
}
