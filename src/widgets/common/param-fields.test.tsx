import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { bool, defineParams, int, num, oneOf, str } from '@/lib/url-params';
import { paramFields, sliderScale } from './param-fields';
import { ParamControls } from './ParamControls';
import { seedParam } from './random-problem';

const specs = defineParams({
  gamma: num({ min: 0, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  lr: num({ min: 1e-5, max: 1e-1, step: 1e-5, default: 3e-4, label: 'learning rate', log: true }),
  states: int({ min: 2, max: 20, default: 5 }),
  slip: bool(false, { label: 'slippery' }),
  method: oneOf(['vi', 'pi'] as const, 'vi', { label: 'method', labels: { vi: 'value iteration' } }),
  layout: str('abc'),
  seed: seedParam(3),
});

describe('paramFields', () => {
  it('gives each spec its control, label, range and step, and skips strings', () => {
    const f = paramFields(specs);
    expect(f.map((x) => [x.name, x.control, x.label])).toEqual([
      ['gamma', 'slider', 'γ'],
      ['lr', 'slider', 'learning rate'],
      ['states', 'slider', 'states'],
      ['slip', 'toggle', 'slippery'],
      ['method', 'select', 'method'],
      ['seed', 'slider', 'seed'],
    ]);
    expect(f[0]).toMatchObject({ min: 0, max: 0.99, step: 0.01, log: false, integer: false });
    expect(f[1]).toMatchObject({ log: true });
    expect(f[2]).toMatchObject({ min: 2, max: 20, step: 1, integer: true });
    expect(f[4]).toMatchObject({
      options: [
        { value: 'vi', label: 'value iteration' },
        { value: 'pi', label: 'pi' },
      ],
    });
    expect(f[5]).toMatchObject({ min: 0, max: 9999, step: 1 });
  });

  it('takes a subset in the given order and a tighter maximum', () => {
    const f = paramFields(specs, ['seed', 'states'], { states: 7 });
    expect(f.map((x) => x.name)).toEqual(['seed', 'states']);
    expect(f[1]).toMatchObject({ max: 7 });
  });
});

describe('sliderScale', () => {
  it('is the identity on a linear slider', () => {
    const s = sliderScale({ min: 0, max: 1, step: 0.01 });
    expect([s.min, s.max, s.step, s.toValue(0.37), s.toPosition(0.37)]).toEqual([0, 1, 0.01, 0.37, 0.37]);
  });

  it('reaches both ends of a log slider and moves by equal ratios', () => {
    const s = sliderScale({ min: 1e-5, max: 1e-1, step: 1e-5, log: true });
    expect(s.toValue(s.min)).toBe(1e-5);
    expect(s.toValue(s.max)).toBe(1e-1);
    expect(s.max).toBe(240);
    const mid = s.toValue(s.max / 2);
    expect(mid).toBeCloseTo(1e-3, 8);
  });

  it('keeps every log-slider value inside the range and round-trips positions', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 1.5, max: 1e6, noNaN: true }),
        fc.boolean(),
        (lo, ratio, integer) => {
          const hi = integer ? Math.max(Math.ceil(lo * ratio), Math.ceil(lo) + 1) : lo * ratio;
          const min = integer ? Math.max(1, Math.ceil(lo)) : lo;
          const s = sliderScale({ min, max: hi, step: integer ? 1 : min / 10, log: true, integer });
          for (let p = s.min; p <= s.max; p += Math.max(1, Math.floor(s.max / 17))) {
            const v = s.toValue(p);
            expect(v).toBeGreaterThanOrEqual(min);
            expect(v).toBeLessThanOrEqual(hi);
            if (integer) expect(Number.isInteger(v)).toBe(true);
            // A value's position is the one it came from, give or take the rounding of the value.
            expect(Math.abs(s.toPosition(v) - p)).toBeLessThanOrEqual(integer ? s.max : 1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ParamControls', () => {
  it('renders one labelled native control per field, with the value shown', () => {
    const values = {
      gamma: 0.9,
      lr: 3e-4,
      states: 5,
      slip: true,
      method: 'pi' as const,
      layout: 'abc',
      seed: 3,
    };
    const html = renderToStaticMarkup(<ParamControls specs={specs} values={values} set={() => {}} />);
    const ranges = html.match(/type="range"/g) ?? [];
    expect(ranges).toHaveLength(4);
    expect(html.match(/type="checkbox"/g)).toHaveLength(1);
    expect(html.match(/<select/g)).toHaveLength(1);
    // Every input is named by a <label for=…>.
    const ids = [...html.matchAll(/<(?:input|select) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(6);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    expect(html).toContain('>γ</label>');
    expect(html).toContain('checked=""');
    expect(html).toContain('<option value="pi" selected="">');
    // The log slider moves through positions; its value text is the value.
    expect(html).toMatch(/max="240" step="1" aria-valuetext="0.0003" value="89"/);
  });
});
