import { describe, expect, it } from 'vitest';
import { markTerms } from './search-marks';

describe('markTerms', () => {
  it('marks every occurrence of each term, case-insensitively, and keeps the text whole', () => {
    const parts = markTerms('The Bellman operator; a bellman equation.', ['bellman', 'equation']);
    expect(parts.map((p) => p.text).join('')).toBe('The Bellman operator; a bellman equation.');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Bellman', 'bellman', 'equation']);
  });

  it('prefers the longer term where two overlap, and treats regex characters literally', () => {
    expect(
      markTerms('policy policies', ['polic', 'policies'])
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['polic', 'policies']);
    expect(
      markTerms('a (1 + x) b', ['(1'])
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['(1']);
  });

  it('no terms: one plain part', () => {
    expect(markTerms('text', [])).toEqual([{ text: 'text', mark: false }]);
  });
});
