/** JSON export of a run (config + per-update metrics); CSV goes through @/lib/export. */
import type { SeriesPoint } from '@/stores/training';
import type { TrainConfig } from '@/worker/protocol';

/** JSON with Infinity spelled as a string (JSON has no Infinity; clipCoef may be one). */
export function toJson(config: TrainConfig, backend: string | null, rows: SeriesPoint[]): string {
  return JSON.stringify(
    { config, backend, updates: rows },
    (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
