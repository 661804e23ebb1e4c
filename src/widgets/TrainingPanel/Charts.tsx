/** The panel's charts (recharts, animation off, bounded series) and their table alternative. */
import { memo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SeriesPoint } from '@/stores/training';
import { DataTable } from '@/widgets/common';

const H = 180;
const fmt = (v: unknown) =>
  typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)) : String(v);

export interface CurveSpec {
  key: keyof SeriesPoint;
  name: string;
  color: string;
}

export const LineCurves = memo(function LineCurves({
  data,
  curves,
  title,
  yDomain,
}: {
  data: SeriesPoint[];
  curves: CurveSpec[];
  title: string;
  yDomain?: [number, number];
}) {
  return (
    <figure style={{ margin: 0, minWidth: 0 }} aria-label={title}>
      <figcaption style={{ fontSize: '0.85em', fontWeight: 600 }}>{title}</figcaption>
      <ResponsiveContainer width="100%" height={H}>
        <LineChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.4} />
          <XAxis
            dataKey="steps"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => (v >= 1000 ? `${Math.round(v / 1000)}k` : String(v))}
            fontSize={11}
          />
          <YAxis domain={yDomain ?? ['auto', 'auto']} fontSize={11} width={44} tickFormatter={fmt} />
          <Tooltip formatter={fmt} labelFormatter={(v) => `step ${String(v)}`} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {curves.map((c) => (
            <Line
              key={c.key}
              type="monotone"
              dataKey={c.key}
              name={c.name}
              stroke={c.color}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

export const RatioHistogram = memo(function RatioHistogram({
  hist,
}: {
  hist: { edges: number[]; counts: number[] } | null;
}) {
  if (!hist) return null;
  const { edges, counts } = hist;
  const data = counts.map((c, i) => ({
    bin:
      i === 0
        ? `<${edges[0]}`
        : i === counts.length - 1
          ? `≥${edges[edges.length - 1]}`
          : `${edges[i - 1].toFixed(2)}`,
    count: c,
  }));
  return (
    <figure
      style={{ margin: 0, minWidth: 0 }}
      aria-label="Histogram of probability ratios after the last update"
    >
      <figcaption style={{ fontSize: '0.85em', fontWeight: 600 }}>
        Ratio π_new(a|s)/π_old(a|s) after the last update
      </figcaption>
      <ResponsiveContainer width="100%" height={H}>
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.4} />
          <XAxis dataKey="bin" fontSize={10} interval={3} />
          <YAxis fontSize={11} width={44} />
          <Tooltip />
          <Bar dataKey="count" fill="#4c78a8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <DataTable rows={data} caption="Probability ratios of the taken actions after the last update" />
    </figure>
  );
});
