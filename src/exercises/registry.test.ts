/**
 * Every checked exercise, on many seeds: the answer is finite and deterministic, it changes with the seed, the checker
 * accepts it (and what a reader would type for it) and rejects answers outside the tolerance, and every mistake's
 * hint fires on the answer that mistake produces.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allowedError, checkAnswer, formatAnswer } from './check';
import katex from 'katex';
import { exercises, instanceOf } from './registry';

/** Every TeX segment of a statement, as the page splits it ($$…$$ display, $…$ inline). */
const texSegments = (text: string) =>
  (text.match(/\$\$[\s\S]+?\$\$|\$[^$]+\$/g) ?? []).map((m) =>
    m.startsWith('$$') ? { tex: m.slice(2, -2), display: true } : { tex: m.slice(1, -1), display: false },
  );

const SEEDS = Array.from({ length: 40 }, (_, i) => 1 + i * 37);

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, def) => {
  it('has a finite answer, the same every time for a seed, and a statement without holes', () => {
    for (const seed of SEEDS) {
      const a = def.answer(instanceOf(def, seed));
      expect(Number.isFinite(a), `seed ${seed}`).toBe(true);
      expect(def.answer(instanceOf(def, seed))).toBe(a);
      const text = def.statement(instanceOf(def, seed));
      expect(text).toBe(def.statement(instanceOf(def, seed)));
      expect(text).not.toMatch(/NaN|undefined|Infinity|\[object/);
      expect((text.match(/\$/g) ?? []).length % 2, 'balanced $').toBe(0);
    }
  });

  it('typesets: every formula of the statement and the asked quantity parse in KaTeX', () => {
    for (const seed of SEEDS.slice(0, 8)) {
      const segments = texSegments(def.statement(instanceOf(def, seed)));
      expect(segments.length).toBeGreaterThan(0);
      for (const { tex, display } of segments)
        expect(
          () => katex.renderToString(tex, { displayMode: display, throwOnError: true }),
          tex,
        ).not.toThrow();
    }
    expect(() => katex.renderToString(def.asked, { throwOnError: true })).not.toThrow();
  });

  it('differs across seeds', () => {
    const answers = new Set(SEEDS.map((s) => formatAnswer(def.answer(instanceOf(def, s)), def.tolerance)));
    expect(answers.size).toBeGreaterThanOrEqual(def.tolerance.kind === 'integer' ? 3 : 10);
  });

  it('accepts the answer within the tolerance and rejects it outside', () => {
    for (const seed of SEEDS) {
      const inst = instanceOf(def, seed);
      const a = def.answer(inst);
      const tol = allowedError(a, def.tolerance);
      expect(checkAnswer(def, inst, String(a)).kind).toBe('correct');
      expect(checkAnswer(def, inst, formatAnswer(a, def.tolerance)).kind).toBe('correct');
      if (def.tolerance.kind === 'sig') {
        expect(checkAnswer(def, inst, a.toPrecision(def.tolerance.figures)).kind).toBe('correct');
        expect(checkAnswer(def, inst, String(a + 0.9 * tol)).kind).toBe('correct');
        expect(checkAnswer(def, inst, String(a - 0.9 * tol)).kind).toBe('correct');
        expect(checkAnswer(def, inst, String(a + 1.5 * tol)).kind).toBe('wrong');
        expect(checkAnswer(def, inst, String(a - 1.5 * tol)).kind).toBe('wrong');
      } else {
        expect(checkAnswer(def, inst, String(a + 1)).kind).toBe('wrong');
        expect(checkAnswer(def, inst, String(a - 1)).kind).toBe('wrong');
      }
      expect(checkAnswer(def, inst, 'forty-two').kind).toBe('invalid');
    }
  });

  it.each(def.mistakes.map((m) => [m.id, m] as const))('the hint for “%s” fires on its answer', (_m, m) => {
    let fired = 0;
    for (const seed of SEEDS) {
      const inst = instanceOf(def, seed);
      const v = m.value(inst);
      const verdict = checkAnswer(def, inst, String(v));
      if (verdict.kind === 'wrong' && verdict.mistake === m.id) {
        fired++;
        expect(verdict.hint).toBe(m.hint);
        // A hint names the slip; it never prints the answer (checked where the answer is more than a digit or two).
        const printed = formatAnswer(def.answer(inst), def.tolerance);
        if (printed.replace(/[-.]/g, '').length > 2) expect(verdict.hint).not.toContain(printed);
      }
    }
    // Where it does not fire, the mistake happens to give the right answer on that instance (e.g. no ratio was
    // clipped), or another mistake's answer: the hint must still fire on a good share of the instances.
    expect(fired, `fired on ${fired} of ${SEEDS.length} seeds`).toBeGreaterThanOrEqual(SEEDS.length / 4);
  });
});

describe('the chapters place every checked exercise once, in its own chapter', () => {
  const root = join(__dirname, '..', '..', 'content');
  const placed: Array<{ id: string; chapter: number }> = [];
  for (const dir of readdirSync(root).filter((d) => /^\d\d-/.test(d))) {
    const src = readFileSync(join(root, dir, 'index.mdx'), 'utf8');
    for (const m of src.matchAll(/<CheckedExercise\s+id="([^"]+)"/g))
      placed.push({ id: m[1], chapter: Number(dir.slice(0, 2)) });
  }

  it('each placed id has a definition of that chapter, and each definition is placed exactly once', () => {
    for (const p of placed) {
      const def = exercises.find((e) => e.id === p.id);
      expect(def, `${p.id} has no definition in src/exercises`).toBeDefined();
      expect(def!.chapter).toBe(p.chapter);
    }
    for (const e of exercises) expect(placed.filter((p) => p.id === e.id).length, e.id).toBe(1);
  });

  it('ids are unique and every chapter, 1 to 12, has at least three', () => {
    expect(new Set(exercises.map((e) => e.id)).size).toBe(exercises.length);
    for (let c = 1; c <= 12; c++)
      expect(exercises.filter((e) => e.chapter === c).length, `chapter ${c}`).toBeGreaterThanOrEqual(3);
  });
});
