/** A headline figure: text for people, full precision in data-value for tests (same contract as common/Readout). */
export function Readout({ label, value, testId, digits = 3, unit }: { label: string; value: number | string; testId: string; digits?: number; unit?: string }) {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? (Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits)) : '–') : value;
  return (
    <div className="readout" style={{ display: 'flex', flexDirection: 'column', minWidth: '7em' }}>
      <span style={{ fontSize: '0.75em', opacity: 0.75 }}>{label}</span>
      <output data-testid={testId} data-value={String(value)} style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
        {text}
        {unit && typeof value === 'number' && Number.isFinite(value) ? ` ${unit}` : ''}
      </output>
    </div>
  );
}
