/** The census histogram's bins (display only): relative slacks binned on [min(lowest, 0), 98th percentile]. */
export interface Bin {
  x0: number;
  x1: number;
  mid: number;
  count: number;
}

export function binSlacks(
  values: readonly number[],
  bins = 30,
): { rows: Bin[]; degenerate: number; above: number } {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const degenerate = values.length - finite.length;
  if (finite.length === 0) return { rows: [], degenerate, above: 0 };
  const lo = Math.min(finite[0], 0);
  let hi = finite[Math.min(finite.length - 1, Math.floor(0.98 * finite.length))];
  if (!(hi > lo)) hi = lo + 1;
  const w = (hi - lo) / bins;
  const rows: Bin[] = Array.from({ length: bins }, (_, i) => ({
    x0: lo + i * w,
    x1: lo + (i + 1) * w,
    mid: lo + (i + 0.5) * w,
    count: 0,
  }));
  let above = 0;
  for (const v of finite) {
    if (v > hi) above++;
    rows[Math.min(bins - 1, Math.floor((Math.min(v, hi) - lo) / w))].count++;
  }
  return { rows, degenerate, above };
}
