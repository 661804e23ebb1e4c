/**
 * The layers a `Chart` is composed of, as plain data. A layer's keys are typed by the chart's row type
 * (`Chart<R>` takes `Layer<KeyOf<R>>`), so a misspelt series key is a type error instead of an empty line. Every
 * layer reads the chart's rows unless given its own (`data`, e.g. two runs sampled at different x).
 */

/** The columns of a row type. */
export type KeyOf<R> = Extract<keyof R, string>;

export interface LineLayer<K extends string = string> {
  type: 'line';
  key: K;
  label: string;
  color?: string;
  dashed?: boolean;
  /** Draw a dot at every point; `dotsOnly` draws no line (a scatter). */
  dots?: boolean;
  dotsOnly?: boolean;
  width?: number;
  data?: object[];
}

/** The region between two columns (or a column and a constant: ±Infinity means the plot's edge). */
export interface BandLayer<K extends string = string> {
  type: 'band';
  lo: K | number;
  hi: K | number;
  label?: string;
  color?: string;
  opacity?: number;
  data?: object[];
  /** A class on the drawn shape (for tests and styles). */
  className?: string;
}

/** A shaded rectangle in data coordinates; a missing side runs to the plot's edge. */
export interface RegionLayer {
  type: 'region';
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
  tone?: 'ok' | 'bad';
  color?: string;
  label?: string;
}

/** A dashed reference line at x or at y. */
export interface RuleLayer {
  type: 'rule';
  x?: number;
  y?: number;
  label?: string;
  color?: string;
}

/** Marked points, each with an optional label (e.g. "best α"). */
export interface MarkLayer {
  type: 'marks';
  points: Array<{ x: number; y: number; label?: string }>;
  color?: string;
}

/** Bars from column `x0` to column `x1` with height column `key` (a histogram). */
export interface HistogramLayer<K extends string = string> {
  type: 'histogram';
  key: K;
  x0: K;
  x1: K;
  label: string;
  color?: string;
  data?: object[];
}

/**
 * Predict before you run: the reader sketches column `key` (pointer, touch or keyboard) over fixed domains before
 * the real curve exists or is shown; then the real curve is drawn over the sketch and scored (use-prediction.ts).
 * The Chart draws no mark for this layer itself: it adds the sketch, the editing overlay and the score.
 */
export interface PredictionLayer<K extends string = string> {
  type: 'prediction';
  key: K;
  /** Where the sketch is kept in this browser: name the widget and the state it predicts (seed, settings). */
  id: string;
  xDomain: [number, number];
  yDomain: [number, number];
  /** A level the curve should reach ("solved"): the score adds the error in the time to reach it. */
  threshold?: number;
  /**
   * 'run' (default): the real curve shows as soon as it has two points (the reader ran the widget); 'button': it
   * stays hidden until the reader asks (for curves that exist before anything runs). In presenter mode the reveal
   * always waits for the key v (or the Reveal button).
   */
  reveal?: 'run' | 'button';
  /** Knots of the sketch, evenly spaced over xDomain (default 21). */
  knots?: number;
  /** What the sketched quantity is called (for the overlay's accessible name). */
  label?: string;
  /** Prefix of the score readouts' test ids (default 'prediction'). */
  testId?: string;
}

export type Layer<K extends string = string> =
  LineLayer<K> | BandLayer<K> | RegionLayer | RuleLayer | MarkLayer | HistogramLayer<K> | PredictionLayer<K>;

type Without<T> = Omit<T, 'type'>;

/** Builders, so a chart reads as a list: `layers={[line('J', 'J(π)'), rule({ x: t }), band('lo', 'hi')]}`. */
export const line = <K extends string = string>(
  key: K,
  label: string,
  o: Omit<Without<LineLayer<K>>, 'key' | 'label'> = {},
): LineLayer<K> => ({ type: 'line', key, label, ...o });
export const band = <K extends string = string>(
  lo: K | number,
  hi: K | number,
  o: Omit<Without<BandLayer<K>>, 'lo' | 'hi'> = {},
): BandLayer<K> => ({ type: 'band', lo, hi, ...o });
export const region = (o: Without<RegionLayer>): RegionLayer => ({ type: 'region', ...o });
export const rule = (o: Without<RuleLayer>): RuleLayer => ({ type: 'rule', ...o });
export const marks = (points: MarkLayer['points'], color?: string): MarkLayer => ({
  type: 'marks',
  points,
  color,
});
export const predict = <K extends string = string>(
  key: K,
  o: Omit<Without<PredictionLayer<K>>, 'key'>,
): PredictionLayer<K> => ({ type: 'prediction', key, ...o });
export const histogram = <K extends string = string>(
  key: K,
  x0: K,
  x1: K,
  label: string,
  o: Omit<Without<HistogramLayer<K>>, 'key' | 'x0' | 'x1' | 'label'> = {},
): HistogramLayer<K> => ({ type: 'histogram', key, x0, x1, label, ...o });
