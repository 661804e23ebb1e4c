/**
 * Chapter 10's soft dynamic programming, checked as theorems over random MDPs: the soft operators are
 * gamma-contractions, soft value iteration's fixed point satisfies the soft Bellman optimality equations, soft policy
 * improvement never lowers soft Q (Haarnoja et al.'s Lemma 2, note 004's Lemma 17) and soft policy iteration reaches
 * the same fixed point, temperature -> 0 recovers chapter 1's value iteration and temperature -> infinity the
 * uniform policy, with the explicit bounds the chapter proves.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boltzmannPolicy,
  createRng,
  evaluatePolicy,
  gridWorld,
  policyEntropy,
  qFromV,
  randomMDP,
  randomPolicy,
  softBellmanOperator,
  softMax,
  softOptimalityOperator,
  softPolicyEvaluation,
  softPolicyIteration,
  softValueIteration,
  supNorm,
  uniformPolicy,
  undiscountedEntropySoftQ,
  valueIteration,
} from './index';
import { arbCase } from './test-utils';

const arbTemperature = fc.oneof(
  fc.double({ min: 1e-3, max: 10, noNaN: true }),
  fc.constantFrom(0, 1e-2, 0.1, 1, 100),
);
const maxAbsR = (R: number[][]) => Math.max(...R.flat().map(Math.abs));
const randomVector = (seed: number, n: number, scale: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => scale * (2 * rng.uniform() - 1));
};

describe('softMax and the Boltzmann policy', () => {
  it('alpha logsumexp(q / alpha) lies in [max q, max q + alpha log |A|], and is stable for huge q / alpha', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 8 }),
        arbTemperature,
        (q, t) => {
          const m = Math.max(...q);
          const v = softMax(q, t);
          expect(v).toBeGreaterThanOrEqual(m - 1e-12 * Math.max(1, Math.abs(m)));
          expect(v).toBeLessThanOrEqual(m + t * Math.log(q.length) + 1e-12 * Math.max(1, Math.abs(m)));
        },
      ),
    );
    expect(softMax([1000, 0], 1e-3)).toBe(1000);
    expect(softMax([2, 2], 0.5)).toBeCloseTo(2 + 0.5 * Math.log(2), 14);
  });

  it('the Boltzmann policy is the gradient of softMax, and its alpha = 0 limit splits ties evenly', () => {
    const q = [0.3, -1.2, 0.7, 0.7 - 1e-3];
    const t = 0.4;
    const pi = boltzmannPolicy([q], t)[0];
    const h = 1e-6;
    pi.forEach((p, a) => {
      const up = q.slice();
      const dn = q.slice();
      up[a] += h;
      dn[a] -= h;
      expect(Math.abs((softMax(up, t) - softMax(dn, t)) / (2 * h) - p)).toBeLessThan(1e-9);
    });
    expect(boltzmannPolicy([[1, 3, 3, 0]], 0)[0]).toEqual([0, 0.5, 0.5, 0]);
    expect(() => boltzmannPolicy([[1]], -1)).toThrow(/temperature/);
    expect(() =>
      softValueIteration(randomMDP(1, { states: 2, actions: 2, gamma: 0.5 }), { temperature: NaN }),
    ).toThrow(/temperature = NaN/);
  });

  it('the Boltzmann policy maximises E_pi[q] + alpha H(pi), and the maximum is alpha logsumexp(q / alpha)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (seed, t) => {
          const rng = createRng(seed);
          const n = 1 + rng.int(6);
          const q = Array.from({ length: n }, () => 4 * rng.normal());
          const value = (p: number[]) =>
            p.reduce((acc, x, a) => acc + x * q[a], 0) + t * policyEntropy([p])[0];
          const best = boltzmannPolicy([q], t)[0];
          expect(Math.abs(value(best) - softMax(q, t))).toBeLessThan(
            1e-9 * Math.max(1, Math.abs(softMax(q, t))),
          );
          for (let k = 0; k < 5; k++)
            expect(value(randomPolicy(rng, 1, n)[0])).toBeLessThanOrEqual(value(best) + 1e-12);
        },
      ),
    );
  });
});

describe('soft policy evaluation', () => {
  it('V = sum_a pi (Q - alpha log pi), Q = r + gamma P V, and iterating the soft operator converges to Q', () => {
    fc.assert(
      fc.property(arbCase(12, 5, 0.95), arbTemperature, ({ mdp, pi }, t) => {
        const ev = softPolicyEvaluation(mdp, pi, { temperature: t });
        const scale = Math.max(1, ...ev.V.map(Math.abs));
        ev.V.forEach((v, s) => {
          const rhs = pi[s].reduce(
            (acc, p, a) => (p > 0 ? acc + p * (ev.Q[s][a] - t * Math.log(p)) : acc),
            0,
          );
          expect(Math.abs(v - rhs)).toBeLessThanOrEqual(1e-9 * scale);
        });
        expect(supNorm(qFromV(mdp, ev.V).flat(), ev.Q.flat())).toBe(0);
        // The soft Bellman operator of pi fixes Q^pi; from Q = 0 it gets within gamma^k of it.
        const TQ = softBellmanOperator(mdp, pi, ev.Q, t);
        expect(supNorm(TQ.flat(), ev.Q.flat())).toBeLessThanOrEqual(1e-9 * scale);
        let Q = ev.Q.map((row) => row.map(() => 0));
        const e0 = supNorm(Q.flat(), ev.Q.flat());
        for (let k = 1; k <= 30; k++) {
          Q = softBellmanOperator(mdp, pi, Q, t);
          expect(supNorm(Q.flat(), ev.Q.flat())).toBeLessThanOrEqual(mdp.gamma ** k * e0 + 1e-9 * scale);
        }
        // J_alpha = J + alpha sum_s rho(s) H(s): the soft objective is the return plus discounted entropy.
        const entropyTerm = ev.d.reduce((acc, d, s) => acc + (d * ev.entropy[s]) / (1 - mdp.gamma), 0);
        expect(Math.abs(ev.J - ev.Jreward - t * entropyTerm)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 200 },
    );
  });

  it('at temperature 0 it is chapter 1 policy evaluation', () => {
    fc.assert(
      fc.property(arbCase(12, 5, 0.99), ({ mdp, pi }) => {
        const ev = softPolicyEvaluation(mdp, pi, { temperature: 0 });
        expect(ev.V).toEqual(evaluatePolicy(mdp, pi).V);
        expect(ev.J).toBe(ev.Jreward);
      }),
    );
  });
});

describe('the soft operators are gamma-contractions', () => {
  it('||T_alpha V - T_alpha W|| <= gamma ||V - W||, and likewise for the soft operator of a policy on Q', () => {
    fc.assert(
      fc.property(arbCase(12, 5, 0.99), arbTemperature, fc.integer(), ({ mdp, pi }, t, seed) => {
        const n = mdp.rho0.length;
        const V = randomVector(seed, n, 10);
        const W = randomVector(seed + 1, n, 10);
        const lhs = supNorm(softOptimalityOperator(mdp, V, t), softOptimalityOperator(mdp, W, t));
        expect(lhs).toBeLessThanOrEqual(mdp.gamma * supNorm(V, W) + 1e-12 * 10);
        const nA = mdp.P.length;
        const Q1 = V.map((_, s) => randomVector(seed + 2 + s, nA, 10));
        const Q2 = V.map((_, s) => randomVector(seed + 100 + s, nA, 10));
        const lq = supNorm(
          softBellmanOperator(mdp, pi, Q1, t).flat(),
          softBellmanOperator(mdp, pi, Q2, t).flat(),
        );
        expect(lq).toBeLessThanOrEqual(mdp.gamma * supNorm(Q1.flat(), Q2.flat()) + 1e-11);
      }),
      { numRuns: 300 },
    );
  });

  it('soft value iteration stays under the gamma^k bound and its residuals shrink by gamma', () => {
    fc.assert(
      fc.property(arbCase(10, 4, 0.95), arbTemperature, ({ mdp }, t) => {
        const star = softValueIteration(mdp, { temperature: t, tol: 1e-13 });
        const run = softValueIteration(mdp, { temperature: t, tol: 1e-13, maxIter: 40, keepHistory: true });
        const e0 = supNorm(run.history![0], star.V);
        const scale = Math.max(1, ...star.V.map(Math.abs));
        run.history!.forEach((V, k) =>
          expect(supNorm(V, star.V)).toBeLessThanOrEqual(mdp.gamma ** k * e0 + 1e-11 * scale),
        );
        for (let k = 1; k < run.residuals.length; k++)
          expect(run.residuals[k]).toBeLessThanOrEqual(mdp.gamma * run.residuals[k - 1] + 1e-12 * scale);
      }),
      { numRuns: 200 },
    );
  });
});

describe('soft value iteration: the fixed point', () => {
  it('satisfies V = alpha logsumexp(Q / alpha), Q = r + gamma P V, and its Boltzmann policy has soft value V*', () => {
    fc.assert(
      fc.property(arbCase(12, 5, 0.95), fc.double({ min: 1e-3, max: 10, noNaN: true }), ({ mdp, pi }, t) => {
        const res = softValueIteration(mdp, { temperature: t, tol: 1e-12 });
        const scale = Math.max(1, ...res.V.map(Math.abs)) / (1 - mdp.gamma);
        res.V.forEach((v, s) => expect(Math.abs(v - softMax(res.Q[s], t))).toBeLessThanOrEqual(1e-9 * scale));
        const evStar = softPolicyEvaluation(mdp, res.policy, { temperature: t });
        expect(supNorm(evStar.V, res.V)).toBeLessThanOrEqual(1e-9 * scale);
        // Optimality: no policy has a larger soft value anywhere.
        const ev = softPolicyEvaluation(mdp, pi, { temperature: t });
        ev.V.forEach((v, s) => expect(v).toBeLessThanOrEqual(res.V[s] + 1e-9 * scale));
        // pi*(a|s) = exp((Q*(s, a) - V*(s)) / alpha).
        res.policy.forEach((row, s) =>
          row.forEach((p, a) =>
            expect(Math.abs(p - Math.exp((res.Q[s][a] - res.V[s]) / t))).toBeLessThan(1e-8),
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('temperature 0 is value iteration, sweep for sweep; small temperatures are within alpha log|A| / (1 - gamma)', () => {
    fc.assert(
      fc.property(arbCase(12, 5, 0.99), ({ mdp }) => {
        const vi = valueIteration(mdp, { tol: 1e-11, keepHistory: true });
        const s0 = softValueIteration(mdp, { temperature: 0, tol: 1e-11, keepHistory: true });
        expect(s0.history).toEqual(vi.history);
        expect(s0.iterations).toBe(vi.iterations);
        // alpha = 1e-12: matches value iteration to 1e-9, as the bound alpha log|A| / (1 - gamma) says it must.
        const tiny = softValueIteration(mdp, { temperature: 1e-12, tol: 1e-11 });
        expect(supNorm(tiny.V, vi.V)).toBeLessThanOrEqual(1e-9);
        const nA = mdp.P.length;
        const star = valueIteration(mdp, { tol: 1e-13 });
        for (const t of [1e-3, 0.01, 0.1, 1]) {
          const soft = softValueIteration(mdp, { temperature: t, tol: 1e-13 });
          const bound = (t * Math.log(nA)) / (1 - mdp.gamma);
          const slack = 1e-9 / (1 - mdp.gamma);
          soft.V.forEach((v, s) => {
            expect(v).toBeGreaterThanOrEqual(star.V[s] - slack);
            expect(v - star.V[s]).toBeLessThanOrEqual(bound + slack);
          });
          // The soft-optimal policy's ordinary return is within the same bound of J*.
          const J = evaluatePolicy(mdp, soft.policy).J;
          const Jstar = mdp.rho0.reduce((acc, p, s) => acc + p * star.V[s], 0);
          expect(J).toBeLessThanOrEqual(Jstar + slack);
          expect(Jstar - J).toBeLessThanOrEqual(bound + slack);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('temperature -> infinity: |A| pi(a|s) lies in [exp(-D / alpha), exp(D / alpha)], D = 2 r_max / (1 - gamma)', () => {
    fc.assert(
      fc.property(arbCase(10, 5, 0.95), fc.double({ min: 0.1, max: 1e6, noNaN: true }), ({ mdp }, t) => {
        const res = softValueIteration(mdp, { temperature: t, tol: 1e-10 * Math.max(1, t) });
        const D = (2 * maxAbsR(mdp.R)) / (1 - mdp.gamma);
        const nA = mdp.P.length;
        res.policy.flat().forEach((p) => {
          expect(nA * p).toBeLessThanOrEqual(Math.exp(D / t) * (1 + 1e-9));
          expect(nA * p).toBeGreaterThanOrEqual(Math.exp(-D / t) * (1 - 1e-9));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('soft policy iteration', () => {
  it('never lowers soft Q at any (s, a) (Lemma 17) and reaches soft value iteration fixed point', () => {
    fc.assert(
      fc.property(arbCase(10, 5, 0.95), fc.double({ min: 0.01, max: 10, noNaN: true }), ({ mdp, pi }, t) => {
        const spi = softPolicyIteration(mdp, { temperature: t, pi0: pi, tol: 1e-11 });
        const svi = softValueIteration(mdp, { temperature: t, tol: 1e-12 });
        const scale = Math.max(1, ...svi.V.map(Math.abs)) / (1 - mdp.gamma);
        for (let k = 1; k < spi.steps.length; k++) {
          expect(spi.steps[k].minIncrease).toBeGreaterThanOrEqual(-1e-10 * scale);
          expect(spi.steps[k].J).toBeGreaterThanOrEqual(spi.steps[k - 1].J - 1e-10 * scale);
        }
        expect(spi.iterations).toBeLessThan(200);
        expect(supNorm(spi.V, svi.V)).toBeLessThanOrEqual(1e-8 * scale);
        expect(supNorm(spi.policy.flat(), svi.policy.flat())).toBeLessThanOrEqual(1e-7);
      }),
      { numRuns: 200 },
    );
  });

  it('the improvement step can keep Q equal somewhere: at gamma = 0, Q^pi = r for every policy', () => {
    const mdp = randomMDP(3, { states: 3, actions: 2, gamma: 0 });
    const spi = softPolicyIteration(mdp, { temperature: 1, pi0: randomPolicy(4, 3, 2) });
    for (const step of spi.steps) expect(step.Q).toEqual(mdp.R);
    expect(spi.iterations).toBe(1);
    expect(() => softPolicyIteration(mdp, { temperature: 0 })).toThrow(/positive temperature/);
    expect(softPolicyIteration(mdp, { temperature: 1 }).steps[0].policy).toEqual(uniformPolicy(3, 2));
  });
});

describe('episodic tasks: no entropy bonus in terminal states', () => {
  it('on random MDPs with a random terminal mask: fixed point, optimality, contraction and Lemma 17 still hold', () => {
    fc.assert(
      fc.property(
        arbCase(10, 4, 0.95),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        ({ mdp, pi, seed }, t) => {
          const rng = createRng(seed + 17);
          const terminal = mdp.rho0.map(() => rng.uniform() < 0.3);
          const res = softValueIteration(mdp, { temperature: t, tol: 1e-12, terminal });
          const scale = Math.max(1, ...res.V.map(Math.abs)) / (1 - mdp.gamma);
          res.V.forEach((v, s) =>
            expect(Math.abs(v - softMax(res.Q[s], terminal[s] ? 0 : t))).toBeLessThanOrEqual(1e-9 * scale),
          );
          const ev = softPolicyEvaluation(mdp, pi, { temperature: t, terminal });
          ev.V.forEach((v, s) => expect(v).toBeLessThanOrEqual(res.V[s] + 1e-9 * scale));
          const evStar = softPolicyEvaluation(mdp, res.policy, { temperature: t, terminal });
          expect(supNorm(evStar.V, res.V)).toBeLessThanOrEqual(1e-9 * scale);
          const V = randomVector(seed, mdp.rho0.length, 10);
          const W = randomVector(seed + 1, mdp.rho0.length, 10);
          expect(
            supNorm(softOptimalityOperator(mdp, V, t, terminal), softOptimalityOperator(mdp, W, t, terminal)),
          ).toBeLessThanOrEqual(mdp.gamma * supNorm(V, W) + 1e-11);
          const spi = softPolicyIteration(mdp, { temperature: t, pi0: pi, terminal, tol: 1e-11 });
          for (const step of spi.steps.slice(1))
            expect(step.minIncrease).toBeGreaterThanOrEqual(-1e-10 * scale);
          expect(supNorm(spi.V, res.V)).toBeLessThanOrEqual(1e-8 * scale);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("GridWorld: terminal cells are worth 0 at every temperature, and alpha -> 0 is chapter 1's value iteration", () => {
    const code = 'eeeegeweepeeeeeeseee';
    const cells = [...code];
    const at = (c: string) => cells.flatMap((x, i) => (x === c ? [i] : []));
    const world = gridWorld({
      width: 5,
      height: 4,
      walls: at('w'),
      goals: at('g'),
      pits: at('p'),
      start: cells.indexOf('s'),
      slip: 0.1,
      stepReward: -0.04,
      gamma: 0.9,
    });
    const terminal = cells.map((c) => c === 'w' || c === 'g' || c === 'p');
    const vi = valueIteration(world.mdp, { tol: 1e-13 });
    for (const t of [1e-12, 0.01, 1, 10]) {
      const res = softValueIteration(world.mdp, { temperature: t, tol: 1e-12, terminal });
      terminal.forEach((end, s) => end && expect(res.V[s]).toBe(0));
      if (t === 1e-12) expect(supNorm(res.V, vi.V)).toBeLessThanOrEqual(1e-9);
    }
    expect(() => softValueIteration(world.mdp, { temperature: 1, terminal: [true] })).toThrow(
      /terminal should have 20/,
    );
  });
});

describe("note 004's entropy reward without the discount", () => {
  it('overstates soft Q by (1 - gamma) times the discounted entropy to come: alpha log|A| for the uniform policy', () => {
    fc.assert(
      fc.property(arbCase(8, 4, 0.95), fc.double({ min: 0.01, max: 5, noNaN: true }), ({ mdp, pi }, t) => {
        const nA = mdp.P.length;
        const u = uniformPolicy(mdp.rho0.length, nA);
        const gap = undiscountedEntropySoftQ(mdp, u, t)
          .flat()
          .map((q, i) => q - softPolicyEvaluation(mdp, u, { temperature: t }).Q.flat()[i]);
        gap.forEach((g) =>
          expect(Math.abs(g - t * Math.log(nA))).toBeLessThan(1e-9 * Math.max(1, t / (1 - mdp.gamma))),
        );
        // In general the gap is (1 - gamma) alpha times E[sum_{k>=1} gamma^{k-1} H(s_k)] >= 0.
        const note = undiscountedEntropySoftQ(mdp, pi, t);
        const ev = softPolicyEvaluation(mdp, pi, { temperature: t });
        note
          .flat()
          .forEach((q, i) =>
            expect(q).toBeGreaterThanOrEqual(ev.Q.flat()[i] - 1e-9 * Math.max(1, t / (1 - mdp.gamma))),
          );
      }),
      { numRuns: 100 },
    );
  });
});
