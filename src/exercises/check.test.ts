import { describe, expect, it } from 'vitest';
import { allowedError, formatAnswer, parseAnswer, withinTolerance } from './check';

const value = (t: string) => {
  const p = parseAnswer(t);
  return p.ok ? p.value : null;
};

describe('parseAnswer', () => {
  it('reads decimals, a decimal comma, powers of ten, fractions and a Unicode minus', () => {
    expect(value('0.5')).toBe(0.5);
    expect(value(' .25 ')).toBe(0.25);
    expect(value('0,25')).toBe(0.25);
    expect(value('-1.5e-3')).toBe(-0.0015);
    expect(value('2E2')).toBe(200);
    expect(value('1/4')).toBe(0.25);
    expect(value('-3/4')).toBe(-0.75);
    expect(value('−3')).toBe(-3);
    expect(value('+7')).toBe(7);
    expect(value('12 345')).toBe(12345);
  });

  it('rejects what is not a number, with a message that says what to type', () => {
    for (const t of ['', 'abc', '0x10', 'Infinity', '1,000.5', '1,2,3', '1/2/3', '--1', '1e', 'NaN', '½']) {
      const p = parseAnswer(t);
      expect(p.ok, t).toBe(false);
      if (!p.ok && t !== '') expect(p.message).toMatch(/not a number/);
    }
    const z = parseAnswer('1/0');
    expect(z.ok).toBe(false);
    if (!z.ok) expect(z.message).toMatch(/divides by zero/);
  });
});

describe('tolerance', () => {
  const sig3 = { kind: 'sig', figures: 3 } as const;
  it('accepts one unit of the third significant figure around the answer, and no more', () => {
    expect(allowedError(0.523456, sig3)).toBeCloseTo(0.001, 15);
    expect(allowedError(-12.3456, sig3)).toBeCloseTo(0.1, 15);
    expect(withinTolerance(0.523, 0.523456, sig3)).toBe(true);
    expect(withinTolerance(0.524, 0.523456, sig3)).toBe(true);
    expect(withinTolerance(0.525, 0.523456, sig3)).toBe(false);
    expect(withinTolerance(0.52, 0.523456, sig3)).toBe(false);
    expect(withinTolerance(-12.3, -12.3456, sig3)).toBe(true);
    expect(withinTolerance(12.3, -12.3456, sig3)).toBe(false);
  });
  it('integers must be exact', () => {
    expect(withinTolerance(66, 66, { kind: 'integer' })).toBe(true);
    expect(withinTolerance(65, 66, { kind: 'integer' })).toBe(false);
    expect(withinTolerance(66.4, 66, { kind: 'integer' })).toBe(false);
  });
  it('the answer sheet prints one figure more than asked', () => {
    expect(formatAnswer(0.5234567, sig3)).toBe('0.5235');
    expect(formatAnswer(-123456.7, sig3)).toBe('-123500');
    expect(formatAnswer(66, { kind: 'integer' })).toBe('66');
  });
});
