/**
 * Coupled rollouts (coupled-rollouts.ts) against an independent exact computation — the full coupled Markov chain
 * on pairs (s_t, s′_t, agreed so far), built from the joints of coupling.ts — and Monte Carlo; and chapter 5's two
 * inequalities as properties over random MDPs: D_TV(laws of s_t) ≤ Pr(disagreed before t) ≤ 1 − (1 − α)^t.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  coupledRolloutCurves,
  independentCoupling,
  maximalCoupling,
  sampleCouplingPair,
  tvDistance,
  tvMax,
} from './index';
import { randomMDP, randomPolicy } from './random-mdp';
import { createRng } from './rng';
import { arbCase } from './test-utils';
import type { MDP, Policy } from './types';

const TOL = 1e-9;
const runs = { numRuns: 200 };

/**
 * The coupled process itself, exactly: while the pair agrees (s_t = s′_t, flag 'agreed'), draw (a, a′) from the
 * coupling's joint at s_t; if a = a′ both move to the same s_{t+1} ~ P(·|s, a), otherwise they move independently
 * and are 'apart' for ever after, each following its own policy. Returns, for t = 0..horizon, the laws of s_t and
 * s′_t (the marginals of the pair), Pr(apart) and Pr(s_t ≠ s′_t).
 */
function pairChain(mdp: MDP, pi: Policy, piNew: Policy, horizon: number, kind: 'maximal' | 'independent') {
  const n = mdp.rho0.length;
  const nA = mdp.P.length;
  const joints = pi.map(
    (p, s) => (kind === 'maximal' ? maximalCoupling(p, piNew[s]) : independentCoupling(p, piNew[s])).joint,
  );
  let agreed = mdp.rho0.slice(); // agreed[s] = Pr(agreed so far, s_t = s′_t = s)
  let apart = Array.from({ length: n }, () => new Array<number>(n).fill(0)); // apart[x][y]
  const out: Array<{ mu: number[]; muNew: number[]; apart: number; differ: number }> = [];
  for (let t = 0; t <= horizon; t++) {
    const mu = agreed.slice();
    const muNew = agreed.slice();
    let pApart = 0;
    let differ = 0;
    apart.forEach((row, x) =>
      row.forEach((w, y) => {
        mu[x] += w;
        muNew[y] += w;
        pApart += w;
        if (x !== y) differ += w;
      }),
    );
    out.push({ mu, muNew, apart: pApart, differ });
    const nextAgreed = new Array<number>(n).fill(0);
    const nextApart = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let s = 0; s < n; s++) {
      if (agreed[s] === 0) continue;
      for (let a = 0; a < nA; a++)
        for (let b = 0; b < nA; b++) {
          const w = agreed[s] * joints[s][a][b];
          if (w === 0) continue;
          if (a === b) for (let z = 0; z < n; z++) nextAgreed[z] += w * mdp.P[a][s][z];
          else
            for (let z = 0; z < n; z++)
              for (let z2 = 0; z2 < n; z2++) nextApart[z][z2] += w * mdp.P[a][s][z] * mdp.P[b][s][z2];
        }
    }
    for (let x = 0; x < n; x++)
      for (let y = 0; y < n; y++) {
        const w = apart[x][y];
        if (w === 0) continue;
        for (let a = 0; a < nA; a++)
          for (let b = 0; b < nA; b++) {
            const wab = w * pi[x][a] * piNew[y][b];
            if (wab === 0) continue;
            for (let z = 0; z < n; z++)
              for (let z2 = 0; z2 < n; z2++) nextApart[z][z2] += wab * mdp.P[a][x][z] * mdp.P[b][y][z2];
          }
      }
    agreed = nextAgreed;
    apart = nextApart;
  }
  return out;
}

/** Interpolated pairs, so that both near (α ≈ 0) and far policies are tried. */
const arbPair = () =>
  fc.tuple(arbCase(6, 3), fc.double({ min: 0, max: 1, noNaN: true })).map(([c, w]) => ({
    ...c,
    piNew: c.pi.map((row, s) => row.map((p, a) => (1 - w) * p + w * c.piNew[s][a])),
  }));

describe('coupled rollouts against the coupled chain on pairs', () => {
  it('the curves equal the pair chain built from the joints of coupling.ts, to 1e-9', () => {
    fc.assert(
      fc.property(arbPair(), fc.integer({ min: 0, max: 12 }), ({ mdp, pi, piNew }, horizon) => {
        const rows = coupledRolloutCurves(mdp, pi, piNew, horizon);
        expect(rows.length).toBe(horizon + 1);
        const maxChain = pairChain(mdp, pi, piNew, horizon, 'maximal');
        const indChain = pairChain(mdp, pi, piNew, horizon, 'independent');
        rows.forEach((r, t) => {
          const m = maxChain[t];
          // The pair chain is a coupling: its marginals are the laws of s_t under π and π′ …
          expect(Math.abs(r.tvState - tvDistance(m.mu, m.muNew))).toBeLessThanOrEqual(TOL);
          expect(Math.abs(r.tvState - tvDistance(indChain[t].mu, indChain[t].muNew))).toBeLessThanOrEqual(
            TOL,
          );
          // … and the probability of having come apart is the recursion's.
          expect(Math.abs(r.disagreeMaximal - m.apart)).toBeLessThanOrEqual(TOL);
          expect(Math.abs(r.disagreeIndependent - indChain[t].apart)).toBeLessThanOrEqual(TOL);
          // The coupling inequality, link by link: TV ≤ Pr(s_t ≠ s′_t) ≤ Pr(apart).
          expect(r.tvState).toBeLessThanOrEqual(m.differ + TOL);
          expect(m.differ).toBeLessThanOrEqual(m.apart + TOL);
        });
      }),
      runs,
    );
  });

  it('the laws of s_t are ρ0 P_π^t and ρ0 P_π′^t: the pair chain leaves each policy alone', () => {
    fc.assert(
      fc.property(arbPair(), ({ mdp, pi, piNew }) => {
        const chain = pairChain(mdp, pi, piNew, 8, 'maximal');
        const n = mdp.rho0.length;
        const step = (mu: number[], p: Policy) => {
          const next = new Array<number>(n).fill(0);
          mu.forEach((m, s) => p[s].forEach((q, a) => mdp.P[a][s].forEach((r, z) => (next[z] += m * q * r))));
          return next;
        };
        let mu = mdp.rho0.slice();
        let muNew = mdp.rho0.slice();
        chain.forEach((c) => {
          c.mu.forEach((x, s) => expect(Math.abs(x - mu[s])).toBeLessThanOrEqual(TOL));
          c.muNew.forEach((x, s) => expect(Math.abs(x - muNew[s])).toBeLessThanOrEqual(TOL));
          mu = step(mu, pi);
          muNew = step(muNew, piNew);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('agree with Monte Carlo of maximally coupled rollouts, within 5 standard errors', () => {
    const rng = createRng(5);
    const mdp = randomMDP(rng, { states: 6, actions: 3, gamma: 0.9, branching: 3 });
    const pi = randomPolicy(rng, 6, 3);
    const far = randomPolicy(rng, 6, 3);
    const c = { mdp, pi, piNew: pi.map((row, s) => row.map((p, a) => 0.9 * p + 0.1 * far[s][a])) };
    const H = 20;
    const N = 20000;
    const exact = coupledRolloutCurves(c.mdp, c.pi, c.piNew, H);
    const joints = c.pi.map((p, s) => maximalCoupling(p, c.piNew[s]).joint);
    const first = new Array<number>(H + 1).fill(0); // first[t]: first disagreement on a_t (t = H: never)
    for (let i = 0; i < N; i++) {
      let s = rng.categorical(c.mdp.rho0);
      let t = 0;
      for (; t < H; t++) {
        const [a, b] = sampleCouplingPair(joints[s], rng);
        if (a !== b) break;
        s = rng.categorical(c.mdp.P[a][s]);
      }
      first[t]++;
    }
    let cum = 0;
    for (let t = 0; t <= H; t++) {
      const p = exact[t].disagreeMaximal;
      expect(Math.abs(cum / N - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / N) + 1e-12);
      if (t < H) cum += first[t];
    }
    // The check is not vacuous: the curve climbs well inside (0, 1).
    expect(exact[H].disagreeMaximal).toBeGreaterThan(0.2);
    expect(exact[H].disagreeMaximal).toBeLessThan(0.99);
  });
});

describe("chapter 5's coupling facts, on random MDPs", () => {
  it('D_TV(laws of s_t) ≤ Pr(maximal pair disagreed before t) ≤ 1 − (1 − α)^t ≤ 1, and independent draws disagree more', () => {
    fc.assert(
      fc.property(arbCase(20, 6), fc.double({ min: 0, max: 1, noNaN: true }), ({ mdp, pi, piNew }, w) => {
        const q = pi.map((row, s) => row.map((p, a) => (1 - w) * p + w * piNew[s][a]));
        const alpha = tvMax(pi, q);
        const rows = coupledRolloutCurves(mdp, pi, q, 40);
        rows.forEach((r, t) => {
          expect(r.t).toBe(t);
          expect(r.bound).toBe(1 - (1 - alpha) ** t);
          expect(r.tvState).toBeLessThanOrEqual(r.disagreeMaximal + TOL);
          expect(r.disagreeMaximal).toBeLessThanOrEqual(r.bound + TOL);
          expect(r.bound).toBeLessThanOrEqual(1);
          expect(r.disagreeMaximal).toBeLessThanOrEqual(r.disagreeIndependent + TOL);
          expect(r.disagreeIndependent).toBeLessThanOrEqual(1 + TOL);
          if (t > 0) {
            // Disagreement, once it happened, stays: both curves are nondecreasing.
            expect(r.disagreeMaximal).toBeGreaterThanOrEqual(rows[t - 1].disagreeMaximal - TOL);
            expect(r.disagreeIndependent).toBeGreaterThanOrEqual(rows[t - 1].disagreeIndependent - TOL);
          }
        });
      }),
      runs,
    );
  });

  it('at t = 0 nothing has happened; at t = 1 the maximal coupling disagrees with probability E_{s∼ρ0} D_TV(π(·|s), π′(·|s))', () => {
    fc.assert(
      fc.property(arbPair(), ({ mdp, pi, piNew }) => {
        const [r0, r1] = coupledRolloutCurves(mdp, pi, piNew, 1);
        expect(r0.t).toBe(0);
        expect(r0.tvState).toBe(0);
        expect(r0.bound).toBe(0);
        expect(r0.disagreeMaximal).toBeLessThanOrEqual(1e-15);
        expect(r0.disagreeIndependent).toBeLessThanOrEqual(1e-15);
        const meanTv = mdp.rho0.reduce((acc, p, s) => acc + p * tvDistance(pi[s], piNew[s]), 0);
        const same = mdp.rho0.reduce(
          (acc, p, s) => acc + p * pi[s].reduce((b, x, a) => b + x * piNew[s][a], 0),
          0,
        );
        expect(Math.abs(r1.disagreeMaximal - meanTv)).toBeLessThanOrEqual(TOL);
        expect(Math.abs(r1.disagreeIndependent - (1 - same))).toBeLessThanOrEqual(TOL);
      }),
      runs,
    );
  });

  it('identical policies never disagree under the maximal coupling, and their state laws coincide', () => {
    fc.assert(
      fc.property(arbCase(20, 6), ({ mdp, pi }) => {
        for (const r of coupledRolloutCurves(mdp, pi, pi, 25)) {
          expect(r.disagreeMaximal).toBeLessThanOrEqual(TOL);
          expect(r.tvState).toBe(0);
          expect(r.bound).toBe(0);
        }
      }),
      runs,
    );
  });

  it('rejects bad inputs', () => {
    const [c] = fc.sample(arbCase(3, 2), { seed: 1, numRuns: 1 });
    expect(() => coupledRolloutCurves(c.mdp, c.pi, c.piNew, -1)).toThrow(/horizon/);
    expect(() => coupledRolloutCurves(c.mdp, c.pi, c.piNew, 1.5)).toThrow(/horizon/);
    expect(() =>
      coupledRolloutCurves(
        c.mdp,
        c.pi,
        c.pi.map((row) => row.map(() => 2)),
        3,
      ),
    ).toThrow(/piNew/);
  });
});
