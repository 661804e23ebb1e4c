/**
 * The environment contract the off-policy learners see: one Gymnasium-style environment (CleanRL's scripts run one,
 * too), float observations, a discrete or box action space. A box action is clipped by the learner to the box
 * before it is stored and stepped, as CleanRL clips.
 */
import { makeCartPole, type RunRng } from '../rl-bridge';

export type ActionSpace =
  { kind: 'discrete'; n: number } | { kind: 'box'; low: readonly number[]; high: readonly number[] };

export interface OffPolicyEnv {
  readonly obsSize: number;
  readonly action: ActionSpace;
  reset(rng: RunRng): ArrayLike<number>;
  /** A discrete action is `action[0]`; a box action is the vector. */
  step(action: Float32Array): {
    obs: ArrayLike<number>;
    reward: number;
    terminated: boolean;
    truncated: boolean;
  };
}

/** CartPole-v1 (src/rl) as an off-policy environment. */
export function cartPoleEnv(): OffPolicyEnv {
  const env = makeCartPole();
  return {
    obsSize: 4,
    action: { kind: 'discrete', n: 2 },
    reset: (rng) => env.reset(rng),
    step: (a) => env.step(a[0]),
  };
}

/** Columns an action takes in a packed batch and a replay row. */
export function actionDims(space: ActionSpace): { stored: number; packed: number } {
  return space.kind === 'discrete'
    ? { stored: 1, packed: space.n }
    : { stored: space.low.length, packed: space.low.length };
}
