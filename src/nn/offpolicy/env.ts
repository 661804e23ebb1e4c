/**
 * The environment contract the off-policy learners see: one Gymnasium-style environment from src/rl's registry
 * (CleanRL's scripts run one too), float32 observations, a discrete or box action space. A box action is clipped to
 * the box by the learner before it is stored and stepped, as CleanRL clips.
 */
import { getEnv, type ActionSpace, type EnvId } from '@/rl';
import type { RunRng } from '../rl-bridge';

export type { ActionSpace };

export interface OffPolicyEnv {
  readonly obsSize: number;
  readonly action: ActionSpace;
  reset(rng: RunRng): ArrayLike<number>;
  /** A discrete action is `action[0]`; a box action is the vector (float32, as CleanRL's numpy actions). */
  step(action: Float32Array): {
    obs: ArrayLike<number>;
    reward: number;
    terminated: boolean;
    truncated: boolean;
  };
}

/** An environment of the registry by Gymnasium id. */
export function makeOffPolicyEnv(id: EnvId): OffPolicyEnv {
  const env = getEnv(id).make();
  const spec = env.spec;
  const discrete = spec.action.kind === 'discrete';
  return {
    obsSize: spec.observation.low.length,
    action: spec.action,
    reset: (rng) => env.reset(rng),
    step: (a) => env.step(discrete ? a[0] : a),
  };
}

/** CartPole-v1. */
export const cartPoleEnv = (): OffPolicyEnv => makeOffPolicyEnv('CartPole-v1');

/** Columns an action takes in a replay row (`stored`) and in a packed batch / critic input (`packed`). */
export function actionDims(space: ActionSpace): { stored: number; packed: number } {
  return space.kind === 'discrete'
    ? { stored: 1, packed: space.n }
    : { stored: space.low.length, packed: space.low.length };
}
