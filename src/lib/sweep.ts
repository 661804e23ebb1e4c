/**
 * A class sweep: one training preset, one or two of its settings varied over a few values, a number of seeds.
 * Each (configuration, seed) pair is a cell, trained by one browser with the ordinary training worker; its result
 * comes back as a code (./sweep-code.ts). The sweep lives in the link (`?sw.preset=…&sw.a=clip:0.1,0.2`), read and
 * validated here like every URL parameter: the varied settings come from the algorithm's field table of src/spec,
 * each value is checked against that field's range, and every configuration against the algorithm's rules and the
 * work limits. All runs of a sweep are on the preset's one environment, so scores are raw returns (no
 * normalisation across environments is needed or done).
 */
import {
  algoSpec,
  BACKEND_CHOICES,
  isPresetName,
  presetConfig,
  PRESET_NAMES,
  validateConfig,
  type Field,
  type Fields,
  type PresetName,
  type TrainConfig,
} from '@/spec';
import { defineParams, int, oneOf, readParams, str, type ParamValues } from './url-params';
import { CODE_VERSION, fnv1a, type CellResult } from './sweep-code';

export const MAX_AXIS_VALUES = 6;
export const MAX_SEEDS = 20;
export const MAX_CELLS = 120;
/** Settings a sweep never varies: the seed is the sweep's own axis; the environment is the preset's. */
const FIXED = new Set(['seed', 'env']);

const SPEC_TEXT = /[A-Za-z0-9_.:,+-]/;
export const SWEEP_PARAMS = defineParams({
  preset: oneOf(PRESET_NAMES, 'ppo-cartpole', { label: 'Preset' }),
  set: str('', 200, SPEC_TEXT),
  a: str('clip:0.1,0.2,0.3', 200, SPEC_TEXT),
  b: str('', 200, SPEC_TEXT),
  seeds: int({ min: 1, max: MAX_SEEDS, default: 3, label: 'Seeds per configuration' }),
  seed0: int({ min: 0, max: 1_000_000, default: 1, label: 'First seed' }),
  /** The students' backend ('auto' lets each browser pick; a code records the one used, and a re-run uses it). */
  backend: oneOf(BACKEND_CHOICES, 'auto', { label: 'Backend' }),
});
export type SweepParams = ParamValues<typeof SWEEP_PARAMS>;
/** The student page's cell number (-1: none chosen yet). */
export const CELL_PARAM = defineParams({ cell: int({ min: -1, max: MAX_CELLS - 1, default: -1 }) });

type Value = number | boolean | string;

export interface SweepAxis {
  /** URL key of the field (`clip`). */
  key: string;
  /** Config key (`clipCoef`). */
  field: string;
  label: string;
  values: Value[];
}

export interface SweepConfig {
  index: number;
  /** `clip=0.1, lr=0.003`. */
  label: string;
  /** The configuration with the sweep's first seed (each cell sets its own). */
  config: TrainConfig;
  hash: number;
}

export interface Sweep {
  preset: PresetName;
  set: Record<string, Value>;
  axes: SweepAxis[];
  seeds: number[];
  configs: SweepConfig[];
  cells: number;
  hash: number;
}

export interface SweepCell {
  cell: number;
  config: SweepConfig;
  seed: number;
  /** The full configuration the cell trains. */
  train: TrainConfig;
}

/** The fields of a preset's algorithm a sweep may vary or set: those with a URL key, except seed and environment. */
export function sweepFields(preset: PresetName): { field: string; key: string; spec: Field }[] {
  const fields = algoSpec(presetConfig(preset).algo).fields;
  return Object.entries(fields)
    .filter(([name, f]) => f.url && !FIXED.has(name))
    .map(([field, spec]) => ({ field, key: spec.url!, spec }));
}

/** Parses one value of a field from link text, or says why it is not one. */
function parseValue(spec: Field, text: string): { value: Value } | { why: string } {
  let v: Value;
  switch (spec.kind) {
    case 'num':
    case 'int': {
      const t = text.toLowerCase();
      v = t === 'inf' || t === 'infinity' ? Infinity : Number(text);
      if (text === '' || Number.isNaN(v)) return { why: `“${text}” is not a number` };
      break;
    }
    case 'bool':
      if (!['true', 'false', '1', '0'].includes(text)) return { why: `“${text}” is not true or false` };
      v = text === 'true' || text === '1';
      break;
    case 'enum':
      v = text;
  }
  const why = checkValue(spec, v);
  return why ? { why } : { value: v };
}

function checkValue(spec: Field, v: Value): string | null {
  if (spec.kind === 'num') {
    if (spec.off && Object.is(v, spec.off.value)) return null;
    return typeof v === 'number' && v >= spec.min && v <= spec.max
      ? null
      : `must be in [${spec.min}, ${spec.max}]`;
  }
  if (spec.kind === 'int')
    return typeof v === 'number' && Number.isInteger(v) && v >= spec.min && v <= spec.max
      ? null
      : `must be an integer in [${spec.min}, ${spec.max}]`;
  if (spec.kind === 'enum')
    return spec.options.some((o) => o.value === v)
      ? null
      : `must be one of ${spec.options.map((o) => o.value).join(', ')}`;
  return null;
}

export const formatValue = (v: Value) => (v === Infinity ? 'inf' : String(v));

/**
 * Canonical text of a configuration without its seed: key order and the spelling of Infinity do not matter, and a
 * setting added later (`addedLater` in its table) is left out at its default, so a code made before the setting
 * existed still matches the same run.
 */
export function canonicalConfig(c: TrainConfig): string {
  const r = c as unknown as Record<string, Value>;
  const fields: Fields = algoSpec(c.algo).fields;
  const absent = (k: string) => fields[k]?.addedLater === true && Object.is(r[k], fields[k].default);
  return Object.keys(r)
    .filter((k) => k !== 'seed' && !absent(k))
    .sort()
    .map((k) => `${k}=${formatValue(r[k])}`)
    .join(';');
}

export const configHash = (c: TrainConfig) => fnv1a(canonicalConfig(c));

/**
 * The sweep a link describes, or null with the reasons. Unknown keys and out-of-range values are dropped with a
 * notice (like every link setting); a sweep whose configurations break the algorithm's rules is refused.
 */
export function parseSweep(p: SweepParams): { sweep: Sweep | null; problems: string[] } {
  const problems: string[] = [];
  const preset = isPresetName(p.preset) ? p.preset : 'ppo-cartpole';
  const fields = sweepFields(preset);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const set: Record<string, Value> = {};
  for (const part of p.set.split(',').filter(Boolean)) {
    const [key, text = ''] = part.split(':');
    const f = byKey.get(key);
    if (!f) {
      problems.push(`setting “${key}” is not a setting of ${preset}; ignored`);
      continue;
    }
    const r = parseValue(f.spec, text);
    if ('why' in r) problems.push(`${f.spec.label} ${r.why}; ignored`);
    else set[f.field] = r.value;
  }
  const axes: SweepAxis[] = [];
  for (const [name, text] of [
    ['first', p.a],
    ['second', p.b],
  ] as const) {
    if (!text) continue;
    const [key, list = ''] = text.split(':');
    const f = byKey.get(key);
    if (!f) {
      problems.push(`the ${name} varied setting “${key}” is not a setting of ${preset}; ignored`);
      continue;
    }
    if (axes.some((a) => a.key === key) || f.field in set) {
      problems.push(`${f.spec.label} is set twice; the ${name} varied setting is ignored`);
      continue;
    }
    const values: Value[] = [];
    for (const t of list.split(',').filter(Boolean)) {
      const r = parseValue(f.spec, t);
      if ('why' in r) problems.push(`${f.spec.label} ${r.why}; ignored`);
      else if (!values.some((v) => Object.is(v, r.value))) values.push(r.value);
    }
    if (values.length > MAX_AXIS_VALUES) {
      problems.push(`${f.spec.label}: at most ${MAX_AXIS_VALUES} values; the rest are ignored`);
      values.length = MAX_AXIS_VALUES;
    }
    if (values.length) axes.push({ key, field: f.field, label: f.spec.label, values });
    else problems.push(`${f.spec.label} has no valid value; not varied`);
  }
  const seeds = Array.from({ length: p.seeds }, (_, j) => p.seed0 + j);
  const base = { ...presetConfig(preset), ...set, seed: seeds[0] } as TrainConfig;
  const combos: Record<string, Value>[] = [{}];
  for (const ax of axes) {
    const next: Record<string, Value>[] = [];
    for (const c of combos) for (const v of ax.values) next.push({ ...c, [ax.field]: v });
    combos.splice(0, combos.length, ...next);
  }
  const configs: SweepConfig[] = combos.map((c, index) => {
    const config = { ...base, ...c } as TrainConfig;
    const label = axes.map((ax) => `${ax.key}=${formatValue(c[ax.field])}`).join(', ') || preset;
    return { index, label, config, hash: configHash(config) };
  });
  const cells = configs.length * seeds.length;
  if (cells > MAX_CELLS) {
    problems.push(`${cells} cells is more than ${MAX_CELLS}: fewer values or seeds, please`);
    return { sweep: null, problems };
  }
  for (const c of configs) {
    const errs = validateConfig(c.config);
    if (errs.length) {
      problems.push(`configuration ${c.label}: ${errs.join('; ')}`);
      return { sweep: null, problems };
    }
  }
  const hash = fnv1a(`v${CODE_VERSION}|${configs.map((c) => c.hash).join(',')}|${seeds.join(',')}`);
  return { sweep: { preset, set, axes, seeds, configs, cells, hash }, problems };
}

/** The sweep of a query string (the student page reads it once). */
export function sweepFromSearch(search: string) {
  const { values, notices } = readParams('sw', SWEEP_PARAMS, search);
  const { sweep, problems } = parseSweep(values);
  return { sweep, problems: [...notices, ...problems] };
}

/** Cell `i`: configuration i div (seeds), seed i mod (seeds). */
export function cellOf(sweep: Sweep, i: number): SweepCell {
  const n = sweep.seeds.length;
  const config = sweep.configs[Math.floor(i / n)];
  const seed = sweep.seeds[i % n];
  return { cell: i, config, seed, train: { ...config.config, seed } as TrainConfig };
}

/** The link's query for a sweep, every value written out (a later change of a default cannot change the sweep). */
export function sweepQuery(p: SweepParams, cell?: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== '') q.set(`sw.${k}`, String(v));
  if (cell !== undefined) q.set('sw.cell', String(cell));
  return `?${q.toString()}`;
}

/** Why a decoded result does not belong to this sweep, or null. */
export function checkResult(sweep: Sweep, r: CellResult): string | null {
  if (r.sweep !== sweep.hash) return 'the code is for another sweep (or another version of the site)';
  if (r.cell >= sweep.cells) return `there is no cell ${r.cell} in this sweep`;
  const c = cellOf(sweep, r.cell);
  if (r.config !== c.config.hash) return `the configuration does not match cell ${r.cell}`;
  if (r.seed !== c.seed) return `cell ${r.cell} has seed ${c.seed}, the code says ${r.seed}`;
  if (r.curve.length < 2) return 'the curve is too short';
  return null;
}
