/**
 * Predictions: the reader sketches the curve they expect before running, then the real curve is drawn over it and
 * the two are compared. Pure functions only (the chart's overlay is prediction-overlay.tsx, the state hook
 * use-prediction.ts). A sketch is one y value (or none yet) per knot, knots evenly spaced over the x range the
 * widget fixes; the predicted curve is the polyline through the knots that are set.
 */

export interface Pt {
  x: number;
  y: number;
}

export type Knots = Array<number | null>;

/** The x of knot i of n over [x0, x1]. */
export const knotX = (i: number, n: number, [x0, x1]: [number, number]) => x0 + ((x1 - x0) * i) / (n - 1);

/** The nearest knot to x. */
export const nearestKnot = (x: number, n: number, [x0, x1]: [number, number]) =>
  Math.max(0, Math.min(n - 1, Math.round(((x - x0) / (x1 - x0)) * (n - 1))));

/** The sketched curve: the knots that are set, in order of x. */
export function sketchPoints(knots: Knots, xDomain: [number, number]): Pt[] {
  const out: Pt[] = [];
  knots.forEach((y, i) => {
    if (y !== null && Number.isFinite(y)) out.push({ x: knotX(i, knots.length, xDomain), y });
  });
  return out;
}

/** The finite points of a column against x, in order of x (gaps and NaN left out). */
export function columnPoints(rows: object[], x: string, key: string): Pt[] {
  const out: Pt[] = [];
  for (const r of rows) {
    const px = (r as Record<string, unknown>)[x];
    const py = (r as Record<string, unknown>)[key];
    if (typeof px === 'number' && typeof py === 'number' && Number.isFinite(px) && Number.isFinite(py))
      out.push({ x: px, y: py });
  }
  return out.sort((a, b) => a.x - b.x);
}

/** A polyline's value at x (linear between points; x must lie within its range). */
export function valueAt(pts: Pt[], x: number): number {
  if (x <= pts[0].x) return pts[0].y;
  for (let i = 1; i < pts.length; i++) {
    if (x <= pts[i].x) {
      const a = pts[i - 1];
      const b = pts[i];
      return b.x === a.x ? b.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    }
  }
  return pts[pts.length - 1].y;
}

/** ∫ |p(x) − q(x)| dx over [a, b] for two polylines, exactly (the difference is linear between breakpoints). */
export function areaBetween(p: Pt[], q: Pt[], a: number, b: number): number {
  if (!(b > a)) return 0;
  const xs = [...new Set([a, b, ...p.map((t) => t.x), ...q.map((t) => t.x)])]
    .filter((x) => x >= a && x <= b)
    .sort((u, v) => u - v);
  let area = 0;
  for (let i = 1; i < xs.length; i++) {
    const x0 = xs[i - 1];
    const x1 = xs[i];
    const d0 = valueAt(p, x0) - valueAt(q, x0);
    const d1 = valueAt(p, x1) - valueAt(q, x1);
    const w = x1 - x0;
    if (d0 * d1 >= 0) area += (w * (Math.abs(d0) + Math.abs(d1))) / 2;
    else {
      // The difference changes sign inside: two triangles.
      const t = Math.abs(d0) / (Math.abs(d0) + Math.abs(d1));
      area += (w * (t * Math.abs(d0) + (1 - t) * Math.abs(d1))) / 2;
    }
  }
  return area;
}

/** The first x at which a polyline reaches y ≥ threshold (linear between points), or null if it never does. */
export function timeToThreshold(pts: Pt[], threshold: number): number | null {
  if (pts.length === 0) return null;
  if (pts[0].y >= threshold) return pts[0].x;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (b.y >= threshold) return a.x + ((b.x - a.x) * (threshold - a.y)) / (b.y - a.y);
  }
  return null;
}

export interface PredictionScore {
  /** The x range compared: where both curves exist. */
  from: number;
  to: number;
  /** ∫ |predicted − real| dx over [from, to]. */
  area: number;
  /** The area divided by (to − from)·(the y range of the plot): the mean gap as a share of the plot's height. */
  normalised: number;
  /** Time to threshold of each curve (null: not reached within its range) and their difference. */
  tPredicted: number | null;
  tActual: number | null;
  tError: number | null;
}

/** Compares a sketch with the real curve; null when they do not overlap on an interval. */
export function scorePrediction(
  predicted: Pt[],
  actual: Pt[],
  yDomain: [number, number],
  threshold?: number,
): PredictionScore | null {
  if (predicted.length < 2 || actual.length < 2) return null;
  const from = Math.max(predicted[0].x, actual[0].x);
  const to = Math.min(predicted[predicted.length - 1].x, actual[actual.length - 1].x);
  if (!(to > from)) return null;
  const area = areaBetween(predicted, actual, from, to);
  const height = Math.abs(yDomain[1] - yDomain[0]) || 1;
  const tPredicted = threshold === undefined ? null : timeToThreshold(predicted, threshold);
  const tActual = threshold === undefined ? null : timeToThreshold(actual, threshold);
  return {
    from,
    to,
    area,
    normalised: area / ((to - from) * height),
    tPredicted,
    tActual,
    tError: tPredicted !== null && tActual !== null ? tPredicted - tActual : null,
  };
}
