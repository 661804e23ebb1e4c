/**
 * What the "break this theorem" labs import: one worker per lab running theorem-lab.worker.ts, a typed API, events
 * of earlier searches dropped by runId, and crash reporting (the worker's error events become a `crash` event).
 */
import type { SearchConfig, TheoremLabCommand, TheoremLabEvent } from './theorem-lab-protocol';

export type * from './theorem-lab-protocol';

export type TheoremLabClientEvent = TheoremLabEvent | { type: 'crash'; message: string };

export interface TheoremLab {
  /** Starts a search (cancelling the one under way); returns its runId. */
  start(config: SearchConfig): number;
  cancel(): void;
  subscribe(listener: (e: TheoremLabClientEvent) => void): () => void;
  terminate(): void;
}

export function createTheoremLab(): TheoremLab {
  const worker = new Worker(new URL('./theorem-lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'theorem-lab',
  });
  const listeners = new Set<(e: TheoremLabClientEvent) => void>();
  let dead = false;
  let runId = 0;
  const emit = (e: TheoremLabClientEvent) => {
    for (const l of listeners) l(e);
  };
  worker.onmessage = (ev: MessageEvent<TheoremLabEvent>) => {
    const e = ev.data;
    if (typeof e !== 'object' || e === null || typeof e.runId !== 'number') return;
    // Errors about a malformed command carry runId −1; everything else must be about the current search.
    if (e.runId === runId || (e.type === 'error' && e.runId === -1)) emit(e);
  };
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    if (dead) return;
    dead = true;
    worker.terminate();
    emit({ type: 'crash', message: `The search worker crashed: ${ev.message || 'unknown error'}` });
  };
  const send = (c: TheoremLabCommand) => {
    if (!dead) worker.postMessage(c);
  };
  return {
    start(config) {
      runId++;
      send({ type: 'start', runId, config });
      return runId;
    },
    cancel: () => send({ type: 'cancel', runId }),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    terminate() {
      dead = true;
      worker.terminate();
      listeners.clear();
    },
  };
}
