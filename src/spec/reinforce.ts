/**
 * REINFORCE (vanilla policy gradient) on whole episodes: the weight of log π(a_t|s_t) is the total return R(τ), the
 * reward-to-go G_t, or G_t minus a learned V(s_t); optionally normalised over the batch; one step per batch.
 */
import { defineAlgo } from './algo';
import * as c from './common';
import { actionDim, obsDim } from './envs';
import { bool, int, oneOf, withDefault, type ValuesOf } from './fields';

export const REINFORCE_VARIANTS = [
  { value: 'total-return', label: 'total return R(τ)' },
  { value: 'reward-to-go', label: 'reward-to-go G_t' },
  { value: 'reward-to-go-baseline', label: 'G_t − V(s_t) (learned baseline)' },
] as const;
export type ReinforceVariant = (typeof REINFORCE_VARIANTS)[number]['value'];

export const REINFORCE_FIELDS = {
  env: c.ENV,
  seed: c.SEED,
  numEnvs: withDefault(c.NUM_ENVS, 8),
  totalSteps: withDefault(c.TOTAL_STEPS, 600_000),
  hidden: withDefault(c.HIDDEN, 64),
  learningRate: withDefault(c.LEARNING_RATE, 5e-3),
  annealLr: withDefault(c.ANNEAL_LR, false),
  gamma: withDefault(c.GAMMA, 0.99),
  maxGradNorm: withDefault(c.MAX_GRAD_NORM, 1),
  solveThreshold: c.SOLVE_THRESHOLD,
  variant: oneOf<ReinforceVariant>(
    'reward-to-go-baseline',
    'Weighting',
    'weight of log π(a_t|s_t): R(τ), G_t, or G_t − V(s_t)',
    REINFORCE_VARIANTS,
    { url: 'variant' },
  ),
  normalizeReturns: bool(true, 'Normalise weights', 'weights to mean 0, std 1 over the batch', {
    url: 'norm',
  }),
  batchSteps: int(
    4000,
    'Steps per batch',
    'minimum environment steps per update; episodes are always completed',
    {
      url: 'batch',
      min: 100,
      max: 100_000,
      log: true,
    },
  ),
  entCoef: withDefault(c.ENT_COEF, 0),
  valueEpochs: int(5, 'Critic passes', 'critic regression steps per update (baseline variant only)', {
    url: 'vepochs',
    min: 1,
    max: 100,
    advanced: true,
  }),
};

export type ReinforceConfig = { algo: 'reinforce' } & ValuesOf<typeof REINFORCE_FIELDS>;

export const REINFORCE = defineAlgo({
  id: 'reinforce',
  label: 'REINFORCE',
  doc: 'REINFORCE on complete episodes, with total return, reward-to-go or a learned baseline.',
  fields: REINFORCE_FIELDS,
  actionKinds: ['discrete', 'box'],
  series: [
    'returnMean20',
    'policyLoss',
    'valueLoss',
    'entropy',
    'explainedVariance',
    'learningRate',
    'gradNorm',
    'epochs',
    'tvMean',
    'tvMax',
    'klMean',
    'klMax',
  ],
  constraints: [],
  workFields: ['numEnvs', 'batchSteps', 'hidden', 'valueEpochs'],
  work: (r, env) => {
    // Episodes are completed: every environment may run one whole episode past the batch size.
    const rows = r.batchSteps + r.numEnvs * env.maxEpisodeSteps;
    const d = obsDim(env);
    const actor = c.mlpMacs(d, r.hidden, actionDim(env.action));
    const critic = r.variant === 'reward-to-go-baseline' ? c.mlpMacs(d, r.hidden, 1) : 0;
    return {
      batchRows: rows,
      stepRows: rows,
      hidden: r.hidden,
      // rollout + actor step (forward + backward) + critic passes; ratios after the update (one forward)
      flops: 2 * rows * (actor * 5 + critic * (1 + 3 * r.valueEpochs)),
    };
  },
});
