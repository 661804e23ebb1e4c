/** Standard widget chrome: a title, an optional reset button, notices, then the widget's body. */
import type { ReactNode } from 'react';

export function WidgetShell({
  title,
  children,
  onReset,
  notices,
  description,
}: {
  title: ReactNode;
  children: ReactNode;
  onReset?: () => void;
  notices?: string[];
  description?: ReactNode;
}) {
  return (
    <div className="widget">
      <div className="widget-head">
        <h4 className="widget-title">{title}</h4>
        {onReset && (
          <button type="button" className="btn btn-small" onClick={onReset}>
            Reset
          </button>
        )}
      </div>
      {description && <p className="widget-description">{description}</p>}
      {notices && notices.length > 0 && (
        <div role="status">
          <ul className="widget-notices">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {children}
    </div>
  );
}

/** A row of controls that wraps on small screens. */
export function Controls({ children }: { children: ReactNode }) {
  return <div className="controls">{children}</div>;
}

/** A row of readouts. */
export function Readouts({ children }: { children: ReactNode }) {
  return <div className="readouts">{children}</div>;
}
