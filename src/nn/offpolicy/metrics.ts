/** What one call of an off-policy trainer reports. Plain data: it crosses the worker boundary as is. */
export interface OffPolicyMetrics {
  /** 1-based index of the call (one chunk of environment steps and the gradient steps inside it). */
  update: number;
  /** Environment steps so far (0 in offline mode). */
  steps: number;
  /** Gradient steps so far. */
  gradientSteps: number;
  /** Returns and lengths of the episodes that finished in this chunk. */
  episodeReturns: number[];
  episodeLengths: number[];
  /** Mean return of the last 20 finished episodes (NaN before the first). */
  returnMean20: number;
  episodes: number;
  /** Critic (Q) loss, mean over this chunk's gradient steps (NaN before learning starts). */
  qLoss: number;
  /** Mean |TD error| on the batch. */
  tdError: number;
  /** Mean Q(s, a) on the replay batch. */
  qMean: number;
  /**
   * The overestimation readout: mean Q(s_t, a_t) (first critic) on the first half of recent episodes' steps, and the
   * mean discounted Monte Carlo return-to-go G_t on the same steps (NaN until an episode has finished).
   */
  qEpisodes: number;
  mcReturn: number;
  /** Actor loss (DDPG/TD3: −mean Q; SAC: mean α log π − min Q); NaN for DQN or before the first actor update. */
  actorLoss: number;
  /** DQN's epsilon at the end of the chunk (NaN otherwise). */
  epsilon: number;
  /** SAC's temperature α (NaN otherwise). */
  alpha: number;
  /** Learning rate in use (the actor's for SAC). */
  learningRate: number;
  /** Gradient steps per second of this chunk's wall time. */
  updatesPerSec: number;
  /** Where this chunk's time went, ms: acting (forward pass + env step + storing), sampling (indices + packing), learning (tfjs + read-back). */
  actMs: number;
  sampleMs: number;
  learnMs: number;
}
