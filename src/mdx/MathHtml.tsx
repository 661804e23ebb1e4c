/**
 * A formula typeset at build time by KaTeX (scripts/vite-plugins/rehype-katex-html.ts), mounted from its HTML.
 * Display math scrolls sideways on narrow screens, so the block is focusable (keyboard scrolling) and named.
 */
export function MathHtml({ html, display }: { html: string; display?: boolean }) {
  return display ? (
    <span
      className="katex-display"
      tabIndex={0}
      role="group"
      aria-label="equation"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  ) : (
    <span className="math-inline" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
