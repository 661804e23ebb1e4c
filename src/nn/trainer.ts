/** The interface every algorithm's trainer implements, and the error that stops a run with an explanation. */
import type { LiveHparams, TrainConfig, UpdateMetrics } from '@/spec';
import type { MlpParams } from './mlp';

/**
 * Called during an update (between rollout steps and between minibatches) with the phase and how far it is, so a
 * slow but healthy update can report that it is alive. Must be cheap: the caller throttles what it posts.
 */
export type Progress = (phase: 'rollout' | 'learn', done: number, total: number) => void;

export interface Trainer {
  readonly config: TrainConfig;
  /** Environment steps taken so far. */
  readonly steps: number;
  /** Collects experience and learns from it once. Throws `TrainingError` on NaN/Inf. */
  update(progress?: Progress): Promise<UpdateMetrics>;
  /** Changes live hyperparameters (validated by the caller); they apply at the next update. */
  setLive(h: LiveHparams): void;
  /** The current actor parameters (TypeScript copy, synced after every update). */
  actor(): MlpParams;
  /** Frees every tensor the trainer owns. */
  dispose(): void;
}

/** Copies the live settings a trainer keeps (`live`'s own keys) from `h`; other keys are ignored. */
export function applyLive<T extends Record<string, number>>(live: T, h: LiveHparams): void {
  for (const k of Object.keys(live) as (keyof T & string)[]) {
    const v = h[k];
    if (v !== undefined) (live as Record<string, number>)[k] = v;
  }
}

/** A numerical failure that stops the run; `message` explains it to the reader. */
export class TrainingError extends Error {
  override name = 'TrainingError';
}
