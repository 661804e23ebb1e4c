/**
 * Controls generated from a widget's parameter table (`defineParams`): each field gets the control its spec calls
 * for (a slider, on a log scale where declared; a toggle; a select), labelled with the spec's `label`, bound to the
 * URL state, and limited to exactly the values the URL accepts. One line replaces a slider per field:
 *
 *   const [p, set, reset] = useUrlParams(id, params);
 *   <ParamControls specs={params} values={p} set={set} />
 */
import type { ParamSpecs, ParamValues } from '@/lib/url-params';
import { LOCKED_REASON, useAssignment } from '@/lib/widget-frame';
import type { ReactNode } from 'react';
import { Select, Slider, Toggle } from './controls';
import { paramField, paramFields, type ParamField } from './param-fields';

type Name<S> = keyof S & string;

interface Bound<S extends ParamSpecs> {
  specs: S;
  values: ParamValues<S>;
  set: (patch: Partial<ParamValues<S>>) => void;
}

interface Options<S extends ParamSpecs> {
  /** A label richer than the spec's string (e.g. with markup). */
  labels?: Partial<Record<Name<S>, ReactNode>>;
  /** How a slider prints its value. */
  format?: Partial<Record<Name<S>, (v: number) => string>>;
  /** A tighter upper limit than the declaration's (e.g. a state index below the number of states). */
  max?: Partial<Record<Name<S>, number>>;
  disabled?: boolean | Partial<Record<Name<S>, boolean>>;
}

function Control<S extends ParamSpecs>({
  field,
  values,
  set,
  labels,
  format,
  disabled,
}: Omit<Bound<S>, 'specs'> & Omit<Options<S>, 'max'> & { field: ParamField }) {
  const name = field.name as Name<S>;
  const label = labels?.[name] ?? field.label;
  const off = typeof disabled === 'boolean' ? disabled : disabled?.[name];
  // An assignment link may lock this setting (src/lib/assignment.ts): disabled, and saying why.
  const lockedReason = useAssignment().locked(name) ? LOCKED_REASON : undefined;
  const patch = (v: unknown) => set({ [name]: v } as Partial<ParamValues<S>>);
  switch (field.control) {
    case 'slider':
      return (
        <Slider
          label={label}
          value={values[name] as number}
          min={field.min}
          max={field.max}
          step={field.step}
          log={field.log}
          integer={field.integer}
          format={format?.[name]}
          disabled={off}
          lockedReason={lockedReason}
          onChange={patch}
        />
      );
    case 'toggle':
      return (
        <Toggle
          label={label}
          checked={values[name] as boolean}
          disabled={off}
          lockedReason={lockedReason}
          onChange={patch}
        />
      );
    case 'select':
      return (
        <Select
          label={label}
          value={values[name] as string}
          options={field.options}
          disabled={off}
          lockedReason={lockedReason}
          onChange={patch}
        />
      );
  }
}

/**
 * The controls of every field of `specs` (or of `fields`, in that order) in one wrapping row, `children` after
 * them; `inline` leaves out the row, for controls placed among others inside a `Controls` row.
 */
export function ParamControls<S extends ParamSpecs>({
  fields,
  max,
  children,
  inline = false,
  ...rest
}: Bound<S> &
  Options<S> & {
    fields?: ReadonlyArray<Name<S>>;
    children?: ReactNode;
    inline?: boolean;
  }) {
  // A control an assignment link hides is not rendered at all (not merely out of sight).
  const assignment = useAssignment();
  const controls = paramFields(rest.specs, fields, max)
    .filter((f) => !assignment.hidden(f.name))
    .map((f) => <Control key={f.name} field={f} {...rest} />);
  if (inline) return <>{controls}</>;
  return (
    <div className="controls">
      {controls}
      {children}
    </div>
  );
}

/** The control of one field, for a widget that places it on its own (next to a button, inside a group). */
export function ParamControl<S extends ParamSpecs>({
  name,
  max,
  label,
  format,
  disabled,
  ...bound
}: Bound<S> & {
  name: Name<S>;
  max?: number;
  label?: ReactNode;
  format?: (v: number) => string;
  disabled?: boolean;
}) {
  const assignment = useAssignment();
  const field = paramField(name, bound.specs[name], max);
  if (!field || assignment.hidden(name)) return null;
  const labels = label === undefined ? undefined : ({ [name]: label } as Options<S>['labels']);
  const formats = format && ({ [name]: format } as Options<S>['format']);
  return <Control field={field} labels={labels} format={formats} disabled={disabled} {...bound} />;
}
