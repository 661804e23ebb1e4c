/** src/nn public surface, imported only by the worker (and tests). */
import type { TrainConfig } from './config';
import { PpoTrainer } from './ppo';
import { ReinforceTrainer } from './reinforce';
import type { Trainer } from './trainer';

export * from './config';
export type { UpdateMetrics } from './metrics';
export { TrainingError, type Trainer } from './trainer';
export { PpoTrainer } from './ppo';
export { ReinforceTrainer } from './reinforce';
export { MlpForward, type MlpParams } from './mlp';

/** The trainer for a (validated) config. */
export function createTrainerFor(cfg: TrainConfig): Trainer {
  return cfg.algo === 'ppo' ? new PpoTrainer(cfg) : new ReinforceTrainer(cfg);
}
