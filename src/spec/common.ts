/**
 * Settings every algorithm shares (each range declared once; each algorithm picks its own defaults with
 * `withDefault`), and the bounds on the work of one update that keep any link from exhausting a reader's machine.
 */
import { ENV_IDS, ENV_SPECS, type EnvId } from './envs';
import { bool, int, num, oneOf, type EnumField } from './fields';

export const SEED = int(1, 'Seed', 'run seed: drives init, env resets, action sampling and minibatch order', {
  url: 'seed',
  min: 0,
  max: 2 ** 31 - 1,
});
export const ENV: EnumField<EnvId> = oneOf<EnvId>(
  'CartPole-v1',
  'Environment',
  'the environment trained on (see src/spec/envs.ts)',
  ENV_IDS.map((id) => ({ value: id, label: id })),
  { url: 'env' },
);
export const NUM_ENVS = int(16, 'Environments', 'parallel environments stepped in lock-step', {
  url: 'envs',
  min: 1,
  max: 64,
});
export const TOTAL_STEPS = int(300_000, 'Step budget', 'total environment steps; the run stops there', {
  url: 'total',
  min: 1000,
  max: 10_000_000,
  log: true,
  advanced: true,
});
export const HIDDEN = int(64, 'Hidden units', 'width of the two tanh hidden layers of actor and critic', {
  url: 'hidden',
  min: 4,
  max: 256,
  log: true,
});
export const LEARNING_RATE = num(3e-3, 'Learning rate', 'Adam learning rate at the start (Adam eps 1e-5)', {
  url: 'lr',
  min: 1e-6,
  max: 1,
  step: 1e-6,
  log: true,
  live: true,
});
export const ANNEAL_LR = bool(
  true,
  'Anneal learning rate',
  'decay the learning rate linearly to 0 over the budget',
  {
    url: 'anneal',
    advanced: true,
  },
);
export const GAMMA = num(0.99, 'Discount γ', 'discount factor', {
  url: 'gamma',
  min: 0,
  max: 1,
  step: 0.001,
});
export const MAX_GRAD_NORM = num(
  0.5,
  'Max gradient norm',
  'global gradient-norm clip (actor and critic together)',
  {
    url: 'gradnorm',
    min: 0.01,
    max: 10,
    step: 0.01,
    advanced: true,
    off: { value: Infinity, url: 'nogradclip', label: 'no gradient clipping' },
  },
);
export const SOLVE_THRESHOLD = num(
  ENV_SPECS['CartPole-v1'].solveThreshold,
  'Solve threshold',
  "stop when the mean return of the last 20 episodes reaches this (the env's threshold); Infinity = never",
  { min: -1e6, max: 1e6, step: 1, off: { value: Infinity, url: 'nosolve', label: 'never stop at a return' } },
);
export const ENT_COEF = num(0, 'Entropy coef.', 'entropy bonus coefficient', {
  url: 'ent',
  min: 0,
  max: 1,
  step: 0.001,
  live: true,
});

/** Limits on one update's work, whatever the algorithm (checked with the config, reported in the link notice). */
export const WORK_LIMITS = {
  /** Rows of experience held for one update (rollout buffers, the packed batch). */
  batchRows: 65_536,
  /**
   * Rows × hidden units of the largest matrix one gradient step builds: each [rows, hidden] float32 activation or
   * gradient is then at most 8 MB, and a step keeps a few dozen of them (≈ 250 MB at the limit).
   */
  activation: 2 ** 21,
  /** Floating-point operations of one update (≈ 10-20 s on wasm at the limit). */
  flops: 1e11,
} as const;

/** The work of one update of a configuration. */
export interface Work {
  /** Experience rows held at once. */
  batchRows: number;
  /** Rows of the largest gradient step. */
  stepRows: number;
  hidden: number;
  /** Floating-point operations of one update (forward + backward ≈ 3 × forward). */
  flops: number;
}

/** Multiply-adds of one forward pass of an in → h → h → out MLP, per row. */
export const mlpMacs = (inDim: number, h: number, outDim: number) => inDim * h + h * h + h * outDim;

const human = (x: number) =>
  x >= 1e9 ? `${(x / 1e9).toFixed(1)} G` : x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : `${Math.round(x)} `;

/** Messages for every limit `w` exceeds (empty: the configuration fits). */
export function checkWork(w: Work): string[] {
  const out: string[] = [];
  if (w.batchRows > WORK_LIMITS.batchRows)
    out.push(
      `one update would hold ${w.batchRows} rows of experience (limit ${WORK_LIMITS.batchRows}): ` +
        'use fewer environments or fewer steps per update',
    );
  const act = w.stepRows * w.hidden;
  if (act > WORK_LIMITS.activation)
    out.push(
      `a gradient step over ${w.stepRows} rows × ${w.hidden} hidden units needs about ` +
        `${human((act * 4 * 30) / 1)}B of memory (limit ${WORK_LIMITS.activation} rows × units): ` +
        'use more minibatches, a smaller batch or fewer hidden units',
    );
  if (w.flops > WORK_LIMITS.flops)
    out.push(
      `one update would take about ${human(w.flops)}FLOP (limit ${human(WORK_LIMITS.flops)}FLOP): ` +
        'use fewer epochs, a smaller batch or fewer hidden units',
    );
  return out;
}
