/**
 * `virtual:search-index`: the chapters' text split into sections (one document per heading up to h3), from the
 * content index (content-index.ts, the MDX syntax tree), loaded by the search box on first use (its own chunk).
 * Section ids are the ids rehype-slug gives the headings, so a hit links to the real heading; the text includes
 * block labels ("Theorem 3.2 …"), equation labels and widget names.
 */
import type { Plugin } from 'vite';
import { chapterFiles, readBook, type ChapterIndex } from './content-index.ts';

import type { SearchDoc } from '../../src/layout/search-engine.ts';

export function searchDocs(book: ChapterIndex[]): SearchDoc[] {
  return book.flatMap((ch) =>
    ch.sections.map((s) => ({
      id: s.depth === 1 ? ch.slug : `${ch.slug}/${s.id}`,
      slug: ch.slug,
      chapter: ch.title,
      heading: s.heading,
      text: s.text,
    })),
  );
}

const VIRTUAL = 'virtual:search-index';
const RESOLVED = '\0' + VIRTUAL;

export function searchIndexPlugin(root: string): Plugin {
  return {
    name: 'proximal-search-index',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      for (const f of chapterFiles(root)) this.addWatchFile(f);
      return `export default ${JSON.stringify(searchDocs(readBook(root)))};`;
    },
  };
}
