/**
 * Copy as TeX: when a selection contains formulas, the clipboard gets their TeX source ($…$ inline, $$…$$ display)
 * in the plain text, and the HTML flavour keeps the rendered page. Formulas cut by the selection are taken whole.
 * The same idea as KaTeX's copy-tex extension, reading the source from `data-tex` (MathHtml) instead of the
 * MathML annotation the book does not ship.
 */

const FORMULA = '[data-tex]';

/** The plain text of a fragment, formulas replaced by their TeX. */
export function texText(fragment: DocumentFragment | Element): string {
  for (const el of fragment.querySelectorAll<HTMLElement>(FORMULA)) {
    const tex = el.dataset.tex ?? '';
    const display = el.classList.contains('katex-display');
    el.replaceWith(el.ownerDocument.createTextNode(display ? `\n$$${tex}$$\n` : `$${tex}$`));
  }
  // Buttons (copy TeX, solution toggles) are controls, not text of the book.
  for (const b of fragment.querySelectorAll('button')) b.remove();
  return (fragment.textContent ?? '').replace(/\n{3,}/g, '\n\n');
}

function onCopy(e: ClipboardEvent) {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !e.clipboardData) return;
  const range = sel.getRangeAt(0).cloneRange();
  // Widen the range to whole formulas at both ends.
  const start = (
    range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement
  )?.closest(FORMULA);
  const end = (
    range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement
  )?.closest(FORMULA);
  if (start) range.setStartBefore(start);
  if (end) range.setEndAfter(end);
  const fragment = range.cloneContents();
  if (!fragment.querySelector(FORMULA)) return;
  const holder = document.createElement('div');
  holder.appendChild(range.cloneContents());
  e.clipboardData.setData('text/html', holder.innerHTML);
  e.clipboardData.setData('text/plain', texText(fragment));
  e.preventDefault();
}

let installed = false;
/** Installs the copy handler once for the whole page. */
export function installCopyTex() {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('copy', onCopy);
}

/** Writes text to the clipboard (the async API, with the old execCommand path where it is missing). */
export async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}
