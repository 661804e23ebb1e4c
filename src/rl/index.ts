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
export { sweepsToTolerance } from './contraction';
export { rewardsToGo, reinforceEstimate } from './returns';
export {
  tdZeroUpdate,
  controlUpdate,
  expectedMaxOfIndependent,
  type ControlTarget,
} from './one-step-updates';
export {
  mixtureLowerBound,
  bestMixtureStep,
  trpoPenaltyCoefficient,
  trpoGuaranteedImprovement,
  type BestMixtureStep,
} from './bound-formulas';
export {
  softmax,
  logSumExp,
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
export { CartPole, VecCartPole, CARTPOLE, CARTPOLE_SPEC, cartpoleDynamics } from './cartpole';
export {
  ENV_IDS,
  obsSize,
  actionSize,
  type EnvId,
  type EnvSpec,
  type ActionSpace,
  type Action,
  type Env,
  type VecEnv,
  type StepResult,
} from './env-spec';
export { envs, isEnvId, getEnv, type EnvEntry } from './envs';
export { KernelEnv, VecKernelEnv, type EnvKernel, type Transition } from './env-kernel';
export { Acrobot, VecAcrobot, ACROBOT, ACROBOT_SPEC, acrobotDynamics, acrobotTerminal } from './acrobot';
export { MountainCar, VecMountainCar, MOUNTAIN_CAR, MOUNTAIN_CAR_SPEC, mountainHeight } from './mountain-car';
export {
  MountainCarContinuous,
  VecMountainCarContinuous,
  MOUNTAIN_CAR_CONTINUOUS,
  MOUNTAIN_CAR_CONTINUOUS_SPEC,
} from './mountain-car-continuous';
export { Pendulum, VecPendulum, PENDULUM, PENDULUM_SPEC, angleNormalize } from './pendulum';
export { controllers, type Controller } from './controllers';
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
  expectile,
  expectileLoss,
  expectileRisk,
  expectileResidual,
  expectileByBisection,
  quantile,
} from './expectile';
export {
  behaviourPolicy,
  sampleDataset,
  datasetCounts,
  empiricalMDP,
  idealCounts,
  pairCoverage,
  terminalStates,
  type LoggedTransition,
  type OfflineDataset,
  type DatasetCounts,
} from './offline-dataset';
export { fittedQIteration, type FittedQResult } from './fitted-q';
export {
  cqlPenalty,
  cqlFixedPoint,
  cqlIterate,
  cqlObjective,
  cqlBoundAnalysis,
  cqlDivergence,
  klRegularisedMax,
  klRegularisedObjective,
  type CqlSetting,
  type CqlVariant,
  type CqlBoundAnalysis,
} from './cql';
export { iqlFixedPoint, inSupportOptimal, awrPolicy, type IqlFixedPoint } from './iql';
export {
  actionsIn,
  validateTask,
  continuingTask,
  evaluateTask,
  taskQFromV,
  optimalTask,
  taskGreedyPolicy,
  epsilonGreedyPolicy,
  epsilonGreedyRow,
  type TabularTask,
} from './tabular-task';
export {
  randomWalk,
  uniformOver,
  cliffWalking,
  CLIFF,
  maximisationBias,
  bairdCounterexample,
  bairdProblem,
  bairdValueDynamics,
  BAIRD_MODES,
  type Baird,
  type BairdMode,
} from './value-examples';
export {
  mcEvaluation,
  tdEvaluation,
  sampleEpisode,
  sampleReward,
  rmsError,
  stepSizeAt,
  harmonicStepSize,
  DEFAULT_EPISODE_CAP,
  type StepSize,
  type Episode,
  type EvaluationOptions,
  type EvaluationRun,
} from './td-evaluation';
export {
  tdControl,
  createControlLearner,
  epsilonGreedyAction,
  CONTROL_METHODS,
  type ControlMethod,
  type ControlOptions,
  type ControlRun,
  type ControlLearner,
  type EpsilonSchedule,
} from './td-control';
export {
  expectedLinearTD,
  linearTDMatrices,
  tdFixedPoint,
  projectOnFeatures,
  stationaryDistribution,
  chainValues,
  policyTransitions,
  type LinearTDProblem,
  type LinearTarget,
  type LinearTDRun,
} from './linear-td';
export {
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
  bradleyTerryMle,
  type BradleyTerryMle,
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
  undiscountedEntropySoftQ,
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
export {
  runSeeds,
  WALK_SERIES,
  walkRun,
  NSTEP_NS,
  NSTEP_ALPHAS,
  NSTEP_EPISODES,
  nStepRun,
  cliffTask,
  greedyPath,
  cliffRun,
  cliffLearner,
  CLIFF_DEFAULTS,
  maxBiasRun,
  type WalkSeries,
} from './value-experiments';
export {
  trimMean,
  iqm,
  percentile,
  stratifiedBootstrap,
  iqmInterval,
  scoreDistribution,
  performanceProfile,
  pairwiseImprovement,
  probabilityOfImprovement,
  improvementInterval,
  iqmCurve,
  meanCurve,
  type BootstrapOptions,
  type Interval,
} from './rliable';
export {
  decodeInstance,
  encodeInstance,
  parseInstance,
  randomInstance,
  layout as labLayout,
  bounds as labBounds,
  LAB_MAX_STATES,
  LAB_MAX_ACTIONS,
  MAX_ENCODED_LENGTH,
  type LabInstance,
  type DecodedInstance,
  type ParsedInstance,
} from './theorem-lab';
export {
  evaluateStatement,
  STATEMENTS,
  STATEMENT_IDS,
  VIOLATION_TOLERANCE,
  type StatementId,
  type StatementInfo,
  type StatementValue,
  type Variant,
} from './theorem-lab-statements';
export {
  TheoremSearch,
  SEARCH_DEFAULTS,
  checkSearchConfig,
  type SearchConfig,
  type SearchState,
  type Found,
} from './theorem-lab-search';
export { estimatorMomentsExact, type EstimatorMomentsExact, type EstimatorKey } from './pg-variance';
export { clipDrift, type ClipDriftSetting, type ClipDriftRow } from './clip-drift';
