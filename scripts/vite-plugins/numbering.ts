/**
 * Numbering and cross-references at build time, from the content index (content-index.ts).
 * - `remarkNumbering` gives every numbered JSX element of the chapter being compiled a `number` attribute ("3.2"),
 *   walking the very tree the MDX compiler holds with `collectBlocks`.
 * - `contentPlugin` serves `virtual:numbering` (the global id → {kind, number, slug} map that `<Ref>` reads) and
 *   fails a production build on an unknown widget, an unresolved reference, an unknown citation or a duplicate id
 *   (in the dev server the same problems are printed as warnings, so a chapter in progress still reloads).
 * The reference index parses each file with the same parser and counts with the same function, so the numbers in
 * the text and in the references always agree.
 */
import type { Plugin } from 'vite';
import {
  buildRefIndex,
  chapterFiles,
  chapterFromPath,
  checkBook,
  collectBlocks,
  knownNames,
  readBook,
} from './content-index.ts';
import type { Node } from './content-index.ts';

export function remarkNumbering() {
  return (tree: unknown, file: { path?: string }) => {
    const info = file.path ? chapterFromPath(file.path) : null;
    if (info) collectBlocks(tree as Node, info.number, true);
  };
}

const VIRTUAL = 'virtual:numbering';
const RESOLVED = '\0' + VIRTUAL;

export function contentPlugin(root: string): Plugin {
  let serve = false;
  return {
    name: 'proximal-content',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    buildStart() {
      const problems = checkBook(readBook(root), knownNames(root));
      if (problems.length === 0) return;
      const message = `The book has ${problems.length} content problem(s):\n  ${problems.join('\n  ')}`;
      if (serve) this.warn(message);
      else this.error(message);
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      for (const f of chapterFiles(root)) this.addWatchFile(f);
      return `export default ${JSON.stringify(buildRefIndex(readBook(root)))};`;
    },
  };
}
