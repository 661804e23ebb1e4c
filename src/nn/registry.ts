/**
 * The trainer of each algorithm of the spec registry (src/spec/algos.ts). The mapped type makes a missing one a
 * type error: adding an algorithm is its table in src/spec and its trainer here.
 */
import type { AlgoId, OfflineDataset, TrainConfig } from '@/spec';
import { PpoTrainer } from './ppo';
import { ReinforceTrainer } from './reinforce';
import type { Trainer } from './trainer';
import { DqnTrainer } from './offpolicy/dqn';
import { makeOffPolicyEnv } from './offpolicy/env';
import { SacTrainer } from './offpolicy/sac';
import { Td3Trainer } from './offpolicy/td3';
import { OfflineTrainer } from './offpolicy/offline';

type ConfigOf<A extends AlgoId> = Extract<TrainConfig, { algo: A }>;

/** What a run may need besides its config: the offline learner's dataset (sent to the worker separately). */
export interface TrainerInputs {
  dataset?: OfflineDataset | null;
}

export const TRAINERS: { [A in AlgoId]: (cfg: ConfigOf<A>, inputs: TrainerInputs) => Trainer } = {
  ppo: (cfg) => new PpoTrainer(cfg),
  reinforce: (cfg) => new ReinforceTrainer(cfg),
  dqn: (cfg) => new DqnTrainer(cfg, makeOffPolicyEnv(cfg.env)),
  ddpg: (cfg) => new Td3Trainer(cfg, makeOffPolicyEnv(cfg.env)),
  td3: (cfg) => new Td3Trainer(cfg, makeOffPolicyEnv(cfg.env)),
  sac: (cfg) => new SacTrainer(cfg, makeOffPolicyEnv(cfg.env)),
  offline: (cfg, inputs) => new OfflineTrainer(cfg, makeOffPolicyEnv(cfg.env), inputs.dataset),
};

/** The trainer for a (validated) config. */
export function createTrainerFor(cfg: TrainConfig, inputs: TrainerInputs = {}): Trainer {
  return (TRAINERS[cfg.algo] as (c: TrainConfig, i: TrainerInputs) => Trainer)(cfg, inputs);
}
