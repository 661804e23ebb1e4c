/**
 * The state of a chart's prediction (a `predict(...)` layer, chart-layers.ts): the sketch (kept in this browser's
 * localStorage under the layer's id, never sent anywhere), whether the reader is predicting, and whether the real
 * curve is shown. While the reader predicts and the curve is not revealed, the chart leaves the real curve out of
 * its picture, its data table and its accessible name, so the answer cannot be read before it is revealed.
 */
import { useEffect, useMemo, useState } from 'react';
import { usePresenter } from '@/lib/presenter';
import { isTypingTarget } from '@/lib/shortcuts';
import type { Layer, LineLayer, PredictionLayer } from './chart-layers';
import { columnPoints, scorePrediction, sketchPoints, type Knots, type PredictionScore } from './prediction';

const STORAGE_KEY = 'proximal.predictions';
const MAX_KEPT = 200;
export const DEFAULT_KNOTS = 21;

interface Kept {
  knots: Knots;
  at: number;
}

function readAll(): Record<string, Kept> {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Kept>) : {};
  } catch {
    return {};
  }
}

function loadKnots(id: string, n: number): Knots {
  const k = readAll()[id]?.knots;
  const ok = Array.isArray(k) && k.length === n && k.every((v) => v === null || Number.isFinite(v));
  return ok ? k : Array<number | null>(n).fill(null);
}

function saveKnots(id: string, knots: Knots) {
  try {
    const all = readAll();
    if (knots.every((v) => v === null)) delete all[id];
    else all[id] = { knots, at: Date.now() };
    // Keep the most recent predictions only (a few kilobytes at most).
    const ids = Object.keys(all).sort((a, b) => all[b].at - all[a].at);
    for (const old of ids.slice(MAX_KEPT)) delete all[old];
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    /* storage blocked or full: the sketch lives as long as the page */
  }
}

export interface PredictionState {
  layer: PredictionLayer;
  knots: Knots;
  setKnots: (k: Knots) => void;
  /** The reader is predicting (has started a sketch or asked to). */
  active: boolean;
  start: () => void;
  /** Clears the sketch and hides the real curve again. */
  again: () => void;
  revealed: boolean;
  /** A real curve exists but is hidden until the reader (or presenter) reveals it. */
  waiting: boolean;
  reveal: () => void;
  score: PredictionScore | null;
  /** The chart's layers as drawn: the real curve left out until revealed, the sketch added. */
  drawn: Layer[];
}

export function usePrediction(layers: Layer[], data: object[], x: string): PredictionState | null {
  const layer = layers.find((l): l is PredictionLayer => l.type === 'prediction') ?? null;
  const id = layer?.id ?? '';
  const n = Math.max(3, Math.min(101, Math.round(layer?.knots ?? DEFAULT_KNOTS)));
  // Sketch and flags belong to one id (one widget state): a new id starts from what is kept for it.
  const has = layer !== null;
  const kept = useMemo(() => (has ? loadKnots(id, n) : []), [has, id, n]);
  const [state, setState] = useState({ id, knots: kept, asked: false, shown: false });
  const cur = state.id === id ? state : { id, knots: kept, asked: false, shown: false };
  const presenter = usePresenter((s) => s.on);

  const setKnots = (knots: Knots) => {
    saveKnots(id, knots);
    setState({ ...cur, knots, asked: true });
  };

  const actualRows = useMemo(() => {
    if (!layer) return [];
    const line = layers.find((l): l is LineLayer => l.type === 'line' && l.key === layer.key);
    return columnPoints(line?.data ?? data, x, layer.key);
  }, [layer, layers, data, x]);

  if (!layer) return null;
  const active = cur.asked || cur.knots.some((v) => v !== null);
  const hasRun = actualRows.length >= 2;
  const mode = layer.reveal ?? 'run';
  const revealed = !active || cur.shown || (mode === 'run' && hasRun && !presenter);
  const waiting = active && !revealed && (mode === 'button' || hasRun);
  const sketch = sketchPoints(cur.knots, layer.xDomain);
  const score =
    active && revealed ? scorePrediction(sketch, actualRows, layer.yDomain, layer.threshold) : null;

  const drawn: Layer[] = layers.filter(
    (l) => l.type !== 'prediction' && (revealed || !(l.type === 'line' && l.key === layer.key)),
  );
  if (active && sketch.length > 0) {
    drawn.push({
      type: 'line',
      key: 'y',
      label: 'your prediction',
      dashed: true,
      dots: true,
      color: 'series-4',
      data: sketch.map((p) => ({ [x]: p.x, y: p.y })),
    });
  }
  if (active && layer.threshold !== undefined && Number.isFinite(layer.threshold))
    drawn.push({ type: 'rule', y: layer.threshold, label: 'threshold' });

  return {
    layer,
    knots: cur.knots,
    setKnots,
    active,
    start: () => setState({ ...cur, asked: true, shown: false }),
    again: () => {
      saveKnots(id, Array<number | null>(n).fill(null));
      setState({ id, knots: Array<number | null>(n).fill(null), asked: true, shown: false });
    },
    revealed,
    waiting,
    reveal: () => setState({ ...cur, shown: true }),
    score,
    drawn,
  };
}

/** In presenter mode, the key v reveals the predictions that wait for it (the presenter shows one at a time). */
export function useRevealKey(p: PredictionState | null) {
  const waiting = !!p?.waiting;
  const reveal = p?.reveal;
  useEffect(() => {
    if (!waiting || !reveal) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'v' || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]'))
        return;
      // Typing fields keep their keys; the sketch itself (a slider) lets v through.
      if (isTypingTarget(e.target)) return;
      reveal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [waiting, reveal]);
}
