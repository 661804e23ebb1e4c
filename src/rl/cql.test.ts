import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cqlBoundAnalysis,
  cqlDivergence,
  cqlFixedPoint,
  cqlIterate,
  cqlObjective,
  cqlPenalty,
  klRegularisedMax,
  klRegularisedObjective,
  type CqlSetting,
} from './cql';
import { evaluatePolicy } from './evaluate';
import { datasetCounts, empiricalMDP, sampleDataset } from './offline-dataset';
import { randomDistribution, randomMDP, randomPolicy } from './random-mdp';
import { createRng } from './rng';
import type { MDP, Policy } from './types';

interface Case {
  mdp: MDP;
  pi: Policy;
  piBeta: Policy;
  alpha: number;
  seed: number;
}

const arbCase = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    states: fc.integer({ min: 1, max: 8 }),
    actions: fc.integer({ min: 1, max: 4 }),
    gamma: fc.double({ min: 0, max: 0.95, noNaN: true }),
    alpha: fc.double({ min: 1e-3, max: 10, noNaN: true }),
  })
  .map(({ seed, states, actions, gamma, alpha }): Case => {
    const rng = createRng(seed);
    return {
      mdp: randomMDP(rng, { states, actions, gamma }),
      pi: randomPolicy(rng, states, actions),
      piBeta: randomPolicy(rng, states, actions),
      alpha,
      seed,
    };
  });

const maxAbs = (m: number[][]) => Math.max(1, ...m.flat().map(Math.abs));

describe('CQL conservative policy evaluation, closed form', () => {
  it('the closed form is the limit of the update Q <- B^pi Q - alpha g (both variants)', () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), ({ mdp, pi, piBeta, alpha }, minus) => {
        const setting: CqlSetting = {
          model: mdp,
          pi,
          mu: pi,
          piBeta,
          variant: minus ? 'minus-data' : 'penalty',
        };
        const { Q } = cqlFixedPoint(setting, alpha);
        const iters = Math.ceil(Math.log(1e-16) / Math.log(Math.max(mdp.gamma, 1e-3))) + 5;
        const Qk = cqlIterate(
          setting,
          alpha,
          Q.map((row) => row.map(() => 0)),
          iters,
        );
        const scale = maxAbs(Q);
        Q.forEach((row, s) =>
          row.forEach((q, a) => expect(Math.abs(q - Qk[s][a])).toBeLessThan(1e-9 * scale)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the fixed point minimises the objective of one iteration with the target frozen at it', () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), fc.double({ min: 1e-3, max: 1, noNaN: true }), (c, minus, delta) => {
        const { mdp, pi, piBeta, alpha, seed } = c;
        const mu = randomPolicy(seed + 7, pi.length, pi[0].length);
        const setting: CqlSetting = { model: mdp, pi, mu, piBeta, variant: minus ? 'minus-data' : 'penalty' };
        const { Q } = cqlFixedPoint(setting, alpha);
        const d = randomDistribution(createRng(seed + 3), pi.length);
        const f0 = cqlObjective(setting, alpha, d, Q, Q);
        const rng = createRng(seed + 11);
        const s = rng.int(pi.length);
        const a = rng.int(pi[0].length);
        for (const sign of [1, -1]) {
          const Qp = Q.map((row) => [...row]);
          Qp[s][a] += sign * delta;
          const f1 = cqlObjective(setting, alpha, d, Qp, Q);
          // Quadratic in Q(s, a) with curvature d(s) pi_beta(a|s) and zero slope at the minimiser.
          expect(f1 - f0).toBeCloseTo(0.5 * d[s] * piBeta[s][a] * delta * delta, 8);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('Theorem 3.1 with exact backups: Q̂ <= Q^pi at every pair for every alpha > 0, by alpha h with h >= mu / pi_beta', () => {
    fc.assert(
      fc.property(arbCase, ({ mdp, pi, piBeta, alpha, seed }) => {
        const mu = randomPolicy(seed + 5, pi.length, pi[0].length);
        const setting: CqlSetting = { model: mdp, pi, mu, piBeta, variant: 'penalty' };
        const { Q } = cqlFixedPoint(setting, alpha);
        const { Q: Qpi } = evaluatePolicy(mdp, pi);
        const an = cqlBoundAnalysis(mdp, setting);
        const g = cqlPenalty(setting);
        const scale = maxAbs(Qpi);
        Q.forEach((row, s) =>
          row.forEach((q, a) => {
            expect(q).toBeLessThan(Qpi[s][a]);
            expect(Math.abs(Qpi[s][a] - q - alpha * an.h[s][a])).toBeLessThan(
              1e-9 * scale * Math.max(1, alpha),
            );
            expect(an.h[s][a]).toBeGreaterThanOrEqual(g[s][a] * (1 - 1e-12));
          }),
        );
        expect(an.alphaStarQ).toBe(0);
        expect(an.alphaTheoremQ).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('Theorem 3.2 with exact backups and mu = pi: V̂ <= V^pi for every alpha > 0, by alpha (I - gamma P_pi)^{-1} D_CQL', () => {
    fc.assert(
      fc.property(arbCase, ({ mdp, pi, piBeta, alpha }) => {
        const setting: CqlSetting = { model: mdp, pi, mu: pi, piBeta, variant: 'minus-data' };
        const { V } = cqlFixedPoint(setting, alpha);
        const { V: Vpi } = evaluatePolicy(mdp, pi);
        const D = cqlDivergence(pi, piBeta);
        // k solves k = D + gamma P_pi k: check it against the divergence through one Bellman step.
        const an = cqlBoundAnalysis(mdp, setting);
        const scale = Math.max(1, ...Vpi.map(Math.abs));
        V.forEach((v, s) => {
          expect(v).toBeLessThanOrEqual(Vpi[s] + 1e-9 * scale);
          expect(D[s]).toBeGreaterThanOrEqual(-1e-12);
          expect(an.k[s]).toBeGreaterThanOrEqual(D[s] - 1e-9 * Math.max(1, D[s]));
          expect(Math.abs(Vpi[s] - v - alpha * an.k[s])).toBeLessThan(
            1e-9 * scale * Math.max(1, alpha, an.k[s]),
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the maximisation term costs the pointwise bound: with mu = pi some Q̂(s, a) exceeds Q^pi', () => {
    // Where pi(a|s) < pi_beta(a|s) the penalty g = pi / pi_beta - 1 is negative; with gamma = 0, Q̂ = r - alpha g.
    const mdp: MDP = { P: [[[1]], [[1]]], R: [[0, 0]], rho0: [1], gamma: 0 };
    const setting: CqlSetting = {
      model: mdp,
      pi: [[0.9, 0.1]],
      mu: [[0.9, 0.1]],
      piBeta: [[0.5, 0.5]],
      variant: 'minus-data',
    };
    const { Q, V } = cqlFixedPoint(setting, 1);
    expect(Q[0][1]).toBeCloseTo(0.8, 14); // -(0.1 / 0.5 - 1)
    expect(Q[0][0]).toBeCloseTo(-0.8, 14);
    expect(V[0]).toBeCloseTo(0.9 * -0.8 + 0.1 * 0.8, 14);
  });

  it('rejects mu outside the support of pi_beta', () => {
    expect(() => cqlPenalty({ mu: [[0.5, 0.5]], piBeta: [[1, 0]], variant: 'penalty' })).toThrow(/supp mu/);
  });
});

describe('CQL with sampling error: the thresholds on alpha', () => {
  const arbData = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      states: fc.integer({ min: 2, max: 6 }),
      actions: fc.integer({ min: 2, max: 3 }),
      gamma: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      N: fc.integer({ min: 20, max: 400 }),
      minus: fc.boolean(),
    })
    .map(({ seed, states, actions, gamma, N, minus }) => {
      const rng = createRng(seed);
      const mdp = randomMDP(rng, { states, actions, gamma });
      const piBeta = randomPolicy(rng, states, actions);
      const counts = datasetCounts(sampleDataset(mdp, piBeta, N, seed));
      const model = empiricalMDP(counts, gamma, mdp.rho0, mdp);
      // The evaluated policy is a random policy restricted to the logged actions (supp mu = supp pi ⊆ supp π̂_β).
      const raw = randomPolicy(rng, states, actions);
      const pi = raw.map((row, s) => {
        if (counts.nState[s] === 0) return row;
        const w = row.map((p, a) => (counts.n[s][a] > 0 ? p : 0));
        const z = w.reduce((x, y) => x + y, 0);
        return w.map((x) => x / z);
      });
      const setting: CqlSetting = {
        model,
        pi,
        mu: pi,
        piBeta: counts.piBetaHat,
        variant: minus ? ('minus-data' as const) : ('penalty' as const),
        dataStates: counts.nState.map((c) => c > 0),
      };
      return { mdp, setting };
    });

  it('Q̂_0 - Q^pi = (I - gamma P̂^pi)^{-1} (B̂^pi - B^pi) Q^pi, and Q̂_alpha = Q̂_0 - alpha h', () => {
    fc.assert(
      fc.property(arbData, fc.double({ min: 0, max: 5, noNaN: true }), ({ mdp, setting }, alpha) => {
        const an = cqlBoundAnalysis(mdp, setting);
        // (I - gamma P̂^pi)(Q̂_0 - Q^pi) = e, checked entry by entry.
        const { model, pi } = setting;
        const dQ = an.Q0.map((row, s) => row.map((q, a) => q - an.Qpi[s][a]));
        const dV = dQ.map((row, s) => row.reduce((acc, x, a) => acc + pi[s][a] * x, 0));
        const nS = dQ.length;
        const scale = maxAbs(an.Qpi);
        dQ.forEach((row, s) =>
          row.forEach((x, a) => {
            let ev = 0;
            for (let t = 0; t < nS; t++) ev += model.P[a][s][t] * dV[t];
            expect(Math.abs(x - model.gamma * ev - an.e[s][a])).toBeLessThan(1e-9 * scale);
          }),
        );
        const { Q } = cqlFixedPoint(setting, alpha);
        Q.forEach((row, s) =>
          row.forEach((q, a) =>
            expect(Math.abs(q - (an.Q0[s][a] - alpha * an.h[s][a]))).toBeLessThan(
              1e-9 * scale * Math.max(1, alpha),
            ),
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the bound holds for every alpha above the exact threshold, fails just below it, and the theorem threshold is above it', () => {
    fc.assert(
      fc.property(arbData, fc.double({ min: 0, max: 3, noNaN: true }), ({ mdp, setting }, extra) => {
        const an = cqlBoundAnalysis(mdp, setting);
        const checks: Array<['Q' | 'V', number, number]> = [];
        if (setting.variant === 'penalty') checks.push(['Q', an.alphaStarQ, an.alphaTheoremQ]);
        else checks.push(['V', an.alphaStarV, an.alphaTheoremV]);
        for (const [kind, star, thm] of checks) {
          expect(thm).toBeGreaterThanOrEqual(star * (1 - 1e-9));
          if (!Number.isFinite(star)) continue;
          const slack = (alpha: number) => {
            const fp = cqlFixedPoint(setting, alpha);
            return kind === 'Q'
              ? Math.min(...fp.Q.flatMap((row, s) => row.map((q, a) => an.Qpi[s][a] - q)))
              : Math.min(...fp.V.map((v, s) => an.Vpi[s] - v));
          };
          const scale = maxAbs(an.Qpi);
          expect(slack(star * (1 + extra) + extra)).toBeGreaterThanOrEqual(
            -1e-9 * scale * Math.max(1, star + extra),
          );
          if (star > 1e-6) expect(slack(star * 0.99)).toBeLessThan(0);
          if (Number.isFinite(thm))
            expect(slack(thm)).toBeGreaterThanOrEqual(-1e-9 * scale * Math.max(1, thm));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the thresholds are not vacuous: on a fixed case the exact one is positive and finite', () => {
    let positive = 0;
    fc.assert(
      fc.property(arbData, ({ mdp, setting }) => {
        const an = cqlBoundAnalysis(mdp, setting);
        const star = setting.variant === 'penalty' ? an.alphaStarQ : an.alphaStarV;
        if (star > 0 && Number.isFinite(star)) positive++;
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(positive).toBeGreaterThan(50);
  });
});

describe('CQL(H): the KL-regularised maximisation over mu', () => {
  const arbState = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      actions: fc.integer({ min: 1, max: 6 }),
      alpha: fc.double({ min: 0.05, max: 5, noNaN: true }),
      beta: fc.double({ min: 0.05, max: 5, noNaN: true }),
    })
    .map(({ seed, actions, alpha, beta }) => {
      const rng = createRng(seed);
      return {
        q: Array.from({ length: actions }, () => 4 * rng.normal()),
        rho: randomDistribution(rng, actions),
        other: randomDistribution(rng, actions),
        alpha,
        beta,
      };
    });

  it('mu ∝ rho exp(alpha q / beta) attains beta log E_rho exp(alpha q / beta), and no mu does better (Gibbs)', () => {
    fc.assert(
      fc.property(arbState, ({ q, rho, other, alpha, beta }) => {
        const { mu, value } = klRegularisedMax(q, rho, alpha, beta);
        expect(Math.abs(klRegularisedObjective(mu, q, rho, alpha, beta) - value)).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(value)),
        );
        expect(klRegularisedObjective(other, q, rho, alpha, beta)).toBeLessThanOrEqual(
          value + 1e-9 * Math.max(1, Math.abs(value)),
        );
        const z = rho.reduce(
          (acc, r, a) =>
            acc + r * Math.exp((alpha * q[a]) / beta - Math.max(...q.map((x) => (alpha * x) / beta))),
          0,
        );
        mu.forEach((m, a) => {
          const direct =
            (rho[a] * Math.exp((alpha * q[a]) / beta - Math.max(...q.map((x) => (alpha * x) / beta)))) / z;
          expect(Math.abs(m - direct)).toBeLessThan(1e-12);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('with the regulariser weighted like the penalty (beta = alpha), mu ∝ rho exp(q), whatever alpha', () => {
    fc.assert(
      fc.property(arbState, ({ q, rho, alpha }) => {
        const a1 = klRegularisedMax(q, rho, alpha, alpha).mu;
        const a2 = klRegularisedMax(q, rho, 1, 1).mu;
        a1.forEach((m, a) => expect(Math.abs(m - a2[a])).toBeLessThan(1e-12));
      }),
      { numRuns: 200 },
    );
  });

  it('with the opposite sign (+ KL) there is no interior maximiser: a vertex beats the Gibbs point', () => {
    fc.assert(
      fc.property(arbState, ({ q, rho, alpha, beta }) => {
        fc.pre(q.length >= 2);
        const { mu } = klRegularisedMax(q, rho, alpha, beta);
        fc.pre(Math.max(...mu) < 0.99);
        const plus = (m: number[]) => klRegularisedObjective(m, q, rho, alpha, -beta);
        const vertices = q.map((_, a) => q.map((__, b) => (a === b ? 1 : 0)));
        expect(Math.max(...vertices.map(plus))).toBeGreaterThan(plus(mu));
      }),
      { numRuns: 200 },
    );
  });
});
