import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { checkRelation } from './derivation-check';
import { allHold, chainSteps, checkSteps, DerivationTable, exportRows } from './DerivationTable';

describe('checkRelation', () => {
  it('accepts an identity within its relative tolerance and rejects one just outside', () => {
    expect(checkRelation(1, 1 + 5e-10).holds).toBe(true);
    expect(checkRelation(1, 1 + 2e-9).holds).toBe(false);
    // Relative to the larger side: 1e6 vs 1e6 + 1e-4 is 1e-10 relative.
    expect(checkRelation(1e6, 1e6 + 1e-4).holds).toBe(true);
    // Near zero the scale is 1, so tiny absolute differences pass.
    expect(checkRelation(1e-12, -1e-12).holds).toBe(true);
    expect(checkRelation(1, 1.01, '=', 0.02).holds).toBe(true);
    expect(checkRelation(1, 1.01, '=', 0.005).holds).toBe(false);
  });

  it('judges inequalities with a rounding allowance only', () => {
    expect(checkRelation(1, 2, '≤').holds).toBe(true);
    expect(checkRelation(2, 1, '≤').holds).toBe(false);
    expect(checkRelation(1 + 1e-13, 1, '≤').holds).toBe(true);
    expect(checkRelation(1 + 1e-9, 1, '≤').holds).toBe(false);
    expect(checkRelation(2, 1, '≥').holds).toBe(true);
    expect(checkRelation(1 - 1e-9, 1, '≥').holds).toBe(false);
  });

  it('compares vectors entry by entry and reports the largest difference', () => {
    const c = checkRelation([1, 2, 3], [1, 2.5, 3]);
    expect(c.diff).toBe(0.5);
    expect(c.holds).toBe(false);
    expect(checkRelation([1, 2], [1, 2]).holds).toBe(true);
    expect(checkRelation([1, 2], [1]).holds).toBe(false);
  });

  it('never passes NaN', () => {
    expect(checkRelation(NaN, NaN).holds).toBe(false);
    expect(checkRelation(NaN, 1, '≤').holds).toBe(false);
    expect(checkRelation([1, NaN], [1, 1]).holds).toBe(false);
  });
});

describe('DerivationTable', () => {
  const steps = [
    { id: 's1', label: 'value line', lhs: 2 },
    { id: 's2', label: 'identity', formula: 'a = b', lhs: 2, rhs: 2 + 1e-12 },
    { id: 's3', label: 'bound', lhs: 3, rhs: 1, relation: '≤' as const },
    { id: 's4', label: 'vector', lhs: [1, 2], rhs: [1, 2], lhsTestId: 'legacy-id' },
  ];

  it('gives every row its verdict and every checked cell its test id and full-precision value', () => {
    const checked = checkSteps(steps);
    expect(checked.map((s) => s.check?.holds ?? null)).toEqual([null, true, false, true]);
    expect(allHold(checked)).toBe(false);
    const html = renderToStaticMarkup(<DerivationTable steps={steps} caption="c" />);
    expect(html).toContain('data-testid="s1-lhs" data-value="2"');
    expect(html).not.toContain('data-testid="s1-rhs"');
    expect(html).toContain(`data-testid="s2-rhs" data-value="${2 + 1e-12}"`);
    expect(html).toContain('data-testid="s2-holds" data-value="true"');
    expect(html).toContain('data-testid="s3-holds" data-value="false"');
    expect(html).toMatch(/data-testid="s3-rel"[^>]*>≤/);
    expect(html).toContain('data-testid="legacy-id" data-value="[1,2]"');
    expect(html).toContain('<caption class="visually-hidden">c</caption>');
  });

  it('exports flat rows with vectors spread over columns', () => {
    const rows = exportRows(checkSteps(steps));
    expect(rows[0]).toMatchObject({ step: 1, name: 'value line', lhs: 2, relation: '', holds: null });
    expect(rows[2]).toMatchObject({ relation: '≤', lhs: 3, rhs: 1, difference: 2, holds: false });
    expect(rows[3]).toMatchObject({ 'lhs[0]': 1, 'lhs[1]': 2, 'rhs[1]': 2 });
  });
});

describe('chainSteps', () => {
  it('checks each line against the line above, keeping its tolerance; the first stays a value line', () => {
    const steps = chainSteps([
      { id: 'a', label: 'a', lhs: 1 },
      { id: 'b', label: 'b', lhs: 1 + 1e-8, tol: 1e-7 },
      { id: 'c', label: 'c', lhs: 1 + 1e-8 + 1e-6 },
    ]);
    expect(steps[0]).toEqual({ id: 'a', label: 'a', lhs: 1 });
    expect(steps[1]).toMatchObject({ rhs: 1, relation: '=', tol: 1e-7 });
    expect(steps[2]).toMatchObject({ rhs: 1 + 1e-8, relation: '=' });
    expect(checkSteps(steps).map((s) => s.check?.holds ?? null)).toEqual([null, true, false]);
  });
});
