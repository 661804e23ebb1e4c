import { describe, expect, it } from 'vitest';
import { chartScene, logTicks, niceTicks, resolveColor, type Mark } from './chart-geometry';
import { band, histogram, line, marks, region, rule } from './chart-layers';
import { sceneToSvgBody, sceneToSvgDocument } from './chart-paint';
import { fallbackColors as colors } from './theme-colors';

const base = { x: 'x', width: 400, height: 240, colors };
const of = <K extends Mark['m']>(ms: Mark[], m: K) =>
  ms.filter((k): k is Extract<Mark, { m: K }> => k.m === m);
const clipped = <K extends Mark['m']>(ms: Mark[], m: K) =>
  of(ms, m).filter((k) => 'clip' in k && k.clip === true);

describe('ticks', () => {
  it('niceTicks gives round values covering the range', () => {
    expect(niceTicks(0, 500, 5)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(0.013, 0.087, 4)).toEqual([0.02, 0.04, 0.06, 0.08]);
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
  it('logTicks gives powers of ten, with 2 and 5 on a narrow range and thinned on a wide one', () => {
    expect(logTicks(1e-3, 10)).toEqual([1e-3, 1e-2, 0.1, 1, 10]);
    expect(logTicks(1, 10)).toEqual([1, 2, 5, 10]);
    expect(logTicks(1e-12, 1).length).toBeLessThanOrEqual(7);
  });
});

describe('chartScene', () => {
  it('maps the data range onto the plot and splits a line at gaps', () => {
    const data = [
      { x: 0, y: 0 },
      { x: 1, y: 10 },
      { x: 2, y: null },
      { x: 3, y: NaN },
      { x: 4, y: 5 },
      { x: 5, y: 10 },
    ];
    const s = chartScene({ ...base, data, layers: [line('y', 'y')], yDomain: [0, 10] });
    const lines = clipped(s.marks, 'line');
    expect(lines).toHaveLength(2);
    const { left, right, top, bottom } = s.plot;
    const expected = [left, bottom, left + (right - left) / 5, top];
    lines[0].pts.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
    expect(lines[0].pts).toHaveLength(4);
    expect(lines[1].pts.at(-2)).toBeCloseTo(right, 9);
    expect(lines[1].pts.at(-1)).toBeCloseTo(top, 9);
    expect(s.xDomain).toEqual([0, 5]);
  });

  it('rounds an automatic y range out to whole ticks and ignores reference marks', () => {
    const data = [
      { x: 0, y: 0.13 },
      { x: 1, y: 0.87 },
    ];
    const s = chartScene({
      ...base,
      data,
      layers: [line('y', 'y'), rule({ y: 5 }), marks([{ x: 0, y: -3 }])],
    });
    expect(s.yDomain[0]).toBeCloseTo(0, 12);
    expect(s.yDomain[1]).toBeCloseTo(1, 12);
    expect(s.yTicks[0].px).toBeCloseTo(s.plot.bottom, 9);
    // The rule at y = 5 and the mark at y = −3 are outside: neither is drawn.
    expect(of(s.marks, 'dot')).toHaveLength(0);
    expect(of(s.marks, 'line').filter((k) => k.dash?.join() === '4,4')).toHaveLength(0);
  });

  it('draws a log axis over the positive values only, at powers of ten', () => {
    const data = [1, 2, 3].map((x) => ({ x, y: 10 ** -x, z: x === 2 ? 0 : 1 }));
    const s = chartScene({ ...base, data, layers: [line('y', 'y'), line('z', 'z')], logY: true });
    expect(s.yDomain).toEqual([1e-3, 1]);
    // Each decade takes the same height.
    const px = s.yTicks.map((t) => t.px);
    expect(px[0] - px[1]).toBeCloseTo(px[1] - px[2], 9);
    // z = 0 cannot be drawn on a log axis: a gap splits z into two single points (dots).
    expect(clipped(s.marks, 'line')).toHaveLength(1);
    expect(clipped(s.marks, 'dot')).toHaveLength(2);
  });

  it('fills a band between a column and the plot edge, pinned to the y range', () => {
    const data = [
      { x: 0, f: -100, J: 1 },
      { x: 1, f: 0.5, J: 1 },
    ];
    const s = chartScene({
      ...base,
      data,
      layers: [band(-Infinity, 'f', { className: 'shade', label: 'ruled out' }), line('J', 'J')],
      yDomain: [0, 2],
    });
    const [area] = of(s.marks, 'area');
    expect(area.cls).toBe('shade');
    const { bottom, top } = s.plot;
    const mid = bottom + (top - bottom) / 4;
    // Top edge: f pinned to the bottom at x = 0, 0.5 at x = 1; bottom edge: the plot's bottom.
    expect(area.pts[1]).toBeCloseTo(bottom, 9);
    expect(area.pts[3]).toBeCloseTo(mid, 9);
    expect(area.pts.slice(5).filter((_, i) => i % 2 === 0)).toEqual([bottom, bottom]);
    // The band is in the legend as a filled swatch.
    expect(of(s.marks, 'text').map((t) => t.text)).toContain('ruled out');
  });

  it('shades regions with the tone colours, cut to the plot, and labels rules and marks', () => {
    const data = [
      { x: 0, y: 0 },
      { x: 2, y: 2 },
    ];
    const s = chartScene({
      ...base,
      data,
      layers: [
        region({ x1: 1, x2: 5, tone: 'bad', label: 'flat' }),
        line('y', 'y'),
        rule({ x: 1, label: 'r' }),
        marks([{ x: 1, y: 1, label: 'best' }]),
      ],
    });
    const [rect] = of(s.marks, 'rect').filter((r) => r.cls === 'chart-region');
    expect(rect.fill).toBe(colors.fillBad);
    expect(rect.x + rect.w).toBeCloseTo(s.plot.right, 9);
    const texts = of(s.marks, 'text').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['flat', 'r', 'best']));
  });

  it('draws a histogram from bin edges, from zero up', () => {
    const data = [
      { x0: 0, x1: 1, n: 2 },
      { x0: 1, x1: 2, n: 4 },
    ];
    const s = chartScene({ ...base, x: 'x0', data, layers: [histogram('n', 'x0', 'x1', 'count')] });
    const bars = of(s.marks, 'rect').filter((r) => r.cls === 'chart-bar');
    expect(bars).toHaveLength(2);
    expect(bars[1].h).toBeCloseTo(2 * bars[0].h, 9);
    expect(bars[0].y + bars[0].h).toBeCloseTo(s.plot.bottom, 9);
    expect(s.xDomain).toEqual([0, 2]);
  });

  it('draws each line from its own rows when given, on a shared x axis', () => {
    const a = [
      { x: 0, r: 10 },
      { x: 100, r: 20 },
    ];
    const b = [
      { x: 0, r: 30 },
      { x: 50, r: 40 },
    ];
    const s = chartScene({
      ...base,
      data: [] as Array<{ x: number; r: number }>,
      layers: [line('r', 'A', { data: a }), line('r', 'B', { data: b })],
      yDomain: [0, 50],
    });
    const [la, lb] = clipped(s.marks, 'line');
    expect(la.pts).toHaveLength(4);
    expect(lb.pts[2]).toBeCloseTo((s.plot.left + s.plot.right) / 2, 9);
    expect(la.stroke).toBe(colors.series[0]);
    expect(lb.stroke).toBe(colors.series[1]);
  });

  it('survives empty and constant data with finite pixels', () => {
    const empty = chartScene({ ...base, data: [], layers: [line('y', 'y')] });
    expect(clipped(empty.marks, 'line')).toHaveLength(0);
    const one = chartScene({ ...base, data: [{ x: 1, y: 2 }], layers: [line('y', 'y')] });
    const dots = clipped(one.marks, 'dot');
    expect(dots).toHaveLength(1);
    expect(Number.isFinite(dots[0].x) && Number.isFinite(dots[0].y)).toBe(true);
  });

  it('wraps the legend into rows on a narrow chart, moving the plot down', () => {
    const data = [{ x: 0, a: 1, b: 2, c: 3 }];
    const layers = (['a', 'b', 'c'] as const).map((k) => line(k, `a rather long label for ${k}`));
    const wide = chartScene({ ...base, width: 1200, data, layers });
    const narrow = chartScene({ ...base, width: 300, data, layers });
    expect(narrow.plot.top).toBeGreaterThan(wide.plot.top);
  });

  it('resolves colour tokens against the theme', () => {
    expect(resolveColor(colors, 'series-2', 'x')).toBe(colors.series[2]);
    expect(resolveColor(colors, 'bad', 'x')).toBe(colors.bad);
    expect(resolveColor(colors, '#123456', 'x')).toBe('#123456');
    expect(resolveColor(colors, undefined, 'x')).toBe('x');
  });
});

describe('SVG painter', () => {
  it('clips data marks to the plot and escapes text', () => {
    const s = chartScene({
      ...base,
      data: [
        { x: 0, y: 1 },
        { x: 1, y: 2 },
      ],
      layers: [line('y', 'a < b & c')],
    });
    const body = sceneToSvgBody(s, 'c1');
    expect(body).toContain('<clipPath id="c1">');
    expect(body).toMatch(/<g clip-path="url\(#c1\)"><polyline/);
    expect(body).toContain('a &lt; b &amp; c');
    const doc = sceneToSvgDocument(s, 'Title "x"', '#fff');
    expect(doc).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="400" height="240"/);
    expect(doc).toContain('<title>Title &quot;x&quot;</title>');
  });
});
