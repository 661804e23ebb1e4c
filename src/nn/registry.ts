/**
 * The trainer of each algorithm of the spec registry (src/spec/algos.ts). The mapped type makes a missing one a
 * type error: adding an algorithm is its table in src/spec and its trainer here.
 */
import type { AlgoId, TrainConfig } from '@/spec';
import { PpoTrainer } from './ppo';
import { ReinforceTrainer } from './reinforce';
import type { Trainer } from './trainer';
import { DqnTrainer } from './offpolicy/dqn';
import { makeOffPolicyEnv } from './offpolicy/env';
import { SacTrainer } from './offpolicy/sac';
import { Td3Trainer } from './offpolicy/td3';

type ConfigOf<A extends AlgoId> = Extract<TrainConfig, { algo: A }>;

export const TRAINERS: { [A in AlgoId]: (cfg: ConfigOf<A>) => Trainer } = {
  ppo: (cfg) => new PpoTrainer(cfg),
  reinforce: (cfg) => new ReinforceTrainer(cfg),
  dqn: (cfg) => new DqnTrainer(cfg, makeOffPolicyEnv(cfg.env)),
  ddpg: (cfg) => new Td3Trainer(cfg, makeOffPolicyEnv(cfg.env)),
  td3: (cfg) => new Td3Trainer(cfg, makeOffPolicyEnv(cfg.env)),
  sac: (cfg) => new SacTrainer(cfg, makeOffPolicyEnv(cfg.env)),
};

/** The trainer for a (validated) config. */
export function createTrainerFor(cfg: TrainConfig): Trainer {
  return (TRAINERS[cfg.algo] as (c: TrainConfig) => Trainer)(cfg);
}
