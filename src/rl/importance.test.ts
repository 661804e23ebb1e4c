import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  defaultHorizon,
  evaluatePolicy,
  importanceMoments,
  productWeightGrowth,
  randomMDP,
  randomTheta,
  sampleImportanceEstimates,
  softmaxPolicy,
  surrogate,
  type MDP,
  type Policy,
} from './index';
import { arbCase, relErr } from './test-utils';

const TOL = 1e-9;

/** Exact moments by enumerating every trajectory of length H (tiny MDPs only). */
function bruteForce(mdp: MDP, pi: Policy, piNew: Policy, f: number[][], H: number) {
  const n = mdp.rho0.length;
  const nA = mdp.P.length;
  const acc = { on: [0, 0], one: [0, 0], prod: [0, 0] };
  const walk = (s: number, t: number, pOn: number, pOld: number, x: number[], W: number, disc: number) => {
    if (t === H) {
      acc.on[0] += pOn * x[0];
      acc.on[1] += pOn * x[0] ** 2;
      acc.one[0] += pOld * x[1];
      acc.one[1] += pOld * x[1] ** 2;
      acc.prod[0] += pOld * x[2];
      acc.prod[1] += pOld * x[2] ** 2;
      return;
    }
    for (let a = 0; a < nA; a++) {
      const w = piNew[s][a] / pi[s][a];
      const y = [x[0] + disc * f[s][a], x[1] + disc * w * f[s][a], x[2] + disc * W * w * f[s][a]];
      for (let s2 = 0; s2 < n; s2++) {
        const p = mdp.P[a][s][s2];
        walk(s2, t + 1, pOn * piNew[s][a] * p, pOld * pi[s][a] * p, y, W * w, disc * mdp.gamma);
      }
    }
  };
  for (let s = 0; s < n; s++) walk(s, 0, mdp.rho0[s], mdp.rho0[s], [0, 0, 0], 1, 1);
  return acc;
}

const setup = (seed: number, states: number, actions: number, gamma: number) => {
  const mdp = randomMDP(seed, { states, actions, gamma });
  const theta = randomTheta(seed + 1, states, actions);
  const other = randomTheta(seed + 2, states, actions);
  const pi = softmaxPolicy(theta);
  const at = (t: number) =>
    softmaxPolicy(theta.map((row, s) => row.map((x, a) => x + t * (other[s][a] - x))));
  return { mdp, pi, at, A: evaluatePolicy(mdp, pi).A };
};

describe('importance sampling along trajectories', () => {
  it('the backward recursions agree with enumeration of every trajectory', () => {
    for (const seed of [1, 2, 3]) {
      const { mdp, pi, at, A } = setup(seed, 2, 2, 0.7);
      const q = at(0.8);
      for (const H of [0, 1, 2, 5]) {
        const m = importanceMoments(mdp, pi, q, A, H);
        const b = bruteForce(mdp, pi, q, A, H);
        expect(relErr(m.onPolicy.mean, b.on[0])).toBeLessThanOrEqual(TOL);
        expect(relErr(m.onPolicy.second, b.on[1])).toBeLessThanOrEqual(TOL);
        expect(relErr(m.oneRatio.mean, b.one[0])).toBeLessThanOrEqual(TOL);
        expect(relErr(m.oneRatio.second, b.one[1])).toBeLessThanOrEqual(TOL);
        expect(relErr(m.product.mean, b.prod[0])).toBeLessThanOrEqual(TOL);
        expect(relErr(m.product.second, b.prod[1])).toBeLessThanOrEqual(TOL);
      }
    }
  });

  it("reproduces chapter 3's table (gamma = 0.8, 62 steps, the Monte Carlo widget's default policies)", () => {
    const { mdp, pi, at, A } = setup(1, 5, 3, 0.8);
    const H = defaultHorizon(0.8);
    expect(H).toBe(62);
    const m = importanceMoments(mdp, pi, at(1), A, H);
    expect(m.onPolicy.mean).toBeCloseTo(-0.138, 4);
    expect(m.onPolicy.variance).toBeCloseTo(0.644, 3);
    expect(m.oneRatio.mean).toBeCloseTo(-0.1465, 4);
    expect(m.oneRatio.variance).toBeCloseTo(1.18, 2);
    expect(m.product.variance / 1e18).toBeCloseTo(4.34, 2);
    expect(0.64 * productWeightGrowth(mdp, pi, at(1)).lambda).toBeCloseTo(2.03, 2);
    // With Q in place of A the one-ratio variance is 2.59 (the remark on note 001's formula).
    expect(importanceMoments(mdp, pi, at(1), evaluatePolicy(mdp, pi).Q, H).oneRatio.variance).toBeCloseTo(
      2.59,
      2,
    );
  });

  it("long horizons: the one-ratio mean tends to L - J, the product mean to J(pi') - J(pi)", () => {
    const { mdp, pi, at, A } = setup(4, 4, 3, 0.9);
    const q = at(0.5);
    const J = evaluatePolicy(mdp, pi).J;
    const m = importanceMoments(mdp, pi, q, A, 400);
    expect(Math.abs(m.oneRatio.mean - (surrogate(mdp, pi, q) - J))).toBeLessThanOrEqual(TOL);
    expect(Math.abs(m.product.mean - (evaluatePolicy(mdp, q).J - J))).toBeLessThanOrEqual(TOL);
  });

  it("with pi' = pi the three estimators coincide", () => {
    const { mdp, pi, A } = setup(7, 4, 3, 0.85);
    const m = importanceMoments(mdp, pi, pi, A, 50);
    expect(relErr(m.oneRatio.variance, m.onPolicy.variance)).toBeLessThanOrEqual(TOL);
    expect(relErr(m.product.variance, m.onPolicy.variance)).toBeLessThanOrEqual(TOL);
    expect(productWeightGrowth(mdp, pi, pi).lambda).toBeCloseTo(1, 12);
  });

  it('the sampler is unbiased: sample means within 5 standard errors of the exact means', () => {
    const { mdp, pi, at, A } = setup(3, 3, 2, 0.7);
    const q = at(0.3);
    const H = 30;
    const m = importanceMoments(mdp, pi, q, A, H);
    const rng = createRng(42);
    const N = 20000;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = sampleImportanceEstimates(mdp, pi, q, A, rng, H);
      s1 += x.oneRatio;
      s2 += x.product;
    }
    expect(Math.abs(s1 / N - m.oneRatio.mean)).toBeLessThanOrEqual(5 * Math.sqrt(m.oneRatio.variance / N));
    expect(Math.abs(s2 / N - m.product.mean)).toBeLessThanOrEqual(5 * Math.sqrt(m.product.variance / N));
  });

  it('property: the product and on-policy means agree, variances are non-negative, lambda lies between the row sums', () => {
    fc.assert(
      fc.property(arbCase(6, 3, 0.95), fc.integer({ min: 0, max: 40 }), ({ mdp, pi, piNew }, H) => {
        const A = evaluatePolicy(mdp, pi).A;
        const m = importanceMoments(mdp, pi, piNew, A, H);
        const scale = 1 / (1 - mdp.gamma);
        expect(Math.abs(m.product.mean - m.onPolicy.mean)).toBeLessThanOrEqual(TOL * scale);
        for (const e of [m.onPolicy, m.oneRatio])
          expect(e.variance).toBeGreaterThanOrEqual(-TOL * scale * scale);
        expect(m.product.variance).toBeGreaterThanOrEqual(-TOL * Math.max(1, m.product.second));
        const g = productWeightGrowth(mdp, pi, piNew, 200);
        expect(g.lambda).toBeLessThanOrEqual(g.maxRow * (1 + 1e-9));
        expect(g.lambda).toBeGreaterThanOrEqual(g.minRow * (1 - 1e-9));
      }),
      { numRuns: 200 },
    );
  });
});
