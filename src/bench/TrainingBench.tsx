/**
 * TrainingBench (bench.html, see main.tsx): one run to the solve criterion (mean of the last 20 episodes ≥ the env's
 * threshold) or the step budget, with main-thread long tasks recorded by a PerformanceObserver. The result is shown
 * as text and put on `window.__benchResult` for scripts/bench-train.mjs. The config (preset, JSON overrides, budget)
 * is validated like any other before it reaches the worker.
 */
import { useEffect, useMemo, useState } from 'react';
import { createTrainer } from '@/worker/trainer-client';
import {
  defaultConfig,
  isAlgoId,
  isEnvId,
  presetConfig,
  PRESET_NAMES,
  PRESETS,
  validateConfig,
  type BackendChoice,
  type RatioHist,
  type TrainConfig,
} from '@/spec';
import { CHART_MS, PanelCharts, toRows } from '@/widgets/TrainingPanel/PanelCharts';
import { trailingThrottle } from '@/widgets/TrainingPanel/throttle';
import { appendPoints, type SeriesPoint } from '@/stores/training';

export interface BenchResult {
  algo: string;
  env: string;
  backend: string;
  backend_reason: string;
  seed: number;
  solved: boolean;
  steps_to_solve: number | null;
  seconds_to_solve: number | null;
  steps: number;
  seconds: number;
  init_seconds: number;
  sps: number;
  updates: number;
  max_longtask_ms: number;
  /** Whether this browser reports long tasks at all (if not, max_longtask_ms means nothing). */
  longtask_supported: boolean;
  longtasks_over_50ms: number;
  /** The first long tasks as [ms since the run started, duration ms]. */
  longtasks: [number, number][];
  /** Mean milliseconds per update spent in the rollout and in learning (inside the worker). */
  rollout_ms: number;
  learn_ms: number;
  error?: string;
}

/**
 * The run's starting config: the named preset; else the first preset of this algorithm on this env (ppo-acrobot,
 * td3-pendulum, …: the tuned settings the book uses); else the algorithm's table defaults on the env.
 */
function benchBase(algo: string, env: string | undefined, preset: string | undefined): TrainConfig {
  if (preset) return presetConfig(preset);
  if (!isAlgoId(algo)) return presetConfig('ppo-cartpole');
  const id = isEnvId(env)
    ? env
    : algo === 'dqn' || algo === 'ppo' || algo === 'reinforce'
      ? 'CartPole-v1'
      : 'Pendulum-v1';
  const named = PRESET_NAMES.find((n) => PRESETS[n].algo === algo && PRESETS[n].env === id);
  return named ? presetConfig(named) : defaultConfig(algo, id);
}

/** Parses the `cfg` prop: JSON overrides of the preset (for tuning from scripts/bench-train.mjs --cfg). */
function overrides(cfg: string | undefined): Partial<TrainConfig> {
  if (!cfg) return {};
  try {
    const o = JSON.parse(cfg) as unknown;
    return typeof o === 'object' && o !== null ? (o as Partial<TrainConfig>) : {};
  } catch {
    return {};
  }
}

export default function TrainingBench({
  algo = 'ppo',
  backend = 'wasm',
  seed = 1,
  budget,
  preset,
  env,
  cfg: cfgJson,
  chart = true,
}: {
  algo?: string;
  /** Gymnasium id; with an algorithm but no preset, the run uses the algorithm's table defaults on this env. */
  env?: string;
  backend?: string;
  seed?: number | string;
  budget?: number | string;
  preset?: string;
  cfg?: string;
  /** Draw the live return chart (default); `false` isolates the training's own main-thread cost. */
  chart?: boolean | string;
}) {
  const [run, setRun] = useState<{ solve: number; env: TrainConfig['env'] } | null>(null);
  // What the page shows: the status text and the training panel's own charts (so the long-task figure includes the
  // main thread's real rendering work), all redrawn together at the charts' rate, in one task and one frame.
  const [view, setView] = useState<{ text: string; series: SeriesPoint[]; hist: RatioHist | null }>({
    text: 'starting…',
    series: [],
    hist: null,
  });
  const rows = useMemo(() => toRows(view.series), [view.series]);
  useEffect(() => {
    const base = benchBase(algo, env, preset);
    const cfg = {
      ...base,
      ...overrides(cfgJson),
      seed: Number(seed) || 0,
      ...(budget ? { totalSteps: Number(budget) } : {}),
    } as TrainConfig;
    setRun({ solve: cfg.solveThreshold, env: cfg.env });
    // The latest data; a metrics message only updates these and pokes the throttle.
    const latest = { text: 'starting…', series: [] as SeriesPoint[], hist: null as RatioHist | null };
    const redraw = trailingThrottle(() => setView({ ...latest }), CHART_MS);
    const setText = (text: string) => {
      latest.text = text;
      redraw.poke();
    };
    const invalid = validateConfig(cfg);
    if (invalid.length) {
      setText(`invalid configuration: ${invalid.join('; ')}`);
      (window as unknown as { __benchResult?: unknown }).__benchResult = { error: invalid.join('; ') };
      return;
    }
    let maxLong = 0;
    let longCount = 0;
    const longList: [number, number][] = [];
    const t0 = performance.now();
    const record = (entries: PerformanceEntryList) => {
      for (const e of entries) {
        maxLong = Math.max(maxLong, e.duration);
        if (e.duration > 50) longCount += 1;
        if (longList.length < 20) longList.push([Math.round(e.startTime - t0), Math.round(e.duration)]);
      }
    };
    let observer: PerformanceObserver | null = null;
    try {
      observer = new PerformanceObserver((list) => record(list.getEntries()));
      // Observed from the first 'running' status on: the figure is about the main thread while training runs.
    } catch {
      /* longtask entries unsupported: max_longtask_ms stays 0 and is reported as such */
    }
    let tReady = t0;
    let backendName = '';
    let reason = '';
    let last = { steps: 0, update: 0, sps: 0, elapsedMs: 0 };
    let rolloutMs = 0;
    let learnMs = 0;
    let sampleMs = 0;
    let gradientSteps = 0;
    const handle = createTrainer(1, cfg, backend as BackendChoice);
    const finish = (solved: boolean, error?: string) => {
      // Entries are delivered to the callback later (at idle priority): the last ones are still queued here.
      if (observer) record(observer.takeRecords());
      observer?.disconnect();
      // The window the figures are about, for a trace of the run (scripts/bench-train.mjs reads each main-thread
      // task's CPU time between these marks: a task our code made long, or one the OS stalled).
      performance.mark('bench:end');
      const r: BenchResult = {
        algo: cfg.algo,
        env: cfg.env,
        backend: backendName,
        backend_reason: reason,
        seed: cfg.seed,
        solved,
        steps_to_solve: solved ? last.steps : null,
        seconds_to_solve: solved ? last.elapsedMs / 1000 : null,
        steps: last.steps,
        seconds: last.elapsedMs / 1000,
        init_seconds: (tReady - t0) / 1000,
        sps: last.sps,
        updates: last.update,
        max_longtask_ms: maxLong,
        longtask_supported: PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false,
        longtasks_over_50ms: longCount,
        longtasks: longList,
        rollout_ms: last.update ? rolloutMs / last.update : 0,
        learn_ms: last.update ? learnMs / last.update : 0,
        // off-policy learners: gradient steps, their rate over the run, and the time profile (ms, whole run)
        ...(gradientSteps
          ? {
              gradient_steps: gradientSteps,
              updates_per_sec: last.elapsedMs ? (gradientSteps / last.elapsedMs) * 1000 : 0,
              profile_ms: { act: rolloutMs, sample: sampleMs, learn: learnMs },
            }
          : {}),
        ...(error ? { error } : {}),
      };
      (window as unknown as { __benchResult?: BenchResult }).__benchResult = r;
      setText(JSON.stringify(r));
      redraw.flush();
      handle.terminate();
    };
    handle.subscribe((e) => {
      if (e.type === 'backend') {
        backendName = e.report.name;
        reason = e.report.reason;
      } else if (e.type === 'status') {
        if (e.status === 'ready') {
          tReady = performance.now();
          performance.mark('bench:ready');
          try {
            observer?.observe({ type: 'longtask', buffered: false });
          } catch {
            /* unsupported entry type */
          }
          handle.start();
        } else if (e.status === 'solved') finish(true);
        else if (e.status === 'finished') finish(false);
        else if (e.status === 'error') finish(false, e.message ?? 'error');
        else if (e.status === 'running') setText(`training on ${backendName}…`);
      } else if (e.type === 'metrics') {
        for (const u of e.updates) {
          rolloutMs += u.rolloutMs;
          learnMs += u.learnMs;
          sampleMs += u.sampleMs ?? 0;
          gradientSteps = u.gradientSteps ?? 0;
        }
        const m = e.updates[e.updates.length - 1];
        if (m.ratioHist) latest.hist = m.ratioHist;
        const mean = m.returnMean20 ?? NaN;
        latest.series = appendPoints(latest.series, e.updates);
        last = { steps: m.steps, update: m.update, sps: e.sps, elapsedMs: e.elapsedMs };
        // Progress so far, for a script that gives up before the run ends.
        (window as unknown as { __benchProgress?: unknown }).__benchProgress = {
          backend: backendName,
          steps: m.steps,
          seconds: e.elapsedMs / 1000,
          sps: e.sps,
          updates: m.update,
          return_mean20: mean,
          max_longtask_ms: maxLong,
        };
        setText(`training on ${backendName}: ${m.steps} steps, mean return ${mean.toFixed(1)}`);
      } else if (e.type === 'error') {
        finish(false, e.message);
      } else if (e.type === 'crash') {
        finish(false, e.message);
      }
    });
    return () => {
      observer?.disconnect();
      redraw.cancel();
      handle.terminate();
    };
  }, [algo, env, backend, seed, budget, preset, cfgJson]);
  return (
    <div>
      <pre data-testid="bench-result" style={{ whiteSpace: 'pre-wrap' }}>
        {view.text}
      </pre>
      {chart !== false && chart !== 'false' && chart !== '0' && (
        <PanelCharts
          rows={rows}
          hist={view.hist}
          algo={isAlgoId(algo) ? algo : 'ppo'}
          compact={false}
          preset="bench"
          solveThreshold={run?.solve ?? NaN}
          env={run?.env}
        />
      )}
    </div>
  );
}
