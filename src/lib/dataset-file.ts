/**
 * An offline dataset as a JSON file: a versioned header (environment, size, who logged it) and the five arrays as
 * base64 of their little-endian bytes (float32; `terminated` as bytes). `parseDatasetFile` checks everything before
 * it builds anything — the file's size, JSON, format and version, the environment, the declared size against the
 * limit and against the arrays' lengths, actions in range, finite numbers (src/spec's `checkDataset`) — and says
 * exactly what is wrong; it never throws.
 */
import { isEnvId, type EnvId } from '@/rl';
import { checkDataset, DATASET_MAX_TRANSITIONS, type OfflineDataset } from '@/spec';

export const DATASET_FORMAT = 'proximal-offline-dataset';
export const DATASET_VERSION = 1;
/** Files above this are refused before they are parsed (a full 200 000-transition CartPole file is ≈ 12 MB). */
export const DATASET_MAX_FILE_BYTES = 32 * 1024 * 1024;

export type DatasetParse = { ok: true; dataset: OfflineDataset } | { ok: false; errors: string[] };

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array | null {
  try {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

const f32Bytes = (a: Float32Array) => {
  if (!littleEndian) throw new Error('big-endian machines are not supported');
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
};

function f32From(bytes: Uint8Array): Float32Array | null {
  if (bytes.length % 4 !== 0) return null;
  const copy = new Uint8Array(bytes); // aligned
  return new Float32Array(copy.buffer);
}

/** The file's text for a dataset. */
export function serialiseDataset(d: OfflineDataset, savedAt = new Date()): string {
  return JSON.stringify({
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    env: d.env,
    size: d.size,
    behaviour: {
      ...d.behaviour,
      meanReturn: Number.isFinite(d.behaviour.meanReturn) ? d.behaviour.meanReturn : null,
    },
    savedAt: savedAt.toISOString(),
    arrays: {
      obs: toBase64(f32Bytes(d.obs)),
      nextObs: toBase64(f32Bytes(d.nextObs)),
      actions: toBase64(f32Bytes(d.actions)),
      rewards: toBase64(f32Bytes(d.rewards)),
      terminated: toBase64(d.terminated),
    },
  });
}

/** Parses and validates a dataset file's text (for `expectEnv`, if given). */
export function parseDatasetFile(text: string, expectEnv?: EnvId): DatasetParse {
  if (text.length > DATASET_MAX_FILE_BYTES)
    return {
      ok: false,
      errors: [
        `The file is ${(text.length / 2 ** 20).toFixed(1)} MB; a dataset file may be at most ${DATASET_MAX_FILE_BYTES / 2 ** 20} MB.`,
      ],
    };
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The file is not valid JSON (${(e as Error).message}).`] };
  }
  if (!isObj(x) || x.format !== DATASET_FORMAT)
    return {
      ok: false,
      errors: [`This is not a Proximal dataset file (expected "format": "${DATASET_FORMAT}").`],
    };
  if (x.version !== DATASET_VERSION)
    return {
      ok: false,
      errors: [
        `Dataset file version ${String(x.version)} is not supported (this book reads ${DATASET_VERSION}).`,
      ],
    };
  if (!isEnvId(x.env)) return { ok: false, errors: [`Unknown environment ${JSON.stringify(x.env)}.`] };
  const env = x.env;
  if (expectEnv && env !== expectEnv)
    return { ok: false, errors: [`This dataset was logged on ${env}, not ${expectEnv}.`] };
  const size = x.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1)
    return { ok: false, errors: ['"size" must be a positive integer (the number of transitions).'] };
  if (size > DATASET_MAX_TRANSITIONS)
    return {
      ok: false,
      errors: [`The dataset holds ${size} transitions; the limit is ${DATASET_MAX_TRANSITIONS}.`],
    };
  const b = x.behaviour;
  const errors: string[] = [];
  if (
    !isObj(b) ||
    typeof b.label !== 'string' ||
    b.label.length > 500 ||
    typeof b.epsilon !== 'number' ||
    !(b.epsilon >= 0 && b.epsilon <= 1) ||
    typeof b.episodes !== 'number' ||
    !Number.isInteger(b.episodes) ||
    b.episodes < 0 ||
    !(b.meanReturn === null || (typeof b.meanReturn === 'number' && Number.isFinite(b.meanReturn)))
  )
    errors.push(
      '"behaviour" must hold a label (at most 500 characters), epsilon in [0, 1], episodes (an integer ≥ 0) and meanReturn (a number or null).',
    );
  const a = x.arrays;
  if (!isObj(a)) return { ok: false, errors: [...errors, '"arrays" must be an object.'] };
  const arrays: Record<string, Uint8Array> = {};
  for (const name of ['obs', 'nextObs', 'actions', 'rewards', 'terminated']) {
    const bytes = typeof a[name] === 'string' ? fromBase64(a[name] as string) : null;
    if (!bytes) errors.push(`arrays.${name} must be a base64 string.`);
    else arrays[name] = bytes;
  }
  if (errors.length) return { ok: false, errors };
  const floats = (name: string) => f32From(arrays[name]);
  const obs = floats('obs');
  const nextObs = floats('nextObs');
  const actions = floats('actions');
  const rewards = floats('rewards');
  for (const [name, v] of [
    ['obs', obs],
    ['nextObs', nextObs],
    ['actions', actions],
    ['rewards', rewards],
  ] as const)
    if (!v) errors.push(`arrays.${name} is not a whole number of float32 values.`);
  if (errors.length) return { ok: false, errors };
  const bh = b as Record<string, unknown>;
  const dataset: OfflineDataset = {
    env,
    size,
    obs: obs!,
    nextObs: nextObs!,
    actions: actions!,
    rewards: rewards!,
    terminated: arrays.terminated,
    behaviour: {
      label: bh.label as string,
      epsilon: bh.epsilon as number,
      episodes: bh.episodes as number,
      meanReturn: bh.meanReturn === null ? NaN : (bh.meanReturn as number),
    },
  };
  const bad = checkDataset(dataset, expectEnv);
  if (bad.length) return { ok: false, errors: bad.map((e) => `Wrong shape or values: ${e}.`) };
  return { ok: true, dataset };
}
