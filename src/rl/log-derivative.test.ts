/**
 * The log-derivative derivation (log-derivative.ts) on random MDPs, against an independent exact gradient of the
 * H-step objective: the finite-horizon policy gradient theorem by backward recursion,
 *   ∂J_H/∂θ[x][b] = Σ_{t<H} γ^t Pr(s_t = x) π(b|x) (Q_{H−t}(x, b) − V_{H−t}(x)),
 * with Q_h(s, a) = r(s, a) + γ Σ_s′ P(s′|s, a) V_{h−1}(s′), V_h = Σ_a π Q_h, V_0 = 0.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  enumerateTrajectories,
  logDerivativeLines,
  randomMDP,
  randomTheta,
  softmaxPolicy,
  trajectoryProbability,
  type MDP,
} from './index';

function backwardGradient(mdp: MDP, theta: number[][], H: number): number[] {
  const pi = softmaxPolicy(theta);
  const n = mdp.rho0.length;
  const nA = mdp.P.length;
  // Q[h] for h = 0..H (Q[0] = 0).
  const Q: number[][][] = [Array.from({ length: n }, () => new Array<number>(nA).fill(0))];
  const V: number[][] = [new Array<number>(n).fill(0)];
  for (let h = 1; h <= H; h++) {
    const q = Array.from({ length: n }, (_, s) =>
      Array.from(
        { length: nA },
        (_, a) => mdp.R[s][a] + mdp.gamma * mdp.P[a][s].reduce((acc, p, y) => acc + p * V[h - 1][y], 0),
      ),
    );
    Q.push(q);
    V.push(q.map((row, s) => row.reduce((acc, x, a) => acc + pi[s][a] * x, 0)));
  }
  const grad = new Array<number>(n * nA).fill(0);
  let mu = mdp.rho0.slice();
  for (let t = 0; t < H; t++) {
    const h = H - t;
    for (let x = 0; x < n; x++)
      for (let b = 0; b < nA; b++)
        grad[x * nA + b] += mdp.gamma ** t * mu[x] * pi[x][b] * (Q[h][x][b] - V[h][x]);
    const next = new Array<number>(n).fill(0);
    mu.forEach((m, s) => pi[s].forEach((p, a) => mdp.P[a][s].forEach((q, y) => (next[y] += m * p * q))));
    mu = next;
  }
  return grad;
}

const arbProblem = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    states: fc.integer({ min: 1, max: 3 }),
    actions: fc.integer({ min: 1, max: 3 }),
    H: fc.integer({ min: 1, max: 4 }),
    gamma: fc.double({ min: 0, max: 0.99, noNaN: true }),
  })
  .filter(({ states, actions, H }) => (states * actions) ** H <= 2000)
  .map(({ seed, states, actions, H, gamma }) => {
    const rng = createRng(seed);
    const mdp = randomMDP(rng, { states, actions, gamma });
    const theta = randomTheta(rng, states, actions, 2);
    const b = Array.from({ length: states }, () => 3 * rng.normal());
    return { mdp, theta, b, H };
  });

describe('log-derivative derivation, every trajectory enumerated', () => {
  it('enumerates (states · actions)^H trajectories whose probabilities sum to 1', () => {
    fc.assert(
      fc.property(arbProblem, ({ mdp, theta, H }) => {
        const nS = mdp.rho0.length;
        const nA = mdp.P.length;
        const trajs = enumerateTrajectories(nS, nA, H);
        expect(trajs.length).toBe((nS * nA) ** H);
        expect(new Set(trajs.map((t) => `${t.states}|${t.actions}`)).size).toBe(trajs.length);
        const pi = softmaxPolicy(theta);
        const total = trajs.reduce((acc, t) => acc + trajectoryProbability(mdp, pi, t), 0);
        expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('every line equals the backward-recursion gradient (1e-9; finite differences 1e-7) and the past terms vanish', () => {
    fc.assert(
      fc.property(arbProblem, ({ mdp, theta, b, H }) => {
        const d = logDerivativeLines(mdp, theta, b, H);
        const exact = backwardGradient(mdp, theta, H);
        const scale = H * (1 + Math.max(...b.map(Math.abs)));
        exact.forEach((g, i) => {
          expect(Math.abs(d.logDeriv[i] - g)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(d.rewardToGo[i] - g)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(d.baseline[i] - g)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(d.pastTerms[i])).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(d.fd[i] - g)).toBeLessThanOrEqual(1e-7 * scale);
          expect(Math.abs(d.gradP[i] - g)).toBeLessThanOrEqual(1e-7 * scale);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad inputs', () => {
    const mdp = randomMDP(1, { states: 2, actions: 2, gamma: 0.9 });
    expect(() => enumerateTrajectories(2, 2, 0)).toThrow(/horizon/);
    expect(() => logDerivativeLines(mdp, [[0, 0]], [0, 0], 2)).toThrow(/theta/);
    expect(() => logDerivativeLines(mdp, randomTheta(2, 2, 2), [0], 2)).toThrow(/baseline/);
  });
});
