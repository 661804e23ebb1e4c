import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, evaluatePolicy, randomMDP, randomTheta, sampleTrajectory, softmaxPolicy } from '@/rl';
import { derivationLines, kWeights } from './derivation';

describe('the GAE derivation, line by line', () => {
  it('every line equals the backward recursion, for every λ, γ and critic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (seed, lambda, gamma, T) => {
          const mdp = randomMDP(seed, { states: 4, actions: 2, gamma });
          const pi = softmaxPolicy(randomTheta(seed + 1, 4, 2));
          const V = evaluatePolicy(mdp, pi).V.map((v, i) => v + Math.sin(3 * i + seed));
          const tr = sampleTrajectory(mdp, pi, createRng(seed + 2), { horizon: T });
          const { lines, w } = derivationLines(tr, V, gamma, lambda);
          const ref = lines[4].value;
          const scale = Math.max(1, Math.abs(ref));
          expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
          for (const l of lines) expect(Math.abs(l.value - ref)).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('λ = 0 keeps only the one-step estimator and λ = 1 only the longest', () => {
    expect(kWeights(0, 5)).toEqual([1, 0, 0, 0, 0]);
    expect(kWeights(1, 5)).toEqual([0, 0, 0, 0, 1]);
  });
});
