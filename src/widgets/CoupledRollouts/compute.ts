/**
 * Coupled rollouts (chapter 8, back to chapter 5): two policies run from the same start state, sharing their
 * randomness through the maximal coupling of their action distributions at every state while they still agree.
 *
 * Exact curves, by forward recursions over the state distribution:
 *  - the laws of s_t under π and π' (ρ0 P_π^t, ρ0 P_π'^t) and their total variation;
 *  - u_t(s) = Pr(the coupled pair agreed on a_0, …, a_{t−1} and s_t = s):
 *      u_{t+1}(s') = Σ_s u_t(s) Σ_a c(a|s) P(s'|s, a),
 *    with c(a|s) = min(π(a|s), π'(a|s)) for the maximal coupling and π(a|s)π'(a|s) for independent draws;
 *  - the bound Pr(agreement through t) ≥ (1 − α)^t.
 */
import {
  createRng,
  maximalCoupling,
  randomMDP,
  randomTheta,
  sampleCouplingPair,
  softmaxPolicy,
  tvDistance,
  tvMax,
  type MDP,
  type Policy,
} from '@/rl';

export interface CoupledModel {
  mdp: MDP;
  pi: Policy;
  piNew: Policy;
  alpha: number;
}

export function makeModel(seed: number, step: number): CoupledModel {
  const states = 6;
  const actions = 3;
  const mdp = randomMDP(seed, { states, actions, gamma: 0.9, branching: 3 });
  const theta = randomTheta(seed + 1, states, actions);
  const dir = randomTheta(seed + 2, states, actions);
  const pi = softmaxPolicy(theta);
  const piNew = softmaxPolicy(theta.map((row, s) => row.map((x, a) => x + step * dir[s][a])));
  return { mdp, pi, piNew, alpha: tvMax(pi, piNew) };
}

function propagate(mdp: MDP, mass: number[], weight: (s: number, a: number) => number): number[] {
  const n = mass.length;
  const next = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    if (mass[s] === 0) continue;
    for (let a = 0; a < mdp.P.length; a++) {
      const w = mass[s] * weight(s, a);
      if (w === 0) continue;
      const row = mdp.P[a][s];
      for (let s2 = 0; s2 < n; s2++) next[s2] += w * row[s2];
    }
  }
  return next;
}

export interface CurveRow {
  t: number;
  /** D_TV(law of s_t under π, under π'). */
  tvState: number;
  /** Pr(the maximally coupled pair disagreed on some action before t). */
  disagreeMaximal: number;
  /** The same under independent draws of the two actions. */
  disagreeIndependent: number;
  /** 1 − (1 − α)^t. */
  bound: number;
}

export function exactCurves({ mdp, pi, piNew, alpha }: CoupledModel, horizon: number): CurveRow[] {
  let mu = mdp.rho0.slice();
  let muNew = mdp.rho0.slice();
  let uMax = mdp.rho0.slice();
  let uInd = mdp.rho0.slice();
  const rows: CurveRow[] = [];
  const sum = (x: number[]) => x.reduce((a, b) => a + b, 0);
  for (let t = 0; t <= horizon; t++) {
    rows.push({
      t,
      tvState: tvDistance(mu, muNew),
      disagreeMaximal: Math.max(0, 1 - sum(uMax)),
      disagreeIndependent: Math.max(0, 1 - sum(uInd)),
      bound: 1 - (1 - alpha) ** t,
    });
    mu = propagate(mdp, mu, (s, a) => pi[s][a]);
    muNew = propagate(mdp, muNew, (s, a) => piNew[s][a]);
    uMax = propagate(mdp, uMax, (s, a) => Math.min(pi[s][a], piNew[s][a]));
    uInd = propagate(mdp, uInd, (s, a) => pi[s][a] * piNew[s][a]);
  }
  return rows;
}

/**
 * Seeded sampler of coupled rollouts: counts, for every t ≤ horizon, the pairs whose actions first disagreed
 * before t. The k-th rollout depends only on the seed.
 */
export function createCoupledSampler(model: CoupledModel, horizon: number, seed: number) {
  const { mdp, pi, piNew } = model;
  const joints = pi.map((row, s) => maximalCoupling(row, piNew[s]).joint);
  const rng = createRng(seed + 11);
  const firstDisagreement = new Float64Array(horizon + 2); // index horizon + 1: never within the horizon
  let n = 0;
  return {
    step(count: number) {
      for (let i = 0; i < count; i++) {
        let s = rng.categorical(mdp.rho0);
        let t = 0;
        for (; t < horizon; t++) {
          const [a, a2] = sampleCouplingPair(joints[s], rng);
          if (a !== a2) break;
          s = rng.categorical(mdp.P[a][s]);
        }
        firstDisagreement[t < horizon ? t : horizon + 1]++;
        n++;
      }
    },
    get n() {
      return n;
    },
    /** Fraction of pairs that disagreed on some action before t, for t = 0..horizon. */
    disagreed(): number[] {
      const out: number[] = [];
      let cum = 0;
      for (let t = 0; t <= horizon; t++) {
        out.push(n ? cum / n : NaN);
        cum += firstDisagreement[t];
      }
      return out;
    },
  };
}
