/**
 * Exact mean and variance of the infinite-horizon GAE(γ, λ) estimate Â_t given (s_t, a_t) = (s, a), for any
 * critic V̂, on a tabular MDP; and the bias², variance and MSE of GAE against λ (chapter 7, the Lambda lab).
 *
 * With c = γλ, Â_t = δ̂_t + c Â_{t+1} and δ̂_t = r(s_t, a_t) + γ V̂(s_{t+1}) − V̂(s_t). Given s_{t+1} the future
 * Â_{t+1} is independent of the past (Markov), so both conditional moments solve policy-evaluation equations:
 *   mean:   h(s, a) = E[δ̂ | s, a] + c Σ_s' P(s'|s, a) g(s'),                  g(s) = Σ_a π(a|s) h(s, a)
 *   second: m(s, a) = Σ_s' P(s'|s, a) (δ̂² + 2c δ̂ g(s')) + c² Σ_s' P(s'|s, a) G(s'), G(s) = Σ_a π(a|s) m(s, a)
 * i.e. h and m are the Q-functions of the same MDP with rewards E[δ̂ | s, a] (discount c) and
 * Σ_s' P(s'|s, a) (δ̂² + 2c δ̂ g(s')) (discount c²), which `evaluatePolicy` solves exactly (one LU each).
 */
import { evaluatePolicy } from './evaluate';
import type { MDP, Policy } from './types';

export interface GaeMoments {
  /** E[Â_t | s_t = s, a_t = a]. */
  mean: number[][];
  /** E[Â_t² | s_t = s, a_t = a]. */
  secondMoment: number[][];
  /** Var[Â_t | s_t = s, a_t = a] = secondMoment − mean² (rounding below zero is clamped to 0). */
  variance: number[][];
}

/** Exact conditional mean and variance of GAE(γ = mdp.gamma, λ) at every (s, a), for the critic `Vhat`. */
export function gaeMoments(mdp: MDP, pi: Policy, Vhat: ArrayLike<number>, lambda: number): GaeMoments {
  const { P, R, gamma } = mdp;
  const nS = R.length;
  const nA = P.length;
  const c = gamma * lambda;
  // δ̂(s, a, s') = r(s, a) + γ V̂(s') − V̂(s)
  const delta = (s: number, a: number, s2: number) => R[s][a] + gamma * Vhat[s2] - Vhat[s];
  const R1 = Array.from({ length: nS }, (_, s) =>
    Array.from({ length: nA }, (_, a) => P[a][s].reduce((acc, p, s2) => acc + p * delta(s, a, s2), 0)),
  );
  const first = evaluatePolicy({ ...mdp, R: R1, gamma: c }, pi);
  const g = first.V;
  const R2 = Array.from({ length: nS }, (_, s) =>
    Array.from({ length: nA }, (_, a) =>
      P[a][s].reduce((acc, p, s2) => {
        const d = delta(s, a, s2);
        return acc + p * (d * d + 2 * c * d * g[s2]);
      }, 0),
    ),
  );
  const second = evaluatePolicy({ ...mdp, R: R2, gamma: c * c }, pi);
  const mean = first.Q;
  const variance = second.Q.map((row, s) => row.map((m2, a) => Math.max(0, m2 - mean[s][a] ** 2)));
  return { mean, secondMoment: second.Q, variance };
}

/** What a GAE estimate at (s, a) is compared with; see `gaeTarget`. */
export type GaeTarget = 'gradient' | 'advantage';

/**
 * The target of an estimate of the advantage at (s, a). 'advantage': A^π(s, a). 'gradient': A^π(s, a) − e(s) with
 * e = V̂ − V^π, i.e. Q^π(s, a) − V̂(s): an error that depends on the state alone is a baseline and leaves the
 * policy gradient unbiased, so only the rest is bias that matters.
 */
export function gaeTarget(
  A: number[][],
  V: ArrayLike<number>,
  Vhat: ArrayLike<number>,
  target: GaeTarget,
): number[][] {
  return A.map((row, s) => row.map((x) => (target === 'gradient' ? x + V[s] - Vhat[s] : x)));
}

export interface GaeErrorRow {
  lambda: number;
  bias2: number;
  variance: number;
  /** bias2 + variance. */
  mse: number;
}

/**
 * Exact bias², variance and MSE of GAE against the target, averaged over (s, a) ~ d_π(s) π(a|s) (the pairs at
 * which a policy-gradient step evaluates advantages), for every λ of `lambdas`.
 */
export function gaeErrorCurve(
  mdp: MDP,
  pi: Policy,
  Vhat: ArrayLike<number>,
  target: GaeTarget,
  lambdas: number[],
): GaeErrorRow[] {
  const { A, V, d } = evaluatePolicy(mdp, pi);
  const tgt = gaeTarget(A, V, Vhat, target);
  return lambdas.map((lambda) => {
    const { mean, variance } = gaeMoments(mdp, pi, Vhat, lambda);
    let bias2 = 0;
    let v = 0;
    for (let s = 0; s < d.length; s++)
      for (let a = 0; a < pi[s].length; a++) {
        const w = d[s] * pi[s][a];
        bias2 += w * (mean[s][a] - tgt[s][a]) ** 2;
        v += w * variance[s][a];
      }
    return { lambda, bias2, variance: v, mse: bias2 + v };
  });
}
