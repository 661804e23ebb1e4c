/**
 * The environment registry of the engine: spec id → vectorised implementation (the dynamics live in src/rl). The
 * trainers size their networks from the env (`obsSize`, `numActions`) and never name one.
 */
import type { EnvId } from '@/spec';
import type { RunRng } from './rl-bridge';
import { VecCartPoleEnv, type VecEnv } from './vec-env';

export const VEC_ENVS: { [K in EnvId]: (numEnvs: number, rng: RunRng) => VecEnv } = {
  'CartPole-v1': (n, rng) => new VecCartPoleEnv(n, rng),
};

/** `numEnvs` copies of environment `id`, reset and sampled with the run RNG. */
export function makeVecEnv(id: EnvId, numEnvs: number, rng: RunRng): VecEnv {
  return VEC_ENVS[id](numEnvs, rng);
}
