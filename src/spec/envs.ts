/**
 * The environments the engine can train on, as data: the specs of src/rl's registry (observation bounds, action
 * space, episode limit, solve threshold; one place for each fact), read through this module so that the layers
 * above see one training spec. The dynamics live in src/rl; src/nn/envs.ts wraps each id's vectorised form for the
 * trainers. Networks size themselves from the spec, so nothing in the worker names an environment.
 */
import { ENV_IDS as RL_ENV_IDS, type ActionSpace, type EnvId, type EnvSpec } from '@/rl/env-spec';
import { envs } from '@/rl/envs';

export type { ActionSpace, EnvId, EnvSpec };
export type ActionKind = ActionSpace['kind'];

export const ENV_IDS: readonly EnvId[] = RL_ENV_IDS;

/** Every environment's spec, by Gymnasium id. */
export const ENV_SPECS = Object.fromEntries(ENV_IDS.map((id) => [id, envs[id].spec])) as Readonly<
  Record<EnvId, EnvSpec>
>;

export function isEnvId(x: unknown): x is EnvId {
  return typeof x === 'string' && (ENV_IDS as readonly string[]).includes(x);
}

export function envSpec(id: EnvId): EnvSpec {
  return ENV_SPECS[id];
}

/** Observation components. */
export const obsDim = (s: EnvSpec) => s.observation.low.length;

/** Outputs of the policy head: logits for a discrete space, one mean per dimension for a box. */
export function actionDim(a: ActionSpace): number {
  return a.kind === 'discrete' ? a.n : a.low.length;
}
