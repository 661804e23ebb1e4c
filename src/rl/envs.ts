/**
 * The environment registry by Gymnasium id: `envs['Pendulum-v1'].spec`, `.make()`, `.makeVec(n, rng)`.
 * The one place that lists the environments of the book (their ids are `ENV_IDS`).
 */
import { Acrobot, ACROBOT_SPEC, VecAcrobot } from './acrobot';
import { CartPole, CARTPOLE_SPEC, VecCartPole } from './cartpole';
import { ENV_IDS, type Env, type EnvId, type EnvSpec, type VecEnv } from './env-spec';
import { MountainCar, MOUNTAIN_CAR_SPEC, VecMountainCar } from './mountain-car';
import {
  MountainCarContinuous,
  MOUNTAIN_CAR_CONTINUOUS_SPEC,
  VecMountainCarContinuous,
} from './mountain-car-continuous';
import { Pendulum, PENDULUM_SPEC, VecPendulum } from './pendulum';
import type { Rng } from './rng';

export interface EnvEntry {
  spec: EnvSpec;
  /** A new scalar env (call `reset(rng)` before stepping). */
  make(): Env;
  /** n envs with auto-reset, reset at once from `rng`. */
  makeVec(n: number, rng: Rng): VecEnv;
}

export const envs: Readonly<Record<EnvId, EnvEntry>> = {
  'CartPole-v1': {
    spec: CARTPOLE_SPEC,
    make: () => new CartPole() as Env,
    makeVec: (n, rng) => new VecCartPole(n, rng),
  },
  'Acrobot-v1': {
    spec: ACROBOT_SPEC,
    make: () => new Acrobot(),
    makeVec: (n, rng) => new VecAcrobot(n, rng),
  },
  'MountainCar-v0': {
    spec: MOUNTAIN_CAR_SPEC,
    make: () => new MountainCar(),
    makeVec: (n, rng) => new VecMountainCar(n, rng),
  },
  'MountainCarContinuous-v0': {
    spec: MOUNTAIN_CAR_CONTINUOUS_SPEC,
    make: () => new MountainCarContinuous(),
    makeVec: (n, rng) => new VecMountainCarContinuous(n, rng),
  },
  'Pendulum-v1': {
    spec: PENDULUM_SPEC,
    make: () => new Pendulum(),
    makeVec: (n, rng) => new VecPendulum(n, rng),
  },
};

export const isEnvId = (x: unknown): x is EnvId =>
  typeof x === 'string' && (ENV_IDS as readonly string[]).includes(x);

/** The entry of `id`, or a clear error naming the known ids. */
export function getEnv(id: string): EnvEntry {
  if (!isEnvId(id)) throw new Error(`Unknown environment "${id}"; known: ${ENV_IDS.join(', ')}`);
  return envs[id];
}
