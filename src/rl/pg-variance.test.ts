import { describe, expect, it } from 'vitest';
import { estimatorMomentsExact, type EstimatorKey } from './pg-variance';
import { defaultHorizon, pgEstimates, type Trajectory } from './montecarlo';
import { evaluatePolicy, randomMDP, randomTheta, softmaxPolicy, softmaxPolicyGradient } from './index';
import type { MDP, Policy } from './types';

const KEYS: EstimatorKey[] = ['total', 'rewardToGo', 'baseline', 'advantage'];

/** Every trajectory of H steps with its probability, and the exact moments of pgEstimates by enumeration. */
function enumerate(mdp: MDP, pi: Policy, H: number, V: number[], A: number[][]) {
  const S = mdp.rho0.length;
  const nA = pi[0].length;
  const dim = S * nA;
  const mean = Object.fromEntries(KEYS.map((k) => [k, new Float64Array(dim)])) as Record<
    EstimatorKey,
    Float64Array
  >;
  const second = { total: 0, rewardToGo: 0, baseline: 0, advantage: 0 };
  const walk = (states: number[], actions: number[], p: number) => {
    if (p === 0) return;
    if (actions.length === H) {
      const traj: Trajectory = {
        states: states.slice(0, H),
        actions,
        rewards: actions.map((a, t) => mdp.R[states[t]][a]),
        finalState: states[H],
      };
      const g = pgEstimates(pi, traj, mdp.gamma, { baseline: V, advantage: A });
      for (const k of KEYS)
        for (let i = 0; i < dim; i++) {
          mean[k][i] += p * g[k][i];
          second[k] += p * g[k][i] ** 2;
        }
      return;
    }
    const s = states[states.length - 1];
    for (let a = 0; a < nA; a++)
      for (let s2 = 0; s2 < S; s2++) walk([...states, s2], [...actions, a], p * pi[s][a] * mdp.P[a][s][s2]);
  };
  for (let s = 0; s < S; s++) walk([s], [], mdp.rho0[s]);
  const variance = Object.fromEntries(
    KEYS.map((k) => [k, second[k] - mean[k].reduce((acc, x) => acc + x * x, 0)]),
  ) as Record<EstimatorKey, number>;
  return { mean, variance };
}

describe('exact moments of the four policy-gradient estimators', () => {
  it('agree with the enumeration of every trajectory (small MDPs, H ≤ 4)', () => {
    for (const [seed, S, H, gamma] of [
      [1, 2, 3, 0.9],
      [7, 3, 3, 0.5],
      [11, 2, 4, 0.95],
    ] as const) {
      const mdp = randomMDP(seed, { states: S, actions: 2, gamma });
      const pi = softmaxPolicy(randomTheta(seed + 1, S, 2));
      const ev = evaluatePolicy(mdp, pi);
      const exact = estimatorMomentsExact(mdp, pi, H, ev.V, ev.A);
      const brute = enumerate(mdp, pi, H, ev.V, ev.A);
      for (const k of KEYS) {
        expect(Math.abs(exact.variance[k] - brute.variance[k])).toBeLessThan(
          1e-12 * Math.max(1, brute.variance[k]),
        );
        exact.mean[k].forEach((x, i) => expect(Math.abs(x - brute.mean[k][i])).toBeLessThan(1e-12));
      }
    }
  });

  it('all four means are the gradient of the H-step objective, close to ∇J for a long horizon', () => {
    const mdp = randomMDP(11, { states: 3, actions: 2, gamma: 0.8 });
    const theta = randomTheta(12, 3, 2);
    const pi = softmaxPolicy(theta);
    const ev = evaluatePolicy(mdp, pi);
    const exact = estimatorMomentsExact(mdp, pi, 62, ev.V, ev.A);
    const grad = softmaxPolicyGradient(mdp, theta).flat();
    for (const k of KEYS) exact.mean[k].forEach((x, i) => expect(Math.abs(x - grad[i])).toBeLessThan(1e-4));
    // Past rewards and baselines drop out exactly, at any horizon; the advantage form sees the values beyond H.
    for (const k of ['rewardToGo', 'baseline'] as const)
      exact.mean[k].forEach((x, i) => expect(Math.abs(x - exact.mean.total[i])).toBeLessThan(1e-12));
  });

  it("chapter 2's variance table (estimator lab defaults: seed 11, three states), to three digits", () => {
    const table: Record<string, [number, string[]]> = {
      '0.5': [20, ['6.99', '0.473', '0.0377', '0.0312']],
      '0.8': [62, ['117', '5.06', '0.139', '0.0696']],
      '0.95': [270, ['7630', '286', '1.74', '0.285']],
    };
    const rows: Record<string, Record<EstimatorKey, number>> = {};
    for (const [g, [H, printed]] of Object.entries(table)) {
      const gamma = Number(g);
      const mdp = randomMDP(11, { states: 3, actions: 2, gamma });
      const pi = softmaxPolicy(randomTheta(12, 3, 2));
      const ev = evaluatePolicy(mdp, pi);
      expect(defaultHorizon(gamma)).toBe(H);
      const v = estimatorMomentsExact(mdp, pi, H, ev.V, ev.A).variance;
      rows[g] = v;
      KEYS.forEach((k, i) => expect(Number(v[k].toPrecision(3)).toString()).toBe(printed[i]));
      // The total-return column grows linearly with the cut: doubling H doubles it (to 1 %).
      const v2 = estimatorMomentsExact(mdp, pi, 2 * H, ev.V, ev.A).variance;
      expect(Math.abs(v2.total / v.total - 2)).toBeLessThan(0.02);
    }
    const r = rows['0.95'];
    expect(Math.round(r.total / r.advantage / 1000)).toBe(27); // about 27 000 times fewer trajectories
    expect(Math.log10(r.total / r.advantage).toFixed(1)).toBe('4.4'); // the row spans 4.4 orders of magnitude
    expect(Math.round(rows['0.95'].total / rows['0.5'].total)).toBe(1091); // a thousandfold
    expect((rows['0.95'].advantage / rows['0.5'].advantage).toFixed(1)).toBe('9.1'); // less than tenfold
  });
});
