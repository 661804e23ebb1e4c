/**
 * A formula typeset at build time by KaTeX (scripts/vite-plugins/rehype-katex-html.ts), mounted from its HTML, with
 * its TeX source in `data-tex` (copying a selection puts formulas in the clipboard as TeX: copy-tex.ts).
 * Display math scrolls sideways on narrow screens, so the block is focusable (keyboard scrolling) and named; it has
 * a "copy TeX" button.
 */
import { useState } from 'react';
import { writeClipboard } from './copy-tex';

export function MathHtml({ html, tex, display }: { html: string; tex?: string; display?: boolean }) {
  if (!display)
    return <span className="math-inline" data-tex={tex} dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <span className="math-display-wrap">
      <span
        className="katex-display"
        tabIndex={0}
        role="group"
        aria-label="equation"
        data-tex={tex}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {tex !== undefined && <CopyTexButton tex={tex} />}
    </span>
  );
}

function CopyTexButton({ tex }: { tex: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  return (
    <button
      type="button"
      className="btn btn-small copy-tex"
      aria-label="Copy this equation as TeX"
      title="Copy TeX"
      data-testid="copy-tex"
      onClick={() =>
        void writeClipboard(`$$${tex}$$`).then(
          () => setDone('copied'),
          () => setDone('failed'),
        )
      }
      onBlur={() => setDone(null)}
    >
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : 'TeX'}
    </button>
  );
}
