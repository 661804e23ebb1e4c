/**
 * Configurations of the off-policy learners: one type per algorithm with a doc line per field, and defaults that
 * solve. Field names follow CleanRL's arguments (camelCase). Deviations from CleanRL's defaults are listed on each
 * default object with the reason; README.md in this folder has the measurements behind them.
 */

/** Settings every off-policy learner shares (the acting/learning loop of offpolicy-loop.ts). */
export interface OffPolicyCommon {
  /** Run seed: weight init, env resets, exploration, replay sampling and update noise, in a fixed order. */
  seed: number;
  /** Environment-step budget; the run stops when reached. */
  totalSteps: number;
  /** Replay buffer capacity in transitions (a ring: the oldest are overwritten). */
  bufferSize: number;
  /** Transitions per gradient step, sampled uniformly with replacement. */
  batchSize: number;
  /** Discount factor. */
  gamma: number;
  /** Hidden units of each of the two ReLU layers of every network. */
  hidden: number;
  /** Environment steps before the first gradient step (DDPG/TD3/SAC act uniformly at random until then). */
  learningStarts: number;
  /** Environment steps between training blocks. */
  trainFrequency: number;
  /** Gradient steps per training block (1 in CleanRL); the acting weights are read back once per block. */
  gradientSteps: number;
  /** Environment steps per trainer call, i.e. per metrics row (the worker yields between calls). */
  chunkSteps: number;
  /** Stop when the mean return of the last 20 finished episodes reaches this; 0 = never. */
  solveThreshold: number;
}

/** DQN (CleanRL dqn.py) with the switches the value-based chapter needs. */
export interface DqnConfig extends OffPolicyCommon {
  algo: 'dqn';
  /** Adam learning rate. Live-changeable. */
  learningRate: number;
  /** Target network update rate: 1 = hard copy every `targetNetworkFrequency` steps, < 1 = Polyak. */
  tau: number;
  /** Environment steps between target network updates. */
  targetNetworkFrequency: number;
  /** Epsilon at the start of the linear schedule. */
  startE: number;
  /** Epsilon at the end of the schedule (and after). */
  endE: number;
  /** Fraction of `totalSteps` over which epsilon falls from startE to endE. */
  explorationFraction: number;
  /** Double DQN: the online network picks the next action, the target network values it. */
  double: boolean;
  /** Replay off: every gradient step uses the latest `batchSize` transitions (online Q-learning, no decorrelation). */
  replay: boolean;
  /** Target network off: the TD target uses the online network's current weights. */
  targetNetwork: boolean;
  /** TD loss: 'mse' (CleanRL) or 'huber' (smooth L1, β = 1, as the Nature DQN's error clipping). */
  loss: 'mse' | 'huber';
}

/** DDPG (ddpg_continuous_action.py) and TD3 (td3_continuous_action.py): one learner, TD3's three fixes as switches. */
export interface Td3Config extends OffPolicyCommon {
  algo: 'ddpg' | 'td3';
  /** Adam learning rate of the actor and the critics. Live-changeable. */
  learningRate: number;
  /** Polyak rate of the target networks. */
  tau: number;
  /** Exploration noise std as a fraction of the action scale. Live-changeable. */
  explorationNoise: number;
  /** TD3 fix 1: twin critics and the minimum of the two target values. Off = one critic (DDPG). */
  clippedDoubleQ: boolean;
  /** TD3 fix 2: critic updates per actor (and target) update. 1 = every step. CleanRL uses 2 for both scripts. */
  policyFrequency: number;
  /** TD3 fix 3: target policy smoothing (clipped Gaussian noise on the target action). */
  targetSmoothing: boolean;
  /** Std of the target smoothing noise, as a fraction of the action scale. */
  policyNoise: number;
  /** Clip of the target smoothing noise, as a fraction of the action scale. */
  noiseClip: number;
}

/** SAC (sac_continuous_action.py): twin soft Q, squashed Gaussian actor, automatic temperature. */
export interface SacConfig extends OffPolicyCommon {
  algo: 'sac';
  /** Adam learning rate of the actor. Live-changeable. */
  policyLr: number;
  /** Adam learning rate of the critics and of log α. Live-changeable. */
  qLr: number;
  /** Polyak rate of the target critics. */
  tau: number;
  /** Critic updates between actor updates; each time, `policyFrequency` actor updates (CleanRL's compensation). */
  policyFrequency: number;
  /** Gradient steps between target updates. */
  targetNetworkFrequency: number;
  /** Entropy temperature α when `autotune` is off (the starting α is 1 when it is on, as log α = 0). Live. */
  alpha: number;
  /** Tune α by gradient descent on −log α · (log π + target entropy), target entropy = −dim(A). */
  autotune: boolean;
}

export type OffPolicyConfig = DqnConfig | Td3Config | SacConfig;

/**
 * DQN defaults for CartPole-v1. CleanRL: lr 2.5e-4, buffer 10k, batch 128, hard target every 500 steps, ε 1 → 0.05
 * over half of 500k steps, learning starts 10k, train every 10 steps, 120-84 units, MSE. Here: ε decays over 10k
 * steps instead of 250k (the schedule is what made CleanRL need 220k+ steps), learning starts at 1k, lr 1e-3,
 * 64-64 units, 2 gradient steps every 8 env steps, Huber loss — tuned for wall-clock time, see README.md.
 */
export const DQN_DEFAULTS: DqnConfig = {
  algo: 'dqn',
  seed: 1,
  totalSteps: 200_000,
  bufferSize: 50_000,
  batchSize: 128,
  gamma: 0.99,
  hidden: 64,
  learningStarts: 1000,
  trainFrequency: 8,
  gradientSteps: 2,
  chunkSteps: 500,
  solveThreshold: 475,
  learningRate: 1e-3,
  tau: 1,
  targetNetworkFrequency: 500,
  startE: 1,
  endE: 0.05,
  explorationFraction: 0.05,
  double: false,
  replay: true,
  targetNetwork: true,
  loss: 'huber',
};

/**
 * TD3 defaults for Pendulum-v1. CleanRL: 256-256 units, batch 256, learning starts 25k, lr 3e-4, τ 0.005, policy
 * noise 0.2, noise clip 0.5, exploration 0.1, policy frequency 2. Here: 64-64 units and learning starts 1k (the
 * 25k random steps were 70% of CleanRL's steps to solve), lr 1e-3; the algorithm is unchanged.
 */
export const TD3_DEFAULTS: Td3Config = {
  algo: 'td3',
  seed: 1,
  totalSteps: 100_000,
  bufferSize: 100_000,
  batchSize: 256,
  gamma: 0.99,
  hidden: 64,
  learningStarts: 1000,
  trainFrequency: 1,
  gradientSteps: 1,
  chunkSteps: 50,
  solveThreshold: -200,
  learningRate: 1e-3,
  tau: 0.005,
  explorationNoise: 0.1,
  clippedDoubleQ: true,
  policyFrequency: 2,
  targetSmoothing: true,
  policyNoise: 0.2,
  noiseClip: 0.5,
};

/** DDPG: TD3 with the three fixes off (CleanRL's ddpg script also delays the actor by 2; so do we, as it does). */
export const DDPG_DEFAULTS: Td3Config = {
  ...TD3_DEFAULTS,
  algo: 'ddpg',
  clippedDoubleQ: false,
  targetSmoothing: false,
};

/**
 * SAC defaults for Pendulum-v1. CleanRL: 256-256 units, batch 256, learning starts 5k, policy lr 3e-4, q lr 1e-3,
 * policy frequency 2, target frequency 1, autotune. Here: 64-64 units, learning starts 1k.
 */
export const SAC_DEFAULTS: SacConfig = {
  algo: 'sac',
  seed: 1,
  totalSteps: 100_000,
  bufferSize: 100_000,
  batchSize: 256,
  gamma: 0.99,
  hidden: 64,
  learningStarts: 1000,
  trainFrequency: 1,
  gradientSteps: 1,
  chunkSteps: 50,
  solveThreshold: -200,
  policyLr: 3e-4,
  qLr: 1e-3,
  tau: 0.005,
  policyFrequency: 2,
  targetNetworkFrequency: 1,
  alpha: 0.2,
  autotune: true,
};
