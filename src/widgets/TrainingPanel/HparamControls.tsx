/**
 * The run's settings as controls, generated from the algorithm's field table (src/spec): the same ranges, steps,
 * scales and labels as the validator and the URL, so a slider can show every value a link can hold. Live settings
 * apply at the next update; the others are staged and applied by "Restart with these settings", which is offered
 * only when the staged config is valid as a whole (the messages say why not).
 */
import { useId, useMemo, useState } from 'react';
import { algoSpec, validateConfig, type Field, type NumField, type IntField, type TrainConfig } from '@/spec';

type Value = number | boolean | string;

const show = (f: NumField | IntField, v: number) =>
  !Number.isFinite(v)
    ? '∞'
    : f.kind === 'num' && f.log
      ? v.toExponential(1)
      : String(Math.round(v * 1e6) / 1e6);

/** Slider position ↔ value: log10 for log-scale fields. */
function scale(f: NumField | IntField) {
  const log = !!f.log;
  const step = f.kind === 'num' ? f.step : log ? 0.01 : 1;
  const toPos = (v: number) => (log ? Math.log10(v) : v);
  const fromPos = (x: number) => {
    const v = log ? 10 ** x : x;
    const r = f.kind === 'int' ? Math.round(v) : log ? Number(v.toPrecision(3)) : Number(v.toFixed(6));
    return Math.min(f.max, Math.max(f.min, r));
  };
  return { step, toPos, fromPos, min: toPos(f.min), max: toPos(f.max) };
}

function FieldControl({
  name,
  f,
  value,
  onChange,
}: {
  name: string;
  f: Field;
  value: Value;
  onChange: (v: Value) => void;
}) {
  const id = useId();
  const label = `${f.label}${f.live ? '' : ' *'}`;
  if (f.kind === 'bool')
    return (
      <label className="hparam-row" title={f.doc} style={{ display: 'block' }}>
        <input type="checkbox" checked={value as boolean} onChange={(e) => onChange(e.target.checked)} />{' '}
        {label}
      </label>
    );
  if (f.kind === 'enum')
    return (
      <label className="hparam-row" title={f.doc} style={{ display: 'block' }}>
        {label}{' '}
        <select value={value as string} onChange={(e) => onChange(e.target.value)}>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    );
  const v = value as number;
  const off = f.kind === 'num' && f.off ? f.off : null;
  const isOff = off !== null && Object.is(v, off.value);
  const sc = scale(f);
  const shown = show(f, v);
  return (
    <div
      className="hparam-slider"
      data-field={name}
      title={f.doc}
      style={{ display: 'grid', gridTemplateColumns: '11em 1fr 5em', alignItems: 'center', gap: '0.5em' }}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={sc.min}
        max={sc.max}
        step={sc.step}
        value={isOff ? sc.max : sc.toPos(v)}
        disabled={isOff}
        aria-valuetext={shown}
        onChange={(e) => onChange(sc.fromPos(Number(e.target.value)))}
      />
      <output htmlFor={id} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {shown}
      </output>
      {off && (
        <label className="hparam-off" style={{ gridColumn: '1 / -1' }}>
          <input
            type="checkbox"
            checked={isOff}
            onChange={(e) => onChange(e.target.checked ? off.value : f.default)}
          />{' '}
          {off.label}
        </label>
      )}
    </div>
  );
}

/** Fields the panel renders elsewhere (the seed has its own box) or that have a single choice. */
const skip = (name: string, f: Field) =>
  name === 'seed' || !f.url || (f.kind === 'enum' && f.options.length < 2);

export function HparamControls({
  config,
  onLive,
  onRestart,
}: {
  config: TrainConfig;
  onLive: (h: Record<string, number>) => void;
  onRestart: (c: TrainConfig) => void;
}) {
  const [staged, setStaged] = useState<Record<string, Value>>({});
  const fields = algoSpec(config.algo).fields;
  const current = config as unknown as Record<string, Value>;
  const next = useMemo(() => ({ ...config, ...staged }) as TrainConfig, [config, staged]);
  const errors = useMemo(() => (Object.keys(staged).length ? validateConfig(next) : []), [next, staged]);
  const entries = Object.entries(fields).filter(([k, f]) => !skip(k, f));
  const row = ([k, f]: [string, Field]) => (
    <FieldControl
      key={k}
      name={k}
      f={f}
      value={staged[k] ?? current[k]}
      onChange={(v) => {
        if (f.live && typeof v === 'number') onLive({ [k]: v });
        else setStaged((p) => ({ ...p, [k]: v }));
      }}
    />
  );
  return (
    <fieldset className="hparams" style={{ border: '1px solid rgba(128,128,128,0.4)', borderRadius: 4 }}>
      <legend>Hyperparameters</legend>
      {entries.filter(([, f]) => !f.advanced).map(row)}
      <details>
        <summary>More settings</summary>
        {entries.filter(([, f]) => f.advanced).map(row)}
      </details>
      <p style={{ fontSize: '0.8em', margin: '0.3em 0' }}>
        Unstarred settings apply at the next update; * needs a restart.
      </p>
      {errors.length > 0 && (
        <ul role="alert" data-testid="hparam-errors" style={{ fontSize: '0.8em', margin: 0 }}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="btn"
        disabled={!Object.keys(staged).length || errors.length > 0}
        onClick={() => {
          onRestart(next);
          setStaged({});
        }}
      >
        Restart with these settings
      </button>
    </fieldset>
  );
}
