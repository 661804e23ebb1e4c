/**
 * The log-derivative derivation of chapter 2, evaluated exactly by enumerating every trajectory of a horizon-H
 * problem (2 states, 2 actions): each line is a gradient vector over the softmax parameters θ[s][a].
 */
import { randomMDP, randomTheta, softmaxPolicy, type MDP } from '@/rl';

interface Traj {
  states: number[];
  actions: number[];
}

function enumerate(nS: number, nA: number, H: number): Traj[] {
  const out: Traj[] = [];
  const rec = (states: number[], actions: number[]) => {
    if (actions.length === H) return void out.push({ states: states.slice(), actions: actions.slice() });
    const s = states[states.length - 1];
    for (let a = 0; a < nA; a++) {
      if (actions.length === H - 1) rec(states, [...actions, a]);
      else for (let s2 = 0; s2 < nS; s2++) rec([...states, s2], [...actions, a]);
      void s;
    }
  };
  for (let s0 = 0; s0 < nS; s0++) rec([s0], []);
  return out;
}

function probability(mdp: MDP, pi: number[][], t: Traj): number {
  let p = mdp.rho0[t.states[0]];
  for (let k = 0; k < t.actions.length; k++) {
    p *= pi[t.states[k]][t.actions[k]];
    if (k + 1 < t.states.length) p *= mdp.P[t.actions[k]][t.states[k]][t.states[k + 1]];
  }
  return p;
}

export interface DerivationLines {
  fd: number[]; // ∇J by central differences
  gradP: number[]; // Σ_τ ∇P(τ) R(τ), ∇P by central differences per trajectory
  logDeriv: number[]; // Σ_τ P(τ) Σ_t ∇log π(a_t|s_t) R(τ)
  rewardToGo: number[]; // Σ_τ P(τ) Σ_t ∇log π(a_t|s_t) Σ_{t'≥t} γ^t' r_t'
  baseline: number[]; // … minus γ^t b(s_t)
  pastTerms: number[]; // Σ_τ P(τ) Σ_t ∇log π(a_t|s_t) Σ_{t'<t} γ^t' r_t'  (= 0)
  trajectories: number;
}

export function derivation(seed: number, gamma: number, H = 3): DerivationLines {
  const mdp = randomMDP(seed, { states: 2, actions: 2, gamma });
  const theta = randomTheta(seed + 1, 2, 2);
  const b = [0.7, -0.4]; // any baseline
  const trajs = enumerate(2, 2, H);
  const dim = 4;
  const J = (th: number[][]) => {
    const pi = softmaxPolicy(th);
    return trajs.reduce((acc, t) => acc + probability(mdp, pi, t) * ret(t, 0), 0);
  };
  const ret = (t: Traj, from: number, to = H) => {
    let r = 0;
    for (let k = from; k < to; k++) r += gamma ** k * mdp.R[t.states[k]][t.actions[k]];
    return r;
  };
  const h = 1e-6;
  const shifted = (i: number, d: number) =>
    theta.map((row, s) => row.map((x, a) => (s * 2 + a === i ? x + d : x)));
  const fd = Array.from({ length: dim }, (_, i) => (J(shifted(i, h)) - J(shifted(i, -h))) / (2 * h));
  const gradP = Array.from({ length: dim }, (_, i) => {
    const pp = softmaxPolicy(shifted(i, h));
    const pm = softmaxPolicy(shifted(i, -h));
    return trajs.reduce(
      (acc, t) => acc + ((probability(mdp, pp, t) - probability(mdp, pm, t)) / (2 * h)) * ret(t, 0),
      0,
    );
  });
  const pi = softmaxPolicy(theta);
  const logDeriv = new Array<number>(dim).fill(0);
  const rewardToGo = new Array<number>(dim).fill(0);
  const baseline = new Array<number>(dim).fill(0);
  const pastTerms = new Array<number>(dim).fill(0);
  for (const t of trajs) {
    const P = probability(mdp, pi, t);
    const R = ret(t, 0);
    for (let k = 0; k < H; k++) {
      const s = t.states[k];
      for (let a = 0; a < 2; a++) {
        const score = (t.actions[k] === a ? 1 : 0) - pi[s][a]; // ∂ log π(a_k|s_k) / ∂θ[s][a]
        const i = s * 2 + a;
        logDeriv[i] += P * score * R;
        rewardToGo[i] += P * score * ret(t, k);
        baseline[i] += P * score * (ret(t, k) - gamma ** k * b[s]);
        pastTerms[i] += P * score * ret(t, 0, k);
      }
    }
  }
  return { fd, gradP, logDeriv, rewardToGo, baseline, pastTerms, trajectories: trajs.length };
}
