/**
 * Pathwise (reparameterisation) against score-function (likelihood-ratio) estimates of d/dmu E[Q(a)], a ~ N(mu,
 * sigma^2), for three critics Q of one action: their exact means and variances in closed form (chapter 10).
 *
 * With a = mu + sigma xi, xi ~ N(0, 1):
 *   score function  g_SF = (Q(a) - b) xi / sigma   (b a constant baseline; unbiased for every b)
 *   pathwise        g_PW = Q'(a)                    (unbiased when Q is absolutely continuous; not for the step)
 * The Gaussian moment identities used: E[xi^2 e^{i t xi}] = (1 - t^2) e^{-t^2/2}, E[xi^2 1(xi >= z)] =
 * 1 - Phi(z) + z phi(z), E[xi^{2k}] = (2k - 1)!!.
 */
import { normalCdf, normalPdf } from './normal';
import { RLInputError } from './validate';

/** Q(a) = -(a - c)^2 + offset, sin(omega a) + offset, or 1(a >= c) + offset. */
export type ActionCritic =
  | { kind: 'quadratic'; c: number; offset: number }
  | { kind: 'sine'; omega: number; offset: number }
  | { kind: 'step'; c: number; offset: number };

export function criticValue(q: ActionCritic, a: number): number {
  switch (q.kind) {
    case 'quadratic':
      return -(a - q.c) * (a - q.c) + q.offset;
    case 'sine':
      return Math.sin(q.omega * a) + q.offset;
    case 'step':
      return (a >= q.c ? 1 : 0) + q.offset;
  }
}

/** Q'(a); for the step, 0 everywhere except at the jump (where it does not exist), which has probability 0. */
export function criticSlope(q: ActionCritic, a: number): number {
  switch (q.kind) {
    case 'quadratic':
      return -2 * (a - q.c);
    case 'sine':
      return q.omega * Math.cos(q.omega * a);
    case 'step':
      return 0;
  }
}

export interface EstimatorMoments {
  mean: number;
  variance: number;
}

export interface GaussianGradientMoments {
  /** F(mu, sigma) = E[Q(a)]. */
  objective: number;
  /** dF/dmu, the true gradient. */
  gradient: number;
  /** Q'(mu): the deterministic policy gradient of this one-step problem, the sigma -> 0 limit of `gradient`. */
  deterministic: number;
  pathwise: EstimatorMoments;
  score: EstimatorMoments;
  /** The score-function estimator with the constant baseline b (default b = 0: same as `score`). */
  scoreBaseline: EstimatorMoments;
}

/** Exact mean and variance of both single-sample estimators, in closed form. */
export function gaussianGradientMoments(
  q: ActionCritic,
  mu: number,
  sigma: number,
  baseline = 0,
): GaussianGradientMoments {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RLInputError(`sigma = ${sigma} should be positive`);
  if (!Number.isFinite(mu)) throw new RLInputError(`mu = ${mu} is not a finite number`);
  const s2 = sigma * sigma;
  let objective: number;
  let gradient: number;
  let pathSecond: number;
  // E[Q(a)^2 xi^2] and E[Q(a) xi^2]: the score estimator with baseline b has second moment
  // (E[Q^2 xi^2] - 2b E[Q xi^2] + b^2) / sigma^2.
  let q2xi2: number;
  let qxi2: number;
  switch (q.kind) {
    case 'quadratic': {
      // Q(mu + sigma xi) = A + B xi + C xi^2.
      const A = -(mu - q.c) * (mu - q.c) + q.offset;
      const B = -2 * sigma * (mu - q.c);
      const C = -s2;
      objective = A + C;
      gradient = -2 * (mu - q.c);
      pathSecond = gradient * gradient + 4 * s2;
      q2xi2 = A * A + 3 * B * B + 15 * C * C + 6 * A * C;
      qxi2 = A + 3 * C;
      break;
    }
    case 'sine': {
      const w = q.omega;
      const b = q.offset;
      const t1 = w * sigma;
      const t2 = 2 * w * sigma;
      const e1 = Math.exp(-0.5 * t1 * t1);
      const e2 = Math.exp(-0.5 * t2 * t2);
      objective = Math.sin(w * mu) * e1 + b;
      gradient = w * Math.cos(w * mu) * e1;
      pathSecond = (w * w * (1 + Math.cos(2 * w * mu) * e2)) / 2;
      // sin^2 = (1 - cos 2x) / 2, and E[xi^2 cos(theta + t xi)] = cos(theta) (1 - t^2) e^{-t^2/2}.
      const xi2sin = Math.sin(w * mu) * (1 - t1 * t1) * e1;
      const xi2cos2 = Math.cos(2 * w * mu) * (1 - t2 * t2) * e2;
      q2xi2 = 0.5 - 0.5 * xi2cos2 + 2 * b * xi2sin + b * b;
      qxi2 = xi2sin + b;
      break;
    }
    case 'step': {
      const z = (q.c - mu) / sigma;
      const b = q.offset;
      const upper = 1 - normalCdf(z); // P(a >= c)
      const xi2upper = upper + z * normalPdf(z); // E[xi^2 1(xi >= z)]
      objective = upper + b;
      gradient = normalPdf(z) / sigma;
      pathSecond = 0;
      q2xi2 = (1 + 2 * b) * xi2upper + b * b;
      qxi2 = xi2upper + b;
      break;
    }
  }
  const pathMean = q.kind === 'step' ? 0 : gradient;
  const scoreSecond = q2xi2 / s2;
  const baseSecond = (q2xi2 - 2 * baseline * qxi2 + baseline * baseline) / s2;
  return {
    objective,
    gradient,
    deterministic: criticSlope(q, mu),
    pathwise: { mean: pathMean, variance: Math.max(0, pathSecond - pathMean * pathMean) },
    score: { mean: gradient, variance: Math.max(0, scoreSecond - gradient * gradient) },
    scoreBaseline: { mean: gradient, variance: Math.max(0, baseSecond - gradient * gradient) },
  };
}

/** One draw of each estimator from the same noise xi: [pathwise, score, score with baseline]. */
export function gaussianGradientSample(
  q: ActionCritic,
  mu: number,
  sigma: number,
  xi: number,
  baseline = 0,
): [number, number, number] {
  const a = mu + sigma * xi;
  const value = criticValue(q, a);
  return [criticSlope(q, a), (value * xi) / sigma, ((value - baseline) * xi) / sigma];
}
