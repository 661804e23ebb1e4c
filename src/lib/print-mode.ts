/**
 * Print mode. Two things make a page "printed": the whole-book print view (`#/print`), which renders every chapter
 * with each widget frozen at its default settings, and the browser printing any page (Ctrl+P on a chapter). In
 * both, data tables that are normally built only when opened are built and shown, so the paper gets the numbers
 * behind every chart.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/** True inside the whole-book print view: widgets take their defaults, ignore and never write the URL, and are inert. */
export const StaticBookContext = createContext(false);

export const useStaticBook = () => useContext(StaticBookContext);

let browserPrinting = false;
const listeners = new Set<() => void>();

function setPrinting(on: boolean) {
  if (browserPrinting === on) return;
  browserPrinting = on;
  // Synchronously: the browser lays the page out for print right after `beforeprint` returns.
  flushSync(() => listeners.forEach((l) => l()));
}

function subscribe(cb: () => void) {
  if (listeners.size === 0 && typeof window !== 'undefined') {
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
  }
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('beforeprint', onBefore);
      window.removeEventListener('afterprint', onAfter);
    }
  };
}
const onBefore = () => setPrinting(true);
const onAfter = () => setPrinting(false);

/** True while the page is printed, or inside the whole-book print view. */
export function usePrinting(): boolean {
  const inBook = useStaticBook();
  const printing = useSyncExternalStore(
    subscribe,
    () => browserPrinting,
    () => false,
  );
  return inBook || printing;
}
