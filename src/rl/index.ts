/**
 * The exact core of Proximal: pure TypeScript in float64, no React, no tfjs, no DOM. Every widget that shows an
 * identity or a bound computes it here. Conventions are in ./types.ts (P[a][s][s2], R[s][a], unnormalised values
 * and discounted visitation rho, d = (1 - gamma) rho).
 */
export type { MDP, Policy, Evaluation } from './types';
export { validateMDP, validatePolicy, validateDistribution, RLInputError } from './validate';
export { createRng, type Rng } from './rng';
export {
  evaluatePolicy,
  discountedVisitation,
  bellmanOperator,
  bellmanOptimalityOperator,
  greedyPolicy,
  qFromV,
  policyMatrices,
  supNorm,
} from './evaluate';
export { valueIteration, policyIteration, type ValueIterationResult, type PolicyIterationResult } from './dp';
export {
  softmaxPolicy,
  softmaxPolicyGradient,
  softmaxJ,
  softmaxFisher,
  softmaxNaturalGradient,
} from './softmax';
export { surrogate, performanceDifference, type PerformanceDifference } from './surrogate';
export { tvDistance, klDivergence, tvMax, klMax, klMean } from './divergence';
export { trpoBounds, mixtureBound, type TrpoBounds, type MixtureBound } from './bounds';
export {
  maximalCoupling,
  independentCoupling,
  sampleCouplingPair,
  sampleCoupling,
  sampleDisagreements,
  tvThreeWays,
  type Coupling,
} from './coupling';
export { gae, type GaeInput, type GaeOutput } from './gae';
export {
  sampleTrajectory,
  pgEstimates,
  meanAndVariance,
  gaeFromTrajectory,
  kStepAdvantage,
  defaultHorizon,
  type Trajectory,
  type PgEstimates,
} from './montecarlo';
export {
  randomMDP,
  randomPolicy,
  randomTheta,
  uniformPolicy,
  randomDistribution,
  type RandomMDPOptions,
} from './random-mdp';
export { gridWorld, GRID_ACTIONS, type GridWorld, type GridWorldSpec, type CellKind } from './gridworld';
export { CartPole, VecCartPole, CARTPOLE, cartpoleDynamics, type StepResult } from './cartpole';
export {
  gaeMoments,
  gaeTarget,
  gaeErrorCurve,
  type GaeMoments,
  type GaeTarget,
  type GaeErrorRow,
} from './gae-moments';
export { coupledRolloutCurves, type CoupledRolloutRow } from './coupled-rollouts';
export { kakadeLangfordSteps, klHorizon, type KakadeLangfordSteps, type KLTimeStep } from './kakade-langford';
export {
  importanceMoments,
  productWeightGrowth,
  sampleImportanceEstimates,
  type EstimatorMoments,
  type ImportanceMoments,
} from './importance';
export { cpiStep, type CpiStep } from './cpi';
export { clippedObjective, clippedGradient } from './ppo-clip';
export {
  enumerateTrajectories,
  trajectoryProbability,
  logDerivativeLines,
  type TrajectoryPath,
  type LogDerivativeLines,
} from './log-derivative';
export {
  linearLogits,
  linearSoftmaxPolicy,
  linearSoftmaxGradient,
  linearSoftmaxFisher,
  linearSoftmaxNaturalGradient,
  penaltyStep,
  trustRegionStep,
  type Features,
} from './linear-softmax';
export {
  logSumExp,
  klRegularizedObjective,
  klRegularizedOptimum,
  maximizeKlRegularized,
  rewardKlFrontier,
  logSpacedBetas,
  type KlOptimum,
  type DirectMaximum,
  type FrontierPoint,
} from './kl-regularized';
export {
  sigmoid,
  logSigmoid,
  bradleyTerry,
  rewardModelLoss,
  logSoftmaxRows,
  implicitReward,
  dpoLoss,
  dpoPopulationLoss,
  winRate,
  type Preference,
  type LossAndGrad,
  type DpoLossAndGrad,
} from './bradley-terry';
export {
  klEstimate,
  klEstimatorMoments,
  expectedLossGradient,
  reverseKlGradient,
  forwardKlGradient,
  type KlEstimator,
  type EstimatorMoment,
} from './kl-estimators';
export {
  groupAdvantages,
  expectedGroupUpdate,
  grpoBinaryWeight,
  type GroupAdvantageOptions,
} from './group-advantages';
export {
  softMax,
  boltzmannPolicy,
  policyEntropy,
  softPolicyEvaluation,
  softBellmanOperator,
  softOptimalityOperator,
  softValueIteration,
  softPolicyIteration,
  type SoftEvaluation,
  type SoftValueIterationResult,
  type SoftPolicyIterationResult,
  type SoftPolicyIterationStep,
  type TerminalMask,
} from './soft';
export { normalPdf, normalCdf, normalLogPdf, normalExpectation, simpson } from './normal';
export {
  criticValue,
  criticSlope,
  gaussianGradientMoments,
  gaussianGradientSample,
  type ActionCritic,
  type GaussianGradientMoments,
  type EstimatorMoments as GaussianEstimatorMoments,
} from './gaussian-gradients';
export {
  logOneMinusTanhSq,
  squashedLogProb,
  squashedLogProbUncorrected,
  squashedDensity,
  squashedDensityUncorrected,
  squashedMoments,
  type SquashedMoments,
} from './squashed-gaussian';
