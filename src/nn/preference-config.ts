/**
 * The settings of chapter 12's two training widgets, with their defaults: the preference toy (RLHF and DPO on
 * tabular policies) and GRPO on sums of two digits. No tfjs here, so the widgets' client can import it.
 */

export interface PreferenceConfig {
  /** One seed for the problem, the dataset and both learners. */
  seed: number;
  /** Number of prompts x. */
  prompts: number;
  /** Responses per prompt. */
  responses: number;
  /** Preference pairs in the dataset. */
  pairs: number;
  /** KL coefficient β (RLHF's penalty, DPO's temperature). */
  beta: number;
  /** Updates of each learner (RLHF: reward model first, then PPO). */
  steps: number;
  /** Share of RLHF's updates spent fitting the reward model. */
  rmFraction: number;
  /** Adam learning rate, annealed linearly to 0 over each phase. */
  lr: number;
  /** Pairs per minibatch (reward model and DPO). */
  batch: number;
  /** Responses sampled per prompt in each PPO update. */
  ppoSamples: number;
  /** PPO epochs per batch of samples. */
  ppoEpochs: number;
  /** PPO clip ε. */
  clip: number;
}

export const PREFERENCE_DEFAULTS: PreferenceConfig = {
  seed: 1,
  prompts: 3,
  responses: 6,
  pairs: 2000,
  beta: 0.5,
  steps: 1500,
  rmFraction: 0.4,
  lr: 0.05,
  batch: 64,
  ppoSamples: 16,
  ppoEpochs: 4,
  clip: 0.2,
};

export type GrpoVariant = 'grpo' | 'grpo-nostd' | 'ppo-critic';
export const GRPO_VARIANTS: readonly GrpoVariant[] = ['grpo', 'grpo-nostd', 'ppo-critic'];

export interface GrpoConfig {
  /** One seed for the initial weights, the problems and every sampled answer. */
  seed: number;
  /** Answers sampled per problem (GRPO's group size G; PPO samples as many). */
  groupSize: number;
  /** Problems per update. */
  problems: number;
  /** Clip ε of the surrogate. */
  clip: number;
  /** β, the weight of the k3 KL penalty to the reference. */
  klCoef: number;
  /** Adam learning rate (policy and critic). */
  lr: number;
  /** Full-batch gradient steps per batch of samples. */
  epochs: number;
  /** Units per hidden layer. */
  hidden: number;
  /** Updates in a run. */
  updates: number;
  /** Temperature of the reference's target q(s | a, b) ∝ exp(−|s − (a + b)| / T). */
  sftTemperature: number;
  /** Full-batch Adam steps that fit the reference to q. */
  sftSteps: number;
}

export const GRPO_DEFAULTS: GrpoConfig = {
  seed: 1,
  groupSize: 8,
  problems: 16,
  clip: 0.2,
  klCoef: 0.04,
  lr: 0.01,
  epochs: 2,
  hidden: 32,
  updates: 200,
  sftTemperature: 2,
  sftSteps: 150,
};
