/**
 * What chapter 12's training widgets import: one worker per widget running preference.worker.ts, a typed API,
 * and crash reporting (the worker's error events become a `crash` event). Re-exports the settings' defaults.
 */
import type { PreferenceCommand, PreferenceEvent, PreferenceTask } from './preference-protocol';

export { GRPO_DEFAULTS, GRPO_VARIANTS, PREFERENCE_DEFAULTS } from '@/nn/preference-config';
export type * from './preference-protocol';

export type PreferenceClientEvent = PreferenceEvent | { type: 'crash'; message: string };

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
  const listeners = new Set<(e: PreferenceClientEvent) => void>();
  let dead = false;
  const emit = (e: PreferenceClientEvent) => {
    for (const l of listeners) l(e);
  };
  worker.onmessage = (ev: MessageEvent<PreferenceEvent>) => emit(ev.data);
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    if (dead) return;
    dead = true;
    worker.terminate();
    emit({ type: 'crash', message: `The training worker crashed: ${ev.message || 'unknown error'}` });
  };
  const send = (c: PreferenceCommand) => {
    if (!dead) worker.postMessage(c);
  };
  send({ type: 'init', task });
  return {
    start: () => send({ type: 'start' }),
    pause: () => send({ type: 'pause' }),
    step: () => send({ type: 'step' }),
    reset: (t) => send({ type: 'reset', task: t }),
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
