/**
 * The algorithm registry: id → spec (table of settings, action spaces, streamed metrics, constraints, work). The
 * config union, the validator, the live-setting check and the link repair are generated from it. The trainers are
 * registered against the same ids in src/nn/registry.ts (a missing one is a type error there).
 */
import type { AlgoSpec, Constraint } from './algo';
import { checkWork } from './common';
import { ENV_SPECS, isEnvId, type EnvId, type EnvSpec } from './envs';
import { checkField, checkFields, defaultsOf, liveFieldsOf, type Fields } from './fields';
import { PPO, type PpoConfig } from './ppo';
import { REINFORCE, type ReinforceConfig } from './reinforce';
import { DQN, type DqnConfig } from './dqn';
import { DDPG, TD3, type DdpgConfig, type Td3Config } from './td3';
import { SAC, type SacConfig } from './sac';
import { OFFLINE, type OfflineConfig } from './offline';

export const ALGOS = {
  ppo: PPO,
  reinforce: REINFORCE,
  dqn: DQN,
  ddpg: DDPG,
  td3: TD3,
  sac: SAC,
  offline: OFFLINE,
} as const;
export type AlgoId = keyof typeof ALGOS;
export const ALGO_IDS = Object.keys(ALGOS) as AlgoId[];

/** A whole configuration of a run: `algo` picks the table, every other key is a setting of that table. */
export type TrainConfig =
  PpoConfig | ReinforceConfig | DqnConfig | DdpgConfig | Td3Config | SacConfig | OfflineConfig;
export type { PpoConfig, ReinforceConfig, DqnConfig, DdpgConfig, Td3Config, SacConfig, OfflineConfig };

// Every algorithm of the registry has its config in the union, and the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _registryMatchesUnion: Same<TrainConfig['algo'], AlgoId> = true;
void _registryMatchesUnion;

/** Settings that change a running run at its next update: name → value. */
export type LiveHparams = Readonly<Record<string, number>>;

export function isAlgoId(x: unknown): x is AlgoId {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ALGOS, x);
}

/** The spec of an algorithm, with its types widened for generic code. */
export function algoSpec(id: AlgoId): AlgoSpec {
  return ALGOS[id] as unknown as AlgoSpec;
}

/** The table's defaults for `algo`, with the environment's solve threshold. */
export function defaultConfig<A extends AlgoId>(algo: A, env: EnvId = 'CartPole-v1') {
  const spec = algoSpec(algo);
  return {
    ...defaultsOf(spec.fields),
    algo,
    env,
    solveThreshold: ENV_SPECS[env].solveThreshold,
  } as Extract<TrainConfig, { algo: A }>;
}

/** Names of the settings that apply at the next update. */
export function liveFields(algo: AlgoId): string[] {
  return liveFieldsOf(algoSpec(algo).fields);
}

/** Cross-field rules: the algorithm's own, its action spaces, and the work limits (as one rule over `work` fields). */
function rules(spec: AlgoSpec): Constraint<Record<string, unknown>>[] {
  return [
    {
      fields: ['env'],
      check: (_c, env) =>
        spec.actionKinds.includes(env.action.kind)
          ? null
          : `${spec.label} does not handle the ${env.action.kind} actions of ${env.id}`,
    },
    ...(spec.constraints as Constraint<Record<string, unknown>>[]),
    {
      fields: spec.workFields,
      check: (c, env) => checkWork(spec.work(c as never, env)).join('; ') || null,
    },
  ];
}

/** Validates a config; returns human-readable messages (empty = valid). Never throws. */
export function validateConfig(cfg: unknown): string[] {
  if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg)) return ['config must be an object'];
  const c = cfg as Record<string, unknown>;
  if (!isAlgoId(c.algo))
    return [`algo must be one of ${ALGO_IDS.map((a) => `'${a}'`).join(', ')} (got ${String(c.algo)})`];
  const spec = algoSpec(c.algo);
  const errs = checkFields(spec.fields, c, ['algo']);
  if (errs.length || !isEnvId(c.env)) return errs;
  const env: EnvSpec = ENV_SPECS[c.env];
  for (const r of rules(spec)) {
    const why = r.check(c, env);
    if (why) errs.push(why);
  }
  return errs;
}

/** Validates live settings for a run of `algo`; returns messages (empty = valid). */
export function validateLive(algo: AlgoId, h: LiveHparams): string[] {
  const fields: Fields = algoSpec(algo).fields;
  const out: string[] = [];
  for (const [k, v] of Object.entries(h)) {
    const f = fields[k];
    if (!f || !f.live) out.push(`${k} cannot change during a run`);
    else {
      const why = checkField(f, v);
      if (why) out.push(`${k} must be ${why}`);
    }
  }
  return out;
}

/**
 * Makes a config whose fields are each valid (a link's values, already clamped) valid as a whole: every rule it
 * breaks puts the settings that rule involves back to `base`'s values (a valid preset), until none is broken.
 * Returns the config and one notice per broken rule.
 */
export function repairConfig<C extends TrainConfig>(cfg: C, base: C): { config: C; notices: string[] } {
  const spec = algoSpec(cfg.algo);
  const out = { ...cfg } as Record<string, unknown>;
  const notices: string[] = [];
  const all = rules(spec);
  for (let round = 0; round <= all.length; round++) {
    const env = isEnvId(out.env) ? ENV_SPECS[out.env] : ENV_SPECS['CartPole-v1'];
    const broken = all.map((r) => ({ r, why: r.check(out, env) })).filter((x) => x.why);
    if (!broken.length) break;
    for (const { r, why } of broken) {
      const changed = r.fields.filter((k) => out[k] !== (base as Record<string, unknown>)[k]);
      for (const k of r.fields) out[k] = (base as Record<string, unknown>)[k];
      notices.push(
        `${why}; ${changed.length ? `using the preset's ${changed.join(', ')}` : 'using the preset'}`,
      );
    }
  }
  return { config: out as C, notices };
}

/** Whether two configs are the same settings (key order and the spelling of Infinity do not matter). */
export function sameConfig(a: TrainConfig, b: TrainConfig): boolean {
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  return (
    ka.length === Object.keys(b).length &&
    ka.every((k) => Object.is((a as Record<string, unknown>)[k], rb[k]))
  );
}
