/**
 * `virtual:search-index`: the chapters' text split into sections (one document per heading), built from the MDX
 * sources at build time and loaded by the search box on first use (its own chunk, not in the main bundle).
 * Section ids use github-slugger, the same slugger rehype-slug uses, so a hit links to the real heading.
 */
import type { Plugin } from 'vite';
import GithubSlugger from 'github-slugger';
import { readChapters, stripCode } from './scan-content';

export interface SearchDoc {
  id: string; // slug/heading-id
  slug: string;
  chapter: string; // chapter h1
  heading: string;
  text: string;
}

/** Text a reader sees, roughly: drop JSX tags, imports, math delimiters and markdown punctuation. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/^(import|export) .*$/gm, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(
      /\$([^$\n]+)\$/g,
      (_, m: string) => ' ' + m.replace(/\\[a-zA-Z]+/g, ' ').replace(/[{}_^\\]/g, ' ') + ' ',
    )
    .replace(/[*_`#>|[\]()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Heading text as rehype-slug sees it (inline markdown and math stripped to their text). */
function headingText(raw: string): string {
  return raw
    .replace(/\$([^$]+)\$/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

export function buildSearchDocs(root: string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const ch of readChapters(root)) {
    const slugger = new GithubSlugger();
    const lines = stripCode(ch.source).split('\n');
    let chapterTitle = ch.slug;
    let current: SearchDoc | null = null;
    const flush = () => {
      if (current) {
        current.text = plainText(current.text);
        docs.push(current);
      }
    };
    for (const line of lines) {
      const h = /^(#{1,3})\s+(.*)$/.exec(line);
      if (h) {
        const text = headingText(h[2]);
        const id = slugger.slug(text);
        if (h[1].length === 1) chapterTitle = text;
        flush();
        current = {
          id: h[1].length === 1 ? ch.slug : `${ch.slug}/${id}`,
          slug: ch.slug,
          chapter: chapterTitle,
          heading: text,
          text: '',
        };
      } else if (current) current.text += line + '\n';
    }
    flush();
  }
  return docs;
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
      for (const ch of readChapters(root)) this.addWatchFile(`${root}/content/${ch.folder}/index.mdx`);
      return `export default ${JSON.stringify(buildSearchDocs(root))};`;
    },
  };
}
