/**
 * DQN (CleanRL dqn.py) with Double DQN and the switches the value-based chapter needs (replay off, target network
 * off). Deviations from CleanRL's defaults, all for wall-clock time on a 2-core machine (src/nn/offpolicy/README.md):
 * ε decays over 5% of the budget (10k steps) instead of 50% (250k), learning starts at 1k instead of 10k, lr 1e-3,
 * 64-64 ReLU units instead of 120-84, two gradient steps every 8 env steps instead of one every 10, Huber loss
 * instead of MSE, replay 50k instead of 10k. The target network's copy happens at the first training step at or
 * after each multiple of `targetNetworkFrequency` (exactly CleanRL's steps when one divides the other).
 */
import { defineAlgo } from './algo';
import * as c from './common';
import { actionDim } from './envs';
import { bool, num, oneOf, withDefault, int, type ValuesOf } from './fields';
import * as op from './offpolicy-common';

export const DQN_FIELDS = {
  env: c.ENV,
  seed: c.SEED,
  totalSteps: withDefault(c.TOTAL_STEPS, 200_000),
  learningRate: op.OP_LR(1e-3),
  bufferSize: withDefault(op.BUFFER_SIZE, 50_000),
  gamma: withDefault(c.GAMMA, 0.99),
  tau: withDefault(op.TAU, 1),
  targetNetworkFrequency: int(500, 'Target every', 'environment steps between target network updates', {
    url: 'targetfreq',
    min: 1,
    max: 100_000,
    log: true,
  }),
  batchSize: withDefault(op.BATCH_SIZE, 128),
  startE: num(1, 'Start ε', 'epsilon at the start of the linear schedule', {
    url: 'starte',
    min: 0,
    max: 1,
    step: 0.01,
    advanced: true,
  }),
  endE: num(0.05, 'Final ε', 'epsilon at the end of the schedule and after it', {
    url: 'eps',
    min: 0,
    max: 1,
    step: 0.01,
    live: true,
  }),
  explorationFraction: num(
    0.05,
    'ε decay fraction',
    'fraction of the budget over which ε falls from start to final',
    {
      url: 'efrac',
      min: 0,
      max: 1,
      step: 0.01,
      advanced: true,
    },
  ),
  learningStarts: withDefault(op.LEARNING_STARTS, 1000),
  trainFrequency: withDefault(op.TRAIN_FREQUENCY, 8),
  gradientSteps: withDefault(op.GRADIENT_STEPS, 2),
  hidden: withDefault(op.OP_HIDDEN, 64),
  chunkSteps: withDefault(op.CHUNK_STEPS, 500),
  double: bool(
    false,
    'Double DQN',
    'the online network picks the next action, the target network values it',
    { url: 'double' },
  ),
  replay: bool(true, 'Replay buffer', 'off: every gradient step uses the latest batch of transitions only', {
    url: 'replay',
  }),
  targetNetwork: bool(true, 'Target network', 'off: the TD target uses the online weights', {
    url: 'target',
  }),
  shadow: op.SHADOW,
  loss: oneOf<'mse' | 'huber'>(
    'huber',
    'TD loss',
    "squared error (CleanRL) or Huber (smooth L1, the Nature DQN's error clipping)",
    [
      { value: 'mse', label: 'squared error' },
      { value: 'huber', label: 'Huber' },
    ],
    { url: 'loss' },
  ),
  solveThreshold: c.SOLVE_THRESHOLD,
};

export type DqnConfig = { algo: 'dqn' } & ValuesOf<typeof DQN_FIELDS>;

export const DQN = defineAlgo({
  id: 'dqn',
  label: 'DQN',
  doc: "DQN (CleanRL's dqn.py): ε-greedy, uniform replay, target network; Double DQN and ablation switches.",
  fields: DQN_FIELDS,
  actionKinds: ['discrete'],
  series: [...op.OFFPOLICY_SERIES, 'qShadow', 'epsilon'],
  constraints: [
    {
      fields: ['learningStarts', 'batchSize'],
      check: (p) =>
        p.learningStarts >= p.batchSize
          ? null
          : `learning starts (${p.learningStarts}) must be at least the batch size (${p.batchSize})`,
    },
  ],
  engine: 'kernels',
  workFields: ['batchSize', 'hidden', 'chunkSteps', 'trainFrequency', 'gradientSteps'],
  work: (p, env) => op.offPolicyWork(p, 3 * op.qMacs(env, p.hidden, actionDim(env.action))),
});
