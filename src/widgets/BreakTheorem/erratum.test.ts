/**
 * Chapter 5's erratum on the notes' ε links one instance and quotes its numbers: the instance must be exactly the
 * worst one the lab's search finds with the settings the erratum names (notes' statement, ≤ 2 states and 2
 * actions, seed 1), and the quoted numbers must be its own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeInstance, evaluateStatement, parseInstance, SEARCH_DEFAULTS, TheoremSearch } from '@/rl';

const mdx = readFileSync(new URL('../../../content/05-trpo/index.mdx', import.meta.url), 'utf8');
const erratum = mdx.slice(mdx.indexOf('<Erratum title="notes 000 and 001: which ε">'));
const linked = /trpo\.inst=([A-Za-z0-9_.-]+)/.exec(erratum)![1];

describe('the TRPO-ε erratum of chapter 5', () => {
  it('links the worst instance the search finds', () => {
    const s = new TheoremSearch({
      ...SEARCH_DEFAULTS,
      statement: 'trpo-tv',
      variant: 'notes',
      seed: 1,
      maxStates: 2,
      maxActions: 2,
    });
    while (s.advance(1000));
    expect(encodeInstance(s.state.best!.instance)).toBe(linked);
  });

  it('quotes its numbers', () => {
    const parsed = parseInstance(linked);
    if ('error' in parsed) throw new Error(parsed.error);
    const notes = evaluateStatement('trpo-tv', 'notes', parsed.instance);
    const corrected = evaluateStatement('trpo-tv', 'corrected', parsed.instance);
    expect(notes.violated).toBe(true);
    expect(corrected.violated).toBe(false);
    const q = notes.quantities;
    const text = erratum.slice(0, erratum.indexOf('</Erratum>'));
    const quoted = (v: number, digits: number) =>
      expect(text).toContain(v.toFixed(digits).replace(/^-/, '-'));
    quoted(q.alpha, 4);
    quoted(q.epsKL, 4);
    quoted(q.Cnotes, 2);
    quoted(q.bound, 4);
    quoted(q.J, 4);
    quoted(q.Jold, 4);
    quoted(q.epsMaxA, 3);
    quoted(q.C, 1);
    quoted(corrected.rhs, 4);
    expect(parsed.instance.gamma).toBe(0.9);
  });
});
