/**
 * The proof of Kakade and Langford's bound (chapter 4, thm-kakade-langford), evaluated step by step in float64.
 *
 * For the mixture pi_alpha = (1 - alpha) pi + alpha pi', with Abar(s) = sum_a pi'(a|s) A_pi(s, a) and
 * eps = max_s |Abar(s)|, the proof runs:
 *   Step 1  J(pi_alpha) - J(pi) = alpha/(1-gamma) AA_pi(pi') + alpha Delta, Delta = sum_s (rho_{pi_alpha} - rho_pi) Abar.
 *   Step 2  Delta = sum_t gamma^t Delta_t, Delta_t = sum_s (Pr_{pi_alpha}(s_t = s) - Pr_pi(s_t = s)) Abar(s), Delta_0 = 0.
 *   Step 3  Pr_{pi_alpha}(s_t = .) = (1-alpha)^t Pr_pi(s_t = .) + (1 - (1-alpha)^t) nu_t with nu_t a distribution.
 *   Step 4  Delta_t = (1 - (1-alpha)^t)(nu_t . Abar - Pr_pi(s_t) . Abar), so |Delta_t| <= 2 eps (1 - (1-alpha)^t).
 *   Step 5  sum_t gamma^t (1 - (1-alpha)^t) = alpha gamma / ((1-gamma)(1 - gamma(1-alpha))).
 *   Step 6  |alpha Delta| <= alpha sum_t gamma^t |Delta_t| <= 2 alpha^2 gamma eps / ((1-gamma)(1 - gamma(1-alpha))).
 *
 * The state laws are propagated forward. The remainder m_t = (1 - (1-alpha)^t) nu_t is propagated by its own
 * recursion, m_{t+1} = m_t P_alpha + alpha (1-alpha)^t Pr_pi(s_t) P_{pi'} (the histories that used the pi' part at
 * least once), which is non-negative by construction; the identity of Step 3 is then checked against the
 * independently propagated law of the mixture. Time sums run to a horizon T with gamma^T tiny; the neglected tail
 * of sum_t gamma^t Delta_t is at most 2 eps gamma^T / (1 - gamma).
 */
import { evaluateUnchecked, policyMatrices } from './evaluate';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

/** The quantities of the proof at one time step t. */
export interface KLTimeStep {
  t: number;
  /** (1 - alpha)^t: the weight of the old policy's state law inside the mixture's. */
  weight: number;
  /** sum_s (Pr_{pi_alpha}(s_t = s) - (1-alpha)^t Pr_pi(s_t = s)), from the remainder's own recursion. */
  remainderMass: number;
  /** min_s nu_t(s) = min_s (Pr_{pi_alpha}(s_t = s) - (1-alpha)^t Pr_pi(s_t = s)) / (1 - (1-alpha)^t), from the two
   * independently propagated laws (non-negative by Step 3; 0 at t = 0 or alpha = 0, where nu_t has no mass). */
  remainderMin: number;
  /** max_s |Pr_{pi_alpha}(s_t = s) - (1-alpha)^t Pr_pi(s_t = s) - m_t(s)|: the identity of Step 3. */
  lawDeviation: number;
  /** Delta_t = sum_s (Pr_{pi_alpha}(s_t = s) - Pr_pi(s_t = s)) Abar(s), from the two state laws. */
  delta: number;
  /** (1 - (1-alpha)^t)(nu_t . Abar - Pr_pi(s_t) . Abar), Step 4's form of Delta_t. */
  deltaFromSplit: number;
  /** nu_t . Abar (0 at t = 0, where nu_0 has no mass). */
  nuAverage: number;
  /** Pr_pi(s_t) . Abar. */
  piAverage: number;
  /** 2 eps (1 - (1-alpha)^t), the bound of Step 4. */
  bound: number;
}

export interface KakadeLangfordSteps {
  alpha: number;
  gamma: number;
  J: number;
  Jmix: number;
  /** J(pi_alpha) - J(pi). */
  improvement: number;
  /** Abar(s) = sum_a pi'(a|s) A_pi(s, a). */
  abar: number[];
  /** AA_pi(pi') = sum_s d_pi(s) Abar(s). */
  policyAdvantage: number;
  /** max_s |Abar(s)|. */
  eps: number;
  /** L_pi(pi_alpha) = J(pi) + alpha AA / (1 - gamma). */
  L: number;
  /** Step 1: Delta = sum_s (rho_{pi_alpha}(s) - rho_pi(s)) Abar(s), from the exact visitations. */
  Delta: number;
  /** Step 1's right side: alpha AA / (1 - gamma) + alpha Delta. */
  step1Rhs: number;
  /** 2 alpha gamma eps / ((1 - gamma)(1 - gamma(1 - alpha))): the bound on |Delta| that the proof establishes. */
  deltaBound: number;
  /** Step 2: sum_{t < T} gamma^t Delta_t. */
  deltaSeries: number;
  /** Upper bound on the truncated tail of Step 2's series: 2 eps gamma^T / (1 - gamma). */
  tailBound: number;
  /** Step 3 over all t in 1..T-1: the smallest entry of any nu_t, from the two state laws (>= 0 up to rounding). */
  remainderMinAll: number;
  /** Step 3 over all t < T: max_t |mass(m_t) - (1 - (1-alpha)^t)|. */
  remainderMassDeviation: number;
  /** Step 3 over all t < T: the largest lawDeviation. */
  lawDeviationMax: number;
  /** Step 4 over all t < T: max_t |Delta_t - deltaFromSplit_t|. */
  splitDeviationMax: number;
  /** Step 4 over all t in 1..T-1: max_t |Delta_t| / (2 eps (1 - (1-alpha)^t)) (<= 1; 0 when eps or alpha is 0). */
  worstRatio: number;
  /** Step 5: sum_{t < T} gamma^t (1 - (1-alpha)^t), summed term by term. */
  weightSeries: number;
  /** Step 5's closed form: alpha gamma / ((1 - gamma)(1 - gamma(1 - alpha))). */
  weightClosedForm: number;
  /** Step 6: |alpha Delta|. */
  alphaDeltaAbs: number;
  /** Step 6: alpha sum_{t < T} gamma^t |Delta_t|. */
  alphaAbsSeries: number;
  /** Step 6: 2 alpha^2 gamma eps / ((1 - gamma)(1 - gamma(1 - alpha))) = alpha deltaBound = |J - L| bound. */
  gap: number;
  /** The theorem's lower bound alpha/(1-gamma) (AA - 2 alpha gamma eps / (1 - gamma(1 - alpha))). */
  lowerBound: number;
  /** The horizon T of the time sums. */
  horizon: number;
  /** Per-t quantities for t = 0 .. min(T, keep) - 1. */
  perT: KLTimeStep[];
}

/** Horizon with gamma^T <= 1e-16 (at most 20000 steps; 1 for gamma = 0). */
export const klHorizon = (gamma: number) =>
  gamma === 0 ? 1 : Math.min(20000, Math.max(1, Math.ceil(Math.log(1e-16) / Math.log(gamma))));

/** Row vector times row-major n x n matrix. */
function vecMat(v: Float64Array, M: Float64Array, n: number, out: Float64Array) {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (x === 0) continue;
    const row = i * n;
    for (let j = 0; j < n; j++) out[j] += x * M[row + j];
  }
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Every quantity of the proof of Kakade and Langford's bound, for pi, pi' and the mixture weight alpha. */
export function kakadeLangfordSteps(
  mdp: MDP,
  pi: Policy,
  piPrime: Policy,
  alpha: number,
  { keep = 200, horizon }: { keep?: number; horizon?: number } = {},
): KakadeLangfordSteps {
  const { states: n, actions } = validateMDP(mdp);
  validatePolicy(pi, n, actions, 'pi');
  validatePolicy(piPrime, n, actions, 'piPrime');
  if (!(alpha >= 0 && alpha <= 1)) throw new RLInputError(`alpha = ${alpha} is outside [0, 1]`);
  const g = mdp.gamma;
  const T = horizon ?? klHorizon(g);
  const mixture = pi.map((row, s) => row.map((p, a) => (1 - alpha) * p + alpha * piPrime[s][a]));
  const old = evaluateUnchecked(mdp, pi);
  const mix = evaluateUnchecked(mdp, mixture);
  const abar = piPrime.map((row, s) => row.reduce((acc, p, a) => acc + p * old.A[s][a], 0));
  const eps = abar.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const policyAdvantage = dot(old.d, abar);
  let Delta = 0;
  for (let s = 0; s < n; s++) Delta += (mix.rho[s] - old.rho[s]) * abar[s];
  const improvement = mix.J - old.J;

  const Ppi = policyMatrices(mdp, pi).Ppi;
  const Pprime = policyMatrices(mdp, piPrime).Ppi;
  const Pmix = policyMatrices(mdp, mixture).Ppi;
  let lawPi = Float64Array.from(mdp.rho0);
  let lawMix = Float64Array.from(mdp.rho0);
  let rem = new Float64Array(n);
  let nextPi = new Float64Array(n);
  let nextMix = new Float64Array(n);
  let nextRem = new Float64Array(n);
  const viaPrime = new Float64Array(n);
  let weight = 1;
  let disc = 1;
  let deltaSeries = 0;
  let absSeries = 0;
  let weightSeries = 0;
  let remainderMinAll = Infinity;
  let remainderMassDeviation = 0;
  let lawDeviationMax = 0;
  let splitDeviationMax = 0;
  let worstRatio = 0;
  const perT: KLTimeStep[] = [];
  for (let t = 0; t < T; t++) {
    const piAverage = dot(lawPi, abar);
    const delta = dot(lawMix, abar) - piAverage;
    const remAverage = dot(rem, abar);
    const split = 1 - weight;
    let remainderMass = 0;
    let remainderMin = split > 0 ? Infinity : 0;
    let lawDeviation = 0;
    for (let s = 0; s < n; s++) {
      remainderMass += rem[s];
      if (split > 0) remainderMin = Math.min(remainderMin, (lawMix[s] - weight * lawPi[s]) / split);
      lawDeviation = Math.max(lawDeviation, Math.abs(lawMix[s] - weight * lawPi[s] - rem[s]));
    }
    const deltaFromSplit = remAverage - split * piAverage;
    const nuAverage = split > 0 ? remAverage / split : 0;
    const bound = 2 * eps * split;
    deltaSeries += disc * delta;
    absSeries += disc * Math.abs(delta);
    weightSeries += disc * split;
    if (split > 0) remainderMinAll = Math.min(remainderMinAll, remainderMin);
    remainderMassDeviation = Math.max(remainderMassDeviation, Math.abs(remainderMass - split));
    lawDeviationMax = Math.max(lawDeviationMax, lawDeviation);
    splitDeviationMax = Math.max(splitDeviationMax, Math.abs(delta - deltaFromSplit));
    if (bound > 0) worstRatio = Math.max(worstRatio, Math.abs(delta) / bound);
    if (t < keep)
      perT.push({
        t,
        weight,
        remainderMass,
        remainderMin,
        lawDeviation,
        delta,
        deltaFromSplit,
        nuAverage,
        piAverage,
        bound,
      });
    // m_{t+1} = m_t P_alpha + alpha (1-alpha)^t Pr_pi(s_t) P_{pi'}; the two laws step with their own kernels.
    vecMat(rem, Pmix, n, nextRem);
    vecMat(lawPi, Pprime, n, viaPrime);
    for (let s = 0; s < n; s++) nextRem[s] += alpha * weight * viaPrime[s];
    vecMat(lawPi, Ppi, n, nextPi);
    vecMat(lawMix, Pmix, n, nextMix);
    [rem, nextRem] = [nextRem, rem];
    [lawPi, nextPi] = [nextPi, lawPi];
    [lawMix, nextMix] = [nextMix, lawMix];
    weight *= 1 - alpha;
    disc *= g;
  }
  const denom = (1 - g) * (1 - g * (1 - alpha));
  const deltaBound = (2 * alpha * g * eps) / denom;
  return {
    alpha,
    gamma: g,
    J: old.J,
    Jmix: mix.J,
    improvement,
    abar,
    policyAdvantage,
    eps,
    L: old.J + (alpha * policyAdvantage) / (1 - g),
    Delta,
    step1Rhs: (alpha * policyAdvantage) / (1 - g) + alpha * Delta,
    deltaBound,
    deltaSeries,
    tailBound: (2 * eps * disc) / (1 - g),
    remainderMinAll: Number.isFinite(remainderMinAll) ? remainderMinAll : 0,
    remainderMassDeviation,
    lawDeviationMax,
    splitDeviationMax,
    worstRatio,
    weightSeries,
    weightClosedForm: (alpha * g) / denom,
    alphaDeltaAbs: Math.abs(alpha * Delta),
    alphaAbsSeries: alpha * absSeries,
    gap: alpha * deltaBound,
    lowerBound: (alpha / (1 - g)) * (policyAdvantage - (2 * alpha * g * eps) / (1 - g * (1 - alpha))),
    horizon: T,
    perT,
  };
}
