/**
 * The geometry of a live line chart in pixels: scales, ticks, one polyline per series (split at gaps) and the
 * reference lines. Pure, so the canvas drawing and the SVG export draw the very same picture, and tests can
 * check it without a DOM.
 */
import type { Row } from '@/lib/export';

export interface GeometryInput {
  data: Row[];
  xKey: string;
  keys: string[];
  /** Per series, its own rows (for curves sampled at different x, e.g. two runs); default `data`. */
  seriesData?: Array<Row[] | undefined>;
  width: number;
  height: number;
  yDomain?: [number, number];
  refYs?: number[];
}

export interface Tick {
  value: number;
  px: number;
}

export interface Geometry {
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  /** Per series, polylines as flat [x0, y0, x1, y1, …] arrays; a null, NaN or infinite value starts a new one. */
  lines: number[][][];
  /** Pixel y of each reference line inside the plot (those outside the y range are dropped). */
  refYs: Array<{ value: number; px: number }>;
}

const PAD = { left: 52, right: 12, top: 8, bottom: 22 };

/** About `count` round tick values (1, 2 or 5 times a power of ten) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

function num(v: Row[string]): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function chartGeometry(g: GeometryInput): Geometry {
  const plot = {
    left: PAD.left,
    top: PAD.top,
    right: Math.max(PAD.left + 10, g.width - PAD.right),
    bottom: Math.max(PAD.top + 10, g.height - PAD.bottom),
  };
  let xLo = Infinity;
  let xHi = -Infinity;
  let yLo = Infinity;
  let yHi = -Infinity;
  const rowsOf = (i: number) => g.seriesData?.[i] ?? g.data;
  g.keys.forEach((k, i) => {
    for (const r of rowsOf(i)) {
      const x = num(r[g.xKey]);
      if (x === null) continue;
      xLo = Math.min(xLo, x);
      xHi = Math.max(xHi, x);
      const y = num(r[k]);
      if (y === null) continue;
      yLo = Math.min(yLo, y);
      yHi = Math.max(yHi, y);
    }
  });
  if (!(xHi >= xLo)) [xLo, xHi] = [0, 1];
  if (xHi === xLo) xHi = xLo + 1;
  if (g.yDomain) [yLo, yHi] = g.yDomain;
  else {
    if (!(yHi >= yLo)) [yLo, yHi] = [0, 1];
    if (yHi === yLo) [yLo, yHi] = [yLo - 0.5, yHi + 0.5];
    const pad = 0.05 * (yHi - yLo);
    yLo -= pad;
    yHi += pad;
  }
  const sx = (x: number) => plot.left + ((x - xLo) / (xHi - xLo)) * (plot.right - plot.left);
  const sy = (y: number) => plot.bottom - ((y - yLo) / (yHi - yLo)) * (plot.bottom - plot.top);
  const lines = g.keys.map((k, i) => {
    const polys: number[][] = [];
    let cur: number[] = [];
    for (const r of rowsOf(i)) {
      const x = num(r[g.xKey]);
      const y = num(r[k]);
      if (x === null || y === null) {
        if (cur.length) polys.push(cur);
        cur = [];
        continue;
      }
      // Values outside a fixed domain are pinned to its edge rather than drawn outside the plot.
      cur.push(sx(x), sy(Math.min(yHi, Math.max(yLo, y))));
    }
    if (cur.length) polys.push(cur);
    return polys;
  });
  return {
    plot,
    xTicks: niceTicks(xLo, xHi, 4).map((value) => ({ value, px: sx(value) })),
    yTicks: niceTicks(yLo, yHi, 4).map((value) => ({ value, px: sy(value) })),
    lines,
    refYs: (g.refYs ?? []).filter((v) => v >= yLo && v <= yHi).map((value) => ({ value, px: sy(value) })),
  };
}
