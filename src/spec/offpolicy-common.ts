/**
 * Settings the off-policy learners (DQN, DDPG, TD3, SAC; src/nn/offpolicy) share: the replay and the
 * acting/learning loop of CleanRL's scripts, each range declared once (defaults are each algorithm's own).
 */
import type { EnvSpec } from './envs';
import { bool, int, num } from './fields';
import type { MetricKey } from './metrics';
import { mlpMacs, type Work } from './common';

export const BUFFER_SIZE = int(50_000, 'Replay size', 'replay buffer capacity in transitions (a ring)', {
  url: 'buffer',
  min: 100,
  max: 1_000_000,
  log: true,
  advanced: true,
});
export const BATCH_SIZE = int(
  128,
  'Batch size',
  'transitions per gradient step, sampled uniformly with replacement',
  {
    url: 'batch',
    min: 8,
    max: 1024,
    log: true,
  },
);
export const OP_HIDDEN = int(64, 'Hidden units', 'width of the two ReLU hidden layers of every network', {
  url: 'hidden',
  min: 4,
  max: 256,
  log: true,
});
export const LEARNING_STARTS = int(
  1000,
  'Learning starts',
  'environment steps before the first gradient step',
  {
    url: 'starts',
    min: 0,
    max: 100_000,
    log: true,
  },
);
export const TRAIN_FREQUENCY = int(1, 'Train every', 'environment steps between training blocks', {
  url: 'trainfreq',
  min: 1,
  max: 1000,
  log: true,
  advanced: true,
});
export const GRADIENT_STEPS = int(
  1,
  'Gradient steps',
  'gradient steps per training block (acting weights read back once per block)',
  {
    url: 'gsteps',
    min: 1,
    max: 1000,
    log: true,
    advanced: true,
  },
);
export const CHUNK_STEPS = int(
  50,
  'Steps per report',
  'environment steps per trainer call (one metrics row; the worker yields between calls)',
  {
    url: 'chunk',
    min: 1,
    max: 5000,
    log: true,
    advanced: true,
  },
);
export const TAU = num(0.005, 'Target rate τ', 'Polyak rate of the target networks (1 = hard copy)', {
  url: 'tau',
  min: 0.0001,
  max: 1,
  step: 0.05,
  log: true,
  advanced: true,
});
export const OP_LR = (
  d: number,
  label = 'Learning rate',
  doc = 'Adam learning rate (torch defaults, eps 1e-8)',
  url = 'lr',
) => num(d, label, doc, { url, min: 1e-6, max: 0.1, step: 0.05, log: true, live: true });
/**
 * Temporally correlated exploration for the box learners (MountainCarContinuous): the acting noise is redrawn every
 * `noiseHold` environment steps and held in between (1: a fresh draw every step, as CleanRL). The same idea as PPO's
 * `noiseHold` and rl-baselines3-zoo's Ornstein-Uhlenbeck noise / gSDE for this task; the learning side is unchanged.
 */
export const NOISE_HOLD = (doc: string) =>
  int(1, 'Noise held (steps)', doc, {
    url: 'hold',
    min: 1,
    max: 1000,
    log: true,
    advanced: true,
    addedLater: true,
  });
export const POLICY_FREQUENCY = int(2, 'Policy delay', 'critic updates per actor update', {
  url: 'delay',
  min: 1,
  max: 10,
});

/**
 * DQN, DDPG and TD3: a shadow critic that starts from the critic's initial weights and steps on the same minibatches
 * with the other target rule, never acting. Its Q on the readout's steps isolates what the target rule does.
 */
export const SHADOW = bool(
  false,
  'Shadow critic',
  'also train a copy of the critic on the same minibatches with the other target (max ↔ Double DQN, single ↔ ' +
    'clipped double Q); it never acts; the overestimation chart shows both (about twice the critic work)',
  { url: 'shadow', addedLater: true },
);

/** The work of one trainer call of an off-policy learner with `nets` forward+backward MLP passes per gradient step. */
export function offPolicyWork(
  p: { batchSize: number; hidden: number; chunkSteps: number; trainFrequency: number; gradientSteps: number },
  macsPerRow: number,
): Work {
  const steps = Math.ceil(p.chunkSteps / p.trainFrequency) * p.gradientSteps;
  return {
    batchRows: p.batchSize,
    stepRows: p.batchSize,
    hidden: p.hidden,
    flops: 2 * 3 * macsPerRow * p.batchSize * steps,
  };
}

export const qMacs = (env: EnvSpec, h: number, outDim: number, inExtra = 0) =>
  mlpMacs(env.observation.low.length + inExtra, h, outDim);

/** What every off-policy learner streams (each adds its own: ε, actor loss, α). */
export const OFFPOLICY_SERIES = [
  'returnMean20',
  'qLoss',
  'tdError',
  'qMean',
  'qEpisodes',
  'mcReturn',
  'learningRate',
  'updatesPerSec',
  'gradientSteps',
  'sampleMs',
] as const satisfies readonly MetricKey[];
