import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from './evaluate';
import { expectile } from './expectile';
import { awrPolicy, inSupportOptimal, iqlFixedPoint } from './iql';
import { randomMDP, randomPolicy } from './random-mdp';
import { createRng } from './rng';

const arbCase = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    states: fc.integer({ min: 1, max: 7 }),
    actions: fc.integer({ min: 1, max: 4 }),
    gamma: fc.double({ min: 0, max: 0.9, noNaN: true }),
    tau: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  })
  .map(({ seed, states, actions, gamma, tau }) => {
    const rng = createRng(seed);
    const mdp = randomMDP(rng, { states, actions, gamma });
    // A behaviour policy with holes in its support (at least one action per state).
    const piBeta = randomPolicy(rng, states, actions).map((row) => {
      const keep = row.map(() => rng.uniform() < 0.6);
      keep[rng.int(actions)] = true;
      const w = row.map((p, a) => (keep[a] ? p : 0));
      const z = w.reduce((x, y) => x + y, 0);
      return w.map((x) => x / z);
    });
    return { mdp, piBeta, tau };
  });

describe('IQL fixed point (tabular, exact)', () => {
  it('satisfies both of its equations', () => {
    fc.assert(
      fc.property(arbCase, ({ mdp, piBeta, tau }) => {
        const { Q, V } = iqlFixedPoint(mdp, piBeta, tau);
        const scale = Math.max(1, ...Q.flat().map(Math.abs));
        V.forEach((v, s) => {
          const acts = piBeta[s].map((p, a) => (p > 0 ? a : -1)).filter((a) => a >= 0);
          const m = expectile(
            acts.map((a) => Q[s][a]),
            tau,
            acts.map((a) => piBeta[s][a]),
          );
          expect(Math.abs(v - m)).toBeLessThan(1e-9 * scale);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('at tau = 1/2 evaluates the behaviour policy: V_{1/2} = V^{pi_beta}', () => {
    fc.assert(
      fc.property(arbCase, ({ mdp, piBeta }) => {
        const { V } = iqlFixedPoint(mdp, piBeta, 0.5);
        const { V: Vb } = evaluatePolicy(mdp, piBeta);
        V.forEach((v, s) => expect(Math.abs(v - Vb[s])).toBeLessThan(1e-8 * Math.max(1, Math.abs(Vb[s]))));
      }),
      { numRuns: 200 },
    );
  });

  it('increases with tau, stays below the in-support optimum and reaches it as tau -> 1 (Kostrikov et al., Lemma 2, Corollary 2.1)', () => {
    fc.assert(
      fc.property(arbCase, fc.double({ min: 0.01, max: 0.99, noNaN: true }), ({ mdp, piBeta, tau }, tau2) => {
        const [lo, hi] = tau < tau2 ? [tau, tau2] : [tau2, tau];
        const a = iqlFixedPoint(mdp, piBeta, lo);
        const b = iqlFixedPoint(mdp, piBeta, hi);
        const star = inSupportOptimal(mdp, piBeta);
        const scale = Math.max(1, ...star.Q.flat().map(Math.abs));
        a.V.forEach((v, s) => {
          expect(v).toBeLessThanOrEqual(b.V[s] + 1e-9 * scale);
          expect(b.V[s]).toBeLessThanOrEqual(star.V[s] + 1e-9 * scale);
        });
        // ||V_tau - V*|| <= delta / (1 - gamma), delta = max_s (max_supp Q*(s, .) - expectile_tau Q*(s, .)).
        for (const t of [0.9, 0.999, 1 - 1e-6]) {
          const it = iqlFixedPoint(mdp, piBeta, t);
          let delta = 0;
          star.Q.forEach((row, s) => {
            const acts = piBeta[s].map((p, x) => (p > 0 ? x : -1)).filter((x) => x >= 0);
            const vals = acts.map((x) => row[x]);
            delta = Math.max(
              delta,
              Math.max(...vals) -
                expectile(
                  vals,
                  t,
                  acts.map((x) => piBeta[s][x]),
                ),
            );
          });
          const gap = Math.max(...it.V.map((v, s) => star.V[s] - v));
          expect(gap).toBeLessThanOrEqual(delta / (1 - mdp.gamma) + 1e-9 * scale);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('AWR at the fixed point: pi ∝ pi_beta exp(beta A) stays in the support and maximises the weighted likelihood', () => {
    fc.assert(
      fc.property(arbCase, fc.double({ min: 0, max: 10, noNaN: true }), ({ mdp, piBeta, tau }, beta) => {
        const { Q, V } = iqlFixedPoint(mdp, piBeta, tau);
        const pi = awrPolicy(Q, V, piBeta, beta);
        const other = randomPolicy(3, piBeta.length, piBeta[0].length);
        pi.forEach((row, s) => {
          row.forEach((p, a) => piBeta[s][a] === 0 && expect(p).toBe(0));
          const w = piBeta[s].map((b, a) => b * Math.exp(beta * (Q[s][a] - V[s])));
          const like = (r: number[]) => w.reduce((acc, x, a) => acc + (x > 0 ? x * Math.log(r[a]) : 0), 0);
          expect(like(row)).toBeGreaterThanOrEqual(like(other[s]) - 1e-9);
        });
      }),
      { numRuns: 100 },
    );
  });
});
