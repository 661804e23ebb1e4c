/**
 * Editable hyperparameters. Live ones (learning rate, entropy coefficient, clip epsilon) apply at the next
 * update; the others are staged and applied by "Restart with these settings".
 */
import { useId, useState } from 'react';
import type { PpoConfig, ReinforceConfig, TrainConfig } from '@/worker/protocol';

interface SliderSpec {
  field: string;
  label: string;
  min: number;
  max: number;
  step: number;
  /** Slider position ↔ value (log scales for rates). */
  log?: boolean;
  live?: boolean;
  format?: (v: number) => string;
}

const PPO_FIELDS: SliderSpec[] = [
  {
    field: 'learningRate',
    label: 'Learning rate',
    min: 1e-5,
    max: 1e-2,
    step: 0.01,
    log: true,
    live: true,
    format: (v) => v.toExponential(1),
  },
  { field: 'clipCoef', label: 'Clip ε', min: 0.05, max: 0.5, step: 0.01, live: true },
  { field: 'entCoef', label: 'Entropy coef.', min: 0, max: 0.1, step: 0.001, live: true },
  { field: 'numEnvs', label: 'Environments', min: 1, max: 64, step: 1 },
  { field: 'numSteps', label: 'Steps per env per rollout', min: 8, max: 512, step: 8 },
  { field: 'updateEpochs', label: 'Epochs per update', min: 1, max: 50, step: 1 },
  { field: 'numMinibatches', label: 'Minibatches', min: 1, max: 32, step: 1 },
  { field: 'gamma', label: 'Discount γ', min: 0.9, max: 0.999, step: 0.001 },
  { field: 'gaeLambda', label: 'GAE λ', min: 0.8, max: 1, step: 0.01 },
  {
    field: 'targetKl',
    label: 'Target KL (early stop; 0 = off)',
    min: 0,
    max: 0.05,
    step: 0.001,
    format: (v) => (v === 0 ? 'off' : String(v)),
  },
  { field: 'hidden', label: 'Hidden units', min: 8, max: 256, step: 8 },
];

const RF_FIELDS: SliderSpec[] = [
  {
    field: 'learningRate',
    label: 'Learning rate',
    min: 1e-5,
    max: 1e-1,
    step: 0.01,
    log: true,
    live: true,
    format: (v) => v.toExponential(1),
  },
  { field: 'entCoef', label: 'Entropy coef.', min: 0, max: 0.1, step: 0.001, live: true },
  { field: 'numEnvs', label: 'Environments', min: 1, max: 64, step: 1 },
  { field: 'batchSteps', label: 'Steps per batch', min: 500, max: 20000, step: 500 },
  { field: 'gamma', label: 'Discount γ', min: 0.9, max: 1, step: 0.001 },
  { field: 'hidden', label: 'Hidden units', min: 8, max: 256, step: 8 },
];

function Slider({
  spec,
  value,
  onChange,
}: {
  spec: SliderSpec;
  value: number;
  onChange: (v: number) => void;
}) {
  const id = useId();
  const pos = spec.log ? Math.log10(value) : value;
  const min = spec.log ? Math.log10(spec.min) : spec.min;
  const max = spec.log ? Math.log10(spec.max) : spec.max;
  const shown = spec.format
    ? spec.format(value)
    : Number.isFinite(value)
      ? String(Math.round(value * 1e6) / 1e6)
      : '∞';
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '11em 1fr 5em', alignItems: 'center', gap: '0.5em' }}>
      <label htmlFor={id}>
        {spec.label}
        {spec.live ? '' : ' *'}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={spec.log ? 0.05 : spec.step}
        value={Number.isFinite(pos) ? pos : max}
        aria-valuetext={shown}
        onChange={(e) => {
          const x = Number(e.target.value);
          onChange(spec.log ? Number((10 ** x).toPrecision(3)) : x);
        }}
      />
      <output htmlFor={id} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {shown}
      </output>
    </div>
  );
}

export function HparamControls({
  config,
  onLive,
  onRestart,
}: {
  config: TrainConfig;
  onLive: (h: Partial<Record<'learningRate' | 'entCoef' | 'clipCoef', number>>) => void;
  onRestart: (c: TrainConfig) => void;
}) {
  const [staged, setStaged] = useState<Record<string, number>>({});
  const specs = config.algo === 'ppo' ? PPO_FIELDS : RF_FIELDS;
  const current = config as unknown as Record<string, number>;
  const dirty = Object.keys(staged).length > 0;
  return (
    <fieldset style={{ border: '1px solid rgba(128,128,128,0.4)', borderRadius: 4 }}>
      <legend>Hyperparameters</legend>
      {specs.map((s) => (
        <Slider
          key={s.field}
          spec={s}
          value={staged[s.field] ?? current[s.field]}
          onChange={(v) => {
            if (s.live) onLive({ [s.field]: v });
            else setStaged((p) => ({ ...p, [s.field]: v }));
          }}
        />
      ))}
      {config.algo === 'ppo' && (
        <label style={{ display: 'block' }}>
          <input
            type="checkbox"
            checked={!Number.isFinite((config as PpoConfig).clipCoef)}
            onChange={(e) => onLive({ clipCoef: e.target.checked ? Infinity : 0.2 })}
          />{' '}
          No clipping (ε = ∞)
        </label>
      )}
      {config.algo === 'reinforce' && (
        <label style={{ display: 'block' }}>
          Weighting{' '}
          <select
            value={(config as ReinforceConfig).variant}
            onChange={(e) => onRestart({ ...config, variant: e.target.value as ReinforceConfig['variant'] })}
          >
            <option value="total-return">total return R(τ)</option>
            <option value="reward-to-go">reward-to-go G_t</option>
            <option value="reward-to-go-baseline">G_t − V(s_t) (learned baseline)</option>
          </select>
        </label>
      )}
      <p style={{ fontSize: '0.8em', margin: '0.3em 0' }}>
        Unstarred settings apply at the next update; * needs a restart.
      </p>
      <button
        type="button"
        disabled={!dirty}
        onClick={() => {
          onRestart({ ...config, ...staged } as TrainConfig);
          setStaged({});
        }}
      >
        Restart with these settings
      </button>
    </fieldset>
  );
}
