/**
 * A slider bound to one numeric URL parameter: its range and step come from the parameter's declaration, so the
 * slider can never offer a value the URL would reject, and a widget declares each limit once.
 */
import type { IntSpec, NumSpec, ParamSpecs, ParamValues } from '@/lib/url-params';
import type { ReactNode } from 'react';
import { Slider } from './controls';

export function ParamSlider<S extends ParamSpecs>({
  label,
  name,
  specs,
  values,
  set,
  format,
  max,
}: {
  label: ReactNode;
  name: keyof S & string;
  specs: S;
  values: ParamValues<S>;
  set: (patch: Partial<ParamValues<S>>) => void;
  format?: (v: number) => string;
  /** A tighter upper limit than the declaration's (e.g. a state index below the number of states). */
  max?: number;
}) {
  const spec = specs[name] as NumSpec | IntSpec;
  const step = spec.kind === 'int' ? 1 : (spec.step ?? (spec.max - spec.min) / 100);
  return (
    <Slider
      label={label}
      value={values[name] as number}
      min={spec.min}
      max={max ?? spec.max}
      step={step}
      format={format}
      onChange={(v) => set({ [name]: v } as Partial<ParamValues<S>>)}
    />
  );
}
