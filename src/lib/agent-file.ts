/**
 * A trained agent as a JSON file: the policy network's weights with what produced them (environment, algorithm,
 * config, seed, backend) and how well it did (returns). `parseAgentFile` validates an imported file and says
 * exactly what is wrong — not JSON, not an agent, an unknown or unexpected environment, a network whose shape does
 * not fit the environment, numbers that are not finite — and never throws.
 */
import { envs, isEnvId, obsSize, type EnvId } from '@/rl';

export const AGENT_FORMAT = 'proximal-agent';
export const AGENT_VERSION = 1;

/**
 * The policy: a tanh MLP `obs → h → h → out` with weights row-major `[in][out]` in the order W1, b1, W2, b2, W3, b3.
 * `categorical`: `out` logits (discrete envs). `gaussian`: `out` means and a state-independent `logStd` per
 * action dimension (box envs; actions are clipped to the box by the env).
 */
export interface AgentPolicy {
  kind: 'categorical' | 'gaussian';
  sizes: [number, number, number, number];
  tensors: number[][];
  logStd?: number[];
}

export interface AgentReturns {
  /** Mean return of the last 20 finished training episodes (NaN as null in JSON). */
  mean20: number | null;
  /** The last finished training episodes' returns, oldest first (at most 100). */
  recent: number[];
  episodes: number;
  steps: number;
}

export interface AgentFile {
  format: typeof AGENT_FORMAT;
  version: typeof AGENT_VERSION;
  /** A name the reader can change. */
  name: string;
  env: EnvId;
  algo: string;
  seed: number;
  backend: string;
  config: Record<string, unknown>;
  returns: AgentReturns;
  policy: AgentPolicy;
  savedAt: string;
}

export type ParseResult = { ok: true; agent: AgentFile } | { ok: false; errors: string[] };

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const finiteArray = (x: unknown): x is number[] =>
  Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(v));

/** The shape the policy must have for env `id`: observation size in, logits or means out. */
export function expectedPolicy(id: EnvId): { kind: AgentPolicy['kind']; inputs: number; outputs: number } {
  const spec = envs[id].spec;
  return spec.action.kind === 'discrete'
    ? { kind: 'categorical', inputs: obsSize(spec), outputs: spec.action.n }
    : { kind: 'gaussian', inputs: obsSize(spec), outputs: spec.action.low.length };
}

/** Validates a parsed JSON value as an agent (for `expectEnv`, if given). */
export function validateAgent(x: unknown, expectEnv?: EnvId): ParseResult {
  const errors: string[] = [];
  if (!isObj(x) || x.format !== AGENT_FORMAT)
    return {
      ok: false,
      errors: [`This is not a Proximal agent file (expected "format": "${AGENT_FORMAT}").`],
    };
  if (x.version !== AGENT_VERSION)
    return {
      ok: false,
      errors: [
        `Agent file version ${String(x.version)} is not supported (this book reads ${AGENT_VERSION}).`,
      ],
    };
  if (!isEnvId(x.env)) return { ok: false, errors: [`Unknown environment ${JSON.stringify(x.env)}.`] };
  const env = x.env;
  if (expectEnv && env !== expectEnv) errors.push(`This agent was trained on ${env}, not ${expectEnv}.`);
  if (typeof x.name !== 'string' || x.name.length > 200)
    errors.push('"name" must be a string of at most 200 characters.');
  if (typeof x.algo !== 'string') errors.push('"algo" must be a string.');
  if (typeof x.seed !== 'number' || !Number.isInteger(x.seed)) errors.push('"seed" must be an integer.');
  if (typeof x.backend !== 'string') errors.push('"backend" must be a string.');
  if (!isObj(x.config)) errors.push('"config" must be an object.');
  if (typeof x.savedAt !== 'string') errors.push('"savedAt" must be a date string.');
  const r = x.returns;
  if (!isObj(r)) errors.push('"returns" must be an object.');
  else {
    if (!(r.mean20 === null || (typeof r.mean20 === 'number' && Number.isFinite(r.mean20))))
      errors.push('returns.mean20 must be a finite number or null.');
    if (!finiteArray(r.recent) || r.recent.length > 100)
      errors.push('returns.recent must be at most 100 finite numbers.');
    if (typeof r.episodes !== 'number' || !Number.isInteger(r.episodes) || r.episodes < 0)
      errors.push('returns.episodes must be a non-negative integer.');
    if (typeof r.steps !== 'number' || !Number.isInteger(r.steps) || r.steps < 0)
      errors.push('returns.steps must be a non-negative integer.');
  }
  const p = x.policy;
  if (!isObj(p)) return { ok: false, errors: [...errors, '"policy" must be an object.'] };
  const want = expectedPolicy(env);
  if (p.kind !== want.kind)
    errors.push(`policy.kind must be "${want.kind}" for ${env}, got ${JSON.stringify(p.kind)}.`);
  const sizes = p.sizes;
  if (
    !Array.isArray(sizes) ||
    sizes.length !== 4 ||
    !sizes.every((v) => Number.isInteger(v) && v >= 1 && v <= 1024)
  )
    return {
      ok: false,
      errors: [...errors, 'policy.sizes must be four integers [inputs, hidden, hidden, outputs].'],
    };
  const [i, h1, h2, o] = sizes as number[];
  if (i !== want.inputs)
    errors.push(`Wrong shape: the network takes ${i} inputs but ${env} observations have ${want.inputs}.`);
  if (o !== want.outputs)
    errors.push(
      `Wrong shape: the network has ${o} outputs but ${env} needs ${want.outputs} (${want.kind === 'categorical' ? 'one logit per action' : 'one mean per action dimension'}).`,
    );
  const lengths = [i * h1, h1, h1 * h2, h2, h2 * o, o];
  const names = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'];
  if (!Array.isArray(p.tensors) || p.tensors.length !== 6)
    errors.push('policy.tensors must hold 6 arrays (W1, b1, W2, b2, W3, b3).');
  else
    p.tensors.forEach((t: unknown, k: number) => {
      if (!Array.isArray(t) || t.length !== lengths[k])
        errors.push(
          `Wrong shape: ${names[k]} must have ${lengths[k]} numbers, has ${Array.isArray(t) ? t.length : 'none'}.`,
        );
      else if (!finiteArray(t))
        errors.push(`Bad numbers: ${names[k]} holds a value that is not a finite number.`);
    });
  if (want.kind === 'gaussian') {
    if (!finiteArray(p.logStd) || p.logStd.length !== o)
      errors.push(
        `policy.logStd must be ${o} finite number(s) (one log standard deviation per action dimension).`,
      );
  }
  return errors.length ? { ok: false, errors } : { ok: true, agent: x as unknown as AgentFile };
}

/** Parses and validates the text of an imported file. */
export function parseAgentFile(text: string, expectEnv?: EnvId): ParseResult {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The file is not valid JSON (${(e as Error).message}).`] };
  }
  return validateAgent(x, expectEnv);
}

export function serialiseAgent(agent: AgentFile): string {
  return JSON.stringify(agent);
}

/** A policy snapshot (Float32Arrays) as the file stores it. */
export function policyFromSnapshot(
  kind: AgentPolicy['kind'],
  sizes: readonly [number, number, number, number],
  tensors: ArrayLike<number>[],
  logStd?: ArrayLike<number>,
): AgentPolicy {
  return {
    kind,
    sizes: [...sizes] as AgentPolicy['sizes'],
    tensors: tensors.map((t) => Array.from(t)),
    ...(logStd ? { logStd: Array.from(logStd) } : {}),
  };
}

/** The mean of the last 20 of `returns` (NaN when there are none). */
export const mean20 = (returns: readonly number[]) => {
  const r = returns.slice(-20);
  return r.length ? r.reduce((a, b) => a + b, 0) / r.length : NaN;
};
