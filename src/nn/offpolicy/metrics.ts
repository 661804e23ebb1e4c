/** What one call of an off-policy trainer reports (the engine's `UpdateMetrics` with the off-policy series). */
import type { MetricsOf } from '@/spec';

/**
 * Base fields (update = 1-based call index, steps, episodes, the episodes finished in the call, `rolloutMs` =
 * acting: forward pass + env step + storing, `learnMs` = tfjs updates + read-backs) and: the critic loss, mean |TD
 * error| and mean Q on the batch (means over the call's gradient steps; NaN before learning starts), the
 * overestimation readout (mean Q of the first critic on the first half of recent episodes' steps, and their mean
 * discounted return-to-go; the shadow critic's mean Q on the same steps), the actor loss, ε, α, the learning rate, gradient steps per second of wall time, the
 * gradient steps so far and the time spent sampling batches. NaN where an algorithm has no such quantity.
 */
export type OffPolicyMetrics = MetricsOf<
  | 'returnMean20'
  | 'qLoss'
  | 'tdError'
  | 'qMean'
  | 'qEpisodes'
  | 'qShadow'
  | 'mcReturn'
  | 'actorLoss'
  | 'epsilon'
  | 'alpha'
  | 'learningRate'
  | 'updatesPerSec'
  | 'gradientSteps'
  | 'sampleMs'
>;
