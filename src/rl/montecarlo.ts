/**
 * Monte Carlo tools on tabular MDPs: trajectories from a seeded RNG, per-trajectory policy-gradient estimates for
 * the classic estimators, GAE and k-step advantage estimates along a trajectory.
 *
 * Horizon: the book's objective is the infinite discounted sum. Trajectories are cut at a horizon H; the estimators
 * then target the gradient of the H-step objective, which differs from the exact gradient by at most
 * O(gamma^H · max|r| / (1-gamma)^2). `defaultHorizon` picks H with gamma^H <= 1e-6, far below Monte Carlo error.
 */
import type { Rng } from './rng';
import type { MDP, Policy } from './types';

export interface Trajectory {
  states: number[];
  actions: number[];
  rewards: number[];
  /** The state after the last step (for bootstrapping). */
  finalState: number;
}

export const defaultHorizon = (gamma: number) =>
  gamma === 0 ? 1 : Math.min(5000, Math.ceil(Math.log(1e-6) / Math.log(gamma)));

export function sampleTrajectory(
  mdp: MDP,
  pi: Policy,
  rng: Rng,
  { horizon = defaultHorizon(mdp.gamma) } = {},
): Trajectory {
  const states: number[] = [];
  const actions: number[] = [];
  const rewards: number[] = [];
  let s = rng.categorical(mdp.rho0);
  for (let t = 0; t < horizon; t++) {
    const a = rng.categorical(pi[s]);
    states.push(s);
    actions.push(a);
    rewards.push(mdp.R[s][a]);
    s = rng.categorical(mdp.P[a][s]);
  }
  return { states, actions, rewards, finalState: s };
}

export interface PgEstimates {
  /** sum_t grad log pi(a_t|s_t) R(tau). */
  total: Float64Array;
  /** sum_t grad log pi(a_t|s_t) sum_{t' >= t} gamma^t' r_t'. */
  rewardToGo: Float64Array;
  /** sum_t grad log pi(a_t|s_t) (sum_{t' >= t} gamma^t' r_t' - gamma^t b(s_t)). */
  baseline: Float64Array;
  /** sum_t grad log pi(a_t|s_t) gamma^t A(s_t, a_t) (with the exact advantage, when given). */
  advantage: Float64Array;
}

/**
 * Per-trajectory gradient estimates for the tabular softmax pi = softmax(theta), flattened as s * actions + a.
 * `baseline` is b(s) (typically V_pi), `advantage` is A_pi(s, a); missing ones give zero vectors.
 */
export function pgEstimates(
  pi: Policy,
  traj: Trajectory,
  gamma: number,
  { baseline, advantage }: { baseline?: ArrayLike<number>; advantage?: number[][] } = {},
): PgEstimates {
  const nA = pi[0].length;
  const size = pi.length * nA;
  const total = new Float64Array(size);
  const rtg = new Float64Array(size);
  const base = new Float64Array(size);
  const adv = new Float64Array(size);
  const T = traj.rewards.length;
  const disc = new Float64Array(T);
  let g = 1;
  let R = 0;
  for (let t = 0; t < T; t++) {
    disc[t] = g;
    R += g * traj.rewards[t];
    g *= gamma;
  }
  let tail = R; // sum_{t' >= t} gamma^t' r_t'
  for (let t = 0; t < T; t++) {
    const s = traj.states[t];
    const a = traj.actions[t];
    const wTotal = R;
    const wRtg = tail;
    const wBase = tail - (baseline ? disc[t] * baseline[s] : 0);
    const wAdv = advantage ? disc[t] * advantage[s][a] : 0;
    // Score of the softmax: d log pi(a|s) / d theta[s][b] = 1[a = b] - pi(b|s).
    for (let b = 0; b < nA; b++) {
      const score = (a === b ? 1 : 0) - pi[s][b];
      const i = s * nA + b;
      total[i] += score * wTotal;
      rtg[i] += score * wRtg;
      base[i] += score * wBase;
      adv[i] += score * wAdv;
    }
    tail -= disc[t] * traj.rewards[t];
  }
  return { total, rewardToGo: rtg, baseline: base, advantage: adv };
}

/** Mean vector and total variance (sum over coordinates of the sample variance) of a set of vectors. */
export function meanAndVariance(samples: ArrayLike<number>[]): {
  mean: Float64Array;
  variance: number;
  n: number;
} {
  const n = samples.length;
  const dim = n ? samples[0].length : 0;
  const mean = new Float64Array(dim);
  for (const x of samples) for (let i = 0; i < dim; i++) mean[i] += x[i] / n;
  let variance = 0;
  if (n > 1) {
    for (const x of samples) for (let i = 0; i < dim; i++) variance += (x[i] - mean[i]) ** 2;
    variance /= n - 1;
  }
  return { mean, variance, n };
}

/** GAE(gamma, lambda) advantages along a tabular trajectory with an approximate value function V. */
export function gaeFromTrajectory(
  traj: Trajectory,
  V: ArrayLike<number>,
  gamma: number,
  lambda: number,
): Float64Array {
  const T = traj.rewards.length;
  const out = new Float64Array(T);
  let next = 0;
  for (let t = T - 1; t >= 0; t--) {
    const sNext = t + 1 < T ? traj.states[t + 1] : traj.finalState;
    const delta = traj.rewards[t] + gamma * V[sNext] - V[traj.states[t]];
    next = delta + gamma * lambda * next;
    out[t] = next;
  }
  return out;
}

/** The k-step estimator A^(k)_t = sum_{l<k} gamma^l delta_{t+l} (cut at the end of the trajectory). */
export function kStepAdvantage(
  traj: Trajectory,
  V: ArrayLike<number>,
  gamma: number,
  t: number,
  k: number,
): number {
  const T = traj.rewards.length;
  let sum = 0;
  let g = 1;
  for (let l = 0; l < k && t + l < T; l++) {
    const u = t + l;
    const sNext = u + 1 < T ? traj.states[u + 1] : traj.finalState;
    sum += g * (traj.rewards[u] + gamma * V[sNext] - V[traj.states[u]]);
    g *= gamma;
  }
  return sum;
}
