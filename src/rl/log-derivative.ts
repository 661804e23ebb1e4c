/**
 * The log-derivative derivation of the policy gradient (chapter 2), evaluated exactly on a horizon-H problem by
 * enumerating every trajectory τ = (s_0, a_0, s_1, …, s_{H−1}, a_{H−1}) of a tabular MDP. Each line is a gradient
 * vector over the softmax parameters θ[s][a] (flattened as s · actions + a) of the H-step objective
 * J_H(θ) = Σ_τ P(τ|θ) R(τ), R(τ) = Σ_{t<H} γ^t r(s_t, a_t):
 *   fd          ∇J_H by central differences of J_H;
 *   gradP       Σ_τ ∇P(τ|θ) R(τ), ∇P by central differences per trajectory;
 *   logDeriv    Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) R(τ)                         (the log-derivative trick);
 *   rewardToGo  Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) Σ_{t′≥t} γ^t′ r_t′            (the past dropped);
 *   baseline    … minus γ^t b(s_t)                                         (any state baseline);
 *   pastTerms   Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) Σ_{t′<t} γ^t′ r_t′            (= 0: the past does not matter).
 * Every line equals ∇J_H: exactly for the last four (up to rounding), to O(h²) for the two finite differences.
 */
import { softmaxPolicy } from './softmax';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP } from './validate';

/** A finite trajectory: H states s_0..s_{H−1} and H actions a_0..a_{H−1}. */
export interface TrajectoryPath {
  states: number[];
  actions: number[];
}

/** Every trajectory of horizon H over `states` states and `actions` actions, (states · actions)^H of them. */
export function enumerateTrajectories(states: number, actions: number, H: number): TrajectoryPath[] {
  if (!Number.isInteger(H) || H < 1) throw new RLInputError(`horizon must be a positive integer, got ${H}`);
  const out: TrajectoryPath[] = [];
  const rec = (st: number[], ac: number[]) => {
    if (ac.length === H) return void out.push({ states: st.slice(), actions: ac.slice() });
    for (let a = 0; a < actions; a++) {
      if (ac.length === H - 1) rec(st, [...ac, a]);
      else for (let s2 = 0; s2 < states; s2++) rec([...st, s2], [...ac, a]);
    }
  };
  for (let s0 = 0; s0 < states; s0++) rec([s0], []);
  return out;
}

/** P(τ) = ρ0(s_0) Π_t π(a_t|s_t) P(s_{t+1}|s_t, a_t). */
export function trajectoryProbability(mdp: MDP, pi: Policy, t: TrajectoryPath): number {
  let p = mdp.rho0[t.states[0]];
  for (let k = 0; k < t.actions.length; k++) {
    p *= pi[t.states[k]][t.actions[k]];
    if (k + 1 < t.states.length) p *= mdp.P[t.actions[k]][t.states[k]][t.states[k + 1]];
  }
  return p;
}

export interface LogDerivativeLines {
  /** ∇J_H by central differences (step 1e-6). */
  fd: number[];
  /** Σ_τ ∇P(τ) R(τ), ∇P by central differences per trajectory. */
  gradP: number[];
  /** Σ_τ P(τ) Σ_t ∇log π(a_t|s_t) R(τ). */
  logDeriv: number[];
  /** Σ_τ P(τ) Σ_t ∇log π(a_t|s_t) Σ_{t′≥t} γ^t′ r_t′. */
  rewardToGo: number[];
  /** Σ_τ P(τ) Σ_t ∇log π(a_t|s_t) (Σ_{t′≥t} γ^t′ r_t′ − γ^t b(s_t)). */
  baseline: number[];
  /** Σ_τ P(τ) Σ_t ∇log π(a_t|s_t) Σ_{t′<t} γ^t′ r_t′ (= 0). */
  pastTerms: number[];
  /** How many trajectories were summed over. */
  trajectories: number;
}

/** Every line of the derivation for π = softmax(θ), the state baseline b, and horizon H. */
export function logDerivativeLines(
  mdp: MDP,
  theta: number[][],
  b: ArrayLike<number>,
  H: number,
): LogDerivativeLines {
  const { states: nS, actions: nA } = validateMDP(mdp);
  if (theta.length !== nS || theta.some((row) => row.length !== nA))
    throw new RLInputError(`theta must be ${nS} × ${nA}`);
  if (b.length !== nS) throw new RLInputError(`the baseline must have ${nS} entries, got ${b.length}`);
  const gamma = mdp.gamma;
  const trajs = enumerateTrajectories(nS, nA, H);
  const dim = nS * nA;
  const ret = (t: TrajectoryPath, from: number, to = H) => {
    let r = 0;
    for (let k = from; k < to; k++) r += gamma ** k * mdp.R[t.states[k]][t.actions[k]];
    return r;
  };
  const J = (th: number[][]) => {
    const pi = softmaxPolicy(th);
    return trajs.reduce((acc, t) => acc + trajectoryProbability(mdp, pi, t) * ret(t, 0), 0);
  };
  const h = 1e-6;
  const shifted = (i: number, d: number) =>
    theta.map((row, s) => row.map((x, a) => (s * nA + a === i ? x + d : x)));
  const fd = Array.from({ length: dim }, (_, i) => (J(shifted(i, h)) - J(shifted(i, -h))) / (2 * h));
  const gradP = Array.from({ length: dim }, (_, i) => {
    const pp = softmaxPolicy(shifted(i, h));
    const pm = softmaxPolicy(shifted(i, -h));
    return trajs.reduce(
      (acc, t) =>
        acc + ((trajectoryProbability(mdp, pp, t) - trajectoryProbability(mdp, pm, t)) / (2 * h)) * ret(t, 0),
      0,
    );
  });
  const pi = softmaxPolicy(theta);
  const logDeriv = new Array<number>(dim).fill(0);
  const rewardToGo = new Array<number>(dim).fill(0);
  const baseline = new Array<number>(dim).fill(0);
  const pastTerms = new Array<number>(dim).fill(0);
  for (const t of trajs) {
    const P = trajectoryProbability(mdp, pi, t);
    const R = ret(t, 0);
    for (let k = 0; k < H; k++) {
      const s = t.states[k];
      for (let a = 0; a < nA; a++) {
        const score = (t.actions[k] === a ? 1 : 0) - pi[s][a]; // ∂ log π(a_k|s_k) / ∂θ[s][a]
        const i = s * nA + a;
        logDeriv[i] += P * score * R;
        rewardToGo[i] += P * score * ret(t, k);
        baseline[i] += P * score * (ret(t, k) - gamma ** k * b[s]);
        pastTerms[i] += P * score * ret(t, 0, k);
      }
    }
  }
  return { fd, gradP, logDeriv, rewardToGo, baseline, pastTerms, trajectories: trajs.length };
}
