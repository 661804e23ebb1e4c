/**
 * Ctrl+P (⌘P) before the page has imported its widgets' code ahead (widget-preload.ts, from 8 s after navigation):
 * `beforeprint` mounts every widget, but one whose code has not arrived would print as its placeholder, since the
 * browser lays the page out for paper as soon as the event returns. So the shortcut is held back while that code is
 * imported (a few hundred milliseconds from cache), and the print dialog then opens with every widget drawn. A print
 * from the browser's menu cannot be held back: such placeholders say on paper that the figure had not loaded.
 */
import { addNotice, useNotices } from '@/lib/notices';
import { importAllNow, widgetCodePending } from './widget-preload';

function onKeyDown(e: KeyboardEvent) {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'p' || !widgetCodePending()) return;
  e.preventDefault();
  const notice = addNotice('Preparing the widgets for print…', 'info');
  void importAllNow().then(() => {
    useNotices.getState().dismiss(notice);
    window.print();
  });
}

if (typeof window !== 'undefined') window.addEventListener('keydown', onKeyDown);
