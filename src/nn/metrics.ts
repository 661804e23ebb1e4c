/** The metrics each trainer of this folder reports (typed from the algorithm's spec: its `series`). */
import type { MetricsOf, PPO, REINFORCE } from '@/spec';

export type PpoMetrics = MetricsOf<(typeof PPO.series)[number]>;
export type ReinforceMetrics = MetricsOf<(typeof REINFORCE.series)[number]>;
