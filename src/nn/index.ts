/** src/nn public surface, imported only by the worker (and tests). */
export { TrainingError, type Trainer, type Progress } from './trainer';
export { PpoTrainer } from './ppo';
export { ReinforceTrainer } from './reinforce';
export { MlpForward, type MlpParams } from './mlp';
export { createTrainerFor, TRAINERS, type TrainerInputs } from './registry';
export { makeVecEnv } from './envs';
