/**
 * The book's one chart. A chart is a list of layers (`line`, `band`, `region`, `rule`, `marks`, `histogram`, see
 * chart-layers.ts) over rows of data; it comes with its legend, a caption that is also its accessible name, the
 * data table as its text alternative, and CSV/JSON/PNG/SVG export. Static charts are SVG; `live` charts (data that
 * change while the reader watches, e.g. training curves) are drawn on a canvas, because a chart library's SVG
 * re-render cost tens of milliseconds per update on the main thread. Both draw one geometry (chart-geometry.ts),
 * and the exports are the same SVG either way. Colours come from the theme's CSS custom properties.
 *
 *   <Chart caption="J along the step" data={rows} x="t" xLabel="step size"
 *          layers={[band(-Infinity, 'floor', { label: 'ruled out' }), line('J', "J(π')"), rule({ x: t })]} />
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Row } from '@/lib/export';
import type { KeyOf, Layer } from './chart-layers';
import { cell, chartScene, type Scene } from './chart-geometry';
import { paintCanvas, sceneToSvgBody, sceneToSvgDocument } from './chart-paint';
import { DataTable } from './DataTable';
import { ExportMenu } from './ExportMenu';
import { formatNumber } from './Readout';
import { useThemeColors } from './theme-colors';
import { useReadoutSlot } from '@/lib/widget-frame';
import { PredictionOverlay, PredictionPanel } from './PredictionOverlay';
import { usePrediction, useRevealKey } from './use-prediction';

export interface ChartProps<R extends object> {
  /** What the chart shows: its figure caption and accessible name. */
  caption: string;
  data: R[];
  /** The column on the x axis. */
  x: Extract<keyof R, string>;
  layers: Layer<KeyOf<R>>[];
  xLabel?: string;
  yLabel?: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  logY?: boolean;
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
  height?: number;
  filename?: string;
  /** Draw on a canvas (for data that change many times a second). */
  live?: boolean;
  /** Rows for the table and the exports when they differ from `data` (default: `data`, or each layer's own rows). */
  table?: Row[];
  /** More text for the accessible name (e.g. what a shaded region means). */
  description?: string;
  /** A test id on the drawn picture (the svg or canvas, which carries the accessible name). */
  testId?: string;
  footer?: ReactNode;
}

function useWidth() {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.floor(entries[0].contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [box, width] as const;
}

/** The rows a chart tabulates: its data, or (when layers bring their own rows) the layers' rows one after another. */
export function chartTable<R extends object>(data: R[], x: string, layers: Layer<KeyOf<R>>[]): Row[] {
  const own = layers.filter((l) => 'data' in l && l.data !== undefined);
  if (own.length === 0) return data as unknown as Row[];
  return layers.flatMap((l) => {
    if (l.type !== 'line' || !l.data) return [];
    return l.data.map((r) => ({
      series: l.label,
      [x]: cell(r, x) as Row[string],
      value: cell(r, l.key) as Row[string],
    }));
  });
}

/** "Latest at steps 12000: return 180, …" — what a live chart's accessible name adds to its caption. */
function latestSummary<R extends object>(
  data: R[],
  x: string,
  layers: Layer<KeyOf<R>>[],
  xLabel: string,
): string {
  const parts: string[] = [];
  let at: unknown;
  for (const l of layers) {
    if (l.type !== 'line') continue;
    const rows = l.data ?? data;
    const last = rows[rows.length - 1];
    if (!last) continue;
    at = cell(last, x);
    const v = cell(last, l.key);
    parts.push(`${l.label} ${typeof v === 'number' && Number.isFinite(v) ? formatNumber(v, 4) : 'none'}`);
  }
  return parts.length ? ` Latest at ${xLabel} ${String(at)}: ${parts.join(', ')}.` : ' No data yet.';
}

/** A chart an assignment link hides (by its `testId`) is not rendered at all. */
export function Chart<R extends object>(props: ChartProps<R>) {
  const hidden = useReadoutSlot(props.testId, props.caption);
  return hidden ? null : <ChartView {...props} />;
}

function ChartView<R extends object>({
  caption,
  data,
  x,
  layers: given,
  xLabel,
  yLabel,
  xDomain,
  yDomain,
  logY = false,
  xFormat,
  yFormat,
  height = 260,
  filename = 'chart',
  live = false,
  table,
  description,
  testId,
  footer,
}: ChartProps<R>) {
  const colors = useThemeColors();
  const [box, width] = useWidth();
  // A `predict(...)` layer: the real curve stays out of the picture, table and name until revealed.
  const prediction = usePrediction(given as Layer[], data, x);
  const layers = (prediction?.drawn ?? given) as Layer<KeyOf<R>>[];
  useRevealKey(prediction);
  if (prediction?.active) {
    xDomain ??= prediction.layer.xDomain;
    yDomain ??= prediction.layer.yDomain;
  }
  const clipId = `clip${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const scene = useMemo<Scene | null>(
    () =>
      width > 0
        ? chartScene({
            data,
            x,
            layers,
            width,
            height,
            colors,
            xDomain,
            yDomain,
            logY,
            xLabel,
            yLabel,
            xFormat,
            yFormat,
          })
        : null,
    // Layers are usually a fresh array per render, so this recomputes then; a scene costs well under 1 ms.
    [data, x, layers, width, height, colors, xDomain, yDomain, logY, xLabel, yLabel, xFormat, yFormat],
  );
  const rows = useMemo(() => {
    // The sketch is not data; a curve still hidden is left out of the table too.
    const shown = layers.filter(
      (l) => !(l.type === 'line' && l.label === 'your prediction' && l.key === 'y'),
    );
    const out = table ?? chartTable(data, x, shown);
    const hide = prediction && !prediction.revealed ? prediction.layer.key : null;
    return hide ? out.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== hide))) : out;
  }, [table, data, x, layers, prediction]);
  const name =
    caption +
    (description ? ` ${description}` : '') +
    (live ? latestSummary(data, x, layers, xLabel ?? x) : '');

  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const cv = canvas.current;
    if (!live || !cv || !scene) return;
    const raf = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(scene.width * dpr);
      const h = Math.round(scene.height * dpr);
      if (cv.width !== w || cv.height !== h) {
        cv.width = w;
        cv.height = h;
      }
      const ctx = cv.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      paintCanvas(ctx, scene);
    });
    return () => cancelAnimationFrame(raf);
  }, [live, scene]);

  const svgBody = useMemo(() => (!live && scene ? sceneToSvgBody(scene, clipId) : ''), [live, scene, clipId]);
  const exportSvg = () => {
    if (!scene) return null;
    const text = sceneToSvgDocument(scene, caption, colors.background);
    return new DOMParser().parseFromString(text, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
  };

  return (
    <figure className={live ? 'chart live-chart' : 'chart'} aria-label={caption}>
      <div ref={box} className="chart-box" style={{ height, position: 'relative' }}>
        {live ? (
          <canvas
            ref={canvas}
            role="img"
            aria-label={name}
            data-testid={testId}
            style={{ width: '100%', height }}
          />
        ) : (
          <svg
            role="img"
            aria-label={name}
            data-testid={testId}
            width="100%"
            height={height}
            viewBox={scene ? `0 0 ${scene.width} ${scene.height}` : undefined}
            fontFamily="system-ui, sans-serif"
            dangerouslySetInnerHTML={{ __html: svgBody }}
          />
        )}
        {prediction?.active && !prediction.revealed && scene && (
          <PredictionOverlay p={prediction} scene={scene} xFormat={xFormat} />
        )}
      </div>
      {prediction && <PredictionPanel p={prediction} />}
      <figcaption className="chart-caption">{caption}</figcaption>
      {footer}
      <div className="chart-tools">
        <DataTable rows={rows} caption={caption} />
        <ExportMenu filename={filename} rows={rows} svg={exportSvg} />
      </div>
    </figure>
  );
}
