/**
 * A derivation evaluated line by line: each row shows a step, its left and right sides, the relation between them,
 * |difference| and whether the row holds within its own tolerance (see `checkRelation`). A row without `rhs` is a
 * plain value line. Every cell a test reads carries a `data-testid` and the full-precision `data-value`:
 * `${id}-lhs` (or `lhsTestId`), `${id}-rel`, `${id}-rhs`, `${id}-diff`, `${id}-holds`. The data export is built in.
 */
import type { ReactNode } from 'react';
import { ExportMenu } from './ExportMenu';
import { checkRelation, type Check, type Relation, type Value } from './derivation-check';

export interface DerivationStep {
  /** Test-id prefix of the row's cells. */
  id: string;
  /** What the step is (shown in bold), e.g. "Step 2: one time step at a time". */
  label: ReactNode;
  /** The step in symbols, e.g. "Δ = Σ_t γᵗ Δ_t" (shown under the label). */
  formula?: ReactNode;
  lhs: Value;
  /** The side the left side is compared with; absent for a value line. */
  rhs?: Value;
  relation?: Relation;
  /** Relative tolerance of this row (default 1e-9 for =, 1e-12 for ≤ and ≥). */
  tol?: number;
  /** Why the step holds. */
  note?: ReactNode;
  /** A test id for the left-side cell other than `${id}-lhs` (kept by widgets whose tests predate the kit). */
  lhsTestId?: string;
  /** Plain-text name of the step for the export (default: `label` when it is a string). */
  text?: string;
}

export interface CheckedStep extends DerivationStep {
  check: Check | null;
}

/** Every step with its verdict (null for value lines). */
export function checkSteps(steps: DerivationStep[]): CheckedStep[] {
  return steps.map((s) => ({
    ...s,
    check: s.rhs === undefined ? null : checkRelation(s.lhs, s.rhs, s.relation ?? '=', s.tol),
  }));
}

/**
 * The usual shape of a derivation: each line equals the line above it. Fills every line's `rhs` with the previous
 * line's value (relation `=`, the line's own `tol` kept); the first line stays a value line.
 */
export function chainSteps(lines: DerivationStep[]): DerivationStep[] {
  return lines.map((l, i) => (i === 0 ? l : { ...l, rhs: lines[i - 1].lhs, relation: '=' }));
}

export const allHold = (steps: CheckedStep[]) => steps.every((s) => s.check === null || s.check.holds);

/** Numbers to 10 significant digits (tiny ones in exponent form), vectors as (a, b, …). */
export function formatValue(v: Value): string {
  const one = (x: number) =>
    x === 0 ? '0' : Math.abs(x) < 1e-4 ? x.toExponential(2) : String(Number(x.toPrecision(10)));
  return typeof v === 'number' ? one(v) : `(${v.map(one).join(', ')})`;
}

const dataValue = (v: Value) => (typeof v === 'number' ? String(v) : JSON.stringify(v));

export function DerivationTable({
  steps,
  caption,
  filename,
  format = formatValue,
  showNotes = steps.some((s) => s.note !== undefined),
}: {
  steps: DerivationStep[] | CheckedStep[];
  /** What the table shows (read by screen readers; hidden on screen). */
  caption: string;
  /** Adds CSV/JSON export of the rows under this file name. */
  filename?: string;
  format?: (v: Value) => string;
  showNotes?: boolean;
}) {
  const rows = steps.map((s) => ('check' in s ? s : checkSteps([s])[0]));
  const anyCheck = rows.some((r) => r.check !== null);
  return (
    <>
      {/* Focusable and named, so a table wider than the column scrolls from the keyboard (axe: scrollable-region-focusable). */}
      <div className="derivation-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="derivation">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">step</th>
              <th scope="col">{anyCheck ? 'left side' : 'value'}</th>
              {anyCheck && (
                <>
                  <th scope="col">
                    <span className="visually-hidden">relation</span>
                  </th>
                  <th scope="col">right side</th>
                  <th scope="col">|difference|</th>
                  <th scope="col">
                    <span className="visually-hidden">holds</span>
                  </th>
                </>
              )}
              {showNotes && <th scope="col">why</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="derivation-step">
                  <strong>{r.label}</strong>
                  {r.formula !== undefined && <span className="derivation-formula">{r.formula}</span>}
                </td>
                <td
                  className="derivation-num"
                  data-testid={r.lhsTestId ?? `${r.id}-lhs`}
                  data-value={dataValue(r.lhs)}
                >
                  {format(r.lhs)}
                </td>
                {anyCheck &&
                  (r.check && r.rhs !== undefined ? (
                    <>
                      <td data-testid={`${r.id}-rel`} className="derivation-rel">
                        {r.relation ?? '='}
                      </td>
                      <td
                        className="derivation-num"
                        data-testid={`${r.id}-rhs`}
                        data-value={dataValue(r.rhs)}
                      >
                        {format(r.rhs)}
                      </td>
                      <td
                        className="derivation-num"
                        data-testid={`${r.id}-diff`}
                        data-value={String(r.check.diff)}
                      >
                        {r.check.diff === 0 ? '0' : r.check.diff.toExponential(1)}
                      </td>
                      <td
                        data-testid={`${r.id}-holds`}
                        data-value={String(r.check.holds)}
                        className={r.check.holds ? 'ok' : 'bad'}
                        title={`tolerance ${r.check.allowance.toExponential(0)}`}
                      >
                        {r.check.holds ? '✓' : '✗'}
                        <span className="visually-hidden">{r.check.holds ? 'holds' : 'fails'}</span>
                      </td>
                    </>
                  ) : (
                    <td colSpan={4} />
                  ))}
                {showNotes && <td className="derivation-note">{r.note}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {filename && <ExportMenu filename={filename} rows={() => exportRows(rows)} />}
    </>
  );
}

/** The rows as flat records (vectors spread over columns lhs[0], lhs[1], …). */
export function exportRows(rows: CheckedStep[]) {
  const spread = (name: string, v: Value | undefined): Record<string, number> =>
    v === undefined
      ? {}
      : typeof v === 'number'
        ? { [name]: v }
        : Object.fromEntries(v.map((x, i) => [`${name}[${i}]`, x]));
  return rows.map((r, i) => ({
    step: i + 1,
    name: r.text ?? (typeof r.label === 'string' ? r.label : r.id),
    ...spread('lhs', r.lhs),
    relation: r.check ? (r.relation ?? '=') : '',
    ...spread('rhs', r.rhs),
    difference: r.check?.diff ?? null,
    holds: r.check ? r.check.holds : null,
  }));
}
