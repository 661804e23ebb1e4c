/**
 * The bounds again, on the policy pairs random Dirichlet policies rarely produce: near-deterministic softmax
 * policies (theta scale up to 20), where alpha approaches 1 and the TV bound, the tight gap and the mixture bound
 * come closest to equality. Slack is rounding only (1e-9 relative to the (1 - gamma)^-2 scale of the bounds).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, mixtureBound, randomMDP, randomTheta, softmaxPolicy, trpoBounds } from './index';

const arbSkewed = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    states: fc.integer({ min: 1, max: 20 }),
    actions: fc.integer({ min: 1, max: 6 }),
    gamma: fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.99), fc.double({ min: 0, max: 0.99, noNaN: true })),
    scale: fc.constantFrom(0.1, 1, 5, 20),
    t: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ seed, states, actions, gamma, scale, t }) => {
    const rng = createRng(seed);
    const mdp = randomMDP(rng, { states, actions, gamma, branching: 1 + rng.int(states) });
    const pi = softmaxPolicy(randomTheta(rng, states, actions, scale));
    const far = softmaxPolicy(randomTheta(rng, states, actions, scale));
    const near = pi.map((row, s) => row.map((p, a) => (1 - t) * p + t * far[s][a]));
    return { mdp, pi, far, near, t };
  });

describe('bounds on near-deterministic policies', () => {
  it('TRPO: tvBound <= J, klBound <= J, |J - L| <= tightGap <= C alpha^2', () => {
    fc.assert(
      fc.property(arbSkewed, ({ mdp, pi, near }) => {
        const b = trpoBounds(mdp, pi, near);
        const slack = 1e-9 / (1 - mdp.gamma) ** 2;
        expect(b.J).toBeGreaterThanOrEqual(b.tvBound - slack);
        expect(b.J).toBeGreaterThanOrEqual(b.klBound - slack);
        expect(Math.abs(b.J - b.L)).toBeLessThanOrEqual(b.tightGap + slack);
        expect(b.tightGap).toBeLessThanOrEqual(b.C * b.alpha ** 2 + slack);
        expect(b.C).toBeCloseTo((4 * b.eps * mdp.gamma) / (1 - mdp.gamma) ** 2, 9);
      }),
      { numRuns: 250 },
    );
  });

  it('Kakade-Langford: improvement >= lowerBound for the mixture, with policyAdvantage under d_pi', () => {
    fc.assert(
      fc.property(arbSkewed, ({ mdp, pi, far, t }) => {
        const m = mixtureBound(mdp, pi, far, t);
        expect(m.improvement).toBeGreaterThanOrEqual(m.lowerBound - 1e-9 / (1 - mdp.gamma) ** 2);
        expect(m.eps).toBeGreaterThanOrEqual(Math.abs(m.policyAdvantage) - 1e-12);
      }),
      { numRuns: 250 },
    );
  });

  it('both bounds are tight at the edges: zero step gives zero gap and a zero bound', () => {
    const mdp = randomMDP(5, { states: 6, actions: 3, gamma: 0.9 });
    const pi = softmaxPolicy(randomTheta(6, 6, 3));
    const b = trpoBounds(mdp, pi, pi);
    expect(b.alpha).toBe(0);
    expect(b.tightGap).toBe(0);
    expect(Math.abs(b.J - b.L)).toBeLessThan(1e-12);
    const m = mixtureBound(mdp, pi, softmaxPolicy(randomTheta(7, 6, 3)), 0);
    expect(m.lowerBound).toBe(0);
    expect(Math.abs(m.improvement)).toBeLessThan(1e-12);
  });
});
