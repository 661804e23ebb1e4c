/**
 * The run's settings as the widget kit's `ParamControls`, generated from the algorithm's field table (src/spec)
 * through the same URL specs the link uses (url-config.ts): one range, step, scale and label per setting, so a
 * slider can show every value a link can hold. Live settings apply at the next update; the others are staged and
 * applied by "Restart with these settings", offered only when the staged config is valid as a whole (the messages
 * say why not).
 */
import { useMemo, useState } from 'react';
import { algoSpec, validateConfig, type Field, type TrainConfig } from '@/spec';
import type { ParamSpecs, ParamValues } from '@/lib/url-params';
import { ParamControls } from '@/widgets/common';
import { configFromParams, paramsFromConfig, specsFor } from './url-config';

type Values = Record<string, number | boolean | string>;

/** Fields the panel shows elsewhere (the seed has its own box) or that offer a single choice. */
const shown = (name: string, f: Field) =>
  name !== 'seed' && !!f.url && !(f.kind === 'enum' && f.options.length < 2);

/** The URL keys of a field's controls (an "off" value has its own switch). */
const keysOf = (f: Field) => [f.url!, ...(f.kind === 'num' && f.off ? [f.off.url] : [])];

const fmt = (v: number) => (v === 0 ? '0' : Math.abs(v) < 1e-2 ? v.toExponential(1) : String(v));

export function HparamControls({
  config,
  onLive,
  onRestart,
}: {
  config: TrainConfig;
  onLive: (h: Record<string, number>) => void;
  onRestart: (c: TrainConfig) => void;
}) {
  const [staged, setStaged] = useState<Record<string, unknown>>({});
  const fields = algoSpec(config.algo).fields;
  const next = useMemo(() => ({ ...config, ...staged }) as TrainConfig, [config, staged]);
  const specs = useMemo(() => specsFor(next, 'auto'), [next]);
  const values = paramsFromConfig(next, 'auto');
  const errors = useMemo(() => (Object.keys(staged).length ? validateConfig(next) : []), [next, staged]);
  const entries = Object.entries(fields).filter(([k, f]) => shown(k, f));
  const main = entries.filter(([, f]) => !f.advanced).flatMap(([, f]) => keysOf(f));
  const more = entries.filter(([, f]) => f.advanced).flatMap(([, f]) => keysOf(f));
  // A slider whose setting is switched off (ε = ∞) is greyed out.
  const disabled = Object.fromEntries(
    entries.flatMap(([k, f]) =>
      f.kind === 'num' && f.off ? [[f.url!, Object.is((next as unknown as Values)[k], f.off.value)]] : [],
    ),
  );
  const format = Object.fromEntries(
    entries.filter(([, f]) => f.kind === 'num' && f.log).map(([, f]) => [f.url!, fmt]),
  );
  const set = (patch: Partial<ParamValues<ParamSpecs>>) => {
    const changed = configFromParams(next, { ...values, ...(patch as Values) }) as unknown as Values;
    const now = next as unknown as Values;
    const live: Record<string, number> = {};
    const restart: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(fields)) {
      if (Object.is(changed[k], now[k])) continue;
      if (f.live && typeof changed[k] === 'number') live[k] = changed[k] as number;
      else restart[k] = changed[k];
    }
    if (Object.keys(live).length) onLive(live);
    if (Object.keys(restart).length) setStaged((p) => ({ ...p, ...restart }));
  };
  const bound = { specs, values: values as ParamValues<ParamSpecs>, set, disabled, format };
  return (
    <fieldset className="hparams" style={{ border: '1px solid rgba(128,128,128,0.4)', borderRadius: 4 }}>
      <legend>Hyperparameters</legend>
      <ParamControls {...bound} fields={main} />
      <details>
        <summary>More settings</summary>
        <ParamControls {...bound} fields={more} />
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
