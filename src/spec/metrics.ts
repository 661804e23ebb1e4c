/**
 * What an update reports. `METRICS` is the one table of chartable statistics (name → label and doc); an algorithm
 * declares which of them it streams (its `series` in algos.ts), and chart series keys are typed from this table, so
 * a misspelt key is a type error instead of an empty line. Plain data: it crosses the worker boundary as is.
 */

export const METRICS = {
  returnMean20: {
    label: 'mean return (last 20)',
    doc: 'Mean return of the last 20 finished episodes (NaN before the first).',
  },
  policyLoss: {
    label: 'policy loss',
    doc: 'Surrogate (PPO) or policy-gradient (REINFORCE) loss, minimised.',
  },
  valueLoss: {
    label: 'value loss',
    doc: 'Critic regression loss (½ mean squared error); NaN without a critic.',
  },
  entropy: { label: 'entropy', doc: 'Mean entropy of the policy on the batch (nats).' },
  approxKl: {
    label: 'approx KL',
    doc: 'Mean over minibatches of the (r − 1) − log r estimator of KL(old ‖ new).',
  },
  clipFraction: { label: 'clip fraction', doc: 'Fraction of samples whose ratio left [1 − ε, 1 + ε].' },
  explainedVariance: { label: 'explained variance', doc: '1 − Var[returns − values] / Var[returns].' },
  learningRate: { label: 'learning rate', doc: 'Learning rate used in this update (after annealing).' },
  gradNorm: { label: 'gradient norm', doc: 'Global gradient norm before clipping (mean over minibatches).' },
  epochs: { label: 'epochs run', doc: 'Epochs actually run (target-KL early stop can cut them).' },
  tvMean: {
    label: 'TV mean',
    doc: "TV distance between consecutive policies, mean over the batch's states.",
  },
  tvMax: { label: 'TV max', doc: "TV distance between consecutive policies, max over the batch's states." },
  klMean: {
    label: 'KL mean',
    doc: "KL(old ‖ new) between consecutive policies, mean over the batch's states.",
  },
  klMax: { label: 'KL max', doc: "KL(old ‖ new) between consecutive policies, max over the batch's states." },
  qLoss: {
    label: 'Q loss',
    doc: 'Critic TD loss, mean over the gradient steps of the update (mean over critics).',
  },
  tdError: {
    label: 'mean |TD error|',
    doc: 'Mean absolute TD error of the (first) critic on the replay batch.',
  },
  qMean: { label: 'mean Q (batch)', doc: 'Mean Q(s, a) of the (first) critic on the replay batch.' },
  qEpisodes: {
    label: 'mean Q (recent episodes)',
    doc: 'Mean Q(s_t, a_t) of the (first) critic on the first half of recent episodes: compare with their return.',
  },
  qShadow: {
    label: 'mean Q, shadow critic (recent episodes)',
    doc:
      'The shadow critic (same initial weights and minibatches, the other target rule: max ↔ Double DQN, ' +
      'single ↔ clipped double Q) on the same steps; NaN without it.',
  },
  mcReturn: {
    label: 'discounted return (recent episodes)',
    doc: 'Mean discounted Monte Carlo return-to-go on the same steps: Q above it is overestimation.',
  },
  actorLoss: { label: 'actor loss', doc: 'DDPG/TD3: −mean Q(s, μ(s)); SAC: mean α log π − min Q.' },
  epsilon: { label: 'ε', doc: 'Exploration probability of ε-greedy acting at the end of the update.' },
  alpha: { label: 'α', doc: 'Entropy temperature of SAC.' },
  updatesPerSec: { label: 'gradient steps/s', doc: "Gradient steps per second of the update's wall time." },
  gradientSteps: { label: 'gradient steps', doc: 'Gradient steps taken so far in the run.' },
  sampleMs: {
    label: 'sampling ms',
    doc: 'Milliseconds spent sampling and packing replay batches in the update.',
  },
} as const satisfies Record<string, { label: string; doc: string }>;

/** A chartable statistic of an update. */
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

/** A key a chart may plot: the x axes plus every metric. */
export type SeriesKey = 'update' | 'steps' | 'episodes' | MetricKey;

/** Histogram of new/old probability ratios of the taken actions. */
export interface RatioHist {
  edges: number[];
  counts: number[];
}

/** What every update reports, whatever the algorithm. */
export interface BaseMetrics {
  /** 1-based index of the update. */
  update: number;
  /** Environment steps taken so far in the run. */
  steps: number;
  /** Episodes finished so far in the run. */
  episodes: number;
  /** Returns and lengths of the episodes that finished during this update. */
  episodeReturns: number[];
  episodeLengths: number[];
  /** Milliseconds spent collecting experience and learning. */
  rolloutMs: number;
  learnMs: number;
  /** After the update, for policies with a discrete action space. */
  ratioHist?: RatioHist;
}

/** One update's report: the base fields and the metrics the algorithm streams (absent ones are not computed). */
export type UpdateMetrics = BaseMetrics & { [K in MetricKey]?: number };

/** An update's metrics for an algorithm that streams the metrics `K` (present, NaN when undefined this update). */
export type MetricsOf<K extends MetricKey> = BaseMetrics & { [P in K]: number };

/** Histogram bin edges for probability ratios: 0.5 … 1.5 in 0.05 steps, with under/overflow bins at the ends. */
export const RATIO_EDGES: number[] = Array.from(
  { length: 21 },
  (_, k) => Math.round((0.5 + 0.05 * k) * 100) / 100,
);
