import { describe, expect, it } from 'vitest';
import { boundsAt, curve, setup } from './compute';
import type { MDP } from '@/rl';

/**
 * TRPO's quantities recomputed independently of src/rl: values by iterating the Bellman operator (no linear
 * solve), the visitation by iterating its forward recursion, and TV, KL and the constants from their definitions.
 */
function reference(mdp: MDP, theta: number[][], dir: number[][], t: number) {
  const S = mdp.rho0.length;
  const A = mdp.R[0].length;
  const g = mdp.gamma;
  const softmax = (row: number[]) => {
    const m = Math.max(...row);
    const e = row.map((x) => Math.exp(x - m));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
  };
  const pi = theta.map(softmax);
  const piNew = theta.map((row, s) => softmax(row.map((x, a) => x + t * dir[s][a])));
  const evaluate = (p: number[][]) => {
    let V = new Array<number>(S).fill(0);
    for (let it = 0; it < 5000; it++) {
      V = V.map((_, s) =>
        p[s].reduce(
          (acc, w, a) => acc + w * (mdp.R[s][a] + g * mdp.P[a][s].reduce((q, x, s2) => q + x * V[s2], 0)),
          0,
        ),
      );
    }
    const Q = V.map((_, s) =>
      Array.from(
        { length: A },
        (_, a) => mdp.R[s][a] + g * mdp.P[a][s].reduce((q, x, s2) => q + x * V[s2], 0),
      ),
    );
    return { V, Q, J: mdp.rho0.reduce((acc, w, s) => acc + w * V[s], 0) };
  };
  const old = evaluate(pi);
  // rho(s) = Σ_t γ^t Pr(s_t = s) under π.
  const rho = new Array<number>(S).fill(0);
  let law = [...mdp.rho0];
  for (let k = 0, w = 1; k < 5000; k++, w *= g) {
    law.forEach((x, s) => (rho[s] += w * x));
    const next = new Array<number>(S).fill(0);
    law.forEach((x, s) => pi[s].forEach((pa, a) => mdp.P[a][s].forEach((q, s2) => (next[s2] += x * pa * q))));
    law = next;
  }
  const adv = old.Q.map((row, s) => row.map((q) => q - old.V[s]));
  const eps = Math.max(...adv.flat().map(Math.abs));
  const L =
    old.J + rho.reduce((acc, r, s) => acc + r * piNew[s].reduce((q, w, a) => q + w * adv[s][a], 0), 0);
  const alpha = Math.max(
    ...pi.map((row, s) => 0.5 * row.reduce((acc, x, a) => acc + Math.abs(x - piNew[s][a]), 0)),
  );
  const klMax = Math.max(
    ...pi.map((row, s) => row.reduce((acc, x, a) => acc + x * Math.log(x / piNew[s][a]), 0)),
  );
  const C = (4 * eps * g) / (1 - g) ** 2;
  return { J: evaluate(piNew).J, L, tvBound: L - C * alpha * alpha, klBound: L - C * klMax };
}

describe('bound explorer numbers', () => {
  it('match an independent computation of J, L and both bounds along the path, in both directions', () => {
    for (const dir of ['gradient', 'natural'] as const) {
      for (const seed of [1, 3]) {
        const s = setup(seed, 4, 3, 0.8, dir);
        for (const p of curve(s, 3, 7)) {
          const r = reference(s.mdp, s.theta0, s.dir, p.t);
          for (const k of ['J', 'L', 'tvBound', 'klBound'] as const) {
            expect(Math.abs(p[k] - r[k])).toBeLessThan(1e-9 * Math.max(1, Math.abs(r[k])));
          }
          // The shaded floor is the larger of the two bounds, and J stays above it.
          expect(Math.abs(p.floor - Math.max(r.tvBound, r.klBound))).toBeLessThan(1e-9);
          expect(p.J).toBeGreaterThanOrEqual(p.floor - 1e-12);
        }
      }
    }
  });

  it('at step zero J, L and the floor coincide', () => {
    const b = boundsAt(setup(3, 5, 3, 0.9, 'gradient'), 0);
    expect(Math.abs(b.J - b.L)).toBeLessThan(1e-12);
    expect(Math.abs(Math.max(b.tvBound, b.klBound) - b.J)).toBeLessThan(1e-12);
  });

  it("chapter 5's figures: on the default path the penalty Cα² is at least 982 (natural) and about 5900 (gradient) times the gap", () => {
    // The default path, t in (0, 2], on a fine grid and near t = 0, where the ratio of the natural path is smallest.
    const minRatio = (dir: 'gradient' | 'natural') => {
      const s = setup(3, 5, 3, 0.9, dir);
      const ts = [1e-4, ...Array.from({ length: 2000 }, (_, i) => (2 * (i + 1)) / 2000)];
      return Math.min(
        ...ts.map((t) => {
          const b = boundsAt(s, t);
          return (b.L - b.tvBound) / Math.abs(b.J - b.L);
        }),
      );
    };
    expect(Math.floor(minRatio('natural'))).toBe(982);
    expect(Math.round(minRatio('gradient') / 100) * 100).toBe(5900);
  });
});
