/**
 * The former fixed-props live line chart, kept as a thin adapter over `<Chart live>` for the training widgets until
 * they build their layers themselves (new widgets use `Chart` with layers directly).
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

/** Series and reference lines as chart layers. */
export function seriesLayers(series: Series[], refLines: RefLine[] = [], seriesData?: Row[][]): Layer[] {
  return [
    ...refLines.map((r): Layer => ({ type: 'rule', ...r })),
    ...series.map((s, i): Layer => ({ type: 'line', ...s, data: seriesData?.[i] })),
  ];
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
