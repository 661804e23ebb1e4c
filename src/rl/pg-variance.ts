/**
 * Exact means and variances of the four single-trajectory policy-gradient estimators of chapter 2 (total return,
 * reward-to-go, baseline, advantage; `pgEstimates` in ./montecarlo.ts), for the tabular softmax on a trajectory cut
 * at H steps, by a forward recursion over the state that carries polynomial moments of the running sums. No
 * sampling: the chapter's variance table is computed here, in float64.
 *
 * For one coordinate k of θ, with score increment u_t = ∂ log π(a_t|s_t)/∂θ_k and X_t = Σ_{t'<t} u_t':
 * - total return:  g = X_H · Y_H with Y_H = Σ_{t<H} γ^t r_t, a product: moments E[1{s_t = s} X^i Y^j], i, j ≤ 2;
 * - the other three are running sums Z_{t+1} = Z_t + c_t X_t + f_t with (c_t, f_t) functions of (t, s_t, a_t):
 *   reward-to-go c = γ^t r, f = γ^t r u (since Σ_t u_t R̂_t = Σ_t γ^t r_t X_{t+1}); baseline adds −γ^t b(s) u to f;
 *   advantage c = 0, f = γ^t A(s, a) u. Moments E[1{s_t = s} X^i Z^j] for i + j ≤ 2 close under this update.
 * Rewards are the deterministic r(s, a) of the MDP, as in the sampler.
 */
import type { MDP, Policy } from './types';

export type EstimatorKey = 'total' | 'rewardToGo' | 'baseline' | 'advantage';

export interface EstimatorMomentsExact {
  /** The mean of each estimator (per coordinate s * actions + a): the gradient of the H-step objective. */
  mean: Record<EstimatorKey, Float64Array>;
  /** The total variance (trace of the covariance) of one trajectory's estimate. */
  variance: Record<EstimatorKey, number>;
  horizon: number;
}

/** Moments of a running sum Z_{t+1} = Z_t + c X_t + f alongside X: indices 1, X, X², Z, ZX, Z². */
function linearMoments(
  mdp: MDP,
  pi: Policy,
  H: number,
  u: (s: number, a: number) => number,
  cf: (t: number, s: number, a: number, us: number) => [number, number],
): [number, number] {
  const S = mdp.rho0.length;
  const A = pi[0].length;
  let m = Array.from({ length: S }, (_, s) => [mdp.rho0[s], 0, 0, 0, 0, 0]);
  for (let t = 0; t < H; t++) {
    const next = Array.from({ length: S }, () => [0, 0, 0, 0, 0, 0]);
    for (let s = 0; s < S; s++) {
      const [p1, pX, pX2, pZ, pZX, pZ2] = m[s];
      if (p1 === 0 && pX === 0 && pX2 === 0 && pZ === 0 && pZX === 0 && pZ2 === 0) continue;
      for (let a = 0; a < A; a++) {
        const w = pi[s][a];
        if (w === 0) continue;
        const us = u(s, a);
        const [c, f] = cf(t, s, a, us);
        // X' = X + u, Z' = Z + cX + f.
        const n1 = p1;
        const nX = pX + us * p1;
        const nX2 = pX2 + 2 * us * pX + us * us * p1;
        const nZ = pZ + c * pX + f * p1;
        const nZX = pZX + us * pZ + c * pX2 + (c * us + f) * pX + f * us * p1;
        const nZ2 = pZ2 + 2 * c * pZX + 2 * f * pZ + c * c * pX2 + 2 * c * f * pX + f * f * p1;
        const P = mdp.P[a][s];
        for (let s2 = 0; s2 < S; s2++) {
          const q = w * P[s2];
          if (q === 0) continue;
          const row = next[s2];
          row[0] += q * n1;
          row[1] += q * nX;
          row[2] += q * nX2;
          row[3] += q * nZ;
          row[4] += q * nZX;
          row[5] += q * nZ2;
        }
      }
    }
    m = next;
  }
  let mean = 0;
  let second = 0;
  for (const row of m) {
    mean += row[3];
    second += row[5];
  }
  return [mean, second];
}

/** Moments of the product X_H · Y_H: E[1{s} X^i Y^j] for i, j ∈ {0, 1, 2}, flattened as 3i + j. */
function productMoments(
  mdp: MDP,
  pi: Policy,
  H: number,
  u: (s: number, a: number) => number,
): [number, number] {
  const S = mdp.rho0.length;
  const A = pi[0].length;
  const binom = [[1], [1, 1], [1, 2, 1]];
  let m = Array.from({ length: S }, (_, s) => {
    const v = new Array<number>(9).fill(0);
    v[0] = mdp.rho0[s];
    return v;
  });
  let disc = 1;
  for (let t = 0; t < H; t++) {
    const next = Array.from({ length: S }, () => new Array<number>(9).fill(0));
    for (let s = 0; s < S; s++) {
      const cur = m[s];
      for (let a = 0; a < A; a++) {
        const w = pi[s][a];
        if (w === 0) continue;
        const us = u(s, a);
        const c = disc * mdp.R[s][a];
        // (X + u)^i (Y + c)^j = Σ_{k ≤ i, l ≤ j} C(i,k) C(j,l) X^k Y^l u^{i−k} c^{j−l}.
        const upd = new Array<number>(9).fill(0);
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            let v = 0;
            for (let k = 0; k <= i; k++)
              for (let l = 0; l <= j; l++)
                v += binom[i][k] * binom[j][l] * cur[3 * k + l] * us ** (i - k) * c ** (j - l);
            upd[3 * i + j] = v;
          }
        const P = mdp.P[a][s];
        for (let s2 = 0; s2 < S; s2++) {
          const q = w * P[s2];
          if (q === 0) continue;
          for (let i = 0; i < 9; i++) next[s2][i] += q * upd[i];
        }
      }
    }
    m = next;
    disc *= mdp.gamma;
  }
  let mean = 0;
  let second = 0;
  for (const row of m) {
    mean += row[4]; // X Y
    second += row[8]; // X² Y²
  }
  return [mean, second];
}

/**
 * Exact moments of the four estimators for π (tabular softmax scores) on trajectories of H steps, with baseline
 * b(s) and advantage A(s, a) as given (typically V^π and A^π).
 */
export function estimatorMomentsExact(
  mdp: MDP,
  pi: Policy,
  H: number,
  baseline: ArrayLike<number>,
  advantage: number[][],
): EstimatorMomentsExact {
  const S = mdp.rho0.length;
  const A = pi[0].length;
  const dim = S * A;
  const keys: EstimatorKey[] = ['total', 'rewardToGo', 'baseline', 'advantage'];
  const mean = Object.fromEntries(keys.map((k) => [k, new Float64Array(dim)])) as Record<
    EstimatorKey,
    Float64Array
  >;
  const variance = { total: 0, rewardToGo: 0, baseline: 0, advantage: 0 };
  const g = mdp.gamma;
  for (let sk = 0; sk < S; sk++)
    for (let bk = 0; bk < A; bk++) {
      const i = sk * A + bk;
      const u = (s: number, a: number) => (s === sk ? (a === bk ? 1 : 0) - pi[sk][bk] : 0);
      const record = (k: EstimatorKey, [m1, m2]: [number, number]) => {
        mean[k][i] = m1;
        variance[k] += m2 - m1 * m1;
      };
      record('total', productMoments(mdp, pi, H, u));
      record(
        'rewardToGo',
        linearMoments(mdp, pi, H, u, (t, s, a, us) => {
          const c = g ** t * mdp.R[s][a];
          return [c, c * us];
        }),
      );
      record(
        'baseline',
        linearMoments(mdp, pi, H, u, (t, s, a, us) => {
          const d = g ** t;
          const c = d * mdp.R[s][a];
          return [c, c * us - d * baseline[s] * us];
        }),
      );
      record(
        'advantage',
        linearMoments(mdp, pi, H, u, (t, s, a, us) => [0, g ** t * advantage[s][a] * us]),
      );
    }
  return { mean, variance, horizon: H };
}
