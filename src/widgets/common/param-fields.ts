/**
 * Which control each parameter of a `defineParams` table gets, as plain data (pure, so it is unit-tested without a
 * DOM): a slider for numbers (on a log scale where the spec says `log`), a toggle for booleans, a select for a
 * choice. Strings are not edited by controls (they hold layouts and the like, edited by the widget itself).
 */
import type { ParamSpec, ParamSpecs } from '@/lib/url-params';

/** Positions of a log-scale slider: fine enough that every decade has 60 stops. */
const LOG_STOPS_PER_DECADE = 60;

export interface SliderScale {
  /** The native range input's own min, max and step (positions, for a log slider). */
  min: number;
  max: number;
  step: number;
  toValue: (position: number) => number;
  toPosition: (value: number) => number;
}

/** Decimals of a step (0.01 → 2), so a log slider's values are rounded to what a linear one would offer. */
function decimals(step: number): number {
  if (!(step > 0) || step >= 1) return 0;
  return Math.min(12, Math.ceil(-Math.log10(step) - 1e-9));
}

export function sliderScale(o: {
  min: number;
  max: number;
  step: number;
  log?: boolean;
  integer?: boolean;
}): SliderScale {
  if (!o.log || !(o.min > 0) || !(o.max > o.min)) {
    return { min: o.min, max: o.max, step: o.step, toValue: (p) => p, toPosition: (v) => v };
  }
  const lo = Math.log10(o.min);
  const hi = Math.log10(o.max);
  const stops = Math.max(1, Math.round((hi - lo) * LOG_STOPS_PER_DECADE));
  const digits = decimals(o.step);
  const round = (v: number) => (o.integer ? Math.round(v) : Number(v.toFixed(digits)) || v);
  return {
    min: 0,
    max: stops,
    step: 1,
    toValue: (p) => {
      if (p <= 0) return o.min;
      if (p >= stops) return o.max;
      return Math.min(o.max, Math.max(o.min, round(10 ** (lo + ((hi - lo) * p) / stops))));
    },
    toPosition: (v) => Math.round(((Math.log10(Math.max(o.min, v)) - lo) / (hi - lo)) * stops),
  };
}

export type ParamField =
  | {
      name: string;
      control: 'slider';
      label: string;
      min: number;
      max: number;
      step: number;
      log: boolean;
      integer: boolean;
    }
  | { name: string; control: 'toggle'; label: string }
  | { name: string; control: 'select'; label: string; options: Array<{ value: string; label: string }> };

/** The control of one parameter, or null for a parameter no control edits (strings). */
export function paramField(name: string, spec: ParamSpec, maxOverride?: number): ParamField | null {
  const label = spec.label ?? name;
  switch (spec.kind) {
    case 'num':
    case 'int':
      return {
        name,
        control: 'slider',
        label,
        min: spec.min,
        max: maxOverride ?? spec.max,
        step: spec.kind === 'int' ? 1 : (spec.step ?? (spec.max - spec.min) / 100),
        log: spec.log === true,
        integer: spec.kind === 'int',
      };
    case 'bool':
      return { name, control: 'toggle', label };
    case 'enum':
      return {
        name,
        control: 'select',
        label,
        options: spec.values.map((v) => ({ value: v, label: spec.labels?.[v] ?? v })),
      };
    case 'str':
      return null;
  }
}

/** The controls of a parameter table, in declaration order (or in the order of `fields`, which may be a subset). */
export function paramFields<S extends ParamSpecs>(
  specs: S,
  fields?: ReadonlyArray<keyof S & string>,
  max?: Partial<Record<keyof S & string, number>>,
): ParamField[] {
  const names = fields ?? (Object.keys(specs) as Array<keyof S & string>);
  return names.flatMap((n) => {
    const f = paramField(n, specs[n], max?.[n]);
    return f ? [f] : [];
  });
}
