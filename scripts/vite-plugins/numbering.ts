/**
 * Numbering of Definition/Theorem/Lemma/Proposition/Corollary blocks and equations, at build time.
 * - `remarkNumbering` gives every numbered JSX element of a chapter a `number` attribute ("3.2") in document order.
 * - `numberingIndexPlugin` serves `virtual:numbering`, the global id → {kind, number, slug} map that `<Ref>` reads.
 * Both use `scanBlocks`, so the numbers in the text and in the references always agree.
 */
import type { Plugin } from 'vite';
import { visit } from 'unist-util-visit';
import { NUMBERED, buildRefIndex, chapterFromPath, readChapters, scanBlocks } from './scan-content';

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
}

export function remarkNumbering() {
  return (tree: unknown, file: { path?: string; value?: unknown }) => {
    const info = file.path ? chapterFromPath(file.path) : null;
    if (!info) return;
    const blocks = scanBlocks(String(file.value ?? ''), info.number);
    let i = 0;
    visit(tree as never, (node: JsxNode) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      if (!node.name || !(NUMBERED as readonly string[]).includes(node.name)) return;
      const block = blocks[i++];
      if (!block) return;
      node.attributes = (node.attributes ?? []).filter((a) => a.name !== 'number');
      node.attributes.push({ type: 'mdxJsxAttribute', name: 'number', value: block.number });
    });
  };
}

const VIRTUAL = 'virtual:numbering';
const RESOLVED = '\0' + VIRTUAL;

export function numberingIndexPlugin(root: string): Plugin {
  return {
    name: 'proximal-numbering-index',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const chapters = readChapters(root);
      for (const ch of chapters) this.addWatchFile(`${root}/content/${ch.folder}/index.mdx`);
      return `export default ${JSON.stringify(buildRefIndex(chapters))};`;
    },
  };
}
