/**
 * A headline figure shown as text. `data-testid` names it for tests, screen readers and scripted demos;
 * `data-value` holds the full-precision number (tests parse it, never the rounded text).
 */
import type { ReactNode } from 'react';
import { useReadoutSlot } from '@/lib/widget-frame';

export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return v.toExponential(Math.max(1, digits - 1));
  return Number(v.toPrecision(digits)).toString();
}

export function Readout({
  label,
  value,
  testId,
  digits = 6,
  unit,
  hint,
}: {
  label: ReactNode;
  value: number | string | boolean;
  testId?: string;
  digits?: number;
  unit?: string;
  hint?: string;
}) {
  // An assignment link may hide this readout: then it is not in the page at all (nor in the accessibility tree).
  const hidden = useReadoutSlot(testId, typeof label === 'string' ? label : (testId ?? ''));
  if (hidden) return null;
  const text = typeof value === 'number' ? formatNumber(value, digits) : String(value);
  return (
    <div className="readout" title={hint}>
      <span className="readout-label">{label}</span>
      <span className="readout-value" data-testid={testId} data-value={String(value)}>
        {text}
        {unit ? ` ${unit}` : ''}
      </span>
    </div>
  );
}
