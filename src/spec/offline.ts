/**
 * Offline learning from a logged dataset of discrete-action transitions (chapter 11): one learner, three methods.
 * `dqn` is DQN's target and squared TD loss on the fixed data (no acting, no new data); `cql` adds CQL(H)'s
 * conservative term α (logsumexp_a Q(s, a) − Q(s, a_data)) (Kumar et al. 2020, eq. 4); `iql` is implicit
 * Q-learning (Kostrikov et al. 2021): V by expectile regression on the target Q at dataset pairs, Q by squared error
 * to r + γ V(s'), the policy by advantage-weighted regression, so no target ever queries an action outside the data.
 * The target network is a Polyak average (rate τ, every gradient step) for all three, as IQL's reference code; one
 * critic (the papers use two for IQL's continuous tasks). Each report runs `chunkSteps` gradient steps, then
 * `evalEpisodes` evaluation episodes online with the greedy policy (argmax Q; IQL: argmax of the policy's logits).
 * The step budget and the x axis count gradient steps: an offline learner takes no environment steps.
 */
import { defineAlgo } from './algo';
import * as c from './common';
import { actionDim } from './envs';
import { int, num, oneOf, withDefault, type ValuesOf } from './fields';
import * as op from './offpolicy-common';

export type OfflineMethod = 'dqn' | 'cql' | 'iql';

export const OFFLINE_FIELDS = {
  env: c.ENV,
  seed: c.SEED,
  method: oneOf<OfflineMethod>(
    'cql',
    'Method',
    'naive offline DQN, CQL(H), or IQL',
    [
      { value: 'dqn', label: 'DQN (naive)' },
      { value: 'cql', label: 'CQL' },
      { value: 'iql', label: 'IQL' },
    ],
    { url: 'method' },
  ),
  totalSteps: int(3000, 'Gradient steps', 'gradient steps of the run (the run stops there)', {
    url: 'total',
    min: 100,
    max: 1_000_000,
    log: true,
  }),
  learningRate: op.OP_LR(3e-4, 'Learning rate', 'Adam learning rate of every network (torch defaults)'),
  gamma: withDefault(c.GAMMA, 0.99),
  tau: withDefault(op.TAU, 0.005),
  batchSize: withDefault(op.BATCH_SIZE, 128),
  hidden: withDefault(op.OP_HIDDEN, 64),
  cqlAlpha: num(1, 'CQL α', "weight of CQL's conservative term (method CQL)", {
    url: 'cqlalpha',
    min: 0,
    max: 100,
    step: 0.01,
  }),
  expectile: num(0.7, 'IQL expectile', 'expectile of the value regression (method IQL); ½ is the mean', {
    url: 'expectile',
    min: 0.5,
    max: 0.99,
    step: 0.01,
  }),
  beta: num(
    3,
    'IQL β',
    'inverse temperature of the advantage weights exp(β A), clipped at 100 (method IQL)',
    {
      url: 'beta',
      min: 0,
      max: 100,
      step: 0.1,
    },
  ),
  evalEpisodes: int(5, 'Evaluation episodes', 'greedy episodes run online after each report', {
    url: 'evals',
    min: 1,
    max: 50,
    advanced: true,
  }),
  chunkSteps: withDefault(op.CHUNK_STEPS, 250),
  solveThreshold: withDefault(c.SOLVE_THRESHOLD, Infinity),
};

export type OfflineConfig = { algo: 'offline' } & ValuesOf<typeof OFFLINE_FIELDS>;

export const OFFLINE = defineAlgo({
  id: 'offline',
  label: 'Offline',
  doc: 'Offline DQN, CQL(H) or IQL on a logged dataset, evaluated online with the greedy policy.',
  fields: OFFLINE_FIELDS,
  actionKinds: ['discrete'],
  series: [...op.OFFPOLICY_SERIES],
  constraints: [],
  workFields: ['batchSize', 'hidden', 'chunkSteps'],
  // IQL: Q, target Q, V (twice) and the policy per gradient step; DQN and CQL need fewer.
  work: (p, env) =>
    op.offPolicyWork(
      { ...p, trainFrequency: 1, gradientSteps: 1 },
      5 * op.qMacs(env, p.hidden, actionDim(env.action)),
    ),
});
