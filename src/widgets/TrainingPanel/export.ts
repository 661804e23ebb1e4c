/** CSV and JSON export of a run's per-update metrics. */
import type { SeriesPoint } from '@/stores/training';
import type { TrainConfig } from '@/worker/protocol';

export function toCsv(rows: SeriesPoint[]): string {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]) as (keyof SeriesPoint)[];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => (Number.isFinite(r[c]) ? String(r[c]) : '')).join(','))].join('\n') + '\n';
}

/** JSON with Infinity spelled as a string (JSON has no Infinity; clipCoef may be one). */
export function toJson(config: TrainConfig, backend: string | null, rows: SeriesPoint[]): string {
  return JSON.stringify({ config, backend, updates: rows }, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
