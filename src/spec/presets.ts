/**
 * Named configurations the chapters embed (`<Widget name="TrainingPanel" preset="..." />`), the table defaults
 * under the names the old code used, and the migration of configs saved by earlier versions.
 */
import { algoSpec, defaultConfig, isAlgoId, validateConfig, type TrainConfig } from './algos';
import type { EnvId } from './envs';

/**
 * Default PPO config, tuned for wall-clock time to solve CartPole-v1 on a 2-core machine (tfjs wasm for the
 * update, TypeScript for the rollout); see src/nn/README.md for how it was chosen.
 */
export const PPO_DEFAULTS = defaultConfig('ppo');
/** Default REINFORCE config: reward-to-go minus a learned baseline. */
export const REINFORCE_DEFAULTS = defaultConfig('reinforce');

/** The off-policy learners' defaults on an environment (the table's defaults, the env's solve threshold). */
const offPolicy = <A extends 'dqn' | 'ddpg' | 'td3' | 'sac'>(algo: A, env: EnvId) => defaultConfig(algo, env);

/**
 * MountainCar-v0 for DQN: rl-baselines3-zoo's tuned DQN settings (lr 4e-3, γ 0.98, replay 10k, 8 gradient steps
 * every 16 env steps, target copied every 600 steps, ε from 1 over 24k steps) with two deviations: 128-128 units
 * instead of 256-256 (a quarter of the work per step), and final ε 0.01 instead of 0.07 (solved is judged on the
 * training episodes themselves, and at ε 0.07 the random pushes cost the few steps between −115 and −110; the zoo
 * evaluates greedily). The exploration comes from the Q network's optimism, not from ε: the returns are all −200
 * until the greedy policy, drawn to the states it has not yet valued down, reaches the flag; replay and the
 * bootstrapped target then carry that one success backward (contrast ppo-mountaincar). Budget 300k steps.
 * Measured (browser bench, load 8-15 on 2 cores): solved on seeds 1-5 at 172.5k, 205.5k, 97.5k, 98.5k, 184k steps
 * (254, 245, 116, 134, 202 s; median 202 s, 172.5k steps). With final ε 0.07 and 64 or 128 units (node, seed 1):
 * not solved in 120-200k steps, the mean of 20 wandering between −125 and −175.
 */
const DQN_MOUNTAIN_CAR = {
  ...offPolicy('dqn', 'MountainCar-v0'),
  totalSteps: 300_000,
  learningRate: 4e-3,
  bufferSize: 10_000,
  gamma: 0.98,
  targetNetworkFrequency: 600,
  trainFrequency: 16,
  gradientSteps: 8,
  explorationFraction: 0.08,
  endE: 0.01,
  hidden: 128,
};

/**
 * MountainCarContinuous-v0 for DDPG/TD3: exploration noise σ 0.5 (rl-baselines3-zoo uses Ornstein-Uhlenbeck noise
 * σ 0.5 here), held 16 steps (`noiseHold`, also for the uniform warm-up actions): with a fresh draw every step the
 * pushes average out, the flag is rarely seen and the 0.1 a² action cost teaches the actor to stand still.
 * Measured (browser bench, load 8-15 on 2 cores; solved = mean of 20 ≥ 90): DDPG solved on seeds 1-5 at 28.95k,
 * 13.85k, 15.9k, 11k, 12.05k steps (median 89.8 s). TD3 held 16 solved seeds 1-4 (12.65k, 17.9k, 12k, 15.35k steps,
 * 62-96 s) but not seed 5 (the mean of 20 stayed between 20 and 60 for 69k steps: Q near 0, the actor drifting
 * toward standing still, only the noise reaching the flag); so TD3 holds 32: solved on seeds 1-5 at 14.05k, 21.2k,
 * 18.8k, 13.65k, 8.75k steps (the same in node and the browser bench; browser seconds 41.0, 54.2, 67.1, 48.8,
 * 26.9, median 48.8 s, load 7-17). Without the hold SAC, measured, stands still.
 */
const box = <A extends 'ddpg' | 'td3'>(algo: A, noiseHold: number) => ({
  ...offPolicy(algo, 'MountainCarContinuous-v0'),
  explorationNoise: 0.5,
  noiseHold,
});

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
  /**
   * PPO on Acrobot-v1 (sparse −1 reward). Solves (−100) on every seed tried (1–10). A near-uniform policy ends only
   * ~2% of its episodes within the 500-step limit (8 of 400 measured), and until one ends every return is −500:
   * the advantages of such a batch, normalised per minibatch, are noise scaled to unit variance, which drifts the
   * policy away from uniform (no episode ever ends) or collapses it. Two fixes, both from CleanRL's ppo.py: its
   * entropy bonus 0.01 holds the policy near uniform until the first success, and many parallel envs make a first
   * success likely in the first wave of episodes (64 envs: 1 − 0.98^64 ≈ 73%). Deviations from CleanRL (4 envs ×
   * 128 steps, lr 2.5e-4, 4 epochs, 64 units): 64 envs × 16 steps (batch 1024, 4 minibatches), lr 3e-3 annealed
   * over 300k steps, 3 epochs and 32 hidden units (the CartPole defaults: far fewer steps and seconds to solve),
   * truncation bootstrapped. Measured in src/nn/README.md.
   */
  'ppo-acrobot': { ...defaultConfig('ppo', 'Acrobot-v1'), numEnvs: 64, numSteps: 16, entCoef: 0.01 },
  /**
   * PPO on MountainCar-v0, the documented failure: random pushes never reach the flag within 200 steps (0 of 2000
   * uniformly random episodes did, measured), every return is −200, the advantages carry no signal and the policy
   * never learns (contrast DQN in chapter 9; bench figures in src/nn/README.md).
   */
  'ppo-mountaincar': { ...defaultConfig('ppo', 'MountainCar-v0'), totalSteps: 200_000 },
  /**
   * PPO on Pendulum-v1 with the Gaussian head: CleanRL's reward scaling on, γ 0.95 (Pendulum's cost is immediate;
   * a shorter horizon makes the critic's job easy), 10 epochs of 16 minibatches of 64 at lr 1e-3, not annealed.
   * Reaches −200 (figures in src/nn/README.md).
   */
  'ppo-pendulum': {
    ...defaultConfig('ppo', 'Pendulum-v1'),
    totalSteps: 300_000,
    gamma: 0.95,
    normReward: true,
    updateEpochs: 10,
    numMinibatches: 16,
    learningRate: 1e-3,
    annealLr: false,
  },
  /**
   * PPO on MountainCarContinuous-v0. With CleanRL's independent Gaussian noise (σ = 1, a fresh ε every step) the
   * pushes average out: a random policy reaches the flag in ~2.5% of its 999-step episodes, and the 0.1 a² action
   * cost, the only signal until then, teaches PPO to stand still (σ shrinks, return → 0, the flag never seen). The
   * fix is temporally correlated exploration, as in rl-baselines3-zoo's tuned PPO for this task (gSDE, its noise
   * redrawn every few steps): here each env holds its ε for 16 steps (`noiseHold`), and a random policy reaches the
   * flag in most episodes (77% with σ = 1 held 8 steps, 97% held 32, measured). Then the Pendulum preset's recipe
   * (CleanRL's reward scaling, 10 epochs × 16 minibatches at lr 1e-3, not annealed). Measured in src/nn/README.md.
   */
  'ppo-mountaincar-continuous': {
    ...defaultConfig('ppo', 'MountainCarContinuous-v0'),
    totalSteps: 200_000,
    normReward: true,
    noiseHold: 16,
    updateEpochs: 10,
    numMinibatches: 16,
    learningRate: 1e-3,
    annealLr: false,
  },
  'reinforce-cartpole': { ...REINFORCE_DEFAULTS },
  'reinforce-cartpole-vanilla': {
    ...REINFORCE_DEFAULTS,
    variant: 'total-return',
    normalizeReturns: false,
    learningRate: 2e-3,
  },
  'dqn-cartpole': offPolicy('dqn', 'CartPole-v1'),
  'dqn-cartpole-double': { ...offPolicy('dqn', 'CartPole-v1'), double: true },
  /**
   * Chapter 9: DQN on Acrobot-v1 with a shadow critic that learns with the Double DQN target on the same minibatches.
   * Acrobot, not CartPole: with three actions and longer episodes the maximum has more noise to select, and the
   * shadow's mean gap was below zero at 10k, 20k, 30k and 40k steps on each of seeds 1-5 (node, hidden 64); on
   * CartPole it was below zero at 10k on every seed but turned positive later on seed 1.
   */
  'dqn-acrobot-shadow': { ...offPolicy('dqn', 'Acrobot-v1'), shadow: true },
  'dqn-mountaincar': DQN_MOUNTAIN_CAR,
  'ddpg-pendulum': offPolicy('ddpg', 'Pendulum-v1'),
  /** Chapter 10: DDPG with a shadow twin critic that learns with TD3's clipped double-Q target on the same data. */
  'ddpg-pendulum-shadow': { ...offPolicy('ddpg', 'Pendulum-v1'), shadow: true },
  'td3-pendulum': offPolicy('td3', 'Pendulum-v1'),
  'sac-pendulum': offPolicy('sac', 'Pendulum-v1'),
  'ddpg-mountaincar-continuous': box('ddpg', 16),
  'td3-mountaincar-continuous': box('td3', 32),
  /**
   * SAC on MountainCarContinuous-v0: the acting ε of the squashed sample held 16 steps (`noiseHold`, also the uniform
   * warm-up actions); the updates draw fresh ε as CleanRL. rl-baselines3-zoo's tuned SAC here uses gSDE for the same
   * reason. With a fresh ε every step SAC settles on doing nothing (mean of the last 20 −1.0 after 32.7k steps,
   * seed 1). Held: solved on seeds 1-5 at 11.6k, 6.15k, 8.2k, 14.85k, 16.35k steps (browser bench under load
   * 8-15: 76.5, 42.7, 56.3, 113.2, 129.3 s, median 76.5 s).
   */
  'sac-mountaincar-continuous': { ...offPolicy('sac', 'MountainCarContinuous-v0'), noiseHold: 16 },
  /** Chapter 11: the three offline learners on a dataset logged on CartPole-v1 (never stop at a return). */
  'offline-dqn-cartpole': { ...defaultConfig('offline'), method: 'dqn', solveThreshold: Infinity },
  'offline-cql-cartpole': { ...defaultConfig('offline'), method: 'cql', solveThreshold: Infinity },
  'offline-iql-cartpole': { ...defaultConfig('offline'), method: 'iql', solveThreshold: Infinity },
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
 * no `env` (CartPole-v1 was the only one) and spelt "never stop at a return" as solveThreshold 0. A setting added
 * since (e.g. PPO's `normReward`) takes its table default, which is the behaviour before it existed.
 */
export function migrateConfig(saved: unknown): TrainConfig | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const c = { ...(saved as Record<string, unknown>) };
  if (c.env === undefined) {
    c.env = 'CartPole-v1';
    if (c.solveThreshold === 0) c.solveThreshold = Infinity;
  }
  if (isAlgoId(c.algo))
    for (const [k, f] of Object.entries(algoSpec(c.algo).fields)) if (!(k in c)) c[k] = f.default;
  return validateConfig(c).length ? null : (c as TrainConfig);
}
