import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  evaluatePolicy,
  randomMDP,
  randomTheta,
  softmaxPolicy,
  type MDP,
  type Policy,
} from '@/rl';
import { exactErrorCurve, gaeMoments } from './gae-moments';

const close = (a: number, b: number, tol = 1e-9) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

function setup(seed: number, states = 4, actions = 3, gamma = 0.85) {
  const mdp = randomMDP(seed, { states, actions, gamma });
  const pi = softmaxPolicy(randomTheta(seed + 1, states, actions));
  const ev = evaluatePolicy(mdp, pi);
  const rng = createRng(seed + 2);
  const e = ev.V.map(() => rng.normal());
  return { mdp, pi, ev, e, Vhat: ev.V.map((v, s) => v + e[s]) };
}

/** Pr(s_{t+l} = · | s_t = s, a_t = a) for l = 1, 2, …, L by repeated multiplication. */
function futureStates(mdp: MDP, pi: Policy, s: number, a: number, L: number): number[][] {
  const n = mdp.rho0.length;
  const out: number[][] = [];
  let dist = mdp.P[a][s].slice();
  for (let l = 1; l <= L; l++) {
    out.push(dist);
    const next = new Array<number>(n).fill(0);
    for (let x = 0; x < n; x++)
      for (let b = 0; b < pi[x].length; b++)
        for (let y = 0; y < n; y++) next[y] += dist[x] * pi[x][b] * mdp.P[b][x][y];
    dist = next;
  }
  return out;
}

describe('exact moments of GAE', () => {
  it('with the true value function every λ is unbiased for A^π', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, lambda) => {
          const { mdp, pi, ev } = setup(seed);
          const { mean } = gaeMoments(mdp, pi, ev.V, lambda);
          return mean.every((row, s) => row.every((m, a) => close(m, ev.A[s][a])));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('λ = 1 gives Q^π(s, a) − V̂(s) for any critic; λ = 0 gives the one-step residual', () => {
    for (let seed = 0; seed < 10; seed++) {
      const { mdp, pi, ev, Vhat } = setup(seed);
      const one = gaeMoments(mdp, pi, Vhat, 1).mean;
      const zero = gaeMoments(mdp, pi, Vhat, 0);
      for (let s = 0; s < Vhat.length; s++)
        for (let a = 0; a < pi[s].length; a++) {
          expect(close(one[s][a], ev.Q[s][a] - Vhat[s])).toBe(true);
          const ds = mdp.P[a][s].map((_, s2) => mdp.R[s][a] + mdp.gamma * Vhat[s2] - Vhat[s]);
          const m = ds.reduce((acc, d, s2) => acc + mdp.P[a][s][s2] * d, 0);
          const m2 = ds.reduce((acc, d, s2) => acc + mdp.P[a][s][s2] * d * d, 0);
          expect(close(zero.mean[s][a], m)).toBe(true);
          expect(close(zero.variance[s][a], m2 - m * m)).toBe(true);
        }
    }
  });

  it('the bias is −e(s) + γ(1−λ) Σ_{l≥1} (γλ)^{l−1} E[e(s_{t+l}) | s, a]', () => {
    for (const lambda of [0, 0.3, 0.9, 1]) {
      const { mdp, pi, ev, e, Vhat } = setup(7);
      const { mean } = gaeMoments(mdp, pi, Vhat, lambda);
      const g = mdp.gamma;
      for (let s = 0; s < e.length; s++)
        for (let a = 0; a < pi[s].length; a++) {
          const fut = futureStates(mdp, pi, s, a, 400);
          let series = 0;
          fut.forEach((dist, i) => {
            const ee = dist.reduce((acc, p, x) => acc + p * e[x], 0);
            series += (g * lambda) ** i * ee;
          });
          const bias = -e[s] + g * (1 - lambda) * series;
          expect(close(mean[s][a] - ev.A[s][a], bias)).toBe(true);
        }
    }
  });

  it('with the true value function the variance is Σ_l (γλ)^{2l} E[(δ_{t+l} − E[δ_{t+l} | past])²], increasing in λ', () => {
    const { mdp, pi, ev } = setup(3);
    const g = mdp.gamma;
    const lambda = 0.7;
    const { variance } = gaeMoments(mdp, pi, ev.V, lambda);
    const d2 = (x: number, b: number) =>
      mdp.P[b][x].reduce((acc, p, y) => acc + p * (mdp.R[x][b] + g * ev.V[y] - ev.V[x]) ** 2, 0);
    for (let s = 0; s < ev.V.length; s++)
      for (let a = 0; a < pi[s].length; a++) {
        let v = d2(s, a) - ev.A[s][a] ** 2; // l = 0: the one-step residual around its mean A(s, a)
        futureStates(mdp, pi, s, a, 400).forEach((dist, i) => {
          let m = 0;
          for (let x = 0; x < dist.length; x++)
            for (let b = 0; b < pi[x].length; b++) m += dist[x] * pi[x][b] * d2(x, b);
          v += (g * lambda) ** (2 * (i + 1)) * m;
        });
        expect(close(variance[s][a], v)).toBe(true);
      }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const m = setup(seed);
        const rows = exactErrorCurve(m.mdp, m.pi, m.ev.V, 'advantage', [0, 0.25, 0.5, 0.75, 1]);
        return rows.every(
          (r, i) => r.bias2 < 1e-20 && (i === 0 || r.variance >= rows[i - 1].variance - 1e-12),
        );
      }),
      { numRuns: 30 },
    );
  });
});
