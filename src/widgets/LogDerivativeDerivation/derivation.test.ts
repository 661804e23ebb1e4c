import { describe, expect, it } from 'vitest';
import { allHold, checkSteps } from '@/widgets/common/DerivationTable';
import { derivation, derivationSteps, FD_TOL } from './derivation';

describe('log-derivative derivation, by enumeration', () => {
  it('every line equals the gradient; the dropped past terms sum to zero', () => {
    for (const seed of [1, 2, 3]) {
      const d = derivation(seed, 0.9);
      expect(d.trajectories).toBe(2 * 4 * 4 * 2);
      d.logDeriv.forEach((x, i) => {
        expect(Math.abs(d.fd[i] - x)).toBeLessThan(1e-8);
        expect(Math.abs(d.gradP[i] - x)).toBeLessThan(1e-8);
        expect(Math.abs(d.rewardToGo[i] - x)).toBeLessThan(1e-14);
        expect(Math.abs(d.baseline[i] - x)).toBeLessThan(1e-14);
        expect(Math.abs(d.pastTerms[i])).toBeLessThan(1e-14);
      });
    }
  });
});

describe('the derivation as DerivationTable rows', () => {
  it('five lines and the dropped terms; every check holds; the ids the e2e reads are kept', () => {
    for (const seed of [1, 2, 3]) {
      const steps = checkSteps(derivationSteps(derivation(seed, 0.9)));
      expect(steps.map((s) => s.lhsTestId ?? s.id)).toEqual([
        'logd-line-1',
        'logd-line-2',
        'logd-line-3',
        'logd-line-4',
        'logd-line-5',
        'logd-past-terms',
      ]);
      expect(steps[0].check).toBeNull();
      expect(allHold(steps)).toBe(true);
    }
  });

  it('each row can fail: a wrong line, a finite difference off by more than its tolerance, a past term ≠ 0', () => {
    const d = derivation(1, 0.9);
    const bump = (v: number[], by: number) => v.map((x, i) => (i === 2 ? x + by : x));
    const verdicts = (x: typeof d) => checkSteps(derivationSteps(x)).map((s) => s.check?.holds ?? null);
    expect(verdicts({ ...d, rewardToGo: bump(d.rewardToGo, 1e-6) })).toEqual([
      null,
      true,
      true,
      false,
      false,
      true,
    ]);
    expect(verdicts({ ...d, fd: bump(d.fd, 10 * FD_TOL) })).toEqual([null, false, true, true, true, true]);
    expect(verdicts({ ...d, pastTerms: bump(d.pastTerms, 1e-6) })).toEqual([
      null,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});
