/**
 * The histogram of probability ratios π_new(a|s)/π_old(a|s) after the last update: the kit's `Chart` with a
 * `histogram` layer (canvas, redrawn while training) and a rule at ratio 1; the table and the exports name each
 * bin as it is (the end bins collect everything below the first edge and from the last edge on).
 */
import { memo } from 'react';
import type { RatioHist } from '@/spec';
import { Chart, histogram, rule } from '@/widgets/common';

export const CAPTION = 'Ratio π_new(a|s)/π_old(a|s) of the taken actions after the last update';

/** One bar per bin; the under- and overflow bins are drawn one bin wide beyond the first and last edges. */
export function histogramRows({ edges, counts }: RatioHist) {
  const width = edges[1] - edges[0];
  const last = counts.length - 1;
  return counts.map((count, i) => ({
    lo: i === 0 ? edges[0] - width : edges[i - 1],
    hi: i === last ? edges[edges.length - 1] + width : edges[i],
    count,
    ratio:
      i === 0
        ? `< ${edges[0]}`
        : i === last
          ? `≥ ${edges[edges.length - 1]}`
          : `${edges[i - 1].toFixed(2)} – ${edges[i].toFixed(2)}`,
  }));
}

export const RatioHistogram = memo(function RatioHistogram({ hist }: { hist: RatioHist | null }) {
  if (!hist) return null;
  const rows = histogramRows(hist);
  const { edges, counts } = hist;
  const total = counts.reduce((a, b) => a + b, 0);
  const inside = total - counts[0] - counts[counts.length - 1];
  return (
    <Chart
      live
      caption={CAPTION}
      description={`${total} samples, ${inside} of them between ${edges[0]} and ${edges[edges.length - 1]}.`}
      data={rows}
      x="lo"
      xLabel="π_new / π_old"
      yLabel="actions"
      layers={[histogram('count', 'lo', 'hi', 'actions'), rule({ x: 1 })]}
      table={rows.map(({ ratio, count }) => ({ ratio, count }))}
      filename="ratio-histogram"
      height={180}
      testId="ratio-histogram"
    />
  );
});
