/**
 * Chapters 7 and 8 link instances the labs' searches found and quote their numbers: each link must be exactly the
 * worst instance the search finds with the settings the text names (the notes' statement, ≤ 2 states and 2 actions,
 * seed 1), and every number the prose quotes about the labs must be the search's own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeInstance,
  encodeInstance,
  evaluateStatement,
  parseInstance,
  SEARCH_DEFAULTS,
  TheoremSearch,
  type StatementId,
  type Variant,
} from '@/rl';

const chapter = (folder: string) =>
  readFileSync(new URL(`../../../content/${folder}/index.mdx`, import.meta.url), 'utf8');
const ch7 = chapter('07-gae');
const ch8 = chapter('08-tv-coupling');

function search(statement: StatementId, variant: Variant, small: boolean) {
  const s = new TheoremSearch({
    ...SEARCH_DEFAULTS,
    statement,
    variant,
    seed: 1,
    ...(small ? { maxStates: 2, maxActions: 2 } : {}),
  });
  while (s.advance(1000));
  return s.state;
}

/** The instance of the link that follows `marker` in `text`. */
function linkAfter(text: string, marker: string, param: string) {
  const at = text.indexOf(marker);
  expect(at, marker).toBeGreaterThan(-1);
  const m = new RegExp(`${param.replace('.', '\\.')}=([A-Za-z0-9_.-]+)`).exec(text.slice(at));
  return { encoded: m![1], text: text.slice(at, at + 1500) };
}

describe('chapter 7: the two-step estimator of note 004', () => {
  it('links the worst instance of the search and quotes its numbers', () => {
    const state = search('two-step-bias', 'notes', true);
    const { encoded, text } = linkAfter(ch7, 'The misprint is not harmless', 'gae.inst');
    expect(encodeInstance(state.best!.instance)).toBe(encoded);
    expect(state.firstViolation!.evaluations).toBeLessThanOrEqual(5); // "among its first random instances"
    const parsed = parseInstance(encoded);
    if ('error' in parsed) throw new Error(parsed.error);
    const notes = evaluateStatement('two-step-bias', 'notes', parsed.instance);
    const book = evaluateStatement('two-step-bias', 'corrected', parsed.instance);
    expect(notes.violated).toBe(true);
    expect(book.violated).toBe(false);
    expect(text).toContain(`\\max|e| = ${notes.quantities.maxE.toFixed(5)}`);
    expect(text).toContain(`allows $${notes.quantities.bound.toFixed(5)}$`);
    expect(text).toContain(`reaches $${notes.quantities.maxBias.toFixed(4)}$`);
    expect(text).toContain(`book's form: $${book.quantities.maxBias.toFixed(5)}$`);
  });

  it('GAE’s bound is attained to rounding by the default search', () => {
    expect(ch7).toContain('below $10^{-12}$ in absolute value');
    const state = search('gae-bias', 'corrected', false);
    expect(state.firstViolation).toBeNull();
    expect(Math.abs(state.best!.value.relative)).toBeLessThan(1e-12);
  });
});

describe('chapter 8: note 004’s coupling statements and the corrected ones', () => {
  it('the note’s Pr(X ≠ Y) = m: the linked instance is the search’s worst, with policies equal at a state', () => {
    const state = search('maximal-coupling', 'notes', true);
    const { encoded } = linkAfter(ch8, 'Read as a statement', 'coupled.inst');
    expect(encodeInstance(state.best!.instance)).toBe(encoded);
    expect(state.firstViolation!.evaluations).toBe(1); // "on its first random instance"
    const q = state.best!.value.quantities;
    expect(q.tv).toBe(0);
    expect(q.m).toBeCloseTo(1, 15);
  });

  it('independent draws: the linked pair is the search’s worst and the quoted numbers are its own', () => {
    const state = search('coupled-trajectories', 'notes', true);
    const { encoded, text } = linkAfter(ch8, "set to note 004's independent draws", 'coupled.inst');
    expect(encodeInstance(state.best!.instance)).toBe(encoded);
    expect(text).toContain(`coupled.t=${state.best!.value.quantities.t}#`);
    expect(state.firstViolation!.evaluations).toBe(2); // "on its second random instance"
    const q = state.best!.value.quantities;
    const [mant, exp] = q.alpha.toExponential(1).split('e');
    expect(text).toContain(`\\alpha = ${mant} \\cdot 10^{${Number(exp)}}`);
    expect(text).toContain(`probability $${q.disagreeBefore.toFixed(4)}$`);
  });

  it('the maximal coupling is an equality to 1e-15 on every census instance; the trajectory bound is reached to rounding', () => {
    const m = search('maximal-coupling', 'corrected', false);
    expect(m.census.length).toBe(1000);
    for (const r of m.census) expect(Math.abs(r)).toBeLessThan(1e-15);
    const t = search('coupled-trajectories', 'corrected', false);
    expect(t.firstViolation).toBeNull();
    expect(Math.abs(t.best!.value.relative)).toBeLessThan(1e-12);
  });

  it('Pinsker: the search ends near π = (½, ½) with D_TV < 1e-6 and the ratio above 1 − 1e-12', () => {
    const state = search('pinsker', 'corrected', false);
    const q = state.best!.value.quantities;
    expect(q.tv).toBeLessThan(1e-6);
    expect(q.ratio).toBeGreaterThan(1 - 1e-12);
    expect(q.ratio).toBeLessThanOrEqual(1);
    const pi = decodeInstance(state.best!.instance).pi[q.state];
    for (const p of pi) expect(Math.abs(p - 0.5)).toBeLessThan(5e-6);
  });
});
