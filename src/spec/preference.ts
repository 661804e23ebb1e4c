/**
 * Chapter 12's two training widgets, layer-neutral: their settings with the defaults (the preference toy, RLHF and
 * DPO on tabular policies; GRPO on sums of two digits) and what their runs report (the points the charts draw).
 * The learners (src/nn/preference-tabular.ts, src/nn/grpo.ts), the worker's wire format and the widgets read them
 * here, so the widgets' client never reaches into src/nn.
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

export interface PreferencePoint {
  step: number;
  rlhfPhase: 'reward model' | 'ppo';
  /** Fraction of the dataset's pairs the reward model ranks correctly. */
  rmAccuracy: number;
  rlhfKl: number;
  rlhfWin: number;
  /** KL(π_RLHF ‖ π*_{r*}) = (F(π*) − F(π)) / β under the hidden reward: the suboptimality in units of β. */
  rlhfGap: number;
  /** KL(π_RLHF ‖ π*_{r̂}): distance to the optimum for the data's maximum-likelihood reward (NaN if none). */
  rlhfGapData: number;
  dpoKl: number;
  dpoWin: number;
  dpoGap: number;
  dpoGapData: number;
  dpoLoss: number;
  /** Mean DPO weight σ(ĥ_l − ĥ_w) over the minibatch. */
  dpoWeight: number;
}

/** The per-response view at the end (for the implicit-reward scatter). */
export interface ResponseRow {
  x: number;
  y: number;
  /** Hidden reward, centred per prompt. */
  rStar: number;
  /** DPO's implicit reward β log(π/π_ref), centred per prompt. */
  dpoReward: number;
  /** The RLHF reward model, centred per prompt. */
  rmReward: number;
  piRef: number;
  piStar: number;
  piDpo: number;
  piRlhf: number;
}

export interface GrpoEval {
  /** Mean over the 100 problems of π(a + b | a, b): the expected reward. */
  accuracy: number;
  /** Fraction of problems whose most likely answer is right. */
  greedy: number;
  /** Mean over the 100 problems of KL(π(·|a,b) ‖ π_ref(·|a,b)). */
  kl: number;
}

export interface GrpoStats extends GrpoEval {
  /** Mean reward of the batch's sampled answers. */
  batchReward: number;
  /** Fraction of the batch's groups whose answers all got the same reward (no signal for GRPO). */
  flatGroups: number;
}

export interface GrpoPoint {
  update: number;
  /** Answers sampled so far by each learner. */
  samples: number;
  stats: Record<GrpoVariant, GrpoStats>;
}
