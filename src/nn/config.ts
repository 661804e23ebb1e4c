/**
 * Training configurations: one type per algorithm, a doc line per field, documented defaults, presets used by the
 * chapters, and validation that returns messages instead of throwing (an invalid config never crashes a worker).
 */

/** Settings shared by every algorithm. */
export interface CommonConfig {
  /** Run seed: drives env resets, action sampling, weight init and minibatch order. Default 1. */
  seed: number;
  /** Number of parallel environments stepped in lock-step. */
  numEnvs: number;
  /** Total environment-step budget; the run stops when reached. */
  totalSteps: number;
  /** Hidden layer width of the actor and the critic (two hidden tanh layers each). Default 64. */
  hidden: number;
  /** Adam learning rate at the start of the run (Adam eps 1e-5). Live-changeable. */
  learningRate: number;
  /** Linearly anneal the learning rate to 0 over `totalSteps`. */
  annealLr: boolean;
  /** Discount factor. Default 0.99. */
  gamma: number;
  /** Global gradient-norm clip (actor and critic together); Infinity = off. Default 0.5. */
  maxGradNorm: number;
  /** Stop when the mean return of the last 20 finished episodes reaches this (CartPole-v1: 475). 0 = never. */
  solveThreshold: number;
}

/** PPO with the clipped surrogate, following CleanRL's ppo.py and the "37 implementation details". */
export interface PpoConfig extends CommonConfig {
  algo: 'ppo';
  /** Steps per environment per rollout; batch size = numEnvs * numSteps. */
  numSteps: number;
  /** GAE lambda. Default 0.95. */
  gaeLambda: number;
  /** Number of minibatches each epoch splits the (shuffled) batch into. */
  numMinibatches: number;
  /** Passes over the batch per update. */
  updateEpochs: number;
  /** Normalise advantages per minibatch (mean 0, std 1). Default true. */
  normAdv: boolean;
  /** Surrogate clip epsilon; Infinity turns clipping off (the collapse demo). Default 0.2. Live-changeable. */
  clipCoef: number;
  /** Clip the value loss around the old values with the same epsilon (CleanRL's clip_vloss). Default true. */
  clipVloss: boolean;
  /** Entropy bonus coefficient. Default 0.01. Live-changeable. */
  entCoef: number;
  /** Value-loss coefficient. Default 0.5. */
  vfCoef: number;
  /** Stop the epochs of an update early when approx KL exceeds this; 0 = off. Default 0 (off). */
  targetKl: number;
}

/** How REINFORCE weights the log-probability of each action. */
export type ReinforceVariant = 'total-return' | 'reward-to-go' | 'reward-to-go-baseline';

/** REINFORCE (vanilla policy gradient) on whole episodes. */
export interface ReinforceConfig extends CommonConfig {
  algo: 'reinforce';
  /** Weight of log pi(a_t|s_t): total return R(tau), reward-to-go G_t, or G_t minus a learned V(s_t). */
  variant: ReinforceVariant;
  /** Normalise the weights over the batch (mean 0, std 1). */
  normalizeReturns: boolean;
  /** Minimum number of environment steps per update; episodes are always completed. */
  batchSteps: number;
  /** Entropy bonus coefficient. Default 0. Live-changeable. */
  entCoef: number;
  /** Passes of critic regression per update (baseline variant only). Default 5. */
  valueEpochs: number;
}

export type TrainConfig = PpoConfig | ReinforceConfig;
export type Algo = TrainConfig['algo'];

/** Fields that may change mid-run; they apply at the next update. Everything else asks for a restart. */
export const LIVE_FIELDS = ['learningRate', 'entCoef', 'clipCoef'] as const;
export type LiveField = (typeof LIVE_FIELDS)[number];
export type LiveHparams = Partial<Record<LiveField, number>>;

/**
 * Default PPO config, tuned for wall-clock time to solve CartPole-v1 on a 2-core machine (tfjs wasm for the
 * update, TypeScript for the rollout). Against CleanRL's defaults (4 envs × 128 steps, 4 epochs, lr 2.5e-4, 64
 * hidden units, entropy 0.01): a bigger batch per update (16 × 64 = 1024) so fewer, larger tfjs calls; 3 epochs
 * of 4 minibatches of 256; lr 3e-3 (annealed); 32 hidden units (a 64-unit train step costs ~2.4× more on wasm
 * and solved no faster); no entropy bonus (CartPole needs none). Measured in node/wasm: 5/5 seeds solve, median
 * 79k steps.
 */
export const PPO_DEFAULTS: PpoConfig = {
  algo: 'ppo',
  seed: 1,
  numEnvs: 16,
  numSteps: 64,
  totalSteps: 300_000,
  hidden: 32,
  learningRate: 3e-3,
  annealLr: true,
  gamma: 0.99,
  gaeLambda: 0.95,
  numMinibatches: 4,
  updateEpochs: 3,
  normAdv: true,
  clipCoef: 0.2,
  clipVloss: true,
  entCoef: 0,
  vfCoef: 0.5,
  maxGradNorm: 0.5,
  targetKl: 0,
  solveThreshold: 475,
};

/** Default REINFORCE config: reward-to-go minus a learned baseline. */
export const REINFORCE_DEFAULTS: ReinforceConfig = {
  algo: 'reinforce',
  seed: 1,
  numEnvs: 8,
  totalSteps: 600_000,
  hidden: 64,
  learningRate: 5e-3,
  annealLr: false,
  gamma: 0.99,
  maxGradNorm: 1,
  solveThreshold: 475,
  variant: 'reward-to-go-baseline',
  normalizeReturns: true,
  batchSteps: 4000,
  entCoef: 0,
  valueEpochs: 5,
};

/** Named configurations embedded by the chapters (`<Widget name="TrainingPanel" preset="..." />`). */
export const PRESETS = {
  'ppo-cartpole': { ...PPO_DEFAULTS },
  'ppo-cartpole-many-epochs': {
    ...PPO_DEFAULTS,
    updateEpochs: 30,
    numMinibatches: 4,
    learningRate: 2.5e-3,
    annealLr: false,
  },
  'ppo-cartpole-noclip': {
    ...PPO_DEFAULTS,
    updateEpochs: 30,
    numMinibatches: 4,
    learningRate: 2.5e-3,
    annealLr: false,
    clipCoef: Infinity,
    clipVloss: false,
  },
  'reinforce-cartpole': { ...REINFORCE_DEFAULTS },
  'reinforce-cartpole-vanilla': {
    ...REINFORCE_DEFAULTS,
    variant: 'total-return',
    normalizeReturns: false,
    learningRate: 2e-3,
  },
} satisfies Record<string, TrainConfig>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(PRESETS, name);
}

/** A deep copy of a preset (unknown names fall back to 'ppo-cartpole'). */
export function presetConfig(name: string): TrainConfig {
  return { ...PRESETS[isPresetName(name) ? name : 'ppo-cartpole'] };
}

type Rule = { field: string; ok: boolean; message: string };

const isInt = (x: number) => Number.isInteger(x);
const finite = (x: number) => Number.isFinite(x);

/** Validates a config; returns human-readable messages (empty = valid). Never throws. */
export function validateConfig(cfg: unknown): string[] {
  if (typeof cfg !== 'object' || cfg === null) return ['config must be an object'];
  const c = cfg as Record<string, unknown>;
  if (c.algo !== 'ppo' && c.algo !== 'reinforce')
    return [`algo must be 'ppo' or 'reinforce' (got ${String(c.algo)})`];
  const num = (k: string) => {
    const v = c[k];
    return typeof v === 'number' ? v : NaN;
  };
  const rules: Rule[] = [
    {
      field: 'seed',
      ok: isInt(num('seed')) && num('seed') >= 0 && num('seed') < 2 ** 32,
      message: 'an integer in [0, 2^32)',
    },
    {
      field: 'numEnvs',
      ok: isInt(num('numEnvs')) && num('numEnvs') >= 1 && num('numEnvs') <= 256,
      message: 'an integer in [1, 256]',
    },
    {
      field: 'totalSteps',
      ok: isInt(num('totalSteps')) && num('totalSteps') >= 1 && num('totalSteps') <= 1e8,
      message: 'an integer in [1, 1e8]',
    },
    {
      field: 'hidden',
      ok: isInt(num('hidden')) && num('hidden') >= 1 && num('hidden') <= 512,
      message: 'an integer in [1, 512]',
    },
    {
      field: 'learningRate',
      ok: finite(num('learningRate')) && num('learningRate') > 0 && num('learningRate') <= 1,
      message: 'a number in (0, 1]',
    },
    { field: 'gamma', ok: num('gamma') >= 0 && num('gamma') <= 1, message: 'a number in [0, 1]' },
    { field: 'maxGradNorm', ok: num('maxGradNorm') > 0, message: 'a positive number (Infinity = off)' },
    {
      field: 'solveThreshold',
      ok: finite(num('solveThreshold')) && num('solveThreshold') >= 0,
      message: 'a number ≥ 0',
    },
    { field: 'annealLr', ok: typeof c.annealLr === 'boolean', message: 'true or false' },
  ];
  if (c.algo === 'ppo') {
    rules.push(
      {
        field: 'numSteps',
        ok: isInt(num('numSteps')) && num('numSteps') >= 1 && num('numSteps') <= 4096,
        message: 'an integer in [1, 4096]',
      },
      {
        field: 'gaeLambda',
        ok: num('gaeLambda') >= 0 && num('gaeLambda') <= 1,
        message: 'a number in [0, 1]',
      },
      {
        field: 'numMinibatches',
        ok:
          isInt(num('numMinibatches')) &&
          num('numMinibatches') >= 1 &&
          num('numMinibatches') <= num('numEnvs') * num('numSteps'),
        message: 'an integer between 1 and the batch size (numEnvs × numSteps)',
      },
      {
        field: 'updateEpochs',
        ok: isInt(num('updateEpochs')) && num('updateEpochs') >= 1 && num('updateEpochs') <= 100,
        message: 'an integer in [1, 100]',
      },
      { field: 'clipCoef', ok: num('clipCoef') > 0, message: 'a positive number (Infinity = no clipping)' },
      { field: 'entCoef', ok: finite(num('entCoef')) && num('entCoef') >= 0, message: 'a number ≥ 0' },
      { field: 'vfCoef', ok: finite(num('vfCoef')) && num('vfCoef') >= 0, message: 'a number ≥ 0' },
      {
        field: 'targetKl',
        ok: finite(num('targetKl')) && num('targetKl') >= 0,
        message: 'a number ≥ 0 (0 = off)',
      },
      { field: 'normAdv', ok: typeof c.normAdv === 'boolean', message: 'true or false' },
      { field: 'clipVloss', ok: typeof c.clipVloss === 'boolean', message: 'true or false' },
    );
  } else {
    rules.push(
      {
        field: 'variant',
        ok:
          c.variant === 'total-return' ||
          c.variant === 'reward-to-go' ||
          c.variant === 'reward-to-go-baseline',
        message: "one of 'total-return', 'reward-to-go', 'reward-to-go-baseline'",
      },
      {
        field: 'batchSteps',
        ok: isInt(num('batchSteps')) && num('batchSteps') >= 1 && num('batchSteps') <= 100_000,
        message: 'an integer in [1, 100000]',
      },
      { field: 'entCoef', ok: finite(num('entCoef')) && num('entCoef') >= 0, message: 'a number ≥ 0' },
      {
        field: 'valueEpochs',
        ok: isInt(num('valueEpochs')) && num('valueEpochs') >= 1 && num('valueEpochs') <= 100,
        message: 'an integer in [1, 100]',
      },
      { field: 'normalizeReturns', ok: typeof c.normalizeReturns === 'boolean', message: 'true or false' },
    );
  }
  return rules.filter((r) => !r.ok).map((r) => `${r.field} must be ${r.message} (got ${String(c[r.field])})`);
}

/** Validates live hyperparameters; returns messages (empty = valid). */
export function validateLive(h: LiveHparams): string[] {
  const out: string[] = [];
  if (h.learningRate !== undefined && !(h.learningRate > 0 && h.learningRate <= 1))
    out.push('learningRate must be in (0, 1]');
  if (h.entCoef !== undefined && !(h.entCoef >= 0 && Number.isFinite(h.entCoef)))
    out.push('entCoef must be a number ≥ 0');
  if (h.clipCoef !== undefined && !(h.clipCoef > 0))
    out.push('clipCoef must be positive (Infinity = no clipping)');
  return out;
}
