import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueIteration } from './dp';
import { evaluatePolicy, qFromV } from './evaluate';
import { fittedQIteration } from './fitted-q';
import { gridWorld } from './gridworld';
import {
  behaviourPolicy,
  datasetCounts,
  empiricalMDP,
  idealCounts,
  pairCoverage,
  sampleDataset,
  terminalStates,
} from './offline-dataset';
import { randomMDP, randomPolicy } from './random-mdp';
import { createRng } from './rng';

const arbSmall = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  states: fc.integer({ min: 1, max: 7 }),
  actions: fc.integer({ min: 1, max: 4 }),
  gamma: fc.double({ min: 0, max: 0.9, noNaN: true }),
});

describe('offline datasets', () => {
  it('behaviourPolicy mixes the base policy with the uniform one', () => {
    const base = [
      [1, 0, 0],
      [0, 0.5, 0.5],
    ];
    expect(behaviourPolicy(base, 0)).toEqual(base);
    expect(behaviourPolicy(base, 1)[0]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(behaviourPolicy(base, 0.3)[0][0]).toBeCloseTo(0.7 + 0.1, 14);
    expect(() => behaviourPolicy(base, 1.5)).toThrow(/coverage/);
  });

  it('is reproducible from its seed, logs only pi_beta actions and consistent counts', () => {
    fc.assert(
      fc.property(
        arbSmall,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ seed, states, actions, gamma }, c) => {
          const rng = createRng(seed);
          const mdp = randomMDP(rng, { states, actions, gamma, branching: 2 });
          const base = randomPolicy(rng, states, actions).map((row) => {
            const best = row.indexOf(Math.max(...row));
            return row.map((_, a) => (a === best ? 1 : 0));
          });
          const piBeta = behaviourPolicy(base, c);
          const d1 = sampleDataset(mdp, piBeta, 300, seed);
          const d2 = sampleDataset(mdp, piBeta, 300, seed);
          expect(d1).toEqual(d2);
          expect(d1.transitions).toHaveLength(300);
          const bad = d1.transitions.filter(
            ({ s, a, s2, r }) => !(piBeta[s][a] > 0 && mdp.P[a][s][s2] > 0 && r === mdp.R[s][a]),
          );
          expect(bad).toEqual([]);
          const counts = datasetCounts(d1);
          expect(counts.n.flat().reduce((x, y) => x + y, 0)).toBe(300);
          counts.pHat.forEach((Pa, a) =>
            Pa.forEach((row, s) => {
              const z = row.reduce((x, y) => x + y, 0);
              expect(z).toBeCloseTo(counts.n[s][a] > 0 ? 1 : 0, 12);
            }),
          );
          if (c === 0) expect(pairCoverage(counts)).toBeLessThanOrEqual(1 / actions + 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('logs actions with the frequencies of pi_beta (within 5 standard errors)', () => {
    const mdp = randomMDP(3, { states: 4, actions: 3, gamma: 0.8 });
    const piBeta = randomPolicy(4, 4, 3);
    const counts = datasetCounts(sampleDataset(mdp, piBeta, 40_000, 5));
    for (let s = 0; s < 4; s++) {
      for (let a = 0; a < 3; a++) {
        const p = piBeta[s][a];
        const se = Math.sqrt((p * (1 - p)) / counts.nState[s]);
        expect(Math.abs(counts.piBetaHat[s][a] - p)).toBeLessThan(5 * se);
      }
    }
  });

  it('finds the terminal states of a GridWorld and never logs a step from them', () => {
    const gw = gridWorld({ width: 4, height: 3, walls: [5], goal: 3, pits: [7], slip: 0.1 });
    const term = terminalStates(gw.mdp);
    expect(term.map((t, s) => (t ? s : -1)).filter((s) => s >= 0)).toEqual([3, 5, 7]);
    const data = sampleDataset(gw.mdp, behaviourPolicy(randomPolicy(1, 12, 4), 0.5), 2000, 9);
    for (const { s, s2, done } of data.transitions) {
      expect(term[s]).toBe(false);
      expect(done).toBe(term[s2]);
    }
  });
});

describe('fitted Q-iteration on a fixed dataset', () => {
  it('with every pair logged, converges to the optimal Q of the empirical MDP', () => {
    fc.assert(
      fc.property(arbSmall, ({ seed, states, actions, gamma }) => {
        const mdp = randomMDP(seed, { states, actions, gamma });
        const counts = datasetCounts(
          sampleDataset(
            mdp,
            behaviourPolicy(randomPolicy(seed + 1, states, actions), 1),
            60 * states * actions,
            seed,
          ),
        );
        fc.pre(counts.n.every((row) => row.every((c) => c > 0)));
        const Q0 = counts.n.map((row) => row.map(() => 0));
        const fqi = fittedQIteration(counts, gamma, { Q0 });
        const emp = empiricalMDP(counts, gamma, mdp.rho0);
        const vi = valueIteration(emp, { tol: 1e-13 });
        const Qstar = qFromV(emp, vi.V);
        fqi.Q.forEach((row, s) =>
          row.forEach((q, a) => expect(Math.abs(q - Qstar[s][a])).toBeLessThan(1e-8)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('never moves a pair the data never saw, and its greedy policy can pick it', () => {
    fc.assert(
      fc.property(arbSmall, ({ seed, states, actions, gamma }) => {
        const rng = createRng(seed);
        const mdp = randomMDP(rng, { states, actions, gamma });
        const seen = Array.from({ length: states }, () =>
          Array.from({ length: actions }, () => rng.uniform() < 0.5),
        );
        const counts = idealCounts(mdp, seen);
        const Q0 = seen.map((row) => row.map(() => 10 * rng.uniform()));
        const { Q } = fittedQIteration(counts, gamma, { Q0 });
        seen.forEach((row, s) => row.forEach((v, a) => !v && expect(Q[s][a]).toBe(Q0[s][a])));
      }),
      { numRuns: 100 },
    );
  });

  it('exact backups: the max target dominates Q* when the untouched values do; the in-support target never exceeds Q*', () => {
    fc.assert(
      fc.property(arbSmall, ({ seed, states, actions, gamma }) => {
        const rng = createRng(seed);
        const mdp = randomMDP(rng, { states, actions, gamma });
        const seen = Array.from({ length: states }, () =>
          Array.from({ length: actions }, () => rng.uniform() < 0.6),
        );
        seen.forEach((row) => (row[rng.int(actions)] = true));
        const counts = idealCounts(mdp, seen);
        const Qstar = qFromV(mdp, valueIteration(mdp, { tol: 1e-13 }).V);
        const high = Qstar.map((row) => row.map((q) => q + rng.uniform()));
        const naive = fittedQIteration(counts, gamma, { Q0: high });
        const inSupport = fittedQIteration(counts, gamma, { Q0: high, maxOver: 'data' });
        for (let s = 0; s < states; s++) {
          for (let a = 0; a < actions; a++) {
            expect(naive.Q[s][a]).toBeGreaterThanOrEqual(Qstar[s][a] - 1e-8);
            if (seen[s][a]) expect(inSupport.Q[s][a]).toBeLessThanOrEqual(Qstar[s][a] + 1e-8);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on a GridWorld with a deterministic behaviour policy, the naive greedy policy is worse than the behaviour', () => {
    const gw = gridWorld({ width: 4, height: 4, goal: 15, pits: [5, 10], slip: 0.1, gamma: 0.95 });
    const { mdp } = gw;
    const vi = valueIteration(mdp, { tol: 1e-12 });
    const piBeta = behaviourPolicy(vi.policy, 0);
    const counts = datasetCounts(sampleDataset(mdp, piBeta, 2000, 1), terminalStates(mdp));
    const rng = createRng(2);
    const Q0 = counts.n.map((row) => row.map(() => rng.uniform()));
    const naive = fittedQIteration(counts, mdp.gamma, { Q0 });
    const greedy = naive.Q.map((row) => {
      const b = row.indexOf(Math.max(...row));
      return row.map((_, a) => (a === b ? 1 : 0));
    });
    expect(evaluatePolicy(mdp, greedy).J).toBeLessThan(evaluatePolicy(mdp, piBeta).J - 0.1);
  });
});
