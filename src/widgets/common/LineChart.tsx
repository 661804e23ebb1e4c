/**
 * The former fixed-props line chart, kept as a thin adapter over `Chart` while the training widgets move to layers
 * (new widgets use `Chart` with layers directly).
 */
import type { ReactNode } from 'react';
import type { Row } from '@/lib/export';
import { Chart } from './Chart';
import type { Layer } from './chart-layers';

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

/** Series, reference lines, areas and points as chart layers. */
export function seriesLayers(
  series: Series[],
  refLines: RefLine[] = [],
  seriesData?: Row[][],
  refAreas: RefArea[] = [],
  points: Array<{ x: number; y: number; label?: string; color?: string }> = [],
): Layer[] {
  return [
    ...refAreas.map((a): Layer => ({ type: 'region', ...a })),
    ...refLines.map((r): Layer => ({ type: 'rule', ...r })),
    ...series.map((s, i): Layer => ({ type: 'line', ...s, data: seriesData?.[i] })),
    ...points.map((p): Layer => ({ type: 'marks', points: [p], color: p.color })),
  ];
}

/** A static (SVG) line chart. */
export function LineChart({
  data,
  xKey,
  series,
  xLabel,
  yLabel,
  logY = false,
  height = 260,
  filename = 'chart',
  caption,
  refLines = [],
  refAreas = [],
  points = [],
  yDomain,
  xDomain,
  footer,
}: {
  data: Row[];
  xKey: string;
  series: Series[];
  xLabel?: string;
  yLabel?: string;
  logY?: boolean;
  height?: number;
  filename?: string;
  caption: string;
  refLines?: RefLine[];
  refAreas?: RefArea[];
  points?: Array<{ x: number; y: number; label?: string; color?: string }>;
  yDomain?: [number, number];
  xDomain?: [number, number];
  footer?: ReactNode;
}) {
  return (
    <Chart
      caption={caption}
      data={data}
      x={xKey}
      layers={seriesLayers(series, refLines, undefined, refAreas, points)}
      xLabel={xLabel}
      yLabel={yLabel}
      logY={logY}
      height={height}
      filename={filename}
      yDomain={yDomain}
      xDomain={xDomain}
      footer={footer}
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
}) {
  return (
    <Chart
      live
      caption={caption}
      data={data}
      x={xKey}
      layers={seriesLayers(series, refLines, seriesData)}
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
