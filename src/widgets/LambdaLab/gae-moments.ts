/**
 * Exact mean and variance of the infinite-horizon GAE(γ, λ) estimate Â_t given (s_t, a_t) = (s, a), for any
 * critic V̂, on a tabular MDP. (A candidate for src/rl; it lives here until the core adopts it.)
 *
 * With c = γλ, Â_t = δ̂_t + c Â_{t+1}, and given s_{t+1} the future Â_{t+1} is independent of the past (Markov).
 * So both moments solve policy-evaluation equations, which `evaluatePolicy` solves exactly:
 *   mean:   h(s, a) = E[δ̂ | s, a] + c Σ_s' P(s'|s, a) g(s'),                  g(s) = Σ_a π(a|s) h(s, a)
 *   second: m(s, a) = Σ_s' P(s'|s, a) (δ̂² + 2c δ̂ g(s')) + c² Σ_s' P(s'|s, a) G(s'), G(s) = Σ_a π(a|s) m(s, a)
 * i.e. the Q-functions of the same MDP with rewards E[δ̂ | s, a] (discount c) and Σ P (δ̂² + 2c δ̂ g) (discount c²).
 */
import { evaluatePolicy, type MDP, type Policy } from '@/rl';

export interface GaeMoments {
  /** E[Â_t | s_t = s, a_t = a]. */
  mean: number[][];
  /** Var[Â_t | s_t = s, a_t = a]. */
  variance: number[][];
}

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
  return { mean, variance };
}

export type Target = 'gradient' | 'advantage';

/**
 * What an estimate of the advantage at (s, a) is compared with. 'advantage': A^π(s, a). 'gradient':
 * A^π(s, a) − e(s) with e = V̂ − V^π, i.e. Q^π(s, a) − V̂(s): an error that depends on the state alone is a
 * baseline and leaves the policy gradient unbiased, so only the rest is bias that matters.
 */
export function targetOf(A: number[][], V: ArrayLike<number>, Vhat: ArrayLike<number>, target: Target) {
  return A.map((row, s) => row.map((x) => (target === 'gradient' ? x + V[s] - Vhat[s] : x)));
}

export interface ErrorRow {
  lambda: number;
  bias2: number;
  variance: number;
  mse: number;
}

/**
 * Exact bias², variance and MSE of GAE against the target, averaged over (s, a) ~ d_π(s) π(a|s): the pairs at
 * which a policy-gradient step evaluates advantages.
 */
export function exactErrorCurve(
  mdp: MDP,
  pi: Policy,
  Vhat: ArrayLike<number>,
  target: Target,
  lambdas: number[],
): ErrorRow[] {
  const { A, V, d } = evaluatePolicy(mdp, pi);
  const tgt = targetOf(A, V, Vhat, target);
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
