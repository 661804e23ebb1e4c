/**
 * Exact moments of GAE (gae-moments.ts) against three independent computations — the series Σ_l (γλ)^l δ_l summed
 * with forward state distributions (no linear solve), a brute-force enumeration of every trajectory, and Monte
 * Carlo with the library's own `gaeFromTrajectory` — and the facts the book states, as properties over random MDPs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  evaluatePolicy,
  gaeErrorCurve,
  gaeFromTrajectory,
  gaeMoments,
  gaeTarget,
  type Trajectory,
} from './index';
import { createRng } from './rng';
import { arbCase, type Case } from './test-utils';
import type { MDP, Policy } from './types';

const TOL = 1e-9;
const runs = { numRuns: 200 };
const near = (x: number, y: number, scale: number) => Math.abs(x - y) <= TOL * Math.max(1, scale);

/** A random critic V̂ = V^π + noise · z, z standard normal per state. */
function critic(c: Case, noise: number) {
  const ev = evaluatePolicy(c.mdp, c.pi);
  const rng = createRng(c.seed + 7);
  const e = ev.V.map(() => noise * rng.normal());
  return { ev, e, Vhat: ev.V.map((v, s) => v + e[s]) };
}

const delta = (mdp: MDP, V: ArrayLike<number>, s: number, a: number, s2: number) =>
  mdp.R[s][a] + mdp.gamma * V[s2] - V[s];

/** max |δ(s, a, s')| / (1 − γλ): the size of Â, by which errors in its moments are measured. */
function sizeOfA(mdp: MDP, V: ArrayLike<number>, lambda: number): number {
  let m = 0;
  mdp.P.forEach((Pa, a) =>
    Pa.forEach((row, s) => row.forEach((_, y) => (m = Math.max(m, Math.abs(delta(mdp, V, s, a, y)))))),
  );
  return m / (1 - mdp.gamma * lambda);
}

/** One step of the joint law of (s_l, a_l): q'(y, b) = Σ_{x,a} q(x, a) P(y|x, a) π(b|y). */
function stepPairs(mdp: MDP, pi: Policy, q: number[][]): number[][] {
  const n = q.length;
  const next = q.map((row) => row.map(() => 0));
  for (let x = 0; x < n; x++)
    for (let a = 0; a < q[x].length; a++) {
      if (q[x][a] === 0) continue;
      for (let y = 0; y < n; y++) {
        const w = q[x][a] * mdp.P[a][x][y];
        if (w !== 0) for (let b = 0; b < pi[y].length; b++) next[y][b] += w * pi[y][b];
      }
    }
  return next;
}

/**
 * Independent computation of E[Â | s, a] and E[Â² | s, a] by series over the joint laws q_l of (s_l, a_l):
 *   E[Â]  = Σ_l c^l Σ q_l(x, a) E[δ | x, a],
 *   E[Â²] = Σ_l c^{2l} Σ q_l(x, a) Σ_y P(y|x, a) (δ(x, a, y)² + 2 δ(x, a, y) f(y)),
 * where f(y) = E[Σ_{m≥1} c^m δ_{l+m} | s_{l+1} = y] = Σ_{k≥0} c^{k+1} (P_π^k δ̄_π)(y), also summed as a series.
 */
function seriesMoments(mdp: MDP, pi: Policy, V: ArrayLike<number>, lambda: number) {
  const n = mdp.rho0.length;
  const nA = mdp.P.length;
  const c = mdp.gamma * lambda;
  const L = c === 0 ? 1 : Math.ceil(Math.log(1e-18) / Math.log(c));
  const dBar = (x: number, a: number) =>
    mdp.P[a][x].reduce((acc, p, y) => acc + p * delta(mdp, V, x, a, y), 0);
  let v = Array.from({ length: n }, (_, y) => pi[y].reduce((acc, p, b) => acc + p * dBar(y, b), 0));
  const f = new Array<number>(n).fill(0);
  for (let k = 0, ck = c; k < L; k++, ck *= c) {
    for (let y = 0; y < n; y++) f[y] += ck * v[y];
    v = v.map((_, x) =>
      pi[x].reduce((acc, p, b) => acc + p * mdp.P[b][x].reduce((t, q, y) => t + q * v[y], 0), 0),
    );
  }
  const mean: number[][] = [];
  const second: number[][] = [];
  for (let s = 0; s < n; s++) {
    mean.push([]);
    second.push([]);
    for (let a = 0; a < nA; a++) {
      let q: number[][] = Array.from({ length: n }, (_, x) =>
        Array.from({ length: nA }, (_, b) => (x === s && b === a ? 1 : 0)),
      );
      let m1 = 0;
      let m2 = 0;
      for (let l = 0, cl = 1; l < L; l++, cl *= c) {
        for (let x = 0; x < n; x++)
          for (let b = 0; b < nA; b++) {
            if (q[x][b] === 0) continue;
            let e1 = 0;
            let e2 = 0;
            mdp.P[b][x].forEach((p, y) => {
              const d = delta(mdp, V, x, b, y);
              e1 += p * d;
              e2 += p * (d * d + 2 * d * f[y]);
            });
            m1 += cl * q[x][b] * e1;
            m2 += cl * cl * q[x][b] * e2;
          }
        q = stepPairs(mdp, pi, q);
      }
      mean[s].push(m1);
      second[s].push(m2);
    }
  }
  return { mean, second };
}

/** Brute force: every trajectory s, a, s_1, a_1, …, s_L from (s, a), and the moments of Σ_{l<L} c^l δ_l. */
function enumeratedMoments(
  mdp: MDP,
  pi: Policy,
  V: ArrayLike<number>,
  lambda: number,
  s: number,
  a: number,
  L: number,
) {
  const n = mdp.rho0.length;
  const c = mdp.gamma * lambda;
  let m1 = 0;
  let m2 = 0;
  const walk = (x: number, b: number, l: number, prob: number, sum: number, cl: number) => {
    for (let y = 0; y < n; y++) {
      const p = prob * mdp.P[b][x][y];
      if (p === 0) continue;
      const total = sum + cl * delta(mdp, V, x, b, y);
      if (l + 1 === L) {
        m1 += p * total;
        m2 += p * total * total;
      } else for (let b2 = 0; b2 < pi[y].length; b2++) walk(y, b2, l + 1, p * pi[y][b2], total, cl * c);
    }
  };
  walk(s, a, 0, 1, 0, 1);
  return { m1, m2 };
}

describe('exact moments of GAE against independent computations', () => {
  it('equal the series Σ_l (γλ)^l δ_l summed over forward state laws, to 1e-9 (any critic, any λ)', () => {
    fc.assert(
      fc.property(
        arbCase(6, 3, 0.9),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (c, lambda, noise) => {
          const { Vhat } = critic(c, noise);
          const m = gaeMoments(c.mdp, c.pi, Vhat, lambda);
          const ref = seriesMoments(c.mdp, c.pi, Vhat, lambda);
          const size = sizeOfA(c.mdp, Vhat, lambda);
          m.mean.forEach((row, s) =>
            row.forEach((x, a) => {
              expect(near(x, ref.mean[s][a], size)).toBe(true);
              expect(near(m.secondMoment[s][a], ref.second[s][a], size * size)).toBe(true);
              const v = ref.second[s][a] - ref.mean[s][a] ** 2;
              expect(near(m.variance[s][a], Math.max(0, v), size * size)).toBe(true);
            }),
          );
        },
      ),
      runs,
    );
  });

  it('equal a brute-force enumeration of every trajectory (2 states, 2 actions, γλ ≤ 0.08, 9 steps), to 1e-9', () => {
    fc.assert(
      fc.property(
        arbCase(2, 2, 0.4),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (c, lambda, noise) => {
          const { Vhat } = critic(c, noise);
          const m = gaeMoments(c.mdp, c.pi, Vhat, lambda);
          // The tail (γλ)^9 Â_9 is below 0.08^9 ≈ 1.3e-10 times |Â_9|.
          const size = sizeOfA(c.mdp, Vhat, lambda);
          m.mean.forEach((row, s) =>
            row.forEach((x, a) => {
              const { m1, m2 } = enumeratedMoments(c.mdp, c.pi, Vhat, lambda, s, a, 9);
              expect(near(x, m1, size)).toBe(true);
              expect(near(m.secondMoment[s][a], m2, size * size)).toBe(true);
              expect(near(m.variance[s][a], Math.max(0, m2 - m1 * m1), size * size)).toBe(true);
            }),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('agree with Monte Carlo of gaeFromTrajectory from every (s, a), within 5 standard errors', () => {
    const c = fc.sample(arbCase(5, 3, 0.9), { seed: 42, numRuns: 1 })[0];
    const mdp: MDP = { ...c.mdp, gamma: 0.9 };
    const ev = evaluatePolicy(mdp, c.pi);
    const rng = createRng(3);
    const Vhat = ev.V.map((v) => v + rng.normal());
    const lambda = 0.8;
    const m = gaeMoments(mdp, c.pi, Vhat, lambda);
    const H = 120; // (γλ)^120 ≈ 1e-17
    const N = 4000;
    for (let s = 0; s < Vhat.length; s++)
      for (let a = 0; a < c.pi[s].length; a++) {
        let sum = 0;
        let sq = 0;
        let quart = 0;
        for (let i = 0; i < N; i++) {
          const tr: Trajectory = { states: [s], actions: [a], rewards: [mdp.R[s][a]], finalState: 0 };
          let x = rng.categorical(mdp.P[a][s]);
          for (let t = 1; t < H; t++) {
            const b = rng.categorical(c.pi[x]);
            tr.states.push(x);
            tr.actions.push(b);
            tr.rewards.push(mdp.R[x][b]);
            x = rng.categorical(mdp.P[b][x]);
          }
          tr.finalState = x;
          const e = gaeFromTrajectory(tr, Vhat, mdp.gamma, lambda)[0] - m.mean[s][a];
          sum += e;
          sq += e * e;
          quart += e ** 4;
        }
        const v = m.variance[s][a];
        expect(Math.abs(sum / N)).toBeLessThanOrEqual(5 * Math.sqrt(v / N) + 1e-12);
        const seVar = Math.sqrt(Math.max(0, quart / N - (sq / N) ** 2) / N);
        expect(Math.abs(sq / N - v)).toBeLessThanOrEqual(5 * seVar + 1e-12);
      }
  });
});

describe('facts about GAE stated in chapter 7, on random MDPs', () => {
  it('with the exact V^π every λ is unbiased for A^π (λ = 1 included)', () => {
    fc.assert(
      fc.property(arbCase(), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (c, lambda, one) => {
        const ev = evaluatePolicy(c.mdp, c.pi);
        const { mean } = gaeMoments(c.mdp, c.pi, ev.V, one ? 1 : lambda);
        const scale = 1 / (1 - c.mdp.gamma);
        mean.forEach((row, s) => row.forEach((x, a) => expect(near(x, ev.A[s][a], scale)).toBe(true)));
      }),
      runs,
    );
  });

  it('λ = 1 gives Q^π(s, a) − V̂(s) for any critic: unbiased up to a state baseline (gradient target bias² = 0)', () => {
    fc.assert(
      fc.property(arbCase(), fc.double({ min: 0, max: 3, noNaN: true }), (c, noise) => {
        const { ev, Vhat } = critic(c, noise);
        const { mean } = gaeMoments(c.mdp, c.pi, Vhat, 1);
        const scale = (1 + noise) / (1 - c.mdp.gamma);
        mean.forEach((row, s) =>
          row.forEach((x, a) => expect(near(x, ev.Q[s][a] - Vhat[s], scale)).toBe(true)),
        );
        const [row] = gaeErrorCurve(c.mdp, c.pi, Vhat, 'gradient', [1]);
        expect(row.bias2).toBeLessThanOrEqual(TOL * scale * scale);
      }),
      runs,
    );
  });

  it('λ = 0 gives the one-step residual: its conditional mean and variance', () => {
    fc.assert(
      fc.property(arbCase(), fc.double({ min: 0, max: 3, noNaN: true }), (c, noise) => {
        const { Vhat } = critic(c, noise);
        const zero = gaeMoments(c.mdp, c.pi, Vhat, 0);
        zero.mean.forEach((row, s) =>
          row.forEach((x, a) => {
            const ds = c.mdp.P[a][s].map((_, s2) => delta(c.mdp, Vhat, s, a, s2));
            const m = ds.reduce((acc, d, s2) => acc + c.mdp.P[a][s][s2] * d, 0);
            const m2 = ds.reduce((acc, d, s2) => acc + c.mdp.P[a][s][s2] * d * d, 0);
            expect(near(x, m, Math.abs(m))).toBe(true);
            expect(near(zero.variance[s][a], Math.max(0, m2 - m * m), m2)).toBe(true);
          }),
        );
      }),
      runs,
    );
  });

  it('the variance is nonnegative before clamping (E[Â²] ≥ E[Â]² up to rounding), and MSE = bias² + variance', () => {
    fc.assert(
      fc.property(
        arbCase(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.constantFrom('gradient' as const, 'advantage' as const),
        (c, lambda, noise, target) => {
          const { Vhat } = critic(c, noise);
          const m = gaeMoments(c.mdp, c.pi, Vhat, lambda);
          m.secondMoment.forEach((row, s) =>
            row.forEach((m2, a) => {
              expect(m2 - m.mean[s][a] ** 2).toBeGreaterThanOrEqual(-TOL * Math.max(1, m2));
              expect(m.variance[s][a]).toBeGreaterThanOrEqual(0);
            }),
          );
          const [r] = gaeErrorCurve(c.mdp, c.pi, Vhat, target, [lambda]);
          expect(r.variance).toBeGreaterThanOrEqual(0);
          expect(r.bias2).toBeGreaterThanOrEqual(0);
          expect(Math.abs(r.mse - r.bias2 - r.variance)).toBeLessThanOrEqual(1e-12 * Math.max(1, r.mse));
        },
      ),
      runs,
    );
  });

  it('the bias is −e(s) + γ(1−λ) Σ_{l≥1} (γλ)^{l−1} E[e(s_{t+l}) | s, a], e = V̂ − V^π', () => {
    fc.assert(
      fc.property(
        arbCase(6, 3, 0.9),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (c, lambda, noise) => {
          const { ev, e, Vhat } = critic(c, noise);
          const { mean } = gaeMoments(c.mdp, c.pi, Vhat, lambda);
          const g = c.mdp.gamma;
          const n = e.length;
          const L = Math.ceil(Math.log(1e-18) / Math.log(Math.max(g, 1e-3)));
          mean.forEach((row, s) =>
            row.forEach((x, a) => {
              let dist = c.mdp.P[a][s].slice(); // law of s_{t+l}, l = 1, 2, …
              let series = 0;
              for (let l = 1, w = 1; l <= L; l++, w *= g * lambda) {
                series += w * dist.reduce((acc, p, y) => acc + p * e[y], 0);
                const next = new Array<number>(n).fill(0);
                dist.forEach((p, y) =>
                  c.pi[y].forEach((q, b) => c.mdp.P[b][y].forEach((r, z) => (next[z] += p * q * r))),
                );
                dist = next;
              }
              const bias = -e[s] + g * (1 - lambda) * series;
              expect(near(x - ev.A[s][a], bias, (1 + noise) / (1 - g))).toBe(true);
            }),
          );
        },
      ),
      runs,
    );
  });

  it('with the exact V^π: Var = Var(δ_0) + Σ_{l≥1} (γλ)^{2l} E[δ_l²] (martingale increments), increasing in λ; zero bias² for the advantage', () => {
    fc.assert(
      fc.property(arbCase(6, 3, 0.9), fc.double({ min: 0, max: 1, noNaN: true }), (c, lambda) => {
        const { mdp, pi } = c;
        const ev = evaluatePolicy(mdp, pi);
        const g = mdp.gamma;
        const n = ev.V.length;
        const { variance } = gaeMoments(mdp, pi, ev.V, lambda);
        const d2 = (x: number, b: number) =>
          mdp.P[b][x].reduce((acc, p, y) => acc + p * delta(mdp, ev.V, x, b, y) ** 2, 0);
        const L = 400;
        variance.forEach((row, s) =>
          row.forEach((x, a) => {
            let v = d2(s, a) - ev.A[s][a] ** 2;
            let dist = mdp.P[a][s].slice();
            for (let l = 1, w = (g * lambda) ** 2; l <= L && w > 0; l++, w *= (g * lambda) ** 2) {
              let m = 0;
              dist.forEach((p, y) => pi[y].forEach((q, b) => (m += p * q * d2(y, b))));
              v += w * m;
              const next = new Array<number>(n).fill(0);
              dist.forEach((p, y) =>
                pi[y].forEach((q, b) => mdp.P[b][y].forEach((r, z) => (next[z] += p * q * r))),
              );
              dist = next;
            }
            expect(near(x, v, v / (1 - g))).toBe(true);
          }),
        );
        const lambdas = [0, 0.25, 0.5, 0.75, 1];
        const rows = gaeErrorCurve(mdp, pi, ev.V, 'advantage', lambdas);
        rows.forEach((r, i) => {
          expect(r.bias2).toBeLessThanOrEqual(TOL / (1 - g) ** 2);
          if (i > 0) expect(r.variance).toBeGreaterThanOrEqual(rows[i - 1].variance - TOL / (1 - g) ** 2);
        });
      }),
      runs,
    );
  });

  it("the two targets differ by the critic's error: gradient target = A^π − (V̂ − V^π)(s)", () => {
    fc.assert(
      fc.property(arbCase(), fc.double({ min: 0, max: 3, noNaN: true }), (c, noise) => {
        const { ev, e, Vhat } = critic(c, noise);
        const grad = gaeTarget(ev.A, ev.V, Vhat, 'gradient');
        const adv = gaeTarget(ev.A, ev.V, Vhat, 'advantage');
        grad.forEach((row, s) =>
          row.forEach((x, a) => {
            expect(adv[s][a]).toBe(ev.A[s][a]);
            expect(near(x, ev.Q[s][a] - Vhat[s], 1 / (1 - c.mdp.gamma))).toBe(true);
            expect(near(x, ev.A[s][a] - e[s], 1 / (1 - c.mdp.gamma))).toBe(true);
          }),
        );
      }),
      runs,
    );
  });
});
