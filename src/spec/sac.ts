/**
 * SAC (CleanRL sac_continuous_action.py): twin soft Q with Polyak targets, squashed Gaussian actor with the tanh
 * log-det correction, reparameterised actor loss, automatic temperature (target entropy −dim(A)). Deviations from
 * CleanRL's defaults, for wall-clock time: 64-64 ReLU units instead of 256-256, learning starts at 1k instead of 5k,
 * replay 50k instead of 1M; the temperature step uses the actor step's own log π (before the actor's update, as
 * Stable-Baselines3) instead of a second sample after it.
 */
import { defineAlgo } from './algo';
import * as c from './common';
import { bool, num, withDefault, type ValuesOf } from './fields';
import * as op from './offpolicy-common';

export const SAC_FIELDS = {
  env: withDefault(c.ENV, 'Pendulum-v1'),
  seed: c.SEED,
  totalSteps: withDefault(c.TOTAL_STEPS, 100_000),
  policyLr: op.OP_LR(3e-4, 'Actor learning rate', 'Adam learning rate of the actor', 'plr'),
  qLr: op.OP_LR(1e-3, 'Critic learning rate', 'Adam learning rate of the critics and of log α', 'qlr'),
  bufferSize: withDefault(op.BUFFER_SIZE, 50_000),
  gamma: withDefault(c.GAMMA, 0.99),
  tau: withDefault(op.TAU, 0.005),
  batchSize: withDefault(op.BATCH_SIZE, 256),
  noiseHold: op.NOISE_HOLD(
    'acting keeps its draws this many steps: the uniform action before learning starts, then the ε of the ' +
      'squashed sample tanh(μ(s) + σ(s) ε) (1: fresh every step, as CleanRL; the updates always draw fresh ε)',
  ),
  learningStarts: withDefault(op.LEARNING_STARTS, 1000),
  trainFrequency: withDefault(op.TRAIN_FREQUENCY, 1),
  gradientSteps: withDefault(op.GRADIENT_STEPS, 1),
  hidden: withDefault(op.OP_HIDDEN, 64),
  chunkSteps: withDefault(op.CHUNK_STEPS, 50),
  policyFrequency: withDefault(op.POLICY_FREQUENCY, 2),
  targetNetworkFrequency: num(1, 'Target every', 'gradient steps between target updates', {
    url: 'targetfreq',
    min: 1,
    max: 100,
    step: 1,
    advanced: true,
  }),
  alpha: num(
    0.2,
    'Temperature α',
    'entropy temperature (fixed when not tuned; setting it mid-run restarts tuning from it)',
    {
      url: 'alpha',
      min: 0.0001,
      max: 10,
      step: 0.05,
      log: true,
      live: true,
    },
  ),
  autotune: bool(true, 'Tune α', 'tune α toward the target entropy −dim(A)', { url: 'autotune' }),
  solveThreshold: withDefault(c.SOLVE_THRESHOLD, -200),
};

export type SacConfig = { algo: 'sac' } & ValuesOf<typeof SAC_FIELDS>;

export const SAC = defineAlgo({
  id: 'sac',
  label: 'SAC',
  doc: "SAC (CleanRL's sac_continuous_action.py): twin soft Q, squashed Gaussian actor, automatic temperature.",
  fields: SAC_FIELDS,
  actionKinds: ['box'],
  series: [...op.OFFPOLICY_SERIES, 'actorLoss', 'alpha'],
  constraints: [],
  engine: 'kernels',
  workFields: ['batchSize', 'hidden', 'chunkSteps', 'trainFrequency', 'gradientSteps'],
  work: (p, env) => {
    const m = env.action.kind === 'box' ? env.action.low.length : 1;
    return op.offPolicyWork(p, 4 * op.qMacs(env, p.hidden, 2 * m) + 8 * op.qMacs(env, p.hidden, 1, m));
  },
});
