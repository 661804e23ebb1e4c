/**
 * The environment registry of the engine: spec id → vectorised implementation (the dynamics live in src/rl). The
 * trainers size their networks from the env (`obsSize`, `numActions`, `actionKind`) and never name one.
 */
import { envSpec, type EnvId } from '@/spec';
import { rlVec, type RunRng } from './rl-bridge';
import { RlVecEnv, type VecEnv } from './vec-env';

/** `numEnvs` copies of environment `id`, reset and sampled with the run RNG. */
export function makeVecEnv(id: EnvId, numEnvs: number, rng: RunRng): VecEnv {
  return new RlVecEnv(rlVec(id), envSpec(id), numEnvs, rng);
}
