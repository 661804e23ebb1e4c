/** Export buttons: the data as CSV/JSON, and (when given the chart's container) the chart as PNG/SVG. */
import type { RefObject } from 'react';
import { downloadCSV, downloadJSON, downloadPNG, downloadSVG, type Row } from '@/lib/export';

export function ExportMenu({
  filename,
  rows,
  chart,
}: {
  filename: string;
  rows: Row[] | (() => Row[]);
  chart?: RefObject<HTMLElement | null>;
}) {
  const get = () => (typeof rows === 'function' ? rows() : rows);
  const svg = () => chart?.current?.querySelector('svg.recharts-surface, svg') as SVGSVGElement | null;
  return (
    <div className="export-menu" role="group" aria-label="Export">
      <span className="export-label">Export</span>
      <button type="button" className="btn btn-small" onClick={() => downloadCSV(filename, get())}>
        CSV
      </button>
      <button type="button" className="btn btn-small" onClick={() => downloadJSON(filename, get())}>
        JSON
      </button>
      {chart && (
        <>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              const s = svg();
              if (s) void downloadPNG(filename, s);
            }}
          >
            PNG
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              const s = svg();
              if (s) downloadSVG(filename, s);
            }}
          >
            SVG
          </button>
        </>
      )}
    </div>
  );
}
