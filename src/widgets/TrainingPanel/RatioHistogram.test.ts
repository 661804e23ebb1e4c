import { describe, expect, it } from 'vitest';
import { RATIO_EDGES } from '@/spec';
import { histogramRows } from './RatioHistogram';

describe('the ratio histogram as chart rows', () => {
  const counts = Array.from({ length: RATIO_EDGES.length + 1 }, (_, i) => i);
  const rows = histogramRows({ edges: RATIO_EDGES, counts });

  it('one bar per bin, adjacent and in order, with every count where it was', () => {
    expect(rows).toHaveLength(counts.length);
    expect(rows.map((r) => r.count)).toEqual(counts);
    for (let i = 1; i < rows.length; i++) expect(rows[i].lo).toBe(rows[i - 1].hi);
    for (const r of rows) expect(r.hi).toBeGreaterThan(r.lo);
  });

  it('inner bins run between consecutive edges; the end bins are labelled as open, drawn one bin wide', () => {
    expect(rows[1]).toMatchObject({ lo: 0.5, hi: 0.55, ratio: '0.50 – 0.55' });
    expect(rows[0]).toMatchObject({ hi: 0.5, ratio: '< 0.5' });
    expect(rows[0].lo).toBeCloseTo(0.45, 12);
    expect(rows[rows.length - 1]).toMatchObject({ lo: 1.5, ratio: '≥ 1.5' });
    expect(rows[rows.length - 1].hi).toBeCloseTo(1.55, 12);
  });
});
