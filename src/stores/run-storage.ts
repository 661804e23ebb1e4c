/**
 * Where training runs are saved: IndexedDB through idb-keyval, behind a two-method interface so the failures a
 * reader's browser can have (no IndexedDB, `indexedDB.open` throwing in private modes or with storage blocked, a full
 * quota) arrive as rejected promises with a sentence to show, never as an uncaught error.
 */
import { get as idbGet, set as idbSet } from 'idb-keyval';

export interface RunStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** IndexedDB storage. idb-keyval opens the database synchronously: the async wrappers turn a throw into a rejection. */
export const idbStorage: RunStorage = {
  async get(key) {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    return idbGet(key);
  },
  async set(key, value) {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    await idbSet(key, value);
  },
};

/** The sentence the panel shows when saving or loading failed. */
export function storageProblem(e: unknown, op: 'save' | 'load'): string {
  const name =
    e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? e.name : '';
  const detail = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError')
    return (
      "This run could not be saved: the browser's storage for this site is full (QuotaExceededError). " +
      'Training goes on; export the run to keep it.'
    );
  return (
    `Runs cannot be ${op === 'save' ? 'saved' : 'restored'} in this browser: its storage (IndexedDB) is unavailable ` +
    `(${detail || name || 'unknown error'}; private browsing or blocked site data can cause this). ` +
    'Training works; export a run to keep it.'
  );
}
