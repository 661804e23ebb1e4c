/**
 * The former fixed-props line charts, kept as thin adapters over `Chart` for widgets written before the kit
 * (`LineChart` static, `LiveLineChart` live). New widgets use `Chart` with layers directly.
 */
import type { ReactNode } from 'react';
import type { Row } from '@/lib/export';
import { Chart } from './Chart';
import type { Layer, PredictionLayer } from './chart-layers';

export interface Series {
  key: string;
  label: string;
  color?: string;
  dashed?: boolean;
  dots?: boolean;
  width?: number;
}

export interface RefLine {
  x?: number;
  y?: number;
  label?: string;
  color?: string;
}

export interface RefArea {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
  tone?: 'ok' | 'bad';
  label?: string;
}

type Point = { x: number; y: number; label?: string; color?: string };

/** Series, reference lines, areas and points as chart layers. */
export function seriesLayers(
  series: Series[],
  refLines: RefLine[] = [],
  seriesData?: Row[][],
  refAreas: RefArea[] = [],
  points: Point[] = [],
): Layer[] {
  return [
    ...refAreas.map((a): Layer => ({ type: 'region', ...a })),
    ...refLines.map((r): Layer => ({ type: 'rule', ...r })),
    ...series.map((s, i): Layer => ({ type: 'line', ...s, data: seriesData?.[i] })),
    ...points.map((p): Layer => ({ type: 'marks', points: [p], color: p.color })),
  ];
}

/** A static line chart with fixed props (prefer `Chart` with layers). */
export function LineChart({
  data,
  xKey,
  series,
  refLines,
  refAreas,
  points,
  ...rest
}: {
  data: Row[];
  xKey: string;
  series: Series[];
  caption: string;
  xLabel?: string;
  yLabel?: string;
  logY?: boolean;
  height?: number;
  filename?: string;
  refLines?: RefLine[];
  refAreas?: RefArea[];
  points?: Point[];
  yDomain?: [number, number];
  xDomain?: [number, number];
  footer?: ReactNode;
}) {
  return (
    <Chart
      data={data}
      x={xKey}
      layers={seriesLayers(series, refLines, undefined, refAreas, points)}
      {...rest}
    />
  );
}

/** A live (canvas) line chart of training curves; `seriesData` gives each series its own rows. */
export function LiveLineChart({
  data,
  xKey,
  series,
  seriesData,
  caption,
  height = 220,
  filename = 'chart',
  yDomain,
  refLines = [],
  xLabel = 'environment steps',
  footer,
  prediction,
}: {
  data: Row[];
  xKey: string;
  series: Series[];
  seriesData?: Row[][];
  caption: string;
  height?: number;
  filename?: string;
  yDomain?: [number, number];
  refLines?: RefLine[];
  xLabel?: string;
  footer?: ReactNode;
  /** Lets the reader predict one of the series before running (see `predict` in chart-layers.ts). */
  prediction?: PredictionLayer;
}) {
  const layers = seriesLayers(series, refLines, seriesData);
  return (
    <Chart
      live
      caption={caption}
      data={data}
      x={xKey}
      layers={prediction ? [...layers, prediction] : layers}
      yDomain={yDomain}
      height={height}
      filename={filename}
      xLabel={xLabel}
      xFormat={(v) =>
        Math.abs(v) >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(Number(v.toPrecision(3)))
      }
      table={
        seriesData
          ? undefined
          : data.map(
              (r) => Object.fromEntries([xKey, ...series.map((s) => s.key)].map((k) => [k, r[k]])) as Row,
            )
      }
      footer={footer}
    />
  );
}
