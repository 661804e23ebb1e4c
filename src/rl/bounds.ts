/** The improvement bounds of Kakade & Langford (2002) and Schulman et al. (2015). */
import { klMax as klMaxOf, tvMax } from './divergence';
import { evaluateUnchecked } from './evaluate';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

export interface TrpoBounds {
  /** Surrogate L_pi(piNew). */
  L: number;
  /** True J(piNew). */
  J: number;
  /** J(pi), the old policy's value. */
  Jold: number;
  /** max_{s,a} |A_pi(s, a)|. */
  eps: number;
  /** max_s D_TV(pi(.|s), piNew(.|s)). */
  alpha: number;
  /** max_s D_KL(pi(.|s) || piNew(.|s)). */
  klMax: number;
  /** 4 eps gamma / (1 - gamma)^2. */
  C: number;
  /** L - C alpha^2 (Theorem 1 of the TRPO paper): J >= tvBound. */
  tvBound: number;
  /** L - C klMax (through D_TV^2 <= D_KL): J >= klBound. */
  klBound: number;
  /** 4 alpha^2 gamma eps / ((1 - gamma)(1 - gamma(1 - alpha))): |J - L| <= tightGap, the sharper gap of the proof. */
  tightGap: number;
}

/** Schulman et al. 2015, Theorem 1, with its sharper intermediate gap. */
export function trpoBounds(mdp: MDP, pi: Policy, piNew: Policy): TrpoBounds {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions, 'pi');
  validatePolicy(piNew, states, actions, 'piNew');
  const g = mdp.gamma;
  const old = evaluateUnchecked(mdp, pi);
  const J = evaluateUnchecked(mdp, piNew).J;
  let eps = 0;
  let adv = 0;
  for (let s = 0; s < states; s++) {
    let abar = 0;
    for (let a = 0; a < actions; a++) {
      eps = Math.max(eps, Math.abs(old.A[s][a]));
      abar += piNew[s][a] * old.A[s][a];
    }
    adv += old.rho[s] * abar;
  }
  const L = old.J + adv;
  const alpha = tvMax(pi, piNew);
  const kl = klMaxOf(pi, piNew);
  const C = (4 * eps * g) / (1 - g) ** 2;
  return {
    L,
    J,
    Jold: old.J,
    eps,
    alpha,
    klMax: kl,
    C,
    tvBound: L - C * alpha * alpha,
    klBound: L - C * kl,
    tightGap: (4 * alpha * alpha * g * eps) / ((1 - g) * (1 - g * (1 - alpha))),
  };
}

export interface MixtureBound {
  /** J(pi_mix) - J(pi) for pi_mix = (1 - weight) pi + weight piPrime. */
  improvement: number;
  /** E_{s ~ d_pi} E_{a ~ piPrime} A_pi(s, a). */
  policyAdvantage: number;
  /** max_s |E_{a ~ piPrime} A_pi(s, a)|. */
  eps: number;
  /** weight/(1-gamma) (policyAdvantage - 2 weight gamma eps / (1 - gamma(1 - weight))). */
  lowerBound: number;
  /** The mixture policy itself. */
  mixture: Policy;
}

/** Kakade & Langford 2002 for the mixture (1 - weight) pi + weight piPrime. */
export function mixtureBound(mdp: MDP, pi: Policy, piPrime: Policy, weight: number): MixtureBound {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions, 'pi');
  validatePolicy(piPrime, states, actions, 'piPrime');
  if (!(weight >= 0 && weight <= 1)) throw new RLInputError(`weight = ${weight} is outside [0, 1]`);
  const g = mdp.gamma;
  const old = evaluateUnchecked(mdp, pi);
  const mixture = pi.map((row, s) => row.map((p, a) => (1 - weight) * p + weight * piPrime[s][a]));
  const improvement = evaluateUnchecked(mdp, mixture).J - old.J;
  let policyAdvantage = 0;
  let eps = 0;
  for (let s = 0; s < states; s++) {
    let abar = 0;
    for (let a = 0; a < actions; a++) abar += piPrime[s][a] * old.A[s][a];
    policyAdvantage += old.d[s] * abar;
    eps = Math.max(eps, Math.abs(abar));
  }
  const lowerBound = (weight / (1 - g)) * (policyAdvantage - (2 * weight * g * eps) / (1 - g * (1 - weight)));
  return { improvement, policyAdvantage, eps, lowerBound, mixture };
}
