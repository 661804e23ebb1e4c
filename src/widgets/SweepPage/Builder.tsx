/** The sweep's settings: preset, one or two varied settings (from the algorithm's field table), seeds, backend. */
import { PRESET_NAMES, BACKEND_CHOICES, type BackendChoice, type PresetName } from '@/spec';
import { MAX_AXIS_VALUES, MAX_SEEDS, sweepFields, type SweepParams } from '@/lib/sweep';

function AxisInput({
  name,
  label,
  value,
  preset,
  optional,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  preset: PresetName;
  optional: boolean;
  onChange: (v: string) => void;
}) {
  const fields = sweepFields(preset);
  const [key, values = ''] = value.split(':');
  const f = fields.find((x) => x.key === key);
  const range = f
    ? f.spec.kind === 'num' || f.spec.kind === 'int'
      ? `${f.spec.min} … ${f.spec.max}${f.spec.kind === 'num' && f.spec.off ? ' or inf' : ''}`
      : f.spec.kind === 'bool'
        ? 'true, false'
        : f.spec.options.map((o) => o.value).join(', ')
    : '';
  return (
    <fieldset className="sweep-axis">
      <legend>{label}</legend>
      <label>
        Setting{' '}
        <select
          value={f ? key : ''}
          onChange={(e) => onChange(e.target.value ? `${e.target.value}:${values}` : '')}
          data-testid={`axis-${name}-field`}
        >
          {optional && <option value="">none</option>}
          {fields.map((x) => (
            <option key={x.key} value={x.key}>
              {x.spec.label} ({x.key})
            </option>
          ))}
        </select>
      </label>{' '}
      {f && (
        <label>
          Values (comma-separated, up to {MAX_AXIS_VALUES}; range {range}){' '}
          <input
            type="text"
            value={values}
            inputMode="decimal"
            data-testid={`axis-${name}-values`}
            onChange={(e) => onChange(`${key}:${e.target.value.replace(/\s+/g, '')}`)}
          />
        </label>
      )}
    </fieldset>
  );
}

export function Builder({ p, set }: { p: SweepParams; set: (patch: Partial<SweepParams>) => void }) {
  return (
    <div className="sweep-builder">
      <label>
        Preset{' '}
        <select
          value={p.preset}
          onChange={(e) => set({ preset: e.target.value as PresetName, set: '', a: '', b: '' })}
          data-testid="sweep-preset"
        >
          {PRESET_NAMES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <AxisInput
        name="a"
        label="First varied setting"
        value={p.a}
        preset={p.preset}
        optional
        onChange={(a) => set({ a })}
      />
      <AxisInput
        name="b"
        label="Second varied setting"
        value={p.b}
        preset={p.preset}
        optional
        onChange={(b) => set({ b })}
      />
      <label>
        Fixed settings for every cell (key:value, comma-separated, e.g. total:20000){' '}
        <input
          type="text"
          value={p.set}
          data-testid="sweep-set"
          onChange={(e) => set({ set: e.target.value.replace(/\s+/g, '') })}
        />
      </label>
      <label>
        Seeds per configuration{' '}
        <input
          type="number"
          min={1}
          max={MAX_SEEDS}
          value={p.seeds}
          data-testid="sweep-seeds"
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (v >= 1 && v <= MAX_SEEDS) set({ seeds: v });
          }}
        />
      </label>{' '}
      <label>
        First seed{' '}
        <input
          type="number"
          min={0}
          max={1_000_000}
          value={p.seed0}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (v >= 0 && v <= 1_000_000) set({ seed0: v });
          }}
        />
      </label>{' '}
      <label>
        Backend{' '}
        <select value={p.backend} onChange={(e) => set({ backend: e.target.value as BackendChoice })}>
          {BACKEND_CHOICES.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
