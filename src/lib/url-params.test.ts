import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bool, defineParams, int, num, oneOf, parseParam, readParams, str, writeParams } from './url-params';

const specs = defineParams({
  gamma: num({ min: 0, max: 0.99, default: 0.9 }),
  states: int({ min: 2, max: 20, default: 5 }),
  slip: bool(false),
  method: oneOf(['vi', 'pi'] as const, 'vi'),
  label: str('grid', 8, /[a-z]/),
});

describe('url params', () => {
  it('uses defaults silently when keys are absent', () => {
    const r = readParams('gw', specs, '');
    expect(r.values).toEqual({ gamma: 0.9, states: 5, slip: false, method: 'vi', label: 'grid' });
    expect(r.notices).toEqual([]);
  });

  it('round-trips values and omits defaults', () => {
    const v = { gamma: 0.95, states: 12, slip: true, method: 'pi' as const, label: 'grid' };
    const s = writeParams('gw', specs, v, '?other.x=3');
    expect(s).toContain('other.x=3');
    expect(s).not.toContain('gw.label');
    expect(readParams('gw', specs, s)).toEqual({ values: v, notices: [] });
  });

  it('clamps out-of-range numbers and says so', () => {
    const r = readParams('gw', specs, '?gw.gamma=5&gw.states=-3');
    expect(r.values.gamma).toBe(0.99);
    expect(r.values.states).toBe(2);
    expect(r.notices).toHaveLength(2);
    expect(r.notices[0]).toMatch(/gw\.gamma.*maximum 0\.99/);
  });

  it('replaces malformed values by defaults and says so', () => {
    const r = readParams('gw', specs, '?gw.gamma=abc&gw.slip=maybe&gw.method=dqn&gw.states=Infinity');
    expect(r.values).toMatchObject({ gamma: 0.9, slip: false, method: 'vi', states: 5 });
    expect(r.notices).toHaveLength(4);
  });

  it('rounds integers and filters strings', () => {
    expect(parseParam(specs.states, '7.6', 'k')).toMatchObject({ value: 8 });
    expect(parseParam(specs.label, 'ab<script>', 'k').value).toBe('abscript');
  });

  it('never throws and always yields in-range values for arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d, e) => {
        const q = new URLSearchParams();
        q.set('gw.gamma', a);
        q.set('gw.states', b);
        q.set('gw.slip', c);
        q.set('gw.method', d);
        q.set('gw.label', e);
        const { values } = readParams('gw', specs, q.toString());
        expect(values.gamma).toBeGreaterThanOrEqual(0);
        expect(values.gamma).toBeLessThanOrEqual(0.99);
        expect(Number.isInteger(values.states)).toBe(true);
        expect(values.states).toBeGreaterThanOrEqual(2);
        expect(values.states).toBeLessThanOrEqual(20);
        expect(typeof values.slip).toBe('boolean');
        expect(['vi', 'pi']).toContain(values.method);
        expect(values.label.length).toBeLessThanOrEqual(8);
        expect(values.label).toMatch(/^[a-z]*$/);
      }),
      { numRuns: 500 },
    );
  });

  it('survives whole arbitrary search strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const { values } = readParams('gw', specs, s);
        expect(values.gamma).toBeGreaterThanOrEqual(0);
        expect(values.gamma).toBeLessThanOrEqual(0.99);
      }),
      { numRuns: 500 },
    );
  });
});
