/**
 * The trainer of each algorithm of the spec registry (src/spec/algos.ts). The mapped type makes a missing one a
 * type error: adding an algorithm is its table in src/spec and its trainer here.
 */
import type { AlgoId, TrainConfig } from '@/spec';
import { PpoTrainer } from './ppo';
import { ReinforceTrainer } from './reinforce';
import type { Trainer } from './trainer';

type ConfigOf<A extends AlgoId> = Extract<TrainConfig, { algo: A }>;

export const TRAINERS: { [A in AlgoId]: (cfg: ConfigOf<A>) => Trainer } = {
  ppo: (cfg) => new PpoTrainer(cfg),
  reinforce: (cfg) => new ReinforceTrainer(cfg),
};

/** The trainer for a (validated) config. */
export function createTrainerFor(cfg: TrainConfig): Trainer {
  return (TRAINERS[cfg.algo] as (c: TrainConfig) => Trainer)(cfg);
}
