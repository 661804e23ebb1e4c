/** The interface every algorithm's trainer implements, and the error that stops a run with an explanation. */
import type { LiveHparams, TrainConfig } from './config';
import type { MlpParams } from './mlp';
import type { UpdateMetrics } from './metrics';

export interface Trainer {
  readonly config: TrainConfig;
  /** Environment steps taken so far. */
  readonly steps: number;
  /** Collects one rollout and learns from it. Throws `TrainingError` on NaN/Inf. */
  update(): Promise<UpdateMetrics>;
  /** Changes live hyperparameters; they apply at the next update. */
  setLive(h: LiveHparams): void;
  /** The current actor parameters (TypeScript copy, synced after every update). */
  actor(): MlpParams;
  /** Frees every tensor the trainer owns. */
  dispose(): void;
}

/** A numerical failure that stops the run; `message` explains it to the reader. */
export class TrainingError extends Error {
  override name = 'TrainingError';
}
