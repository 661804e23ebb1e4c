/**
 * Conservative Q-learning (Kumar et al. 2020), tabular and exact.
 *
 * Conservative policy evaluation of pi iterates Q_{k+1} = argmin_Q of
 *   alpha (E_{s~D, a~mu}[Q] - [variant 'minus-data'] E_{s~D, a~pi_beta}[Q]) + 1/2 E_{s,a~D}[(Q - B̂^pi Q_k)^2].
 * With one parameter per pair the minimiser is, wherever pi_beta(a|s) > 0 at a state of the data,
 *   Q_{k+1}(s, a) = B̂^pi Q_k(s, a) - alpha g(s, a),   g = mu / pi_beta   ('penalty', the paper's eq. 1)
 *                                                     g = mu / pi_beta - 1 ('minus-data', eq. 2),
 * (the state weight d(s) cancels), and g = 0 elsewhere (the loss does not involve those Q values; supp mu must lie in
 * supp pi_beta or the objective is unbounded below). The iteration is a gamma-contraction whose fixed point is the
 * value of pi in the MDP with reward r - alpha g:
 *   Q̂_alpha = (I - gamma P̂^pi)^{-1} (r̂ - alpha g) = Q̂_0 - alpha h,   h = (I - gamma P̂^pi)^{-1} g.
 * Comparing with the true Q^pi (B^pi): Q̂_0 - Q^pi = (I - gamma P̂^pi)^{-1} e with e = (B̂^pi - B^pi) Q^pi, the
 * sampling error of one backup, which is what the lower-bound theorems control.
 */
import { evaluateUnchecked } from './evaluate';
import { logSumExp, softmax } from './softmax';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

export type CqlVariant = 'penalty' | 'minus-data';

export interface CqlSetting {
  /** The model whose backups the data define: the true MDP (exact backups) or an empirical one. */
  model: MDP;
  /** The policy evaluated. */
  pi: Policy;
  /** The penalised action distribution mu(a|s) (mu = pi in Theorem 3.2). */
  mu: Policy;
  /** The behaviour policy (or its empirical estimate) of the data. */
  piBeta: Policy;
  variant: CqlVariant;
  /** States that carry data (default: every state). The loss has no term at the others, so no penalty there. */
  dataStates?: boolean[];
}

/** The per-pair penalty g of the closed form (see the file comment). Throws if supp mu is not inside supp pi_beta. */
export function cqlPenalty({
  mu,
  piBeta,
  variant,
  dataStates,
}: Omit<CqlSetting, 'model' | 'pi'>): number[][] {
  return mu.map((row, s) =>
    row.map((m, a) => {
      if (dataStates && !dataStates[s]) return 0;
      const b = piBeta[s][a];
      if (b === 0) {
        if (m > 0) {
          throw new RLInputError(
            `CQL: mu(${a}|${s}) = ${m} > 0 where pi_beta(${a}|${s}) = 0; the penalty is then unbounded below (the theorems need supp mu ⊆ supp pi_beta)`,
          );
        }
        return 0;
      }
      return variant === 'penalty' ? m / b : m / b - 1;
    }),
  );
}

function validate(setting: CqlSetting): void {
  const { states, actions } = validateMDP(setting.model);
  validatePolicy(setting.pi, states, actions, 'pi');
  validatePolicy(setting.mu, states, actions, 'mu');
  validatePolicy(setting.piBeta, states, actions, 'piBeta');
}

/** Q^pi of the model with reward r - alpha g (for alpha = 1 and r = g, h itself). */
function evaluateWithReward(model: MDP, pi: Policy, R: number[][]) {
  return evaluateUnchecked({ ...model, R }, pi);
}

/** The fixed point Q̂_alpha of conservative policy evaluation, in closed form, and V̂(s) = E_{a~pi} Q̂(s, a). */
export function cqlFixedPoint(setting: CqlSetting, alpha: number): { Q: number[][]; V: number[] } {
  validate(setting);
  const g = cqlPenalty(setting);
  const R = setting.model.R.map((row, s) => row.map((r, a) => r - alpha * g[s][a]));
  const { Q, V } = evaluateWithReward(setting.model, setting.pi, R);
  return { Q, V };
}

/** k iterations of Q_{k+1} = B̂^pi Q_k - alpha g from Q_0: the update itself, to check the closed form against. */
export function cqlIterate(
  setting: CqlSetting,
  alpha: number,
  Q0: number[][],
  iterations: number,
): number[][] {
  validate(setting);
  const g = cqlPenalty(setting);
  const { P, R, gamma } = setting.model;
  const nS = R.length;
  let Q = Q0.map((row) => [...row]);
  for (let k = 0; k < iterations; k++) {
    const V = Q.map((row, s) => row.reduce((acc, q, a) => acc + setting.pi[s][a] * q, 0));
    Q = R.map((row, s) =>
      row.map((r, a) => {
        let ev = 0;
        for (let t = 0; t < nS; t++) ev += P[a][s][t] * V[t];
        return r + gamma * ev - alpha * g[s][a];
      }),
    );
  }
  return Q;
}

/**
 * The objective one CQL iteration minimises over Q, with the target B̂^pi Q_k frozen and the data's state weights
 * `stateWeight` (d(s) of the data): alpha sum_s d(s) sum_a (mu - [minus-data] pi_beta) Q + 1/2 sum_s d(s) sum_a
 * pi_beta (Q - target)^2.
 */
export function cqlObjective(
  setting: CqlSetting,
  alpha: number,
  stateWeight: number[],
  Q: number[][],
  Qk: number[][],
): number {
  const { P, R, gamma } = setting.model;
  const nS = R.length;
  const Vk = Qk.map((row, s) => row.reduce((acc, q, a) => acc + setting.pi[s][a] * q, 0));
  let total = 0;
  for (let s = 0; s < nS; s++) {
    if (setting.dataStates && !setting.dataStates[s]) continue;
    for (let a = 0; a < R[s].length; a++) {
      let ev = 0;
      for (let t = 0; t < nS; t++) ev += P[a][s][t] * Vk[t];
      const target = R[s][a] + gamma * ev;
      const b = setting.piBeta[s][a];
      const m = setting.mu[s][a] - (setting.variant === 'minus-data' ? b : 0);
      total += stateWeight[s] * (alpha * m * Q[s][a] + 0.5 * b * (Q[s][a] - target) ** 2);
    }
  }
  return total;
}

export interface CqlBoundAnalysis {
  /** True Q^pi and V^pi. */
  Qpi: number[][];
  Vpi: number[];
  /** Q̂_0: the (unpenalised) evaluation under the model's backups. */
  Q0: number[][];
  V0: number[];
  /** Q̂_alpha = Q0 - alpha h and V̂_alpha = V0 - alpha k, k(s) = sum_a pi(a|s) h(s, a). */
  h: number[][];
  k: number[];
  /** e = (B̂^pi - B^pi) Q^pi: the sampling error of one backup (0 with exact backups). */
  e: number[][];
  /** The smallest alpha >= 0 with Q̂_alpha <= Q^pi at every pair (Infinity if none; only if h >= 0 everywhere). */
  alphaStarQ: number;
  /** The smallest alpha >= 0 with V̂_alpha <= V^pi at every state (Infinity if none; only if k >= 0 everywhere). */
  alphaStarV: number;
  /** The theorems' sufficient thresholds: max (I - gamma P̂^pi)^{-1}|e| / h (pairs) and the same for states. */
  alphaTheoremQ: number;
  alphaTheoremV: number;
}

const TOL = 1e-12;

/** Smallest alpha >= 0 with x - alpha y <= 0 at every entry (y >= 0 needed where x > 0), or Infinity. */
function threshold(x: number[], y: number[]): number {
  let a = 0;
  for (let i = 0; i < x.length; i++) {
    const scale = Math.max(1, Math.abs(x[i]));
    if (x[i] <= TOL * scale) continue;
    if (y[i] <= TOL * scale) return Infinity;
    a = Math.max(a, x[i] / y[i]);
  }
  return a;
}

/** Every quantity of the CQL lower-bound theorems for a setting, against the true MDP `mdp`. */
export function cqlBoundAnalysis(mdp: MDP, setting: CqlSetting): CqlBoundAnalysis {
  validate(setting);
  validateMDP(mdp);
  const { model, pi } = setting;
  const truth = evaluateUnchecked(mdp, pi);
  const base = evaluateUnchecked(model, pi);
  const g = cqlPenalty(setting);
  const hEval = evaluateWithReward(model, pi, g);
  const nS = mdp.R.length;
  const e = mdp.R.map((row, s) =>
    row.map((_, a) => {
      let diff = model.R[s][a] - mdp.R[s][a];
      for (let t = 0; t < nS; t++) diff += model.gamma * (model.P[a][s][t] - mdp.P[a][s][t]) * truth.V[t];
      return diff;
    }),
  );
  const absErr = evaluateWithReward(
    model,
    pi,
    e.map((row) => row.map(Math.abs)),
  );
  const flat = (m: number[][]) => m.flat();
  const dQ = flat(base.Q).map((q, i) => q - flat(truth.Q)[i]);
  const dV = base.V.map((v, s) => v - truth.V[s]);
  return {
    Qpi: truth.Q,
    Vpi: truth.V,
    Q0: base.Q,
    V0: base.V,
    h: hEval.Q,
    k: hEval.V,
    e,
    alphaStarQ: threshold(dQ, flat(hEval.Q)),
    alphaStarV: threshold(dV, hEval.V),
    alphaTheoremQ: threshold(flat(absErr.Q), flat(hEval.Q)),
    alphaTheoremV: threshold(absErr.V, hEval.V),
  };
}

/**
 * D_CQL(s) = sum_a pi(a|s) (pi(a|s) / pi_beta(a|s) - 1) = sum_a (pi - pi_beta)^2 / pi_beta >= 0: the chi-square
 * divergence of pi from pi_beta at s, which Theorem 3.2's bound is proportional to.
 */
export function cqlDivergence(pi: Policy, piBeta: Policy): number[] {
  return pi.map((row, s) =>
    row.reduce((acc, p, a) => {
      const b = piBeta[s][a];
      if (b === 0) {
        if (p > 0) return Infinity;
        return acc;
      }
      return acc + p * (p / b - 1);
    }, 0),
  );
}

/**
 * CQL(H)'s inner maximisation over mu at one state: max over distributions mu of alpha E_mu[q] - beta KL(mu || rho).
 * The maximiser is mu ∝ rho exp(alpha q / beta) (so mu ∝ rho exp(q) exactly when beta = alpha) and the maximum is
 * beta log sum_a rho(a) exp(alpha q(a) / beta).
 */
export function klRegularisedMax(
  q: number[],
  rho: number[],
  alpha: number,
  beta: number,
): { mu: number[]; value: number } {
  if (!(beta > 0)) throw new RLInputError(`klRegularisedMax: beta = ${beta} must be > 0`);
  const logits = q.map((x, a) => (rho[a] > 0 ? Math.log(rho[a]) + (alpha * x) / beta : -Infinity));
  return { mu: softmax(logits), value: beta * logSumExp(logits) };
}

/** The regularised objective alpha E_mu[q] - beta KL(mu || rho) at a given mu. */
export function klRegularisedObjective(
  mu: number[],
  q: number[],
  rho: number[],
  alpha: number,
  beta: number,
): number {
  let ev = 0;
  let kl = 0;
  for (let a = 0; a < q.length; a++) {
    if (mu[a] === 0) continue;
    ev += mu[a] * q[a];
    kl += rho[a] > 0 ? mu[a] * Math.log(mu[a] / rho[a]) : Infinity;
  }
  return alpha * ev - beta * kl;
}
