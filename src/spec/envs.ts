/**
 * What the engine and the UI know about an environment before anything runs: its observation bounds, its action
 * space, its episode limit and the return that counts as solved (Gymnasium's `reward_threshold`). The dynamics live
 * in src/rl; src/nn/envs.ts maps each id to its vectorised implementation. Networks size themselves from the spec,
 * so nothing in the worker names an environment.
 */

export type ActionSpace =
  { kind: 'discrete'; n: number } | { kind: 'box'; low: readonly number[]; high: readonly number[] };

export type ActionKind = ActionSpace['kind'];

export interface EnvSpec {
  id: string;
  label: string;
  /** Observation bounds per dimension (±Infinity where unbounded); the observation size is their length. */
  obsLow: readonly number[];
  obsHigh: readonly number[];
  action: ActionSpace;
  /** Time limit: the episode is truncated after this many steps. */
  maxEpisodeSteps: number;
  /** Mean return of the last 20 episodes that counts as solved. */
  solveThreshold: number;
}

const F32_MAX = 3.4028234663852886e38;

/** Every environment the engine can train on. Add one here and in src/nn/envs.ts. */
export const ENV_SPECS = {
  'CartPole-v1': {
    id: 'CartPole-v1',
    label: 'CartPole-v1',
    // Gymnasium: x threshold 2.4 × 2, theta 12° × 2, velocities unbounded (float32 max).
    obsLow: [-4.8, -F32_MAX, -0.41887902047863906, -F32_MAX],
    obsHigh: [4.8, F32_MAX, 0.41887902047863906, F32_MAX],
    action: { kind: 'discrete', n: 2 },
    maxEpisodeSteps: 500,
    solveThreshold: 475,
  },
} as const satisfies Record<string, EnvSpec>;

export type EnvId = keyof typeof ENV_SPECS;
export const ENV_IDS = Object.keys(ENV_SPECS) as EnvId[];

export function isEnvId(x: unknown): x is EnvId {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ENV_SPECS, x);
}

export function envSpec(id: EnvId): EnvSpec {
  return ENV_SPECS[id];
}

/** Number of outputs of the policy head: logits for a discrete space, one mean per dimension for a box. */
export function actionDim(a: ActionSpace): number {
  return a.kind === 'discrete' ? a.n : a.low.length;
}
