import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  evaluatePolicy,
  greedyPolicy,
  kakadeLangfordSteps,
  klHorizon,
  mixtureBound,
  randomMDP,
  randomTheta,
  softmaxPolicy,
} from './index';
import { arbCase, relErr } from './test-utils';

const TOL = 1e-9;

/** Every identity of the proof to 1e-9 (relative to the scale 1/(1-gamma)) and every inequality, with slack. */
function checkSteps(k: ReturnType<typeof kakadeLangfordSteps>) {
  const scale = 1 / (1 - k.gamma);
  const slack = TOL * scale * scale;
  // Step 1: the exact improvement splits into the surrogate's line and alpha Delta; |Delta| is within its bound.
  expect(Math.abs(k.improvement - k.step1Rhs)).toBeLessThanOrEqual(TOL * scale);
  expect(Math.abs(k.Delta)).toBeLessThanOrEqual(k.deltaBound + slack);
  // Step 2: Delta is the discounted sum of the per-step differences (the tail past T is negligible).
  expect(Math.abs(k.Delta - k.deltaSeries)).toBeLessThanOrEqual(TOL * scale + k.tailBound);
  expect(k.perT[0].delta).toBe(0);
  // Step 3: the remainder is non-negative, has mass 1 - (1-alpha)^t, and completes the mixture's state law.
  expect(k.remainderMinAll).toBeGreaterThanOrEqual(-TOL);
  expect(k.remainderMassDeviation).toBeLessThanOrEqual(TOL);
  expect(k.lawDeviationMax).toBeLessThanOrEqual(TOL);
  // Step 4: Delta_t in its split form, and within 2 eps (1 - (1-alpha)^t).
  expect(k.splitDeviationMax).toBeLessThanOrEqual(TOL * Math.max(1, k.eps));
  expect(k.worstRatio).toBeLessThanOrEqual(1 + TOL);
  for (const s of k.perT) expect(Math.abs(s.delta)).toBeLessThanOrEqual(s.bound + TOL * Math.max(1, k.eps));
  // Step 5: the two geometric series.
  expect(relErr(k.weightSeries, k.weightClosedForm)).toBeLessThanOrEqual(TOL * scale);
  // Step 6: the chain of inequalities, and the theorem's two statements.
  expect(k.alphaDeltaAbs).toBeLessThanOrEqual(k.alphaAbsSeries + TOL * scale + k.tailBound);
  expect(k.alphaAbsSeries).toBeLessThanOrEqual(k.gap + slack);
  expect(k.improvement).toBeGreaterThanOrEqual(k.lowerBound - slack);
  expect(Math.abs(k.Jmix - k.L)).toBeLessThanOrEqual(k.gap + slack);
}

describe('the proof of Kakade and Langford, step by step', () => {
  it("reproduces chapter 4's figures on the mixture explorer's default MDP (alpha = 0.1, greedy pi')", () => {
    const mdp = randomMDP(2, { states: 6, actions: 3, gamma: 0.9 });
    const pi = softmaxPolicy(randomTheta(3, 6, 3));
    const piPrime = greedyPolicy(evaluatePolicy(mdp, pi).Q);
    const k = kakadeLangfordSteps(mdp, pi, piPrime, 0.1);
    checkSteps(k);
    expect(k.eps).toBeCloseTo(0.801, 3);
    expect(k.improvement).toBeCloseTo(0.3731, 4);
    expect(k.Delta).toBeCloseTo(-0.077, 3);
    expect(k.deltaBound).toBeCloseTo(7.585, 3);
    expect(k.perT[1].bound).toBeCloseTo(0.16, 2);
    // The same numbers as the existing mixtureBound.
    const m = mixtureBound(mdp, pi, piPrime, 0.1);
    expect(relErr(k.improvement, m.improvement)).toBeLessThanOrEqual(TOL);
    expect(relErr(k.lowerBound, m.lowerBound)).toBeLessThanOrEqual(TOL);
    expect(relErr(k.policyAdvantage, m.policyAdvantage)).toBeLessThanOrEqual(TOL);
    expect(relErr(k.eps, m.eps)).toBeLessThanOrEqual(TOL);
  });

  it('alpha = 0 makes every term vanish; alpha = 1 puts all the mass in the remainder from t = 1 on', () => {
    const mdp = randomMDP(5, { states: 4, actions: 2, gamma: 0.8 });
    const pi = softmaxPolicy(randomTheta(6, 4, 2));
    const piPrime = softmaxPolicy(randomTheta(7, 4, 2));
    const zero = kakadeLangfordSteps(mdp, pi, piPrime, 0);
    expect(zero.improvement).toBeCloseTo(0, 12);
    expect(zero.Delta).toBeCloseTo(0, 12);
    expect(zero.gap).toBe(0);
    checkSteps(zero);
    const one = kakadeLangfordSteps(mdp, pi, piPrime, 1);
    checkSteps(one);
    expect(one.perT[3].weight).toBe(0);
    expect(one.perT[3].remainderMass).toBeCloseTo(1, 12);
  });

  it('the horizon makes the neglected tail of the time sums negligible', () => {
    for (const g of [0, 0.5, 0.9, 0.99]) expect(g ** klHorizon(g)).toBeLessThanOrEqual(1e-16);
  });

  it('rejects a weight outside [0, 1]', () => {
    const mdp = randomMDP(1, { states: 2, actions: 2, gamma: 0.5 });
    const pi = softmaxPolicy(randomTheta(1, 2, 2));
    expect(() => kakadeLangfordSteps(mdp, pi, pi, 1.5)).toThrow();
  });

  it("property: every step holds on random MDPs, random or greedy pi', any alpha", () => {
    fc.assert(
      fc.property(
        arbCase(10, 4, 0.97),
        // α = 0 exactly, or at least 1e-6: below that the remainder's law (law of π_α − (1−α)^t law of π) / (1 −
        // (1−α)^t) cancels catastrophically in float64 (α = 1.5e-15 gave −0.018 for a probability).
        fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })),
        fc.boolean(),
        ({ mdp, pi, piNew }, alpha, greedy) => {
          const piPrime = greedy ? greedyPolicy(evaluatePolicy(mdp, pi).Q) : piNew;
          checkSteps(kakadeLangfordSteps(mdp, pi, piPrime, alpha, { keep: 50 }));
        },
      ),
      { numRuns: 200 },
    );
  });
});
