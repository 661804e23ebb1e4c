/**
 * What the "break this theorem" labs import: one worker per lab running theorem-lab.worker.ts, a typed API, events
 * of earlier searches dropped by runId, and crash reporting (the worker's error events become a `crash` event).
 */
import type { SearchConfig, TheoremLabCommand, TheoremLabEvent } from './theorem-lab-protocol';
import { connectWorker, type CrashEvent } from './worker-client';

export type * from './theorem-lab-protocol';

export type TheoremLabClientEvent = TheoremLabEvent | CrashEvent;

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
  let runId = 0;
  const conn = connectWorker<TheoremLabCommand, TheoremLabEvent>(worker, 'search', {
    // Errors about a malformed command carry runId −1; everything else must be about the current search.
    accept: (d): d is TheoremLabEvent => {
      if (typeof d !== 'object' || d === null) return false;
      const e = d as TheoremLabEvent;
      return typeof e.runId === 'number' && (e.runId === runId || (e.type === 'error' && e.runId === -1));
    },
  });
  const send = conn.send;
  return {
    start(config) {
      runId++;
      send({ type: 'start', runId, config });
      return runId;
    },
    cancel: () => send({ type: 'cancel', runId }),
    subscribe: conn.subscribe,
    terminate: conn.terminate,
  };
}
