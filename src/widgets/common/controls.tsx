/** Labelled, keyboard-operable controls built on native inputs (arrow keys, Home/End, Page Up/Down work). */
import { useId, type ReactNode } from 'react';
import { sliderScale } from './param-fields';

export function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  format = (v: number) => String(v),
  id,
  disabled,
  log = false,
  integer = false,
}: {
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (v: number) => void;
  format?: (v: number) => string;
  id?: string;
  disabled?: boolean;
  /** Slide on a log scale (min > 0): the input moves through positions, the value is 10^position. */
  log?: boolean;
  /** Round log-scale values to whole numbers. */
  integer?: boolean;
}) {
  const auto = useId();
  const inputId = id ?? auto;
  const scale = sliderScale({ min, max, step, log, integer });
  return (
    <div className="control control-slider">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="range"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toPosition(value)}
        disabled={disabled}
        aria-valuetext={format(value)}
        onChange={(e) => onChange(scale.toValue(Number(e.currentTarget.value)))}
      />
      <output htmlFor={inputId}>{format(value)}</output>
    </div>
  );
}

export function Toggle({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="control control-toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: ReactNode;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }> | readonly T[];
  onChange: (v: T) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const opts = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <div className="control control-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {opts.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Button({
  children,
  onClick,
  disabled,
  variant = 'default',
  title,
  testId,
  ariaLabel,
}: {
  children: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  variant?: 'default' | 'primary';
  title?: string;
  testId?: string;
  ariaLabel?: string;
}) {
  return (
    <button
      type="button"
      className={`btn ${variant === 'primary' ? 'btn-primary' : ''}`}
      onClick={onClick}
      disabled={disabled}
      title={title}
      aria-label={ariaLabel}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
