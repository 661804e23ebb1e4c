/**
 * What an environment is, as data: the spec every classic-control environment exposes (observation bounds, action
 * space, episode limit, the return at which the book calls it solved), and the `CartPole` contract the scalar and
 * vectorised environments share. Networks size themselves from the spec; nothing downstream names an environment.
 */
import type { Rng } from './rng';

/** Gymnasium ids of the environments of `src/rl` (the one list; the registry in ./envs.ts follows it). */
export const ENV_IDS = [
  'CartPole-v1',
  'Acrobot-v1',
  'MountainCar-v0',
  'MountainCarContinuous-v0',
  'Pendulum-v1',
] as const;
export type EnvId = (typeof ENV_IDS)[number];

export type ActionSpace =
  | { kind: 'discrete'; n: number }
  /** A float32 box, as Gymnasium's `spaces.Box`: the env clips an action into it itself. */
  | { kind: 'box'; low: readonly number[]; high: readonly number[] };

export interface EnvSpec {
  id: EnvId;
  /** Observation bounds as Gymnasium's float32 `observation_space` holds them (±Infinity where unbounded). */
  observation: { low: readonly number[]; high: readonly number[] };
  action: ActionSpace;
  /** The TimeLimit of the Gymnasium registration: `truncated` is true on exactly this step. */
  maxEpisodeSteps: number;
  /**
   * Solved when the mean return of the last `solveWindow` finished episodes reaches this (Gymnasium's
   * `reward_threshold`; Pendulum-v1 has none there, and -200 is the book's choice).
   */
  solveThreshold: number;
  solveWindow: number;
  /** Unicode-free one-line description for menus. */
  label: string;
}

/** The number of observation components and the size of an action (1 for a discrete index). */
export const obsSize = (spec: EnvSpec) => spec.observation.low.length;
export const actionSize = (spec: EnvSpec) => (spec.action.kind === 'discrete' ? 1 : spec.action.low.length);

export interface StepResult {
  obs: Float32Array;
  reward: number;
  terminated: boolean;
  truncated: boolean;
}

/**
 * A discrete env takes an integer; a continuous one an array of length 1 (number[] behaves as a float64 numpy array,
 * a Float32Array as float32: Gymnasium computes some terms in the action's dtype under numpy 2's scalar rules).
 */
export type Action = number | ArrayLike<number>;

/** The scalar contract (as `CartPole`): a float64 state that can be read and set, reset and step. */
export interface Env {
  readonly spec: EnvSpec;
  state: Float64Array;
  /** Steps taken in the current episode. */
  steps: number;
  reset(rng: Rng): Float32Array;
  step(action: Action): StepResult;
}

/**
 * n environments stepped together into flat buffers, with auto-reset (as `VecCartPole`): when an episode ends,
 * `finalObs` holds its last observation (to bootstrap on truncation) and `obs` the first one of the next episode.
 * `truncated` is 0 on a step that also terminates (termination decides bootstrapping).
 */
export interface VecEnv {
  readonly spec: EnvSpec;
  readonly n: number;
  readonly state: Float64Array;
  readonly obs: Float32Array;
  readonly finalObs: Float32Array;
  readonly rewards: Float32Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  readonly steps: Int32Array;
  readonly episodeReturn: Float64Array;
  finished: Array<{ env: number; return: number; length: number }>;
  /** Discrete: one index per env. Box: `n × actionSize` values, env-major (a Float32Array is float32). */
  step(actions: ArrayLike<number>): void;
}

/** Clear message for a discrete action outside {0, …, n − 1}. */
export function checkDiscrete(id: EnvId, n: number, action: unknown): number {
  if (typeof action !== 'number' || !Number.isInteger(action) || action < 0 || action >= n)
    throw new Error(`${id} takes an integer action in 0..${n - 1}, got ${String(action)}`);
  return action;
}

/** Clear message for a box action that is not an array of the right length. */
export function checkBox(id: EnvId, size: number, action: unknown): ArrayLike<number> {
  const ok =
    action !== null &&
    typeof action === 'object' &&
    typeof (action as ArrayLike<number>).length === 'number' &&
    (action as ArrayLike<number>).length === size;
  if (!ok)
    throw new Error(
      `${id} takes an array of ${size} number(s) (number[] or Float32Array), got ${String(action)}`,
    );
  return action as ArrayLike<number>;
}
