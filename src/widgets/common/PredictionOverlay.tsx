/**
 * A chart's prediction tools (see use-prediction.ts): the sketching surface laid over the plot, operable by pointer,
 * touch and keyboard, and the panel under the chart (start, reveal, clear, and the score once the real curve shows).
 *
 * Keyboard, with the sketch focused (it is a slider): ←/→ move the cursor from knot to knot (moving onto a knot not
 * drawn yet carries the current value along, so holding → draws a level line), ↑/↓ raise or lower the knot by 1/50
 * of the plot's height, Page Up/Down by 1/10, Home/End jump to the first/last knot, Delete clears the knot.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Scene } from './chart-geometry';
import { knotX, nearestKnot } from './prediction';
import { formatNumber, Readout } from './Readout';
import type { PredictionState } from './use-prediction';

export function PredictionOverlay({
  p,
  scene,
  xFormat,
}: {
  p: PredictionState;
  scene: Scene;
  xFormat?: (v: number) => string;
}) {
  const { layer, knots } = p;
  const n = knots.length;
  const [cursor, setCursor] = useState(() =>
    Math.max(
      0,
      knots.findIndex((v) => v === null),
    ),
  );
  const drag = useRef<number | null>(null);
  const { left, top, right, bottom } = scene.plot;
  const [x0, x1] = scene.xDomain;
  const [y0, y1] = scene.yDomain;
  const toPx = (x: number, y: number) => ({
    px: left + ((x - x0) / (x1 - x0)) * (right - left),
    py: bottom - ((y - y0) / (y1 - y0)) * (bottom - top),
  });
  const [lo, hi] = layer.yDomain;
  const clampY = (y: number) => Math.min(Math.max(lo, hi), Math.max(Math.min(lo, hi), y));
  const step = Math.abs(hi - lo) / 50;
  const quantise = (y: number) => clampY(Number((Math.round(y / step) * step).toPrecision(12)));
  const label = layer.label ?? layer.key;

  const setKnot = (i: number, y: number | null, from?: number) => {
    const next = [...knots];
    next[i] = y === null ? null : clampY(y);
    // A fast drag skips knots: fill those between by a straight line.
    if (from !== undefined && y !== null && from !== i && next[from] !== null) {
      const a = next[from] as number;
      const dir = Math.sign(i - from);
      for (let j = from + dir; j !== i; j += dir) next[j] = a + ((y - a) * (j - from)) / (i - from);
    }
    p.setKnots(next);
  };

  const fromPointer = (e: PointerEvent<SVGElement>) => {
    const svg = e.currentTarget.ownerSVGElement ?? (e.currentTarget as unknown as SVGSVGElement);
    const r = svg.getBoundingClientRect();
    const sx = ((e.clientX - r.left) / r.width) * scene.width;
    const sy = ((e.clientY - r.top) / r.height) * scene.height;
    const x = x0 + ((sx - left) / (right - left)) * (x1 - x0);
    const y = y0 + ((bottom - sy) / (bottom - top)) * (y1 - y0);
    return { i: nearestKnot(x, n, layer.xDomain), y };
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const here = knots[cursor];
    const base = here ?? [...knots.slice(0, cursor)].reverse().find((v) => v !== null) ?? (lo + hi) / 2;
    const move = (j: number) => {
      const k = Math.max(0, Math.min(n - 1, j));
      if (knots[k] === null && here !== null) setKnot(k, here);
      setCursor(k);
    };
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(cursor + 1),
      ArrowLeft: () => move(cursor - 1),
      ArrowUp: () => setKnot(cursor, quantise(base + step)),
      ArrowDown: () => setKnot(cursor, quantise(base - step)),
      PageUp: () => setKnot(cursor, quantise(base + 5 * step)),
      PageDown: () => setKnot(cursor, quantise(base - 5 * step)),
      Home: () => setCursor(0),
      End: () => setCursor(n - 1),
      Delete: () => setKnot(cursor, null),
      Backspace: () => setKnot(cursor, null),
    };
    const f = keys[e.key];
    if (!f) return;
    e.preventDefault();
    f();
  };

  const cx = knotX(cursor, n, layer.xDomain);
  const cy = knots[cursor];
  const c = toPx(cx, cy ?? (lo + hi) / 2);
  const set = knots.filter((v) => v !== null).length;
  const xText = xFormat ? xFormat(cx) : formatNumber(cx, 4);
  return (
    <svg
      className="prediction-overlay"
      width="100%"
      height={scene.height}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      role="slider"
      tabIndex={0}
      aria-label={`Sketch your prediction of ${label}`}
      aria-orientation="vertical"
      aria-valuemin={Math.min(lo, hi)}
      aria-valuemax={Math.max(lo, hi)}
      aria-valuenow={cy ?? (lo + hi) / 2}
      aria-valuetext={`at x = ${xText}: ${cy === null ? 'not drawn yet' : formatNumber(cy, 4)} (point ${cursor + 1} of ${n}, ${set} drawn)`}
      data-testid={`${layer.testId ?? 'prediction'}-sketch`}
      onKeyDown={onKeyDown}
    >
      <rect
        x={left}
        y={top}
        width={right - left}
        height={bottom - top}
        fill="transparent"
        style={{ cursor: 'crosshair', touchAction: 'none' }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const { i, y } = fromPointer(e);
          drag.current = i;
          setCursor(i);
          setKnot(i, y);
        }}
        onPointerMove={(e) => {
          if (drag.current === null) return;
          const { i, y } = fromPointer(e);
          setKnot(i, y, drag.current);
          drag.current = i;
          setCursor(i);
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      />
      <line x1={c.px} x2={c.px} y1={top} y2={bottom} className="prediction-cursor" />
      {cy !== null && <circle cx={c.px} cy={c.py} r={5} className="prediction-cursor-dot" />}
    </svg>
  );
}

export function PredictionPanel({ p }: { p: PredictionState }) {
  const { layer, score } = p;
  const prefix = layer.testId ?? 'prediction';
  if (!p.active)
    return (
      <div className="prediction-panel">
        <button type="button" className="btn btn-small" onClick={p.start} data-testid={`${prefix}-start`}>
          Predict this curve
        </button>
      </div>
    );
  return (
    <div className="prediction-panel" data-testid={`${prefix}-panel`}>
      {!p.revealed && (
        <p className="prediction-help">
          Sketch the {layer.label ?? 'curve'} you expect: drag on the chart, or focus the sketch and use the
          arrow keys (← → move, ↑ ↓ set the value).{' '}
          {p.waiting ? 'The real curve is ready: reveal it (key v in presenter mode).' : 'Then run it.'}
        </p>
      )}
      <div className="dialog-buttons">
        {!p.revealed && (
          <button type="button" className="btn btn-small" onClick={p.reveal} data-testid={`${prefix}-reveal`}>
            Reveal the real curve
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={p.again} data-testid={`${prefix}-clear`}>
          {p.revealed ? 'Predict again' : 'Clear sketch'}
        </button>
      </div>
      {score && (
        <div className="readouts" aria-live="polite">
          <Readout
            label="gap between the curves (share of the plot's height, 0 = exact)"
            value={score.normalised}
            testId={`${prefix}-area`}
            digits={3}
          />
          {layer.threshold !== undefined && (
            <>
              <Readout
                label="reaches the threshold: your sketch"
                value={score.tPredicted ?? 'never'}
                testId={`${prefix}-t-predicted`}
              />
              <Readout
                label="the real curve"
                value={score.tActual ?? 'never'}
                testId={`${prefix}-t-actual`}
              />
              <Readout
                label="error in time to threshold"
                value={score.tError === null ? '—' : score.tError}
                testId={`${prefix}-t-error`}
                digits={3}
              />
            </>
          )}
        </div>
      )}
      {p.revealed && !score && (
        <p className="prediction-help" data-testid={`${prefix}-no-score`}>
          No score yet: the sketch and the real curve need at least two points each over a common range.
        </p>
      )}
    </div>
  );
}
