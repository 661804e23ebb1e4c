/**
 * The bound explorer's chart: J(π'), L_π(π') and the two lower bounds as lines, and the region below the larger
 * bound shaded (values the theorem rules out for J(π')). Built on recharts' ComposedChart because the book's
 * LineChart draws lines only; theme colours, the data table and the exports are the shared ones.
 */
import { useRef } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DataTable, ExportMenu, formatNumber, useThemeColors } from '@/widgets/common';
import { SHADE_LABEL, type CurvePoint } from './compute';

export function BoundChart({
  data,
  t,
  yDomain,
  caption,
}: {
  data: CurvePoint[];
  t: number;
  yDomain: [number, number];
  caption: string;
}) {
  const c = useThemeColors();
  const box = useRef<HTMLDivElement>(null);
  const [yLo, yHi] = yDomain;
  // The shading runs from the bottom of the plot up to the larger bound; a bound below the plot shades nothing.
  const drawn = data.map((d) => ({ ...d, shade: Math.min(Math.max(d.floor, yLo), yHi) }));
  const rows = data.map((d) => ({ ...d }));
  const lines = [
    { key: 'J', label: "J(π')", color: c.series[0], dashed: false },
    { key: 'L', label: 'L_π(π′)', color: c.series[1], dashed: true },
    { key: 'tvBound', label: 'L − Cα²', color: c.series[2], dashed: false },
    { key: 'klBound', label: 'L − C·KLmax', color: c.series[3], dashed: false },
  ];
  return (
    <figure className="chart" aria-label={caption}>
      <div
        ref={box}
        className="chart-box"
        style={{ height: 300 }}
        role="img"
        aria-label={`${caption} ${SHADE_LABEL}.`}
        data-testid="trpo-chart"
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={drawn} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
            <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              stroke={c.axis}
              tick={{ fill: c.axis, fontSize: 12 }}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              label={{
                value: 'step size',
                position: 'insideBottom',
                offset: -12,
                fill: c.axis,
                fontSize: 12,
              }}
            />
            <YAxis
              domain={yDomain}
              stroke={c.axis}
              tick={{ fill: c.axis, fontSize: 12 }}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              width={64}
              allowDataOverflow
              label={{ value: 'value', angle: -90, position: 'insideLeft', fill: c.axis, fontSize: 12 }}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={{ background: c.background, borderColor: c.grid, color: c.axis }}
              formatter={(v) => (typeof v === 'number' ? formatNumber(v, 6) : String(v))}
              labelFormatter={(l) => `step size = ${typeof l === 'number' ? formatNumber(l, 6) : String(l)}`}
            />
            <Legend
              verticalAlign="top"
              height={44}
              wrapperStyle={{ color: c.axis, fontSize: 12 }}
              formatter={(value) => <span style={{ color: c.axis }}>{value}</span>}
            />
            <Area
              type="linear"
              dataKey="shade"
              name={SHADE_LABEL}
              baseValue={yLo}
              stroke="none"
              fill={c.series[4]}
              fillOpacity={0.16}
              legendType="square"
              isAnimationActive={false}
              className="trpo-shaded-region"
            />
            {lines.map((s) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            <ReferenceLine
              x={t}
              stroke={c.muted}
              strokeDasharray="4 4"
              label={{ value: 'π′', fill: c.muted, fontSize: 11, position: 'insideTopRight' }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="chart-caption">
        {caption} Shaded: {SHADE_LABEL}.
      </figcaption>
      <div className="chart-tools">
        <DataTable rows={rows} caption={`${caption} The column "floor" is the larger of the two bounds.`} />
        <ExportMenu filename="trpo-bounds" rows={rows} chart={box} />
      </div>
    </figure>
  );
}
