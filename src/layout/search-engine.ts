/**
 * How the search box reads text, the same for the index and for a query. Words are runs of letters and digits; a
 * point between two digits stays inside the word, so a block's number ("Theorem 5.1", "Equation (12.3)") is one
 * term: split at the point, "5.1" became "5" and "1", and a prefix search for "1" matched every number from 10 up.
 * A query first asks for sections holding every word (each may be the start of a longer one); only when none does
 * are typos and partial matches allowed, so an exact name ("PreferenceLab", "Theorem 5.5") is not outranked by the
 * many near misses of a common word ("preferences", a heading that says "theorem").
 */
import type MiniSearch from 'minisearch';
import type { Options, SearchOptions, SearchResult } from 'minisearch';

/** Fields a search document has (scripts/vite-plugins/search-index.ts makes them). */
export interface SearchDoc {
  id: string; // slug/heading-id
  slug: string;
  chapter: string; // chapter h1
  heading: string;
  text: string;
}

export function tokenize(text: string): string[] {
  return text.split(/(?:[^\p{L}\p{N}.]|(?<!\p{N})\.|\.(?!\p{N}))+/u).filter((t) => t.length > 0);
}

/** At most this many terms of a query are searched: the cost of a search grows with them. */
const MAX_TERMS = 12;

/** Exact, prefix and (for words over three characters) fuzzy matches; headings and chapter titles weigh more. */
const searchOptions: SearchOptions = {
  boost: { heading: 3, chapter: 2 },
  prefix: true,
  fuzzy: (term) => (term.length > 3 && !/\p{N}/u.test(term) ? 0.2 : false),
  tokenize: (q) => tokenize(q).slice(0, MAX_TERMS),
};

export const engineOptions: Options<SearchDoc> = {
  fields: ['chapter', 'heading', 'text'],
  storeFields: ['slug', 'chapter', 'heading', 'text', 'id'],
  tokenize,
  searchOptions,
};

const LABEL =
  /\b(definition|theorem|lemma|proposition|corollary|equation|exercise|figure)\s*\(?(\d+\.\d+)\)?/i;

/**
 * The block a query names by its label ("lemma 3.1", "Equation (12.3)"), as a pattern for the label in a section's
 * text (content-index.ts writes "Lemma 3.1 …" and "Equation (12.3)"); null when the query names none. Its words
 * alone would rank a section whose heading says "lemma" and whose text cites (3.1) above the one stating Lemma 3.1.
 */
export function namedLabel(query: string): RegExp | null {
  const m = LABEL.exec(query);
  if (!m) return null;
  const kind = m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
  const num = m[2].replace('.', '\\.');
  return new RegExp(kind === 'Equation' ? `Equation \\(${num}\\)` : `${kind} ${num}(?!\\.?\\d)`);
}

/** How much a section stating the block a query names outweighs the others. */
const LABEL_BOOST = 10;

/**
 * Every word (as typed or as a prefix) if some section has them all, else any word with typos allowed; the
 * section that states a block named by its label comes first.
 */
export function searchBook(
  ms: MiniSearch<SearchDoc>,
  query: string,
  label = namedLabel(query),
): SearchResult[] {
  const boostDocument = label
    ? (_id: unknown, _term: string, stored?: Record<string, unknown>) =>
        typeof stored?.text === 'string' && label.test(stored.text) ? LABEL_BOOST : 1
    : undefined;
  const strict = ms.search(query, { combineWith: 'AND', fuzzy: false, boostDocument });
  return strict.length > 0 ? strict : ms.search(query, { boostDocument });
}
