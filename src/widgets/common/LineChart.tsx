/**
 * The book's line chart: recharts underneath, theme-aware colours, no animation (charts update live), and always
 * with its text alternative (a data table) and export buttons (CSV, JSON, PNG, SVG).
 */
import { useRef, type ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart as RLineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Row } from '@/lib/export';
import { DataTable } from './DataTable';
import { ExportMenu } from './ExportMenu';
import { formatNumber } from './Readout';
import { useThemeColors } from './theme-colors';

export interface Series {
  key: string;
  label: string;
  color?: string;
  dashed?: boolean;
  /** Draw points instead of (or as well as) a line. */
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
  xType = 'number',
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
  yDomain?: [number | 'auto' | 'dataMin' | 'dataMax', number | 'auto' | 'dataMin' | 'dataMax'];
  xDomain?: [number | 'auto' | 'dataMin' | 'dataMax', number | 'auto' | 'dataMin' | 'dataMax'];
  xType?: 'number' | 'category';
  footer?: ReactNode;
}) {
  const c = useThemeColors();
  const box = useRef<HTMLDivElement>(null);
  // Log axes cannot show zero or negative values; those points are dropped from the drawing (not the table).
  const drawn = logY
    ? data.map((r) => {
        const o: Row = { ...r };
        for (const s of series) {
          const v = o[s.key];
          if (typeof v === 'number' && !(v > 0)) o[s.key] = null;
        }
        return o;
      })
    : data;
  return (
    <figure className="chart" aria-label={caption}>
      <div ref={box} className="chart-box" style={{ height }} role="img" aria-label={caption}>
        <ResponsiveContainer width="100%" height="100%">
          <RLineChart
            data={drawn}
            margin={{ top: 8, right: 16, bottom: xLabel ? 24 : 8, left: yLabel ? 16 : 0 }}
          >
            <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
            {refAreas.map((a, i) => (
              <ReferenceArea
                key={`a${i}`}
                x1={a.x1}
                x2={a.x2}
                y1={a.y1}
                y2={a.y2}
                fill={a.tone === 'bad' ? c.fillBad : c.fillOk}
                fillOpacity={1}
                ifOverflow="hidden"
                label={a.label ? { value: a.label, fill: c.muted, fontSize: 11 } : undefined}
              />
            ))}
            <XAxis
              dataKey={xKey}
              type={xType}
              domain={xDomain ?? ['dataMin', 'dataMax']}
              stroke={c.axis}
              tick={{ fill: c.axis, fontSize: 12 }}
              tickFormatter={(v: number) => (typeof v === 'number' ? formatNumber(v, 3) : String(v))}
              label={
                xLabel
                  ? { value: xLabel, position: 'insideBottom', offset: -12, fill: c.axis, fontSize: 12 }
                  : undefined
              }
              allowDataOverflow
            />
            <YAxis
              scale={logY ? 'log' : 'auto'}
              domain={yDomain ?? (logY ? ['auto', 'auto'] : ['auto', 'auto'])}
              stroke={c.axis}
              tick={{ fill: c.axis, fontSize: 12 }}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              width={64}
              allowDataOverflow
              label={
                yLabel
                  ? { value: yLabel, angle: -90, position: 'insideLeft', fill: c.axis, fontSize: 12 }
                  : undefined
              }
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={{ background: c.background, borderColor: c.grid, color: c.axis }}
              formatter={(v) => (typeof v === 'number' ? formatNumber(v, 6) : String(v))}
              labelFormatter={(l) =>
                `${xLabel ?? xKey} = ${typeof l === 'number' ? formatNumber(l, 6) : String(l)}`
              }
            />
            <Legend verticalAlign="top" height={28} wrapperStyle={{ color: c.axis, fontSize: 12 }} />
            {refLines.map((r, i) => (
              <ReferenceLine
                key={`r${i}`}
                x={r.x}
                y={r.y}
                stroke={r.color ?? c.muted}
                strokeDasharray="4 4"
                label={
                  r.label
                    ? { value: r.label, fill: c.muted, fontSize: 11, position: 'insideTopRight' }
                    : undefined
                }
              />
            ))}
            {series.map((s, i) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={s.color ?? c.series[i % c.series.length]}
                strokeWidth={s.width ?? 2}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                dot={s.dots ? { r: 2.5 } : false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
            {points.map((p, i) => (
              <ReferenceDot
                key={`p${i}`}
                x={p.x}
                y={p.y}
                r={5}
                fill={p.color ?? c.series[1]}
                stroke="none"
                label={p.label}
              />
            ))}
          </RLineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="chart-caption">{caption}</figcaption>
      {footer}
      <div className="chart-tools">
        <DataTable rows={data} caption={caption} />
        <ExportMenu filename={filename} rows={data} chart={box} />
      </div>
    </figure>
  );
}
