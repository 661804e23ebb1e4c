/**
 * PPO with the clipped surrogate, following CleanRL's ppo.py and the "37 implementation details". Deviations from
 * CleanRL: truncation (the time limit) is bootstrapped rather than treated as termination; the defaults are tuned
 * for wall-clock time to solve CartPole-v1 on a 2-core machine (see src/nn/README.md).
 */
import { defineAlgo } from './algo';
import * as c from './common';
import { actionDim, obsDim } from './envs';
import { bool, int, num, withDefault, type ValuesOf } from './fields';

export const PPO_FIELDS = {
  env: c.ENV,
  seed: c.SEED,
  numEnvs: withDefault(c.NUM_ENVS, 16),
  numSteps: int(64, 'Steps per env per rollout', 'steps per environment per rollout; batch = envs × steps', {
    url: 'steps',
    min: 1,
    max: 2048,
    log: true,
  }),
  totalSteps: withDefault(c.TOTAL_STEPS, 300_000),
  hidden: withDefault(c.HIDDEN, 32),
  learningRate: withDefault(c.LEARNING_RATE, 3e-3),
  annealLr: withDefault(c.ANNEAL_LR, true),
  gamma: withDefault(c.GAMMA, 0.99),
  gaeLambda: num(0.95, 'GAE λ', 'lambda of generalized advantage estimation', {
    url: 'lambda',
    min: 0,
    max: 1,
    step: 0.01,
  }),
  numMinibatches: int(4, 'Minibatches', 'minibatches each epoch splits the shuffled batch into', {
    url: 'mb',
    min: 1,
    max: 64,
  }),
  updateEpochs: int(3, 'Epochs per update', 'passes over the batch per update', {
    url: 'epochs',
    min: 1,
    max: 100,
  }),
  normReward: bool(
    false,
    'Scale rewards',
    "divide rewards by the running std of the discounted return, clipped to ±10 (CleanRL's NormalizeReward)",
    { url: 'normrew', advanced: true, addedLater: true },
  ),
  normAdv: bool(true, 'Normalise advantages', 'advantages to mean 0, std 1 per minibatch', {
    url: 'normadv',
    advanced: true,
  }),
  clipCoef: num(0.2, 'Clip ε', 'surrogate clip epsilon (Infinity: no clipping, the collapse demo)', {
    url: 'clip',
    min: 0.01,
    max: 1,
    step: 0.01,
    live: true,
    off: { value: Infinity, url: 'noclip', label: 'No clipping (ε = ∞)' },
  }),
  clipVloss: bool(
    true,
    'Clip value loss',
    "clip the value loss around the old values with ε (CleanRL's clip_vloss)",
    {
      url: 'vclip',
      advanced: true,
    },
  ),
  entCoef: withDefault(c.ENT_COEF, 0),
  vfCoef: num(0.5, 'Value coef.', 'value-loss coefficient', {
    url: 'vf',
    min: 0,
    max: 10,
    step: 0.05,
    advanced: true,
  }),
  maxGradNorm: withDefault(c.MAX_GRAD_NORM, 0.5),
  targetKl: num(
    0,
    'Target KL (early stop; 0 = off)',
    'stop the epochs of an update once approx KL exceeds this',
    {
      url: 'kl',
      min: 0,
      max: 0.1,
      step: 0.001,
    },
  ),
  logStdInit: num(
    0,
    'Initial log σ',
    "box actions: the Gaussian's state-independent log-std at the start (CleanRL: 0, σ = 1)",
    { url: 'logstd', min: -5, max: 2, step: 0.1, advanced: true, addedLater: true },
  ),
  noiseHold: int(
    1,
    'Noise held (steps)',
    'box actions: each env keeps its standard-normal draw ε of a = μ(s) + σε for this many steps (1: fresh ' +
      "every step, as CleanRL; more: temporally correlated exploration, like gSDE's sample frequency); " +
      'the log-prob stays the per-step Gaussian',
    { url: 'hold', min: 1, max: 1000, log: true, advanced: true, addedLater: true },
  ),
  solveThreshold: c.SOLVE_THRESHOLD,
};

export type PpoConfig = { algo: 'ppo' } & ValuesOf<typeof PPO_FIELDS>;

const batch = (p: { numEnvs: number; numSteps: number }) => p.numEnvs * p.numSteps;

export const PPO = defineAlgo({
  id: 'ppo',
  label: 'PPO',
  doc:
    "PPO-clip (CleanRL's ppo.py): vectorised rollouts, GAE, shuffled minibatch epochs, clipped surrogate. Box " +
    "actions: ppo_continuous_action.py's diagonal Gaussian (state-independent log-std, the unclipped sample " +
    'scored, the env clips); its reward scaling is the `normReward` switch; its observation normalisation is ' +
    'left out (a saved policy then needs no running statistics). `noiseHold` holds the Gaussian noise for ' +
    'several steps (temporally correlated exploration, as gSDE).',
  fields: PPO_FIELDS,
  actionKinds: ['discrete', 'box'],
  series: [
    'returnMean20',
    'policyLoss',
    'valueLoss',
    'entropy',
    'approxKl',
    'clipFraction',
    'explainedVariance',
    'learningRate',
    'gradNorm',
    'epochs',
    'tvMean',
    'tvMax',
    'klMean',
    'klMax',
  ],
  constraints: [
    {
      fields: ['numEnvs', 'numSteps', 'numMinibatches'],
      check: (p) =>
        batch(p) % p.numMinibatches === 0
          ? null
          : `${p.numMinibatches} minibatches do not split the batch of ${p.numEnvs} envs × ${p.numSteps} steps = ` +
            `${batch(p)} rows into equal parts`,
    },
  ],
  workFields: ['numEnvs', 'numSteps', 'numMinibatches', 'updateEpochs', 'hidden'],
  work: (p, env) => {
    const B = p.numEnvs * p.numSteps;
    const d = obsDim(env);
    const macs = c.mlpMacs(d, p.hidden, actionDim(env.action)) + c.mlpMacs(d, p.hidden, 1);
    return {
      batchRows: B,
      stepRows: Math.ceil(B / p.numMinibatches),
      hidden: p.hidden,
      // rollout forward passes + epochs × (forward + backward) over the batch
      flops: 2 * macs * B * (1 + 3 * p.updateEpochs),
    };
  },
});
