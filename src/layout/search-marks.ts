/**
 * The search results' snippets with the matched terms marked: the snippet split into plain and matched parts
 * (case-insensitive; MiniSearch's prefix and fuzzy matches are the terms it reports as matched, so those are marked).
 */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function markTerms(text: string, terms: readonly string[]): SnippetPart[] {
  const words = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!words.length) return [{ text, mark: false }];
  const re = new RegExp(`(${words.map(escape).join('|')})`, 'gi');
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index;
    if (i > last) parts.push({ text: text.slice(last, i), mark: false });
    parts.push({ text: m[0], mark: true });
    last = i + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}
