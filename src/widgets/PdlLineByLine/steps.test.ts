import { describe, expect, it } from 'vitest';
import { performanceDifference, softmaxPolicy } from '@/rl';
import { allHold, checkSteps } from '@/widgets/common/DerivationTable';
import { randomProblem } from '@/widgets/common/random-problem';
import { pdlSteps } from './steps';

function result(seed: number) {
  const { mdp, theta, otherTheta } = randomProblem({ seed, states: 6, actions: 3, gamma: 0.9 });
  const other = otherTheta(1);
  const piNew = softmaxPolicy(theta.map((row, s) => row.map((x, a) => x + 0.5 * other[s][a])));
  return performanceDifference(mdp, softmaxPolicy(theta), piNew);
}

describe('the PDL proof as derivation rows', () => {
  it('six lines, the first a value line, each later one checked against the line above; all hold', () => {
    for (const seed of [1, 2, 3, 40]) {
      const r = result(seed);
      const steps = checkSteps(pdlSteps(r));
      expect(steps.map((s) => s.lhsTestId)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `pdl-line-${i}`));
      expect(steps[0].check).toBeNull();
      expect(steps[0].lhs).toBe(r.lhs);
      expect(steps[5].lhs).toBe(r.normalisedForm);
      expect(steps.slice(1).every((s) => s.check !== null)).toBe(true);
      expect(allHold(steps)).toBe(true);
    }
  });

  it('a wrong line fails its row and the next one, and only those', () => {
    const r = result(1);
    const steps = checkSteps(pdlSteps({ ...r, telescoping: r.telescoping + 1e-6 }));
    expect(steps.map((s) => s.check?.holds ?? null)).toEqual([null, true, false, false, true, true]);
    expect(allHold(steps)).toBe(false);
  });
});
