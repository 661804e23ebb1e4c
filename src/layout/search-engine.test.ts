import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { readBook } from '../../scripts/vite-plugins/content-index.ts';
import { searchDocs } from '../../scripts/vite-plugins/search-index.ts';
import { engineOptions, namedLabel, searchBook, tokenize, type SearchDoc } from './search-engine';

describe('tokenize', () => {
  it('keeps a block number whole and splits at every other point and punctuation', () => {
    expect(tokenize('Theorem 5.1 (Kakade & Langford).')).toEqual(['Theorem', '5.1', 'Kakade', 'Langford']);
    expect(tokenize('Equation (12.3) eq-ch12-rlhf-objective')).toEqual([
      'Equation',
      '12.3',
      'eq',
      'ch12',
      'rlhf',
      'objective',
    ]);
    expect(tokenize('the end.Next 3.14. .5 and v0.2')).toEqual([
      'the',
      'end',
      'Next',
      '3.14',
      '5',
      'and',
      'v0.2',
    ]);
    expect(tokenize('  ')).toEqual([]);
  });
});

describe('namedLabel', () => {
  it('reads a block label from a query, in any case, and matches that label only', () => {
    expect(namedLabel('lemma 3.1')!.test('see Lemma 3.1 (a lemma)')).toBe(true);
    expect(namedLabel('lemma 3.1')!.test('by Lemma 3.1.')).toBe(true);
    expect(namedLabel('lemma 3.1')!.test('Lemma 3.10 and Lemma 3.1.2')).toBe(false);
    expect(namedLabel('eq (12.3)')).toBeNull();
    expect(namedLabel('Equation 12.3')!.test('Equation (12.3) eq-x')).toBe(true);
    expect(namedLabel('policy gradient')).toBeNull();
  });
});

describe('the search engine over the book', () => {
  const ms = new MiniSearch<SearchDoc>(engineOptions);
  ms.addAll(searchDocs(readBook(process.cwd())));
  const top = (q: string) => searchBook(ms, q)[0] as unknown as SearchDoc;

  it('finds a numbered block by its label: the section that states it comes first', () => {
    for (const [q, label] of [
      ['Theorem 5.5', /Theorem 5\.5\b/],
      ['lemma 5.10', /Lemma 5\.10\b/],
      ['equation 12.3', /Equation \(12\.3\)/],
      ['Lemma 3.1', /Lemma 3\.1\b/],
    ] as const) {
      expect(top(q).text, q).toMatch(label);
    }
  });

  it('finds the new chapters and a widget by its name', () => {
    expect(top('GRPO').slug).toBe('preferences');
    expect(top('conservative Q-learning').slug).toBe('offline-rl');
    expect(top('PreferenceLab').text).toContain('widget PreferenceLab');
  });

  it('still finds a word with a typo when no section has every word as typed', () => {
    expect(top('maximal coupling').heading).toBe('The maximal coupling');
    expect(top('maximl couplng').heading).toBe('The maximal coupling');
  });
});
