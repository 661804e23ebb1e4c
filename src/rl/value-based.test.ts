/**
 * Chapter 9's facts as tests: the example tasks' exact values, Monte Carlo (first visit unbiased, every visit
 * biased but consistent), TD(0) and Q-learning converging on random MDPs, maximisation bias, cliff walking, and
 * linear TD (the projected Bellman fixed point on-policy; Baird's divergence off-policy, with its closed form).
 * Properties whose check is statistical (Monte Carlo, learning runs) use a fixed fast-check seed, so a failure is a
 * reproducible failure and not a one-in-a-thousand draw; exact identities draw fresh cases every run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bairdCounterexample,
  bairdProblem,
  bairdValueDynamics,
  chainValues,
  cliffWalking,
  CLIFF,
  continuingTask,
  createRng,
  epsilonGreedyAction,
  epsilonGreedyRow,
  evaluatePolicy,
  evaluateTask,
  expectedLinearTD,
  harmonicStepSize,
  linearTDMatrices,
  maximisationBias,
  mcEvaluation,
  optimalTask,
  policyMatrices,
  projectOnFeatures,
  qFromV,
  randomDistribution,
  randomMDP,
  randomPolicy,
  randomWalk,
  sampleEpisode,
  stationaryDistribution,
  taskGreedyPolicy,
  tdControl,
  tdEvaluation,
  tdFixedPoint,
  uniformOver,
  valueIteration,
  type TabularTask,
} from './index';

/** A random episodic task: a random MDP whose every step ends in an extra terminal state with probability q. */
function randomEpisodicTask(
  seed: number,
  states: number,
  actions: number,
  q: number,
  gamma = 1,
): TabularTask {
  const rng = createRng(seed);
  const base = randomMDP(rng, { states, actions, gamma: 0.5 });
  const S = states + 1;
  const P = base.P.map((Pa) => [
    ...Pa.map((row) => [...row.map((p) => (1 - q) * p), q]),
    Array.from({ length: S }, (_, t) => (t === states ? 1 : 0)),
  ]);
  return {
    mdp: { P, R: [...base.R, new Array<number>(actions).fill(0)], rho0: [...base.rho0, 0], gamma },
    terminal: Array.from({ length: S }, (_, s) => s === states),
  };
}

describe('example tasks', () => {
  it('random walks: V = 1/6 … 5/6 (5 states, rewards 0/1) and −0.9 … 0.9 (19 states, rewards −1/+1)', () => {
    const V5 = evaluateTask(randomWalk(5), uniformOver(7, 2)).V;
    V5.slice(1, 6).forEach((v, i) => expect(v).toBeCloseTo((i + 1) / 6, 12));
    expect([V5[0], V5[6]]).toEqual([0, 0]);
    const V19 = evaluateTask(randomWalk(19, { leftReward: -1, rightReward: 1 }), uniformOver(21, 2)).V;
    V19.slice(1, 20).forEach((v, i) => expect(v).toBeCloseTo(-1 + (2 * (i + 1)) / 20, 12));
  });

  it('cliff walking: V*(start) = −13, the greedy path runs along the cliff edge', () => {
    const task = cliffWalking();
    const { V, Q } = optimalTask(task);
    expect(V[CLIFF.start]).toBeCloseTo(-13, 12);
    const pi = taskGreedyPolicy(task, Q);
    let s: number = CLIFF.start;
    const path = [s];
    while (!task.terminal[s] && path.length < 50) {
      s = task.mdp.P[pi[s].indexOf(1)][s].indexOf(1);
      path.push(s);
    }
    expect(path.at(-1)).toBe(CLIFF.goal);
    expect(path.length - 1).toBe(13);
    // Up, eleven steps along row 2, down.
    expect(path.slice(1, -1).every((x) => Math.floor(x / CLIFF.width) === 2)).toBe(true);
    // A step into the cliff pays −100 and returns to the start without ending the episode.
    expect(task.mdp.R[CLIFF.start][1]).toBe(-100);
    expect(task.mdp.P[1][CLIFF.start][CLIFF.start]).toBe(1);
  });

  it('maximisation bias: Q*(A, left) = −0.1 < Q*(A, right) = 0; mass on a missing action is refused', () => {
    const task = maximisationBias(10);
    const { Q } = optimalTask(task);
    expect(Q[0][0]).toBeCloseTo(-0.1, 12);
    expect(Q[0][1]).toBe(0);
    expect(() => evaluateTask(task, uniformOver(3, 10))).toThrow(/does not exist/);
  });

  it('evaluateTask agrees with evaluatePolicy on continuing MDPs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const mdp = randomMDP(seed, { states: 5, actions: 3, gamma: 0.9 });
        const pi = randomPolicy(seed + 1, 5, 3);
        const a = evaluateTask(continuingTask(mdp), pi);
        const b = evaluatePolicy(mdp, pi);
        a.V.forEach((v, s) => expect(Math.abs(v - b.V[s])).toBeLessThan(1e-10));
        a.Q.forEach((q, s) => q.forEach((x, k) => expect(Math.abs(x - b.Q[s][k])).toBeLessThan(1e-10)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('Monte Carlo evaluation', () => {
  it('a sample-average run is the plain mean of the first-visit returns', () => {
    // One state, one action, reward 1, terminates w.p. 1/2: an episode of length L has first-visit return L.
    const task: TabularTask = {
      mdp: {
        P: [
          [
            [0.5, 0.5],
            [0, 1],
          ],
        ],
        R: [[1], [0]],
        rho0: [1, 0],
        gamma: 1,
      },
      terminal: [false, true],
    };
    const run = mcEvaluation(task, [[1], [1]], { episodes: 40, seed: 3 });
    // The same episodes, sampled again with the same seed: the first-visit return of state 0 is the length L.
    const rng = createRng(3);
    let total = 0;
    for (let e = 0; e < 40; e++) total += sampleEpisode(task, [[1], [1]], rng).rewards.length;
    expect(run.V[0]).toBeCloseTo(total / 40, 12);
    expect(run.steps).toBe(total);
  });

  it('first visit is unbiased after one episode; every visit is biased (geometric episode: (1/(1 − p) + 1)/2)', () => {
    const p = 0.8;
    const task: TabularTask = {
      mdp: {
        P: [
          [
            [p, 1 - p],
            [0, 1],
          ],
        ],
        R: [[1], [0]],
        rho0: [1, 0],
        gamma: 1,
      },
      terminal: [false, true],
    };
    const V = 1 / (1 - p); // 5
    const everyMean = (V + 1) / 2; // 3: the mean of L, L − 1, …, 1 is (L + 1)/2
    const M = 20_000;
    const stats = (visit: 'first' | 'every') => {
      let m = 0;
      let m2 = 0;
      for (let i = 0; i < M; i++) {
        const x = mcEvaluation(task, [[1], [1]], { episodes: 1, seed: 1000 + i, visit }).V[0];
        m += x / M;
        m2 += (x * x) / M;
      }
      return { mean: m, se: Math.sqrt((m2 - m * m) / M) };
    };
    const first = stats('first');
    const every = stats('every');
    expect(Math.abs(first.mean - V)).toBeLessThan(5 * first.se);
    expect(Math.abs(every.mean - everyMean)).toBeLessThan(5 * every.se);
    expect(V - every.mean).toBeGreaterThan(20 * every.se);
  });

  it('first visit is unbiased on random episodic tasks (every state, conditioned on being visited)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const task = randomEpisodicTask(seed, 4, 2, 0.25);
        const pi = randomPolicy(seed + 7, 5, 2);
        const { V } = evaluateTask(task, pi);
        const M = 3000;
        const sum = new Float64Array(5);
        const sum2 = new Float64Array(5);
        const n = new Float64Array(5);
        for (let i = 0; i < M; i++) {
          const run = mcEvaluation(task, pi, { episodes: 1, seed: seed * 7919 + i });
          run.counts.forEach((c, s) => {
            if (c === 0) return;
            n[s]++;
            sum[s] += run.V[s];
            sum2[s] += run.V[s] ** 2;
          });
        }
        for (let s = 0; s < 4; s++) {
          if (n[s] < 200) continue;
          const mean = sum[s] / n[s];
          const se = Math.sqrt((sum2[s] / n[s] - mean * mean) / n[s]);
          expect(Math.abs(mean - V[s])).toBeLessThan(5 * se + 1e-12);
        }
      }),
      { numRuns: 10, seed: 9 },
    );
  });

  it('both first- and every-visit sample averages converge to V^π (consistency)', () => {
    const task = randomEpisodicTask(11, 4, 2, 0.2);
    const pi = randomPolicy(12, 5, 2);
    const { V } = evaluateTask(task, pi);
    for (const visit of ['first', 'every'] as const) {
      const run = mcEvaluation(task, pi, { episodes: 40_000, seed: 5, visit, Vtrue: V });
      expect(run.rms.at(-1)).toBeLessThan(0.03);
      expect(run.rms.at(-1)!).toBeLessThan(run.rms[0] / 20);
    }
  });
});

describe('TD evaluation', () => {
  it('TD(0) with Robbins–Monro steps converges to V^π on random continuing MDPs', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 1e6 }),
          states: fc.integer({ min: 2, max: 5 }),
          gamma: fc.double({ min: 0, max: 0.8, noNaN: true }),
        }),
        ({ seed, states, gamma }) => {
          const mdp = randomMDP(seed, { states, actions: 2, gamma });
          const pi = randomPolicy(seed + 1, states, 2);
          const V = evaluatePolicy(mdp, pi).V;
          const run = tdEvaluation(continuingTask(mdp), pi, {
            episodes: 1,
            steps: 100_000,
            seed,
            alpha: harmonicStepSize(1, 0.7),
          });
          const err = Math.max(...V.map((v, s) => Math.abs(v - run.V[s])));
          expect(err).toBeLessThan(0.05 * Math.max(1, 1 / (1 - gamma)));
        },
      ),
      { numRuns: 12, seed: 12 },
    );
  });

  it('n-step TD reaches V^π on the 5-state walk for n = 1, 2, 4 (small constant step, averaged over runs)', () => {
    const task = randomWalk(5);
    const pi = uniformOver(7, 2);
    const { V } = evaluateTask(task, pi);
    for (const n of [1, 2, 4]) {
      const mean = new Float64Array(7);
      for (let seed = 1; seed <= 20; seed++) {
        const run = tdEvaluation(task, pi, { episodes: 1000, seed, n, alpha: 0.02 });
        run.V.forEach((v, s) => (mean[s] += v / 20));
      }
      const err = Math.max(...V.map((v, s) => Math.abs(v - mean[s])));
      expect(err).toBeLessThan(0.03);
    }
  });

  it('n-step TD with n ≥ the episode length is constant-α Monte Carlo (same seed, same numbers)', () => {
    const task = randomWalk(5);
    const pi = uniformOver(7, 2);
    const td = tdEvaluation(task, pi, { episodes: 50, seed: 9, n: 100_000, alpha: 0.1, V0: 0.5 });
    const mc = mcEvaluation(task, pi, { episodes: 50, seed: 9, visit: 'every', alpha: 0.1, V0: 0.5 });
    td.V.forEach((v, s) => expect(v).toBeCloseTo(mc.V[s], 12));
  });
});

describe('TD control', () => {
  it('ε-greedy actions have the ε-greedy probabilities (ties shared)', () => {
    const q = [1, 3, 3, 0];
    const row = epsilonGreedyRow(q, 4, 0.2);
    expect(row).toEqual([0.05, 0.45, 0.45, 0.05]);
    const rng = createRng(1);
    const counts = [0, 0, 0, 0];
    const M = 40_000;
    for (let i = 0; i < M; i++) counts[epsilonGreedyAction(q, 4, 0.2, rng)]++;
    counts.forEach((c, a) => expect(Math.abs(c / M - row[a])).toBeLessThan(5 * Math.sqrt(row[a] / M)));
  });

  it('Q-learning and double Q-learning converge to Q* on random MDPs (‖Q − Q*‖∞ ≤ 0.1 · max(1, ‖Q*‖∞))', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 1e6 }),
          states: fc.integer({ min: 2, max: 5 }),
          actions: fc.integer({ min: 1, max: 3 }),
          gamma: fc.double({ min: 0, max: 0.8, noNaN: true }),
          method: fc.constantFrom('q-learning' as const, 'double-q' as const),
        }),
        ({ seed, states, actions, gamma, method }) => {
          const mdp = randomMDP(seed, { states, actions, gamma });
          const Qstar = qFromV(mdp, valueIteration(mdp).V);
          const run = tdControl(continuingTask(mdp), {
            method,
            seed,
            steps: 100_000,
            epsilon: 0.3,
            alpha: harmonicStepSize(1, 0.7),
            Qstar,
            recordEvery: 100_000,
          });
          const scale = Math.max(1, ...Qstar.flat().map(Math.abs));
          expect(run.errorCurve.at(-1)!.error).toBeLessThan(0.1 * scale);
          expect(run.errorCurve.at(-1)!.error).toBeLessThan(run.errorCurve[0].error + 1e-12);
        },
      ),
      { numRuns: 16, seed: 16 },
    );
  });

  it('cliff walking: Q-learning learns the edge path, SARSA earns more online (ε = 0.1, α = 0.5)', () => {
    const task = cliffWalking();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const late = { sarsa: 0, 'q-learning': 0 };
    let qPathLength = 0;
    for (let seed = 1; seed <= 10; seed++) {
      for (const method of ['sarsa', 'q-learning'] as const) {
        const run = tdControl(task, { method, seed, episodes: 300, epsilon: 0.1, alpha: 0.5 });
        late[method] += mean(run.returns.slice(-100)) / 10;
        if (method === 'q-learning' && seed === 1) {
          const pi = taskGreedyPolicy(task, run.Q);
          let s: number = CLIFF.start;
          while (!task.terminal[s] && qPathLength < 100) {
            s = task.mdp.P[pi[s].indexOf(1)][s].indexOf(1);
            qPathLength++;
          }
        }
      }
    }
    expect(qPathLength).toBe(13);
    expect(late.sarsa).toBeGreaterThan(late['q-learning'] + 10);
  });

  it('maximisation bias: Q-learning goes left far more than 5 % early on, double Q-learning does not', () => {
    const task = maximisationBias(10);
    const runs = 300;
    const left = { 'q-learning': new Float64Array(300), 'double-q': new Float64Array(300) };
    for (const method of ['q-learning', 'double-q'] as const)
      for (let seed = 1; seed <= runs; seed++) {
        const run = tdControl(task, { method, seed, episodes: 300, epsilon: 0.1, alpha: 0.1 });
        run.firstActions.forEach((a, e) => (left[method][e] += a === 0 ? 1 / runs : 0));
      }
    const avg = (x: Float64Array, from: number, to: number) =>
      x.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    expect(avg(left['q-learning'], 5, 50)).toBeGreaterThan(0.5);
    expect(avg(left['double-q'], 5, 50)).toBeLessThan(0.3);
    expect(Math.abs(avg(left['double-q'], 250, 300) - 0.05)).toBeLessThan(0.03);
  });
});

describe('linear TD', () => {
  /** A random MDP, a random policy and random features (d < states, full rank with probability one). */
  const linearCase = (seed: number, states: number, d: number, gamma: number) => {
    const rng = createRng(seed);
    const mdp = randomMDP(rng, { states, actions: 2, gamma });
    const pi = randomPolicy(rng, states, 2);
    const { Ppi, rpi } = policyMatrices(mdp, pi);
    const P = Array.from({ length: states }, (_, s) => Array.from(Ppi.slice(s * states, (s + 1) * states)));
    const features = Array.from({ length: states }, () => Array.from({ length: d }, () => rng.normal()));
    return { features, Ppi: P, rpi: Array.from(rpi), mu: stationaryDistribution(P), gamma, rng };
  };

  it('on-policy: A is negative definite, the expected update converges to the projected Bellman fixed point, within 1/√(1 − γ²) of the best fit', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 1e6 }),
          states: fc.integer({ min: 3, max: 8 }),
          gamma: fc.double({ min: 0, max: 0.95, noNaN: true }),
        }),
        ({ seed, states, gamma }) => {
          const d = 1 + (seed % (states - 1));
          const { rng, ...p } = linearCase(seed, states, d, gamma);
          const { A } = linearTDMatrices(p);
          for (let k = 0; k < 20; k++) {
            const x = Array.from({ length: d }, () => rng.normal());
            const xAx = x.reduce((acc, xi, i) => acc + xi * A[i].reduce((s, a, j) => s + a * x[j], 0), 0);
            expect(xAx).toBeLessThan(0);
          }
          const fixed = tdFixedPoint(p);
          expect(fixed.projectedResidual).toBeLessThan(1e-9 * Math.max(1, ...fixed.values.map(Math.abs)));
          const V = chainValues(p.Ppi, p.rpi, gamma);
          const proj = projectOnFeatures(p.features, p.mu, V);
          const norm = (v: number[]) => Math.sqrt(v.reduce((acc, x, s) => acc + p.mu[s] * x * x, 0));
          const tdErr = norm(fixed.values.map((v, s) => v - V[s]));
          const best = norm(proj.map((v, s) => v - V[s]));
          expect(tdErr).toBeGreaterThanOrEqual(best - 1e-9);
          expect(tdErr).toBeLessThanOrEqual(best / Math.sqrt(1 - gamma * gamma) + 1e-9);
          // The expected iteration reaches the fixed point (step small enough for this A).
          const scale = Math.max(...A.map((r) => r.reduce((s, a) => s + Math.abs(a), 0)));
          const run = expectedLinearTD(p, {
            alpha: 0.5 / scale,
            w0: new Array<number>(d).fill(0),
            iterations: 20_000,
          });
          const w = run.weights.at(-1)!;
          // Not every random instance is well conditioned: compare values, relative to their size.
          const vals = p.features.map((x) => x.reduce((acc, xi, j) => acc + xi * w[j], 0));
          const gap = norm(vals.map((v, s) => v - fixed.values[s]));
          expect(gap).toBeLessThan(1e-3 * Math.max(1, norm(fixed.values)) + run.errors[0] * 1e-3);
        },
      ),
      { numRuns: 40, seed: 40 },
    );
  });

  it('Baird: off-policy TD diverges at the closed-form rate; on-policy weighting and Monte Carlo targets do not', () => {
    const b = bairdCounterexample();
    const off = bairdProblem(b, 'off-policy');
    expect(off.problem.mu.every((m) => Math.abs(m - 1 / 7) < 1e-12)).toBe(true);
    const alpha = 0.01;
    const run = expectedLinearTD(off.problem, { alpha, w0: b.w0, iterations: 20_000, target: off.target });
    const dyn = bairdValueDynamics(0.99);
    expect(run.norms.at(-1)!).toBeGreaterThan(1e10);
    expect(run.lastGrowth).toBeCloseTo(1 + (alpha * dyn.eigenvalues[0][0]) / 7, 9);
    for (const mode of ['on-policy', 'monte-carlo'] as const) {
      const { problem, target } = bairdProblem(b, mode);
      const r = expectedLinearTD(problem, { alpha, w0: b.w0, iterations: 20_000, target });
      expect(Math.max(...r.norms)).toBeLessThanOrEqual(r.norms[0] + 1e-9);
      expect(r.errors.at(-1)!).toBeLessThan(r.errors[0]);
    }
  });

  it('Baird: the 2 × 2 value dynamics match the full 8-weight update, and divergence sets in exactly at γ = 15/17', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        (gamma, seed) => {
          const b = bairdCounterexample(gamma);
          const { problem } = bairdProblem(b, 'off-policy');
          const rng = createRng(seed);
          const w0 = Array.from({ length: 8 }, () => rng.normal());
          const alpha = 0.05;
          const r = expectedLinearTD(problem, { alpha, w0, iterations: 1 });
          const vals = (w: number[]) => b.features.map((x) => x.reduce((acc, xi, j) => acc + xi * w[j], 0));
          const v0 = vals(w0);
          const v1 = vals(r.weights[1]);
          const ubar = (v: number[]) => v.slice(0, 6).reduce((x, y) => x + y, 0) / 6;
          const { B } = bairdValueDynamics(gamma);
          const pred = [0, 1].map(
            (i) => [ubar(v0), v0[6]][i] + (alpha / 7) * (B[i][0] * ubar(v0) + B[i][1] * v0[6]),
          );
          expect(ubar(v1)).toBeCloseTo(pred[0], 10);
          expect(v1[6]).toBeCloseTo(pred[1], 10);
          for (let i = 0; i < 6; i++)
            expect(v1[i] - ubar(v1)).toBeCloseTo((1 - (4 * alpha) / 7) * (v0[i] - ubar(v0)), 10);
        },
      ),
      { numRuns: 100 },
    );
    const growing = (gamma: number) => {
      const b = bairdCounterexample(gamma);
      const { problem } = bairdProblem(b, 'off-policy');
      // The eigenvalues may be complex (the values spiral): compare norms far apart, not consecutive ones.
      const { norms } = expectedLinearTD(problem, { alpha: 0.05, w0: b.w0, iterations: 40_000 });
      return norms[40_000] > norms[20_000];
    };
    expect(growing(0.87)).toBe(false);
    expect(growing(0.9)).toBe(true);
    expect(bairdValueDynamics(0.87).eigenvalues[0][0]).toBeLessThan(0);
    expect(bairdValueDynamics(0.9).eigenvalues[1][0]).toBeGreaterThan(0);
  });

  it('stationaryDistribution solves μᵀP = μᵀ', () => {
    const rng = createRng(4);
    const P = Array.from({ length: 6 }, () => randomDistribution(rng, 6));
    const mu = stationaryDistribution(P);
    mu.forEach((m, j) => expect(mu.reduce((acc, x, i) => acc + x * P[i][j], 0)).toBeCloseTo(m, 12));
    expect(mu.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
