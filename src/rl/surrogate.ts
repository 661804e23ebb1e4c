/** The surrogate objective and the performance difference lemma, with every line of its proof evaluated. */
import { evaluateUnchecked } from './evaluate';
import type { MDP, Policy } from './types';
import { validateMDP, validatePolicy } from './validate';

function check(mdp: MDP, pi: Policy, piNew: Policy) {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions, 'pi');
  validatePolicy(piNew, states, actions, 'piNew');
}

const advantageOf = (piNew: Policy, A: number[][]) =>
  piNew.map((row, s) => row.reduce((acc, p, a) => acc + p * A[s][a], 0));

/** L_pi(piNew) = J(pi) + sum_s rho_pi(s) sum_a piNew(a|s) A_pi(s, a). */
export function surrogate(mdp: MDP, pi: Policy, piNew: Policy): number {
  check(mdp, pi, piNew);
  const ev = evaluateUnchecked(mdp, pi);
  const abar = advantageOf(piNew, ev.A);
  return ev.J + ev.rho.reduce((acc, r, s) => acc + r * abar[s], 0);
}

export interface PerformanceDifference {
  /** J(piNew) - J(pi). */
  lhs: number;
  /** sum_s rho_piNew(s) sum_a piNew(a|s) A_pi(s, a). */
  rhs: number;
  /** Line 1: E_{tau ~ piNew}[sum_t gamma^t r_t] - E_{s0 ~ rho0}[V_pi(s0)] = J(piNew) - J(pi). */
  returnMinusValue: number;
  /**
   * Line 2: E_{tau ~ piNew}[sum_t gamma^t (r_t + gamma V_pi(s_{t+1}) - V_pi(s_t))], the telescoping sum, computed
   * exactly as sum_s rho_piNew(s) sum_a piNew(a|s) [r(s,a) + gamma E V_pi(s') - V_pi(s)].
   */
  telescoping: number;
  /** Line 3: sum_s rho_piNew(s) sum_a piNew(a|s) (Q_pi(s,a) - V_pi(s)): the expected TD residual is the advantage. */
  qForm: number;
  /** Line 4, normalised: 1/(1-gamma) E_{s ~ d_piNew, a ~ piNew}[A_pi(s, a)]. */
  normalisedForm: number;
  /** Per state: rho_piNew(s) and sum_a piNew(a|s) A_pi(s,a). */
  perState: Array<{ rhoNew: number; advantage: number }>;
  J: number;
  JNew: number;
}

export function performanceDifference(mdp: MDP, pi: Policy, piNew: Policy): PerformanceDifference {
  check(mdp, pi, piNew);
  const old = evaluateUnchecked(mdp, pi);
  const nu = evaluateUnchecked(mdp, piNew);
  const n = mdp.rho0.length;
  const g = mdp.gamma;
  const abar = advantageOf(piNew, old.A);
  let rhs = 0;
  let telescoping = 0;
  let qForm = 0;
  let normalised = 0;
  for (let s = 0; s < n; s++) {
    rhs += nu.rho[s] * abar[s];
    normalised += nu.d[s] * abar[s];
    let tdMean = 0;
    let qMinusV = 0;
    for (let a = 0; a < piNew[s].length; a++) {
      const w = piNew[s][a];
      if (w === 0) continue;
      let ev = 0;
      const p = mdp.P[a][s];
      for (let t = 0; t < n; t++) ev += p[t] * old.V[t];
      tdMean += w * (mdp.R[s][a] + g * ev - old.V[s]);
      qMinusV += w * (old.Q[s][a] - old.V[s]);
    }
    telescoping += nu.rho[s] * tdMean;
    qForm += nu.rho[s] * qMinusV;
  }
  let startValue = 0;
  for (let s = 0; s < n; s++) startValue += mdp.rho0[s] * old.V[s];
  return {
    lhs: nu.J - old.J,
    rhs,
    returnMinusValue: nu.J - startValue,
    telescoping,
    qForm,
    normalisedForm: normalised / (1 - g),
    perState: abar.map((advantage, s) => ({ rhoNew: nu.rho[s], advantage })),
    J: old.J,
    JNew: nu.J,
  };
}
