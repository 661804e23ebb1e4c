/** What one update reports. Plain data (structured-clone friendly): it crosses the worker boundary as is. */
export interface UpdateMetrics {
  /** 1-based index of the update. */
  update: number;
  /** Environment steps taken so far in the run. */
  steps: number;
  /** Returns and lengths of the episodes that finished during this update's rollout. */
  episodeReturns: number[];
  episodeLengths: number[];
  /** Mean return of the last 20 finished episodes of the run (NaN before the first). */
  returnMean20: number;
  /** Episodes finished so far in the run. */
  episodes: number;
  policyLoss: number;
  valueLoss: number;
  entropy: number;
  /** Mean over minibatches of the (r - 1) - log r estimator of KL(old || new). NaN for REINFORCE. */
  approxKl: number;
  /** Fraction of samples whose ratio left [1 - eps, 1 + eps]. NaN for REINFORCE. */
  clipFraction: number;
  /** 1 - Var[returns - values] / Var[returns]. NaN when the variant has no critic. */
  explainedVariance: number;
  /** Learning rate used in this update. */
  learningRate: number;
  /** Global gradient norm before clipping (mean over minibatches). */
  gradNorm: number;
  /** Epochs actually run (target-KL early stop can cut them). */
  epochs: number;
  /** TV distance between the policies before and after the update, mean and max over the batch's states. */
  tvMean: number;
  tvMax: number;
  /** KL(old || new) between consecutive policies, mean and max over the batch's states. */
  klMean: number;
  klMax: number;
  /** Histogram of new/old probability ratios of the taken actions after the update. */
  ratioHist: { edges: number[]; counts: number[] };
  /** Milliseconds spent collecting the rollout and learning. */
  rolloutMs: number;
  learnMs: number;
}

/** Histogram bin edges for probability ratios: 0.5 … 1.5 in 0.05 steps, with under/overflow bins at the ends. */
export const RATIO_EDGES: number[] = Array.from(
  { length: 21 },
  (_, k) => Math.round((0.5 + 0.05 * k) * 100) / 100,
);
