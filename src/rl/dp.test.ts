import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bellmanOptimalityOperator,
  evaluatePolicy,
  policyIteration,
  randomMDP,
  supNorm,
  valueIteration,
} from './index';
import { arbCase } from './test-utils';

describe('value iteration', () => {
  // Once the greedy action settles, V_{k+1} - V_k = gamma P_pi (V_k - V_{k-1}): the ratio can be exactly gamma,
  // so the slack is rounding only (absolute, a few ulps of V, hence 1e-12).
  it('its sweeps are exactly the Bellman optimality operator, and residuals shrink by gamma', () => {
    const mdp = randomMDP(3, { states: 8, actions: 3, gamma: 0.9 });
    const vi = valueIteration(mdp, { tol: 1e-10, keepHistory: true });
    const h = vi.history!;
    expect(h.length).toBe(vi.iterations + 1);
    for (let k = 1; k < h.length; k++) {
      const TV = bellmanOptimalityOperator(mdp, h[k - 1]);
      expect(TV).toEqual(h[k]); // same bits
      expect(vi.residuals[k - 1]).toBe(supNorm(h[k], h[k - 1]));
      if (k > 1) expect(vi.residuals[k - 1]).toBeLessThanOrEqual(mdp.gamma * vi.residuals[k - 2] + 1e-12);
    }
    expect(vi.residuals.at(-1)!).toBeLessThanOrEqual(1e-10);
  });

  it('stops at maxIter and rejects a V0 of the wrong size', () => {
    const mdp = randomMDP(4, { states: 5, actions: 2, gamma: 0.99 });
    expect(valueIteration(mdp, { maxIter: 7 }).iterations).toBe(7);
    expect(() => valueIteration(mdp, { V0: [0, 0] })).toThrow(/V0 should have 5 entries/);
  });
});

describe('policy iteration = value iteration', () => {
  it('on random MDPs: same optimal values, and the VI-greedy policy is optimal', () => {
    fc.assert(
      fc.property(arbCase(20, 6, 0.99), ({ mdp }) => {
        const pi = policyIteration(mdp);
        const vi = valueIteration(mdp, { tol: 1e-11 });
        // ||V_k - V*|| <= gamma/(1-gamma) ||V_k - V_{k-1}||, so the tolerance scales with 1/(1-gamma).
        const tol = 1e-8 / (1 - mdp.gamma);
        expect(supNorm(pi.V, vi.V)).toBeLessThanOrEqual(tol);
        expect(supNorm(evaluatePolicy(mdp, vi.policy).V, pi.V)).toBeLessThanOrEqual(1e-6 / (1 - mdp.gamma));
      }),
      { numRuns: 200 },
    );
  });
});
