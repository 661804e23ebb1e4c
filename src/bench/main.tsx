/**
 * The training benchmark page (`bench.html?algo=ppo&backend=wasm&seed=1`, optional env, budget, preset, cfg, chart),
 * built only by `vite build --mode bench` (scripts/bench-train.mjs does it): it is not part of the book readers get.
 */
import { createRoot } from 'react-dom/client';
import './../styles/global.css';
import TrainingBench from './TrainingBench';

const q = new URLSearchParams(window.location.search);
createRoot(document.getElementById('root')!).render(
  <TrainingBench
    algo={q.get('algo') ?? 'ppo'}
    backend={q.get('backend') ?? 'wasm'}
    seed={q.get('seed') ?? '1'}
    env={q.get('env') ?? undefined}
    budget={q.get('budget') ?? undefined}
    preset={q.get('preset') ?? undefined}
    cfg={q.get('cfg') ?? undefined}
    chart={q.get('chart') ?? true}
  />,
);
