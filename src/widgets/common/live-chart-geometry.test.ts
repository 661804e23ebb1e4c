import { describe, expect, it } from 'vitest';
import { chartGeometry, niceTicks } from './live-chart-geometry';

describe('niceTicks', () => {
  it('gives round values covering the range', () => {
    expect(niceTicks(0, 500, 5)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(0.013, 0.087, 4)).toEqual([0.02, 0.04, 0.06, 0.08]);
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});

describe('chartGeometry', () => {
  const base = { xKey: 'x', width: 300, height: 200 };
  it('maps the data range onto the plot and splits lines at gaps', () => {
    const data = [
      { x: 0, y: 0 },
      { x: 1, y: 10 },
      { x: 2, y: null },
      { x: 3, y: NaN },
      { x: 4, y: 5 },
      { x: 5, y: 10 },
    ];
    const g = chartGeometry({ ...base, data, keys: ['y'], yDomain: [0, 10] });
    expect(g.lines[0]).toHaveLength(2);
    const [first, second] = g.lines[0];
    expect(first).toEqual([
      g.plot.left,
      g.plot.bottom,
      g.plot.left + (g.plot.right - g.plot.left) / 5,
      g.plot.top,
    ]);
    expect(second[second.length - 2]).toBeCloseTo(g.plot.right, 9);
    expect(second[second.length - 1]).toBeCloseTo(g.plot.top, 9);
  });

  it('pins values outside a fixed domain to its edge and keeps reference lines inside it only', () => {
    const data = [
      { x: 0, y: -5 },
      { x: 1, y: 600 },
    ];
    const g = chartGeometry({ ...base, data, keys: ['y'], yDomain: [0, 500], refYs: [475, 900] });
    expect(g.lines[0][0][1]).toBe(g.plot.bottom);
    expect(g.lines[0][0][3]).toBe(g.plot.top);
    expect(g.refYs.map((r) => r.value)).toEqual([475]);
  });

  it('draws each series from its own rows when given', () => {
    const a = [
      { x: 0, r: 10 },
      { x: 100, r: 20 },
    ];
    const b = [
      { x: 0, r: 30 },
      { x: 50, r: 40 },
    ];
    const g = chartGeometry({ ...base, data: [], keys: ['r', 'r'], seriesData: [a, b], yDomain: [0, 50] });
    expect(g.lines[0][0]).toHaveLength(4);
    expect(g.lines[1][0]).toHaveLength(4);
    // b's last point sits at x = 50 on a 0…100 axis: halfway.
    expect(g.lines[1][0][2]).toBeCloseTo((g.plot.left + g.plot.right) / 2, 9);
  });

  it('survives empty and constant data', () => {
    expect(chartGeometry({ ...base, data: [], keys: ['y'] }).lines[0]).toEqual([]);
    const g = chartGeometry({ ...base, data: [{ x: 1, y: 2 }], keys: ['y'] });
    expect(g.lines[0][0]).toHaveLength(2);
    expect(g.lines[0][0].every(Number.isFinite)).toBe(true);
  });
});
