/**
 * The squashed Gaussian of SAC: u ~ N(mu, sigma^2), a = c tanh(u) with action bound c (chapter 10). By the change of
 * variables, log pi(a) = log N(u; mu, sigma) - log c - log(1 - tanh(u)^2), the last term the log-determinant of the
 * squashing (Haarnoja et al. 2018, appendix C). It is computed as 2 (log 2 - u - softplus(-2u)), which stays finite
 * where 1 - tanh(u)^2 rounds to 0 (|u| > 19); CleanRL writes log(c (1 - tanh(u)^2) + 1e-6) instead.
 */
import { LOG_SQRT_2PI, normalExpectation, normalLogPdf } from './normal';
import { RLInputError } from './validate';

const softplus = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** log(1 - tanh(u)^2) = log sech(u)^2, exactly and stably. */
export const logOneMinusTanhSq = (u: number) => 2 * (Math.LN2 - u - softplus(-2 * u));

function check(mu: number, sigma: number, scale: number) {
  if (!Number.isFinite(mu)) throw new RLInputError(`mu = ${mu} is not a finite number`);
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RLInputError(`sigma = ${sigma} should be positive`);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new RLInputError(`action bound = ${scale} should be positive`);
}

/** log pi(a) of the squashed action a = c tanh(u), written in terms of the pre-squash sample u (as SAC does). */
export function squashedLogProb(u: number, mu: number, sigma: number, scale = 1): number {
  check(mu, sigma, scale);
  return normalLogPdf(u, mu, sigma) - Math.log(scale) - logOneMinusTanhSq(u);
}

/** The same without the log-determinant: log N(u; mu, sigma), the mistake of forgetting the change of variables. */
export function squashedLogProbUncorrected(u: number, mu: number, sigma: number): number {
  return normalLogPdf(u, mu, sigma);
}

/** Density of a = c tanh(u) at a in (-c, c) (0 outside). */
export function squashedDensity(a: number, mu: number, sigma: number, scale = 1): number {
  check(mu, sigma, scale);
  const y = a / scale;
  if (!(y > -1 && y < 1)) return 0;
  return Math.exp(squashedLogProb(Math.atanh(y), mu, sigma, scale));
}

/** exp(log N(atanh(a / c); mu, sigma)) at a: what the uncorrected log-prob claims the density is. */
export function squashedDensityUncorrected(a: number, mu: number, sigma: number, scale = 1): number {
  check(mu, sigma, scale);
  const y = a / scale;
  if (!(y > -1 && y < 1)) return 0;
  return Math.exp(normalLogPdf(Math.atanh(y), mu, sigma));
}

export interface SquashedMoments {
  /** E[a]. */
  mean: number;
  /** Differential entropy of a: H(N(mu, sigma)) + log c + E[log(1 - tanh(u)^2)]. */
  entropy: number;
  /** Entropy the uncorrected log-prob would report: H(N(mu, sigma)) = log(sigma sqrt(2 pi e)). */
  entropyUncorrected: number;
  /** E[log(c (1 - tanh(u)^2))] = entropy - entropyUncorrected <= log c: the log-det's average. */
  meanLogDet: number;
  /** Total mass of the uncorrected "density" over (-c, c): c E[sech(u)^2] (1 only by accident). */
  uncorrectedMass: number;
  /** P(|a| > 0.99 c): how much of the mass sits against the action bounds. */
  massNearBounds: number;
}

/** Exact (quadrature, about 1e-12) moments of the squashed Gaussian. */
export function squashedMoments(mu: number, sigma: number, scale = 1): SquashedMoments {
  check(mu, sigma, scale);
  const u = (xi: number) => mu + sigma * xi;
  const mean = scale * normalExpectation((xi) => Math.tanh(u(xi)));
  const meanLogDet = Math.log(scale) + normalExpectation((xi) => logOneMinusTanhSq(u(xi)));
  const entropyUncorrected = Math.log(sigma) + LOG_SQRT_2PI + 0.5;
  const uncorrectedMass = scale * normalExpectation((xi) => Math.exp(logOneMinusTanhSq(u(xi))));
  // |tanh(u)| > 0.99  <=>  |u| > atanh(0.99).
  const edge = Math.atanh(0.99);
  const zHi = (edge - mu) / sigma;
  const zLo = (-edge - mu) / sigma;
  const massNearBounds = normalExpectation((xi) => (xi > zHi || xi < zLo ? 1 : 0), [zLo, zHi]);
  return {
    mean,
    entropy: entropyUncorrected + meanLogDet,
    entropyUncorrected,
    meanLogDet,
    uncorrectedMass,
    massNearBounds,
  };
}
