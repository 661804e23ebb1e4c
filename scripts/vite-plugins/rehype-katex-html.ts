/**
 * Math typeset at build time, shipped as HTML strings. Like rehype-katex, but each formula becomes one
 * `<MathHtml html="…" />` element instead of its KaTeX tree as JSX: a chapter's module then holds a compact
 * string per formula (not hundreds of `jsx("span", …)` calls), which cuts its size several-fold and lets React
 * mount a formula as one element. The HTML is KaTeX's own output; a formula KaTeX cannot parse renders as its
 * `.katex-error` span (the end-to-end tests look for those), and the build prints a warning naming it.
 */
import katex from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { toText } from 'hast-util-to-text';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

const DISPLAY_OPEN = '<span class="katex-display">';

export function rehypeKatexHtml() {
  return (tree: unknown, file: { message?: (reason: string) => unknown; path?: string }) => {
    visitParents(tree as never, 'element', (element: HastNode, parents: HastNode[]) => {
      const cls = element.properties?.className;
      const classes = Array.isArray(cls) ? (cls as string[]) : [];
      const inline = classes.includes('math-inline');
      let display = classes.includes('math-display');
      if (!inline && !display && !classes.includes('language-math')) return;
      let parent = parents[parents.length - 1];
      let scope = element;
      // $$…$$ (and ```math) arrive as <pre><code class="language-math math-display">: replace the <pre>.
      if (element.tagName === 'code' && parent?.tagName === 'pre') {
        scope = parent;
        parent = parents[parents.length - 2];
        display = true;
      }
      if (!parent?.children) return;
      const tex = toText(scope as never, { whitespace: 'pre' });
      let html = katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        strict: 'ignore',
        output: 'htmlAndMathml',
      });
      if (html.includes('katex-error')) file.message?.(`KaTeX could not render: ${tex}`);
      // The MathML keeps its structure for screen readers; its TeX annotation is dropped: the source travels once,
      // as the `tex` prop that copy-as-TeX reads (src/mdx/copy-tex.ts).
      html = html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g, '');
      // The display wrapper is drawn by the component (it makes the block focusable and scrollable).
      if (display && html.startsWith(DISPLAY_OPEN) && html.endsWith('</span>'))
        html = html.slice(DISPLAY_OPEN.length, -'</span>'.length);
      const node = {
        type: display ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
        name: 'MathHtml',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'html', value: html },
          // The source, for copy-as-TeX: one short string beside the HTML (the MathML annotation it replaces held
          // the same text inside the HTML; gzip of a chapter grows by about as much as that annotation cost).
          { type: 'mdxJsxAttribute', name: 'tex', value: tex },
          ...(display ? [{ type: 'mdxJsxAttribute', name: 'display', value: null }] : []),
        ],
        children: [],
      };
      parent.children.splice(parent.children.indexOf(scope), 1, node as unknown as HastNode);
      return SKIP;
    });
  };
}
