/**
 * Widget code fetched ahead, long after the page has loaded: a widget mounts only when it comes near the viewport
 * (mount-when-near.ts), but printing a chapter (Ctrl+P) mounts every widget inside `beforeprint`, and a widget whose
 * code is not there yet would print as its placeholder (a lazy component suspends, and the browser lays the page out
 * for paper before the chunk arrives). So, from PRELOAD_AFTER_MS after navigation (well after the 5 s quiet window
 * that time-to-interactive needs), the page imports the code of the widgets it holds, one per idle period, without
 * mounting them; a widget mounting after that renders at once. A print asked for before then (Ctrl+P in the first
 * seconds) imports them all at once first (print-shortcut.ts).
 */
import type { ComponentType } from 'react';
import { whenIdle } from './idle';

type Loader = () => Promise<{ default: ComponentType<Record<string, unknown>> }>;

/** From navigation; the bench's quiet window ends 5 s after the last load task. */
const PRELOAD_AFTER_MS = 8000;

const ready = new Map<string, ComponentType<Record<string, unknown>>>();
const pending = new Map<string, Loader>();
const inFlight = new Map<string, Promise<void>>();
let started = false;

/** Imports one widget's code; settles when it has arrived or failed. */
function load(name: string, loader: Loader): Promise<void> {
  pending.delete(name);
  const p = loader()
    .then((m) => void ready.set(name, m.default))
    // A chunk that fails here is retried, and its error shown, by the widget's own lazy load.
    .catch(() => undefined)
    .finally(() => inFlight.delete(name));
  inFlight.set(name, p);
  return p;
}

function next() {
  const [name, loader] = pending.entries().next().value ?? [];
  if (!name || !loader) {
    started = false;
    return;
  }
  void load(name, loader).then(() => whenIdle(next));
}

/** The widget's component if its code has been imported ahead, else undefined. */
export const preloadedWidget = (name: string) => ready.get(name);

/** Queues the widget's code to be imported once the page has long settled. */
export function preloadLater(name: string, loader: Loader) {
  if (ready.has(name) || pending.has(name) || inFlight.has(name)) return;
  pending.set(name, loader);
  if (started) return;
  started = true;
  setTimeout(() => whenIdle(next), Math.max(0, PRELOAD_AFTER_MS - performance.now()));
}

/** True while some widget on the page has code not yet imported (queued, or on its way). */
export const widgetCodePending = () => pending.size > 0 || inFlight.size > 0;

/** Imports the code of every queued widget now, all at once; resolves when each has arrived or failed. */
export function importAllNow(): Promise<void> {
  for (const [name, loader] of [...pending]) void load(name, loader);
  return Promise.all(inFlight.values()).then(() => undefined);
}
