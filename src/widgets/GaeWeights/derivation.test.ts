import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, evaluatePolicy, randomMDP, randomTheta, sampleTrajectory, softmaxPolicy } from '@/rl';
import { allHold, checkSteps } from '@/widgets/common/DerivationTable';
import { derivationLines, derivationSteps, kWeights } from './derivation';

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

describe('the GAE derivation as DerivationTable rows', () => {
  const instance = (seed: number, gamma: number, lambda: number, T: number) => {
    const mdp = randomMDP(seed, { states: 4, actions: 2, gamma });
    const pi = softmaxPolicy(randomTheta(seed + 1, 4, 2));
    const V = evaluatePolicy(mdp, pi).V.map((v, i) => v + Math.sin(3 * i + seed));
    const tr = sampleTrajectory(mdp, pi, createRng(seed + 2), { horizon: T });
    return derivationLines(tr, V, gamma, lambda);
  };

  it('every row holds, for every λ, γ and length; the cells keep the ids gaew-line1 … gaew-line6', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (seed, lambda, gamma, T) => {
          const { lines, w } = instance(seed, gamma, lambda, T);
          const steps = checkSteps(derivationSteps(lines, w));
          expect(allHold(steps)).toBe(true);
          expect(steps.map((s) => s.lhsTestId ?? s.id)).toEqual([
            ...[1, 2, 3, 4, 5, 6].map((i) => `gaew-line${i}`),
            'gaew-weights',
          ]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a wrong line fails its row and the next; weights that do not sum to one fail the last row', () => {
    const { lines, w } = instance(2, 0.9, 0.9, 40);
    const wrong = lines.map((l, i) => (i === 2 ? { ...l, value: l.value + 1e-6 } : l));
    const verdicts = (ls: typeof lines, ws: number[]) =>
      checkSteps(derivationSteps(ls, ws)).map((s) => s.check?.holds ?? null);
    expect(verdicts(wrong, w)).toEqual([null, true, false, false, true, true, true]);
    expect(
      verdicts(
        lines,
        w.map((x, i) => (i === 0 ? x + 1e-6 : x)),
      ),
    ).toEqual([null, true, true, true, true, true, false]);
  });
});
