/**
 * Checking a typed answer: parsing (decimals, a decimal comma, scientific notation, fractions a/b, a Unicode minus),
 * the tolerance, and the hint for a recognised mistake. Pure functions, no DOM.
 */
import type { ExerciseDef, Tolerance } from './types';

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Reads a number as a reader types it: `0.25`, `,25`/`0,25`, `-1.5e-3`, `1/4`, `−3` (Unicode minus), spaces ignored. */
export function parseAnswer(text: string): Parsed {
  const t = text.replace(/\s+/g, '').replace(/[−–]/g, '-');
  if (t === '') return { ok: false, message: 'Type a number first.' };
  const decimal = (s: string): number | null => {
    // One decimal comma (and no point) is read as a decimal point: "0,25" = 0.25. Thousands separators are not.
    const u = s.includes(',') && !s.includes('.') && s.split(',').length === 2 ? s.replace(',', '.') : s;
    return NUMBER.test(u) ? Number(u) : null;
  };
  const parts = t.split('/');
  let value: number | null = null;
  if (parts.length === 1) value = decimal(parts[0]);
  else if (parts.length === 2) {
    const a = decimal(parts[0]);
    const b = decimal(parts[1]);
    if (a !== null && b !== null) {
      if (b === 0) return { ok: false, message: `“${text.trim()}” divides by zero.` };
      value = a / b;
    }
  }
  if (value === null || !Number.isFinite(value))
    return {
      ok: false,
      message: `“${text.trim().slice(0, 40)}” is not a number. Type a decimal such as 0.25 or -1.5e-3, or a fraction such as 1/4.`,
    };
  return { ok: true, value };
}

/** The largest accepted |x − a| for the exact answer a. */
export function allowedError(answer: number, tol: Tolerance): number {
  if (tol.kind === 'integer') return 0;
  const floor = tol.floor ?? 1e-6;
  if (answer === 0) return floor;
  const e = Math.floor(Math.log10(Math.abs(answer)));
  return Math.max(floor, 10 ** (e - tol.figures + 1));
}

export function withinTolerance(x: number, answer: number, tol: Tolerance): boolean {
  if (tol.kind === 'integer') return x === answer;
  // A hair of slack for the decimal rounding of the bound itself (10^k is not exact in binary).
  return Math.abs(x - answer) <= allowedError(answer, tol) * (1 + 1e-9);
}

/** What the reader is told about precision. */
export function toleranceText(tol: Tolerance): string {
  if (tol.kind === 'integer') return 'Give a whole number.';
  return `Give ${tol.figures} significant figures: answers within one unit of the ${ordinal(tol.figures)} significant figure are accepted.`;
}

const ordinal = (n: number) => (n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`);

export type Verdict =
  | { kind: 'invalid'; message: string }
  | { kind: 'correct'; value: number }
  | { kind: 'wrong'; value: number; hint: string; mistake: string | null };

/** Checks `text` against the instance: correct, a recognised mistake (its hint), or wrong (the general hint). */
export function checkAnswer<I>(def: ExerciseDef<I>, inst: I, text: string): Verdict {
  const p = parseAnswer(text);
  if (!p.ok) return { kind: 'invalid', message: p.message };
  const answer = def.answer(inst);
  if (withinTolerance(p.value, answer, def.tolerance)) return { kind: 'correct', value: p.value };
  for (const m of def.mistakes) {
    const v = m.value(inst);
    if (
      Number.isFinite(v) &&
      !withinTolerance(v, answer, def.tolerance) &&
      withinTolerance(p.value, v, def.tolerance)
    )
      return { kind: 'wrong', value: p.value, hint: m.hint, mistake: m.id };
  }
  return { kind: 'wrong', value: p.value, hint: def.hint, mistake: null };
}

/** An exact answer as the answer sheet prints it: one significant figure more than asked (integers as they are). */
export function formatAnswer(value: number, tol: Tolerance): string {
  if (tol.kind === 'integer') return String(value);
  if (value === 0) return '0';
  return String(Number(value.toPrecision(tol.figures + 1)));
}
