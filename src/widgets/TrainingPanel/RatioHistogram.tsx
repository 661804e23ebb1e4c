/**
 * The histogram of probability ratios π_new(a|s)/π_old(a|s) after the last update, as plain HTML bars (about twenty
 * elements: cheap to redraw while training) with the data table as its text alternative.
 */
import { memo } from 'react';
import { DataTable, useThemeColors } from '@/widgets/common';

export const RatioHistogram = memo(function RatioHistogram({
  hist,
}: {
  hist: { edges: number[]; counts: number[] } | null;
}) {
  const colors = useThemeColors();
  if (!hist) return null;
  const { edges, counts } = hist;
  const label = (i: number) =>
    i === 0
      ? `< ${edges[0]}`
      : i === counts.length - 1
        ? `≥ ${edges[edges.length - 1]}`
        : `${edges[i - 1].toFixed(2)} – ${edges[i].toFixed(2)}`;
  const rows = counts.map((c, i) => ({ ratio: label(i), count: c }));
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const inside = counts.reduce((a, c, i) => (i > 0 && i < counts.length - 1 ? a + c : a), 0);
  const caption = 'Ratio π_new(a|s)/π_old(a|s) of the taken actions after the last update';
  return (
    <figure className="chart ratio-histogram" aria-label={caption}>
      <div
        className="ratio-bars"
        role="img"
        aria-label={`${caption}: ${total} samples, ${inside} of them between ${edges[0]} and ${edges[edges.length - 1]}.`}
      >
        {counts.map((c, i) => (
          <span
            key={i}
            title={`${label(i)}: ${c}`}
            style={{ height: `${(100 * c) / max}%`, background: colors.series[0] }}
          />
        ))}
      </div>
      <div className="ratio-axis" aria-hidden="true">
        <span>{`< ${edges[0]}`}</span>
        <span>1</span>
        <span>{`≥ ${edges[edges.length - 1]}`}</span>
      </div>
      <figcaption className="chart-caption">{caption}</figcaption>
      <DataTable rows={rows} caption={caption} />
    </figure>
  );
});
