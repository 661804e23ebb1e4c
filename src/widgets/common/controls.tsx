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
  lockedReason,
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
  /** Locked by an assignment link: disabled, with this reason for screen readers and as a tooltip. */
  lockedReason?: string;
}) {
  const auto = useId();
  const inputId = id ?? auto;
  const scale = sliderScale({ min, max, step, log, integer });
  return (
    <div className={`control control-slider${lockedReason ? ' is-locked' : ''}`} title={lockedReason}>
      <label htmlFor={inputId}>
        {label}
        <Lock reason={lockedReason} />
      </label>
      <input
        id={inputId}
        type="range"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toPosition(value)}
        disabled={disabled || !!lockedReason}
        aria-describedby={lockedReason ? `${inputId}-locked` : undefined}
        aria-valuetext={format(value)}
        onChange={(e) => onChange(scale.toValue(Number(e.currentTarget.value)))}
      />
      <output htmlFor={inputId}>{format(value)}</output>
      <LockReason reason={lockedReason} id={`${inputId}-locked`} />
    </div>
  );
}

/** The visible lock of a control an assignment link locked (its reason is the control's description). */
function Lock({ reason }: { reason?: string }) {
  return reason ? <span aria-hidden="true"> 🔒</span> : null;
}

/** The reason a locked control gives screen readers (referenced by its `aria-describedby`). */
function LockReason({ reason, id }: { reason?: string; id: string }) {
  return reason ? (
    <span id={id} className="visually-hidden">
      {reason}
    </span>
  ) : null;
}

export function Toggle({
  label,
  checked,
  onChange,
  disabled,
  lockedReason,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
  lockedReason?: string;
}) {
  const id = useId();
  return (
    <div className={`control control-toggle${lockedReason ? ' is-locked' : ''}`} title={lockedReason}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled || !!lockedReason}
        aria-describedby={lockedReason ? `${id}-locked` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>
        {label}
        <Lock reason={lockedReason} />
      </label>
      <LockReason reason={lockedReason} id={`${id}-locked`} />
    </div>
  );
}

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  lockedReason,
}: {
  label: ReactNode;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }> | readonly T[];
  onChange: (v: T) => void;
  disabled?: boolean;
  lockedReason?: string;
}) {
  const id = useId();
  const opts = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <div className={`control control-select${lockedReason ? ' is-locked' : ''}`} title={lockedReason}>
      <label htmlFor={id}>
        {label}
        <Lock reason={lockedReason} />
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled || !!lockedReason}
        aria-describedby={lockedReason ? `${id}-locked` : undefined}
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {opts.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <LockReason reason={lockedReason} id={`${id}-locked`} />
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
