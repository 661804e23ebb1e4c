/**
 * Named configurations the chapters embed (`<Widget name="TrainingPanel" preset="..." />`), the table defaults
 * under the names the old code used, and the migration of configs saved by earlier versions.
 */
import { defaultConfig, validateConfig, type TrainConfig } from './algos';

/**
 * Default PPO config, tuned for wall-clock time to solve CartPole-v1 on a 2-core machine (tfjs wasm for the
 * update, TypeScript for the rollout); see src/nn/README.md for how it was chosen.
 */
export const PPO_DEFAULTS = defaultConfig('ppo');
/** Default REINFORCE config: reward-to-go minus a learned baseline. */
export const REINFORCE_DEFAULTS = defaultConfig('reinforce');

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

export function isPresetName(name: unknown): name is PresetName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(PRESETS, name);
}

/** A copy of a preset (unknown names fall back to 'ppo-cartpole'). */
export function presetConfig(name: string): TrainConfig {
  return { ...PRESETS[isPresetName(name) ? name : 'ppo-cartpole'] };
}

/**
 * A config saved by this or an earlier version, as a valid config of this version, or null. Version 1 configs had
 * no `env` (CartPole-v1 was the only one) and spelt "never stop at a return" as solveThreshold 0.
 */
export function migrateConfig(saved: unknown): TrainConfig | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const c = { ...(saved as Record<string, unknown>) };
  if (c.env === undefined) {
    c.env = 'CartPole-v1';
    if (c.solveThreshold === 0) c.solveThreshold = Infinity;
  }
  return validateConfig(c).length ? null : (c as TrainConfig);
}
