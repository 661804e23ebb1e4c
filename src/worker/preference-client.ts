/**
 * What chapter 12's training widgets import: one worker per widget running preference.worker.ts, a typed API,
 * and crash reporting (the worker's error events become a `crash` event). Re-exports the settings' defaults.
 */
import type { PreferenceCommand, PreferenceEvent, PreferenceTask } from './preference-protocol';
import { connectWorker, type CrashEvent } from './worker-client';

export { GRPO_DEFAULTS, GRPO_VARIANTS, PREFERENCE_DEFAULTS } from '@/spec';
export type * from './preference-protocol';

export type PreferenceClientEvent = PreferenceEvent | CrashEvent;

export interface PreferenceTrainer {
  start(): void;
  pause(): void;
  step(): void;
  reset(task?: PreferenceTask): void;
  subscribe(listener: (e: PreferenceClientEvent) => void): () => void;
  terminate(): void;
}

export function createPreferenceTrainer(task: PreferenceTask): PreferenceTrainer {
  const worker = new Worker(new URL('./preference.worker.ts', import.meta.url), {
    type: 'module',
    name: 'preferences',
  });
  const conn = connectWorker<PreferenceCommand, PreferenceEvent>(worker, 'training');
  const send = conn.send;
  send({ type: 'init', task });
  return {
    start: () => send({ type: 'start' }),
    pause: () => send({ type: 'pause' }),
    step: () => send({ type: 'step' }),
    reset: (t) => send({ type: 'reset', task: t }),
    subscribe: conn.subscribe,
    terminate: conn.terminate,
  };
}
