/**
 * The kinds of setting a training configuration is made of, and the generic code every algorithm's table gets for
 * free: its config type (`ValuesOf`), defaults, field-by-field validation and the list of live fields. A table
 * reads like CleanRL's Args: one line per setting with its default first, then its range, URL key, label and doc.
 * Pure TypeScript, no imports: the protocol, the validator, the URL state and the sliders are generated from it.
 */

interface FieldBase {
  /** Label of the control (short, with its symbol). */
  label: string;
  /** What the setting does, one line (the default is the field's `default`, shown next to it in the table). */
  doc: string;
  /** Query-string key (`?<widget>.<url>=…`); absent: not settable from a link or a control. */
  url?: string;
  /** Applies at the next update of a running run; otherwise a change needs a restart. */
  live?: boolean;
  /** Shown under "More settings" rather than with the main controls. */
  advanced?: boolean;
  /**
   * Added after configurations were first saved and hashed (class-sweep result codes). Its default is the
   * behaviour from before it existed and must never change: a saved config without it reads the default, and a
   * config at the default hashes as if the setting were absent, so codes made before it was added stay valid.
   */
  addedLater?: boolean;
}

/** A value outside [min, max] that turns the mechanism off (clipCoef = Infinity), with its own URL switch. */
export interface OffSwitch {
  value: number;
  /** URL key of the boolean switch (`?p.noclip=1`). */
  url: string;
  label: string;
}

export interface NumField extends FieldBase {
  kind: 'num';
  default: number;
  min: number;
  max: number;
  /** Granularity of the value (a log-scale control rounds to the decimals of this step). */
  step: number;
  /** The control moves on a log scale (rates). */
  log?: boolean;
  off?: OffSwitch;
}

export interface IntField extends FieldBase {
  kind: 'int';
  default: number;
  min: number;
  max: number;
  log?: boolean;
}

export interface BoolField extends FieldBase {
  kind: 'bool';
  default: boolean;
}

export interface EnumField<T extends string = string> extends FieldBase {
  kind: 'enum';
  default: T;
  options: readonly { value: T; label: string }[];
}

export type Field = NumField | IntField | BoolField | EnumField;
export type Fields = Record<string, Field>;

type Meta = Omit<FieldBase, 'label' | 'doc'>;

/** A real-valued setting: `num(default, label, doc, { min, max, step, … })`. */
export const num = (
  d: number,
  label: string,
  doc: string,
  o: Meta & { min: number; max: number; step: number; log?: boolean; off?: OffSwitch },
): NumField => ({ kind: 'num', default: d, label, doc, ...o });

/** An integer setting. */
export const int = (
  d: number,
  label: string,
  doc: string,
  o: Meta & { min: number; max: number; log?: boolean },
): IntField => ({ kind: 'int', default: d, label, doc, ...o });

export const bool = (d: boolean, label: string, doc: string, o: Meta = {}): BoolField => ({
  kind: 'bool',
  default: d,
  label,
  doc,
  ...o,
});

export const oneOf = <T extends string>(
  d: NoInfer<T>,
  label: string,
  doc: string,
  options: readonly { value: T; label: string }[],
  o: Meta = {},
): EnumField<T> => ({ kind: 'enum', default: d, label, doc, options, ...o });

/** The same field with another default (ranges are shared between algorithms; defaults are not). */
export const withDefault = <F extends Field>(f: F, d: F['default']): F => ({ ...f, default: d });

type ValueOfField<F> = F extends NumField | IntField
  ? number
  : F extends BoolField
    ? boolean
    : F extends EnumField<infer T>
      ? T
      : never;

/** The configuration values a table describes. */
export type ValuesOf<T extends Fields> = { -readonly [K in keyof T]: ValueOfField<T[K]> };

export function defaultsOf<T extends Fields>(fields: T): ValuesOf<T> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = f.default;
  return out as ValuesOf<T>;
}

/** Names of the fields that apply at the next update. */
export function liveFieldsOf(fields: Fields): string[] {
  return Object.entries(fields)
    .filter(([, f]) => f.live)
    .map(([k]) => k);
}

const fmt = (x: number) => (Number.isFinite(x) ? String(x) : x > 0 ? 'Infinity' : '-Infinity');

/** Why `v` is not a valid value of `f`, or null. */
export function checkField(f: Field, v: unknown): string | null {
  switch (f.kind) {
    case 'num': {
      if (typeof v !== 'number') return `a number in [${f.min}, ${f.max}]`;
      if (f.off && Object.is(v, f.off.value)) return null;
      if (Number.isFinite(v) && v >= f.min && v <= f.max) return null;
      return `a number in [${f.min}, ${f.max}]${f.off ? ` or ${fmt(f.off.value)} (${f.off.label})` : ''}`;
    }
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= f.min && v <= f.max
        ? null
        : `an integer in [${f.min}, ${f.max}]`;
    case 'bool':
      return typeof v === 'boolean' ? null : 'true or false';
    case 'enum':
      return f.options.some((o) => o.value === v)
        ? null
        : `one of ${f.options.map((o) => `'${o.value}'`).join(', ')}`;
  }
}

const shown = (v: unknown) => (typeof v === 'number' ? fmt(v) : (JSON.stringify(v) ?? String(v)));

/** Field-by-field messages for `values` (missing, out of range, unknown keys); `skip` names keys checked elsewhere. */
export function checkFields(fields: Fields, values: Record<string, unknown>, skip: string[] = []): string[] {
  const out: string[] = [];
  for (const [k, f] of Object.entries(fields)) {
    const why = checkField(f, values[k]);
    if (why) out.push(`${k} must be ${why} (got ${k in values ? shown(values[k]) : 'nothing'})`);
  }
  for (const k of Object.keys(values))
    if (!(k in fields) && !skip.includes(k)) out.push(`${k} is not a setting of this algorithm`);
  return out;
}
