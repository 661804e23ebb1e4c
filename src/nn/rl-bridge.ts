/**
 * The one place where src/nn meets src/rl: the run RNG (`createRng`), src/rl's environment registry and CartPole-v1, adapted to
 * the small interfaces the engine uses (so the trainers do not care which environment they train on).
 */
import { CartPole, createRng, envs, type Rng, type VecEnv as RlVecEnvType } from '@/rl';

/** src/rl's vectorised environment (the kernel the engine's `RlVecEnv` wraps). */
export type RlVec = RlVecEnvType;

/** The vectorised form of environment `id` of src/rl's registry. */
export const rlVec = (id: keyof typeof envs) => envs[id].makeVec;

/** The run RNG as the engine uses it (uniform in [0, 1) and standard normal). */
export type RunRng = Rng;

export function makeRng(seed: number): RunRng {
  return createRng(seed);
}

/** Single-environment interface (Gymnasium-style) the engine vectorises. */
export interface SingleEnv {
  reset(rng: RunRng): ArrayLike<number>;
  step(action: number): { obs: ArrayLike<number>; reward: number; terminated: boolean; truncated: boolean };
}

/** Gymnasium CartPole-v1 from src/rl, with its float64 `state` readable (the viewer draws it). */
export function makeCartPole(): SingleEnv & { readonly state: ArrayLike<number> } {
  const env = new CartPole();
  return {
    get state() {
      return env.state;
    },
    reset: (rng) => env.reset(rng),
    step: (action) => env.step(action === 1 ? 1 : 0),
  };
}
