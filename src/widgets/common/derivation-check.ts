/**
 * The check behind a `DerivationTable` row: does `lhs relation rhs` hold within the row's tolerance? Pure, so the
 * verdicts are unit-tested. The tolerance is relative to the size of the numbers compared (at least 1):
 * `|lhs − rhs| ≤ tol · max(1, |lhs|, |rhs|)` for an identity, `lhs ≤ rhs + tol · max(1, |lhs|, |rhs|)` for an
 * inequality (a rounding allowance, not a fudge). Vectors are compared entry by entry; NaN never holds.
 */

export type Relation = '=' | '≤' | '≥';
export type Value = number | readonly number[];

/** Default tolerances: identities agree to 1e-9 (float64 after a linear solve); inequalities get rounding only. */
export const DEFAULT_TOL: Record<Relation, number> = { '=': 1e-9, '≤': 1e-12, '≥': 1e-12 };

export interface Check {
  /** Largest |lhs − rhs| over the entries. */
  diff: number;
  /** The allowance the row was judged with (tol × scale). */
  allowance: number;
  holds: boolean;
}

const entries = (v: Value): readonly number[] => (typeof v === 'number' ? [v] : v);

export function checkRelation(lhs: Value, rhs: Value, relation: Relation = '=', tol?: number): Check {
  const a = entries(lhs);
  const b = entries(rhs);
  const t = tol ?? DEFAULT_TOL[relation];
  if (a.length !== b.length || a.length === 0) return { diff: NaN, allowance: NaN, holds: false };
  let diff = 0;
  let allowance = 0;
  let holds = true;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    const room = t * Math.max(1, Math.abs(a[i]), Math.abs(b[i]));
    diff = Math.max(diff, d);
    allowance = Math.max(allowance, room);
    const ok = relation === '=' ? d <= room : relation === '≤' ? a[i] <= b[i] + room : a[i] >= b[i] - room;
    // Comparisons with NaN are false, so a NaN entry fails the row.
    if (!ok) holds = false;
  }
  return { diff, allowance, holds };
}
