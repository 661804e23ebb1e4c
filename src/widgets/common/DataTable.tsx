/**
 * The text alternative of a chart: a collapsible table of its data. The table is built only while it is open: a
 * closed table of a live chart would otherwise re-render thousands of cells at every update. When the page is
 * printed it is built and shown.
 */
import { useState } from 'react';
import type { Row } from '@/lib/export';
import { usePrinting } from '@/lib/print-mode';
import { formatNumber } from './Readout';

/** Rows of a table on paper (evenly thinned beyond this): a figure's numbers, not pages of them. */
const PRINTED_ROWS = 50;

export function DataTable({
  rows,
  caption,
  maxRows = 200,
}: {
  rows: Row[];
  caption: string;
  maxRows?: number;
}) {
  const [open, setOpen] = useState(false);
  const printing = usePrinting();
  // On paper (and in the whole-book print view) the table is the chart's numbers: always built, always shown.
  if (printing)
    return (
      <div className="data-table data-table-printed">
        <Table rows={rows} caption={caption} maxRows={Math.min(maxRows, PRINTED_ROWS)} />
      </div>
    );
  return (
    <details className="data-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Table of the data ({rows.length} rows)</summary>
      {open && <Table rows={rows} caption={caption} maxRows={maxRows} />}
    </details>
  );
}

function Table({ rows, caption, maxRows }: { rows: Row[]; caption: string; maxRows: number }) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const shown =
    rows.length > maxRows ? rows.filter((_, i) => i % Math.ceil(rows.length / maxRows) === 0) : rows;
  return (
    // Focusable and named, so a table wider or taller than its box scrolls from the keyboard
    // (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              {keys.map((k) => {
                const v = r[k];
                return <td key={k}>{typeof v === 'number' ? formatNumber(v, 6) : String(v ?? '')}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
