/**
 * Widget parameters declared once (name, type, range, default) and serialised to the query string.
 * Pure functions only (no React, no DOM): parsing never throws and always returns a value inside the declared
 * range, plus a human-readable notice for every value it had to change. The React hook lives in url-state.ts.
 */

/** What a control shows for a parameter (the widget kit's `ParamControls` reads it; parsing ignores it). */
export interface Labelled {
  /** The control's label; the parameter's name when absent. */
  label?: string;
}
export interface NumSpec extends Labelled {
  kind: 'num';
  min: number;
  max: number;
  step?: number;
  default: number;
  /** Slide on a log scale (min must be > 0): for rates and tolerances that span decades. */
  log?: boolean;
}
export interface IntSpec extends Labelled {
  kind: 'int';
  min: number;
  max: number;
  default: number;
  log?: boolean;
}
export interface BoolSpec extends Labelled {
  kind: 'bool';
  default: boolean;
}
export interface EnumSpec<T extends string = string> extends Labelled {
  kind: 'enum';
  values: readonly T[];
  default: T;
  /** Text shown for each value in the select (the value itself when absent). */
  labels?: Partial<Record<T, string>>;
}
export interface StrSpec extends Labelled {
  kind: 'str';
  default: string;
  maxLength: number;
  /** Characters allowed; anything else is dropped. */
  pattern?: RegExp;
}
export type ParamSpec = NumSpec | IntSpec | BoolSpec | EnumSpec | StrSpec;
export type ParamSpecs = Record<string, ParamSpec>;

type ValueOf<S extends ParamSpec> = S extends NumSpec | IntSpec
  ? number
  : S extends BoolSpec
    ? boolean
    : S extends EnumSpec<infer T>
      ? T
      : string;
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: ValueOf<S[K]> };

export const num = (o: Omit<NumSpec, 'kind'>): NumSpec => ({ kind: 'num', ...o });
export const int = (o: Omit<IntSpec, 'kind'>): IntSpec => ({ kind: 'int', ...o });
export const bool = (d: boolean, o: Labelled = {}): BoolSpec => ({ kind: 'bool', default: d, ...o });
export const oneOf = <T extends string>(
  values: readonly T[],
  d: T,
  o: Labelled & { labels?: Partial<Record<T, string>> } = {},
): EnumSpec<T> => ({ kind: 'enum', values, default: d, ...o });
export const str = (d: string, maxLength = 200, pattern?: RegExp): StrSpec => ({
  kind: 'str',
  default: d,
  maxLength,
  pattern,
});
/** Identity helper that keeps the literal types of a parameter table. */
export const defineParams = <S extends ParamSpecs>(specs: S): S => specs;

export function defaults<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(specs)) out[k] = s.default;
  return out as ParamValues<S>;
}

export interface Parsed<T> {
  value: T;
  /** Set when the raw value could not be used as it was. */
  notice?: string;
}

/** Parses one raw query value against its spec. `raw === null` means absent: the default, silently. */
export function parseParam(spec: ParamSpec, raw: string | null, key = 'value'): Parsed<unknown> {
  if (raw === null) return { value: spec.default };
  switch (spec.kind) {
    case 'num':
    case 'int': {
      const x = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(x)) {
        return { value: spec.default, notice: `${key}=${show(raw)} is not a number; using ${spec.default}` };
      }
      let v = spec.kind === 'int' ? Math.round(x) : x;
      let notice: string | undefined;
      if (spec.kind === 'int' && v !== x) notice = `${key}=${show(raw)} is not a whole number; using ${v}`;
      if (v < spec.min) {
        v = spec.min;
        notice = `${key}=${show(raw)} is below its minimum ${spec.min}; using ${spec.min}`;
      } else if (v > spec.max) {
        v = spec.max;
        notice = `${key}=${show(raw)} is above its maximum ${spec.max}; using ${spec.max}`;
      }
      return { value: v, notice };
    }
    case 'bool':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { value: spec.default, notice: `${key}=${show(raw)} is not true/false; using ${spec.default}` };
    case 'enum':
      if (spec.values.includes(raw)) return { value: raw };
      return {
        value: spec.default,
        notice: `${key}=${show(raw)} is not one of ${spec.values.join(', ')}; using ${spec.default}`,
      };
    case 'str': {
      let v = spec.pattern ? [...raw].filter((c) => spec.pattern!.test(c)).join('') : raw;
      let notice: string | undefined;
      if (v !== raw) notice = `${key} had characters that are not allowed; they were removed`;
      if (v.length > spec.maxLength) {
        v = v.slice(0, spec.maxLength);
        notice = `${key} was longer than ${spec.maxLength} characters; it was shortened`;
      }
      return { value: v, notice };
    }
  }
}

function show(raw: string): string {
  const s = raw.length > 24 ? raw.slice(0, 24) + '…' : raw;
  return JSON.stringify(s);
}

export function serialiseValue(spec: ParamSpec, value: unknown): string {
  if (spec.kind === 'bool') return value ? '1' : '0';
  if (spec.kind === 'num') return String(Number((value as number).toPrecision(12)));
  return String(value);
}

/** Reads a widget's parameters (`<widgetId>.<name>` keys) from a query string. */
export function readParams<S extends ParamSpecs>(
  widgetId: string,
  specs: S,
  search: string,
): { values: ParamValues<S>; notices: string[] } {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    q = new URLSearchParams();
  }
  const values: Record<string, unknown> = {};
  const notices: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const key = `${widgetId}.${name}`;
    const r = parseParam(spec, q.get(key), key);
    values[name] = r.value;
    if (r.notice) notices.push(r.notice);
  }
  return { values: values as ParamValues<S>, notices };
}

/**
 * Writes a widget's values into a query string, keeping every other key (other widgets' state) as it was.
 * Values equal to their default are left out, so untouched widgets keep the URL short.
 */
export function writeParams<S extends ParamSpecs>(
  widgetId: string,
  specs: S,
  values: ParamValues<S>,
  search: string,
): string {
  const q = new URLSearchParams(search);
  for (const [name, spec] of Object.entries(specs)) {
    const key = `${widgetId}.${name}`;
    const v = (values as Record<string, unknown>)[name];
    if (v === spec.default) q.delete(key);
    else q.set(key, serialiseValue(spec, v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
