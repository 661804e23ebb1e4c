/**
 * Previews of cross-references: for every block, equation, exercise, figure and section a `<Ref>` can point to,
 * the HTML a reader sees in the popover (math typeset by KaTeX at build time), built from the same MDX syntax tree
 * as the rest of the content index. One module per chapter (`virtual:previews/<slug>`), loaded the first time a
 * reference into that chapter is hovered or focused; `virtual:previews` maps slugs to those loaders.
 */
import katex from 'katex';
import type { Plugin } from 'vite';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import {
  attr,
  buildRefIndex,
  chapterFiles,
  numberedKind,
  parseMdx,
  readBook,
  type ChapterIndex,
  type Node,
  type RefTarget,
} from './content-index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function math(tex: string, display: boolean): string {
  const html = katex.renderToString(tex, { displayMode: display, throwOnError: false, strict: 'ignore' });
  return html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g, '');
}

function refLabel(t: RefTarget | undefined, id: string): string {
  if (!t) return id;
  return t.kind === 'Equation'
    ? `(${t.number})`
    : t.kind === 'Section'
      ? `“${t.number}”`
      : `${t.kind} ${t.number}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The tree as preview HTML: markdown through mdast-util-to-hast; math typeset; `<Ref>` as its label, `<Cite>` as
 * its id, a widget as its name, solutions and proofs left out; other components as their children.
 */
function render(nodes: Node[], refs: Record<string, RefTarget>): string {
  const raw = (value: string) => ({ type: 'raw', value });
  const jsx = (_state: unknown, node: Node) => {
    const name = node.name ?? '';
    if (name === 'Ref') return raw(esc(refLabel(refs[attr(node, 'to') ?? ''], attr(node, 'to') ?? '')));
    if (name === 'Cite') return raw(`[${esc(attr(node, 'id') ?? '')}]`);
    if (name === 'Widget') return raw(`<em>(the ${esc(attr(node, 'name') ?? '')} widget)</em>`);
    if (name === 'Solution' || name === 'Proof') return undefined;
    return raw(render(node.children ?? [], refs));
  };
  const tree = { type: 'root', children: nodes };
  const hast = toHast(tree as never, {
    allowDangerousHtml: true,
    handlers: {
      inlineMath: (_s: unknown, n: Node) => raw(math(n.value ?? '', false)),
      math: (_s: unknown, n: Node) => raw(math(n.value ?? '', true)),
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      mdxjsEsm: () => undefined,
      mdxFlowExpression: () => undefined,
      mdxTextExpression: () => undefined,
    } as never,
  });
  return toHtml(hast as never, { allowDangerousHtml: true });
}

export interface Preview {
  /** "Theorem 3.2 (performance difference lemma)" */
  label: string;
  html: string;
}

/** id → preview for one chapter. Sections show their heading and first paragraph. */
export function chapterPreviews(
  source: string,
  ch: ChapterIndex,
  refs: Record<string, RefTarget>,
): Record<string, Preview> {
  const tree = parseMdx(source);
  const out: Record<string, Preview> = {};
  const visit = (n: Node) => {
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name) {
      const id = attr(n, 'id');
      if (id && numberedKind(n.name) && refs[id]) {
        const title = attr(n, 'title');
        out[id] = {
          label: `${refLabel(refs[id], id)}${title ? ` (${title})` : ''}`,
          html:
            n.name === 'CheckedExercise'
              ? '<p>A checked exercise: the numbers are drawn from your seed and your answer is checked in the page.</p>'
              : render(n.children ?? [], refs),
        };
      }
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  const slugger = new GithubSlugger();
  const top = tree.children ?? [];
  top.forEach((n, i) => {
    if (n.type !== 'heading' || (n.depth ?? 9) > 3) return;
    const heading = toString(n as never).trim();
    const id = slugger.slug(heading);
    if (n.depth === 1 || out[id]) return;
    const next = top.slice(i + 1).find((m) => m.type === 'paragraph' || m.type === 'heading');
    out[id] = {
      label: `${ch.number}. ${heading}`,
      html: next?.type === 'paragraph' ? render([next], refs) : '',
    };
  });
  return out;
}

const INDEX = 'virtual:previews';
const PREFIX = 'virtual:previews/';

export function previewsPlugin(root: string): Plugin {
  return {
    name: 'proximal-previews',
    resolveId(id) {
      return id === INDEX || id.startsWith(PREFIX) ? '\0' + id : null;
    },
    load(id) {
      if (!id.startsWith('\0' + INDEX)) return null;
      for (const f of chapterFiles(root)) this.addWatchFile(f);
      const book = readBook(root);
      if (id === '\0' + INDEX) {
        const entries = book.map(
          (ch) => `  ${JSON.stringify(ch.slug)}: () => import(${JSON.stringify(PREFIX + ch.slug)}),`,
        );
        return `export default {\n${entries.join('\n')}\n};`;
      }
      const slug = id.slice(('\0' + PREFIX).length);
      const ch = book.find((c) => c.slug === slug);
      if (!ch) return 'export default {};';
      const source = readFileSync(join(root, 'content', ch.folder, 'index.mdx'), 'utf8');
      return `export default ${JSON.stringify(chapterPreviews(source, ch, buildRefIndex(book)))};`;
    },
  };
}
