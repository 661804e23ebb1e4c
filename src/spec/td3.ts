/**
 * DDPG (CleanRL ddpg_continuous_action.py) and TD3 (td3_continuous_action.py): one learner, TD3's three fixes
 * (clipped double Q, delayed policy updates, target policy smoothing) as switches, so a widget can show DDPG's
 * overestimation against TD3. Deviations from CleanRL's defaults, for wall-clock time: 64-64 ReLU units instead of
 * 256-256, learning starts at 1k instead of 25k (its 25k random steps were 70% of CleanRL's steps to solve
 * Pendulum), lr 1e-3 instead of 3e-4, replay 50k instead of 1M; the delay counts gradient steps (CleanRL counts env
 * steps: the same with one gradient step per env step, up to the learning-start offset).
 */
import { defineAlgo } from './algo';
import * as c from './common';
import { bool, num, withDefault, type ValuesOf } from './fields';
import * as op from './offpolicy-common';

const fields = (fixes: boolean) => ({
  env: withDefault(c.ENV, 'Pendulum-v1'),
  seed: c.SEED,
  totalSteps: withDefault(c.TOTAL_STEPS, 100_000),
  learningRate: op.OP_LR(1e-3),
  bufferSize: withDefault(op.BUFFER_SIZE, 50_000),
  gamma: withDefault(c.GAMMA, 0.99),
  tau: withDefault(op.TAU, 0.005),
  batchSize: withDefault(op.BATCH_SIZE, 256),
  explorationNoise: num(
    0.1,
    'Exploration noise',
    'std of the Gaussian action noise, as a fraction of the action scale',
    {
      url: 'noise',
      min: 0,
      max: 1,
      step: 0.01,
      live: true,
    },
  ),
  noiseHold: op.NOISE_HOLD(
    'acting keeps its draws this many steps: the uniform action before learning starts, then the Gaussian ' +
      'noise ε of a = μ(s) + σ ε (1: fresh every step, as CleanRL; more: temporally correlated exploration)',
  ),
  learningStarts: withDefault(op.LEARNING_STARTS, 1000),
  trainFrequency: withDefault(op.TRAIN_FREQUENCY, 1),
  gradientSteps: withDefault(op.GRADIENT_STEPS, 1),
  hidden: withDefault(op.OP_HIDDEN, 64),
  chunkSteps: withDefault(op.CHUNK_STEPS, 50),
  clippedDoubleQ: bool(
    fixes,
    'Clipped double Q',
    'two critics; the TD target takes the minimum of their targets',
    { url: 'twinq' },
  ),
  shadow: op.SHADOW,
  policyFrequency: withDefault(op.POLICY_FREQUENCY, 2),
  targetSmoothing: bool(fixes, 'Target smoothing', 'clipped Gaussian noise on the target action', {
    url: 'smooth',
  }),
  policyNoise: num(
    0.2,
    'Smoothing noise',
    'std of the target smoothing noise, as a fraction of the action scale',
    {
      url: 'pnoise',
      min: 0,
      max: 2,
      step: 0.01,
      advanced: true,
    },
  ),
  noiseClip: num(
    0.5,
    'Smoothing clip',
    'clip of the target smoothing noise, as a fraction of the action scale',
    {
      url: 'nclip',
      min: 0,
      max: 2,
      step: 0.01,
      advanced: true,
    },
  ),
  solveThreshold: withDefault(c.SOLVE_THRESHOLD, -200),
});

export const TD3_FIELDS = fields(true);
export const DDPG_FIELDS = fields(false);

export type Td3Config = { algo: 'td3' } & ValuesOf<typeof TD3_FIELDS>;
export type DdpgConfig = { algo: 'ddpg' } & ValuesOf<typeof DDPG_FIELDS>;

const work = (
  p: { batchSize: number; hidden: number; chunkSteps: number; trainFrequency: number; gradientSteps: number },
  env: import('./envs').EnvSpec,
) => {
  const m = env.action.kind === 'box' ? env.action.low.length : 1;
  // actor (target + update) and up to two critics (target + update + actor path)
  return op.offPolicyWork(p, 2 * op.qMacs(env, p.hidden, m) + 6 * op.qMacs(env, p.hidden, 1, m));
};
const WORK_FIELDS = ['batchSize', 'hidden', 'chunkSteps', 'trainFrequency', 'gradientSteps'] as const;

export const TD3 = defineAlgo({
  id: 'td3',
  label: 'TD3',
  doc: "TD3 (CleanRL's td3_continuous_action.py): clipped double Q, delayed actor updates, target smoothing.",
  fields: TD3_FIELDS,
  actionKinds: ['box'],
  series: [...op.OFFPOLICY_SERIES, 'qShadow', 'actorLoss'],
  constraints: [],
  engine: 'kernels',
  workFields: WORK_FIELDS,
  work,
});

export const DDPG = defineAlgo({
  id: 'ddpg',
  label: 'DDPG',
  doc: "DDPG (CleanRL's ddpg_continuous_action.py): one critic, deterministic actor; TD3's fixes off.",
  fields: DDPG_FIELDS,
  actionKinds: ['box'],
  series: [...op.OFFPOLICY_SERIES, 'qShadow', 'actorLoss'],
  constraints: [],
  engine: 'kernels',
  workFields: WORK_FIELDS,
  work,
});
