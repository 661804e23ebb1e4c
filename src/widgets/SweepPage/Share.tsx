/** The class link and its QR code, and one link per cell for instructors who hand out numbers. */
import { cellOf, sweepQuery, type Sweep, type SweepParams } from '@/lib/sweep';
import { QrCode } from './QrCode';

const base = () => `${window.location.origin}${window.location.pathname}`;

export function Share({ sweep, p }: { sweep: Sweep; p: SweepParams }) {
  const link = `${base()}${sweepQuery(p)}#/sweep/cell`;
  return (
    <div className="sweep-share">
      <label>
        Class link{' '}
        <input
          type="text"
          readOnly
          value={link}
          data-testid="sweep-link"
          onFocus={(e) => e.currentTarget.select()}
          style={{ width: '100%' }}
        />
      </label>
      <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(link)}>
        Copy link
      </button>
      <QrCode text={link} label="QR code of the class link" testId="sweep-qr" />
      <details>
        <summary>One link per cell ({sweep.cells})</summary>
        <ol start={0}>
          {Array.from({ length: sweep.cells }, (_, i) => {
            const c = cellOf(sweep, i);
            return (
              <li key={i}>
                <a href={`${base()}${sweepQuery(p, i)}#/sweep/cell`} data-testid={`cell-link-${i}`}>
                  cell {i}: {c.config.label}, seed {c.seed}
                </a>
              </li>
            );
          })}
        </ol>
      </details>
    </div>
  );
}
