/**
 * The geometry of a chart: scales, ticks, legend and every layer turned into a flat list of marks in pixels
 * (polylines, filled polygons, rectangles, dots, text). Pure, so the SVG (static charts and every export) and the
 * canvas (live charts) draw the very same picture from it, and tests check it without a DOM.
 */
import type { Row } from '@/lib/export';
import type { KeyOf, Layer } from './chart-layers';
import { formatNumber } from './Readout';
import type { ThemeColors } from './theme-colors';

export type Mark =
  | { m: 'line'; pts: number[]; stroke: string; width: number; dash?: number[]; clip?: boolean; cls?: string }
  | { m: 'area'; pts: number[]; fill: string; opacity: number; clip?: boolean; cls?: string }
  | {
      m: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string;
      opacity: number;
      clip?: boolean;
      cls?: string;
    }
  | { m: 'dot'; x: number; y: number; r: number; fill: string; clip?: boolean }
  | {
      m: 'text';
      x: number;
      y: number;
      text: string;
      fill: string;
      anchor: 'start' | 'middle' | 'end';
      baseline: 'top' | 'middle' | 'bottom';
      /** Rotated a quarter turn counter-clockwise about (x, y) (the y-axis label). */
      vertical?: boolean;
    };

export interface Tick {
  value: number;
  px: number;
}

export interface Scene {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
  marks: Mark[];
}

export interface SceneInput<R extends object = Row> {
  data: R[];
  x: string;
  layers: Layer<KeyOf<R>>[];
  width: number;
  height: number;
  colors: ThemeColors;
  xDomain?: [number, number];
  yDomain?: [number, number];
  logY?: boolean;
  xLabel?: string;
  yLabel?: string;
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
}

export const FONT_PX = 11;
/** Average width of a character of the 11 px UI font (for the legend and the y-axis width). */
const CHAR_PX = 6.3;

/** About `count` round tick values (1, 2 or 5 times a power of ten) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const step = niceStep(lo, hi, count);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
}

/** Ticks of a log axis: powers of ten (every k-th one on a wide range), with 2 and 5 between on a narrow one. */
export function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo) + 1e-9);
  const b = Math.ceil(Math.log10(hi) - 1e-9);
  const every = Math.max(1, Math.ceil((b - a) / 6));
  const out: number[] = [];
  for (let e = a; e <= b; e += every) {
    for (const m of b - a <= 1 ? [1, 2, 5] : [1]) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out.length ? out : [lo, hi];
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** The value of column `k` of a row. */
export const cell = (r: object, k: string): unknown => (r as Record<string, unknown>)[k];

/** A colour token (`series-2`, `ok`, `bad`, `muted`, `axis`) or a CSS colour. */
export function resolveColor(c: ThemeColors, color: string | undefined, fallback: string): string {
  if (!color) return fallback;
  const m = /^series-(\d+)$/.exec(color);
  if (m) return c.series[Number(m[1]) % c.series.length];
  if (color === 'ok' || color === 'bad' || color === 'muted' || color === 'axis') return c[color];
  return color;
}

/** Keeps pixels finite and within a range SVG and canvas draw exactly (the plot is clipped anyway). */
const clampPx = (v: number) => Math.max(-1e5, Math.min(1e5, v));

export function chartScene<R extends object>(g: SceneInput<R>): Scene {
  const c = g.colors;
  const rowsOf = (l: { data?: object[] }): object[] => l.data ?? g.data;
  const yOk = (v: number | null): v is number => v !== null && (!g.logY || v > 0);

  // Data ranges: x from every data layer, y from lines, bands and histograms (reference marks do not widen it).
  let xLo = Infinity;
  let xHi = -Infinity;
  let yLo = Infinity;
  let yHi = -Infinity;
  const seeX = (v: number | null) => {
    if (v === null) return;
    xLo = Math.min(xLo, v);
    xHi = Math.max(xHi, v);
  };
  const seeY = (v: number | null) => {
    if (!yOk(v)) return;
    yLo = Math.min(yLo, v);
    yHi = Math.max(yHi, v);
  };
  for (const l of g.layers) {
    if (l.type === 'line') {
      for (const r of rowsOf(l)) {
        const y = finite(cell(r, l.key));
        if (!yOk(y)) continue;
        seeX(finite(cell(r, g.x)));
        seeY(y);
      }
    } else if (l.type === 'band') {
      for (const r of rowsOf(l)) {
        seeX(finite(cell(r, g.x)));
        for (const e of [l.lo, l.hi]) seeY(typeof e === 'number' ? finite(e) : finite(cell(r, e)));
      }
    } else if (l.type === 'histogram') {
      for (const r of rowsOf(l)) {
        seeX(finite(cell(r, l.x0)));
        seeX(finite(cell(r, l.x1)));
        seeY(finite(cell(r, l.key)));
        if (!g.logY) seeY(0);
      }
    }
  }
  if (g.xDomain) [xLo, xHi] = g.xDomain;
  if (!(xHi >= xLo)) [xLo, xHi] = [0, 1];
  if (xHi === xLo) [xLo, xHi] = [xLo - 0.5, xHi + 0.5];
  let yTickValues: number[];
  if (g.yDomain) {
    [yLo, yHi] = g.yDomain;
    if (g.logY && !(yLo > 0)) yLo = Math.min(1e-12, yHi / 10);
    yTickValues = g.logY ? logTicks(yLo, yHi) : niceTicks(yLo, yHi, 4);
  } else if (g.logY) {
    if (!(yHi >= yLo)) [yLo, yHi] = [0.1, 10];
    yLo = 10 ** Math.floor(Math.log10(yLo) + 1e-9);
    yHi = 10 ** Math.ceil(Math.log10(yHi) - 1e-9);
    if (yHi === yLo) yHi = yLo * 10;
    yTickValues = logTicks(yLo, yHi);
  } else {
    if (!(yHi >= yLo)) [yLo, yHi] = [0, 1];
    if (yHi === yLo) [yLo, yHi] = [yLo - (Math.abs(yLo) || 1) / 2, yHi + (Math.abs(yHi) || 1) / 2];
    // Round the range out to whole tick steps, as a reader would draw the axis.
    const step = niceStep(yLo, yHi, 4);
    yLo = Math.floor(yLo / step + 1e-9) * step;
    yHi = Math.ceil(yHi / step - 1e-9) * step;
    yTickValues = niceTicks(yLo, yHi, 4);
  }
  const xFmt = g.xFormat ?? ((v: number) => formatNumber(v, 3));
  const yFmt = g.yFormat ?? ((v: number) => formatNumber(v, 3));

  // Legend: one entry per labelled line, band and histogram, wrapped into rows above the plot.
  const legend: Array<{ text: string; color: string; kind: 'line' | 'fill'; dash?: number[] }> = [];
  let seriesIndex = 0;
  const colorOf = new Map<Layer<KeyOf<R>>, string>();
  for (const l of g.layers) {
    if (l.type === 'line' || l.type === 'histogram') {
      const col = resolveColor(c, l.color, c.series[seriesIndex++ % c.series.length]);
      colorOf.set(l, col);
      if (l.label.trim()) {
        legend.push({
          text: l.label,
          color: col,
          kind: l.type === 'line' && !l.dotsOnly ? 'line' : 'fill',
          dash: l.type === 'line' && l.dashed ? [6, 4] : undefined,
        });
      }
    } else if (l.type === 'band') {
      const col = resolveColor(c, l.color, c.muted);
      colorOf.set(l, col);
      if (l.label?.trim()) legend.push({ text: l.label, color: col, kind: 'fill' });
    }
  }
  const legendMarks: Mark[] = [];
  let lx = 8;
  let ly = 4;
  for (const e of legend) {
    const w = 22 + e.text.length * CHAR_PX + 14;
    if (lx > 8 && lx + w > g.width - 8) {
      lx = 8;
      ly += 16;
    }
    if (e.kind === 'line') {
      legendMarks.push({
        m: 'line',
        pts: [lx, ly + 7, lx + 16, ly + 7],
        stroke: e.color,
        width: 2,
        dash: e.dash,
      });
    } else {
      legendMarks.push({ m: 'rect', x: lx, y: ly + 2, w: 16, h: 10, fill: e.color, opacity: 0.35 });
    }
    legendMarks.push({
      m: 'text',
      x: lx + 22,
      y: ly + 7,
      text: e.text,
      fill: c.axis,
      anchor: 'start',
      baseline: 'middle',
    });
    lx += w;
  }
  const legendH = legend.length ? ly + 18 : 0;

  const yLabelW = Math.max(...yTickValues.map((v) => yFmt(v).length)) * CHAR_PX;
  const plot = {
    left: Math.round(10 + yLabelW + (g.yLabel ? 18 : 0)),
    top: legendH + 8,
    right: Math.max(0, g.width - 14),
    bottom: Math.max(0, g.height - 22 - (g.xLabel ? 16 : 0)),
  };
  plot.right = Math.max(plot.left + 10, plot.right);
  plot.bottom = Math.max(plot.top + 10, plot.bottom);

  const sx = (x: number) => clampPx(plot.left + ((x - xLo) / (xHi - xLo)) * (plot.right - plot.left));
  const fy = g.logY ? (y: number) => Math.log10(y) : (y: number) => y;
  const [fLo, fHi] = [fy(yLo), fy(yHi)];
  const sy = (y: number) => clampPx(plot.bottom - ((fy(y) - fLo) / (fHi - fLo)) * (plot.bottom - plot.top));
  const pinY = (y: number) => Math.min(yHi, Math.max(yLo, y));
  const inX = (x: number) => x >= xLo && x <= xHi;
  const inY = (y: number) => y >= yLo && y <= yHi;

  const marks: Mark[] = [];
  const xTicks = niceTicks(xLo, xHi, 5).map((value) => ({ value, px: sx(value) }));
  const yTicks = yTickValues.map((value) => ({ value, px: sy(value) }));
  for (const t of yTicks) {
    marks.push({
      m: 'line',
      pts: [plot.left, t.px, plot.right, t.px],
      stroke: c.grid,
      width: 1,
      dash: [3, 3],
    });
  }
  for (const t of xTicks) {
    marks.push({
      m: 'line',
      pts: [t.px, plot.top, t.px, plot.bottom],
      stroke: c.grid,
      width: 1,
      dash: [3, 3],
    });
  }

  const labelled: Mark[] = [];
  for (const l of g.layers) {
    switch (l.type) {
      case 'region': {
        const x1 = sx(Math.max(xLo, l.x1 ?? xLo));
        const x2 = sx(Math.min(xHi, l.x2 ?? xHi));
        const y1 = sy(pinY(l.y1 ?? yLo));
        const y2 = sy(pinY(l.y2 ?? yHi));
        if (!(x2 > x1) || !(y1 > y2)) break;
        const fill = l.color ? resolveColor(c, l.color, c.muted) : l.tone === 'bad' ? c.fillBad : c.fillOk;
        marks.push({
          m: 'rect',
          x: x1,
          y: y2,
          w: x2 - x1,
          h: y1 - y2,
          fill,
          opacity: l.color ? 0.15 : 1,
          cls: 'chart-region',
        });
        if (l.label) {
          labelled.push({
            m: 'text',
            x: (x1 + x2) / 2,
            y: y2 + 4,
            text: l.label,
            fill: c.muted,
            anchor: 'middle',
            baseline: 'top',
          });
        }
        break;
      }
      case 'band': {
        const val = (r: object, e: string | number) => {
          const v = typeof e === 'number' ? (Number.isNaN(e) ? null : e) : finite(cell(r, e));
          return v === null ? null : pinY(v);
        };
        let top: number[] = [];
        let bottom: number[] = [];
        const flush = () => {
          if (top.length >= 4) {
            const pts = [...top];
            for (let k = bottom.length - 2; k >= 0; k -= 2) pts.push(bottom[k], bottom[k + 1]);
            marks.push({
              m: 'area',
              pts,
              fill: colorOf.get(l)!,
              opacity: l.opacity ?? 0.18,
              clip: true,
              cls: l.className,
            });
          }
          top = [];
          bottom = [];
        };
        for (const r of rowsOf(l)) {
          const x = finite(cell(r, g.x));
          const lo = val(r, l.lo);
          const hi = val(r, l.hi);
          if (x === null || lo === null || hi === null || (g.logY && !(lo > 0 && hi > 0))) {
            flush();
            continue;
          }
          top.push(sx(x), sy(hi));
          bottom.push(sx(x), sy(lo));
        }
        flush();
        break;
      }
      case 'histogram': {
        const base = g.logY ? yLo : pinY(0);
        for (const r of rowsOf(l)) {
          const x0 = finite(cell(r, l.x0));
          const x1 = finite(cell(r, l.x1));
          const v = finite(cell(r, l.key));
          if (x0 === null || x1 === null || !yOk(v)) continue;
          const top = sy(pinY(v));
          const bot = sy(base);
          marks.push({
            m: 'rect',
            x: sx(x0) + 0.5,
            y: Math.min(top, bot),
            w: Math.max(0.5, sx(x1) - sx(x0) - 1),
            h: Math.abs(bot - top),
            fill: colorOf.get(l)!,
            opacity: 0.85,
            clip: true,
            cls: 'chart-bar',
          });
        }
        break;
      }
      default:
        break;
    }
  }
  // Axes over the fills.
  marks.push({ m: 'line', pts: [plot.left, plot.bottom, plot.right, plot.bottom], stroke: c.axis, width: 1 });
  marks.push({ m: 'line', pts: [plot.left, plot.top, plot.left, plot.bottom], stroke: c.axis, width: 1 });

  for (const l of g.layers) {
    if (l.type === 'rule') {
      const col = resolveColor(c, l.color, c.muted);
      if (l.x !== undefined && inX(l.x)) {
        const px = sx(l.x);
        marks.push({ m: 'line', pts: [px, plot.top, px, plot.bottom], stroke: col, width: 1, dash: [4, 4] });
        if (l.label)
          labelled.push({
            m: 'text',
            x: px + 3,
            y: plot.top + 2,
            text: l.label,
            fill: col,
            anchor: 'start',
            baseline: 'top',
          });
      }
      if (l.y !== undefined && inY(l.y)) {
        const py = sy(l.y);
        marks.push({ m: 'line', pts: [plot.left, py, plot.right, py], stroke: col, width: 1, dash: [4, 4] });
        if (l.label)
          labelled.push({
            m: 'text',
            x: plot.right - 2,
            y: py - 2,
            text: l.label,
            fill: col,
            anchor: 'end',
            baseline: 'bottom',
          });
      }
    } else if (l.type === 'line') {
      const col = colorOf.get(l)!;
      let cur: number[] = [];
      const dots: number[] = [];
      const flush = () => {
        if (!l.dotsOnly) {
          if (cur.length === 2) marks.push({ m: 'dot', x: cur[0], y: cur[1], r: 1.5, fill: col, clip: true });
          else if (cur.length > 2) {
            marks.push({
              m: 'line',
              pts: cur,
              stroke: col,
              width: l.width ?? 2,
              dash: l.dashed ? [6, 4] : undefined,
              clip: true,
            });
          }
        }
        cur = [];
      };
      for (const r of rowsOf(l)) {
        const x = finite(cell(r, g.x));
        const y = finite(cell(r, l.key));
        if (x === null || !yOk(y)) {
          flush();
          continue;
        }
        cur.push(sx(x), sy(y));
        if (l.dots || l.dotsOnly) dots.push(sx(x), sy(y));
      }
      flush();
      for (let k = 0; k < dots.length; k += 2) {
        marks.push({ m: 'dot', x: dots[k], y: dots[k + 1], r: l.dotsOnly ? 3 : 2.5, fill: col, clip: true });
      }
    }
  }
  for (const l of g.layers) {
    if (l.type !== 'marks') continue;
    const col = resolveColor(c, l.color, c.series[1]);
    for (const p of l.points) {
      if (!inX(p.x) || !yOk(p.y) || !inY(p.y)) continue;
      marks.push({ m: 'dot', x: sx(p.x), y: sy(p.y), r: 5, fill: col });
      if (p.label)
        labelled.push({
          m: 'text',
          x: sx(p.x) + 7,
          y: sy(p.y) - 4,
          text: p.label,
          fill: col,
          anchor: 'start',
          baseline: 'bottom',
        });
    }
  }

  // Tick labels and axis titles.
  for (const t of yTicks) {
    marks.push({
      m: 'text',
      x: plot.left - 5,
      y: t.px,
      text: yFmt(t.value),
      fill: c.axis,
      anchor: 'end',
      baseline: 'middle',
    });
  }
  for (const t of xTicks) {
    marks.push({
      m: 'text',
      x: t.px,
      y: plot.bottom + 5,
      text: xFmt(t.value),
      fill: c.axis,
      anchor: 'middle',
      baseline: 'top',
    });
  }
  if (g.xLabel) {
    marks.push({
      m: 'text',
      x: (plot.left + plot.right) / 2,
      y: g.height - 4,
      text: g.xLabel,
      fill: c.axis,
      anchor: 'middle',
      baseline: 'bottom',
    });
  }
  if (g.yLabel) {
    marks.push({
      m: 'text',
      x: 12,
      y: (plot.top + plot.bottom) / 2,
      text: g.yLabel,
      fill: c.axis,
      anchor: 'middle',
      baseline: 'middle',
      vertical: true,
    });
  }
  marks.push(...labelled, ...legendMarks);
  return {
    width: g.width,
    height: g.height,
    plot,
    xDomain: [xLo, xHi],
    yDomain: [yLo, yHi],
    xTicks,
    yTicks,
    marks,
  };
}
