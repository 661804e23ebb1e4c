/**
 * TrainingPanel: trains a preset (PPO or REINFORCE on CartPole-v1) in a Web Worker and streams its metrics.
 * `<Widget name="TrainingPanel" preset="ppo-cartpole" />`. Keyboard (platform shortcuts, to the training widget
 * used last): space = start/pause, r = reset, . = one update. Settings and seed live in the URL.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useUrlParams } from '@/lib/url-state';
import { useTrainingShortcuts } from '@/lib/shortcuts';
import { configFromParams, paramsFromConfig, specsFor } from './url-config';
import { useThrottled } from './throttle';
import { useStore, useTrainingStore } from './useTraining';
import { PanelCharts, useChartRows, CHART_MS } from './PanelCharts';
import { Controls, Readout, Readouts, WidgetShell } from '@/widgets/common';
import { downloadCSV } from '@/lib/export';
import { HparamControls } from './HparamControls';
import { download, toJson } from './export';
import CartPoleCanvas from '../CartPoleViewer/CartPoleCanvas';
import { presetConfig } from '@/worker/trainer-client';
import type { BackendChoice, TrainConfig } from '@/worker/protocol';
import type { TrainingStore } from '@/stores/training';

export interface TrainingPanelProps {
  preset?: string;
  seed?: number | string;
  backend?: BackendChoice;
  /** Distinguishes two panels of the same preset on one page (storage key). */
  id?: string;
  /** Compact mode for TrainingCompare: no controls beyond start/pause/reset, no viewer. */
  compact?: boolean;
  title?: string;
  /** Lets a parent (TrainingCompare) read the store. */
  onStore?: (s: TrainingStore) => void;
}

const BACKENDS: BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

type DebugHook = { crashWorker: () => void; stores: Set<TrainingStore> };
function debugHook(): DebugHook {
  const w = window as unknown as { __proximalDebug?: DebugHook };
  if (!w.__proximalDebug) {
    const stores = new Set<TrainingStore>();
    w.__proximalDebug = { stores, crashWorker: () => stores.forEach((s) => s.getState().crashWorker()) };
  }
  return w.__proximalDebug;
}

export default function TrainingPanel({
  preset = 'ppo-cartpole',
  seed,
  backend = 'auto',
  id,
  compact,
  title,
  onStore,
}: TrainingPanelProps) {
  const base = useMemo<TrainConfig>(() => {
    const c = presetConfig(preset);
    const sd = Number(seed);
    return seed !== undefined && Number.isInteger(sd) && sd >= 0 ? { ...c, seed: sd } : c;
  }, [preset, seed]);
  const backendDefault: BackendChoice = BACKENDS.includes(backend) ? backend : 'auto';
  const specs = useMemo(() => specsFor(base, backendDefault), [base, backendDefault]);
  const [urlValues, setUrlValues] = useUrlParams(`${preset}${id ? `.${id}` : ''}`, specs);
  const [initial] = useState(() => configFromParams(base, urlValues as never));
  const store = useTrainingStore(
    `${preset}${id ? `.${id}` : ''}`,
    initial,
    urlValues.backend as BackendChoice,
  );
  const s = useStore(store);
  useEffect(() => {
    onStore?.(store);
    const hook = debugHook();
    hook.stores.add(store);
    return () => {
      hook.stores.delete(store);
    };
  }, [store, onStore]);
  // Settings and seed follow the run into the URL (debounced by useUrlParams).
  useEffect(() => {
    setUrlValues(paramsFromConfig(s.config, s.backendChoice) as never);
  }, [s.config, s.backendChoice, setUrlValues]);

  const running = s.status === 'running' || s.status === 'initialising';
  const toggle = useCallback(() => {
    const st = store.getState();
    if (st.status === 'running') st.pause();
    else if (st.status === 'paused') st.resume();
    else st.start();
  }, [store]);
  const shortcutProps = useTrainingShortcuts({
    onToggle: toggle,
    onReset: () => store.getState().reset(),
    onStep: () => store.getState().step(),
  });

  // Charts redraw at most 4 times a second (canvas: well under a millisecond each).
  const rows = useChartRows(s.series);
  const chartLatest = useThrottled(s.latest, CHART_MS);
  const latest = s.latest;
  const isPpo = s.config.algo === 'ppo';
  const statusText =
    s.status === 'crashed'
      ? 'crashed'
      : s.restoredAt !== null
        ? `restored (saved ${new Date(s.restoredAt).toLocaleString()})`
        : s.status;

  return (
    <section
      className="training-panel"
      aria-label={title ?? `Training: ${preset}`}
      tabIndex={0}
      {...shortcutProps}
    >
      <WidgetShell
        title={title ?? `${isPpo ? 'PPO' : 'REINFORCE'} on CartPole-v1 (${preset})`}
        onReset={() => store.getState().reset()}
      >
        <p style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5em', alignItems: 'center', margin: 0 }}>
          <span
            data-testid="train-status"
            data-value={s.status}
            role="status"
            style={{ padding: '0 0.4em', border: '1px solid currentColor', borderRadius: 8 }}
          >
            {statusText}
          </span>
          <span
            data-testid="train-backend"
            data-value={s.backend?.name ?? ''}
            style={{ padding: '0 0.4em', borderRadius: 8, background: 'rgba(76,120,168,0.18)' }}
          >
            {s.backend
              ? `${s.backend.name} — ${s.backend.reason}`
              : `backend: ${s.backendChoice} (chosen at start)`}
          </span>
          {s.statusMessage && s.status !== 'error' && <span>{s.statusMessage}</span>}
        </p>
        {s.notices.length > 0 && (
          <ul data-testid="train-notices" style={{ margin: 0, fontSize: '0.8em' }}>
            {s.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {s.error && (
          <div
            role="alert"
            data-testid="train-error"
            style={{ border: '1px solid #c33', padding: '0.4em', borderRadius: 4 }}
          >
            {s.error}{' '}
            <button type="button" className="btn" onClick={() => store.getState().restart()}>
              Restart
            </button>
          </div>
        )}

        <Controls>
          <button type="button" className="btn" onClick={toggle} aria-keyshortcuts="Space">
            {s.status === 'running'
              ? 'Pause'
              : s.status === 'paused'
                ? 'Resume'
                : running
                  ? 'Starting…'
                  : 'Start'}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => store.getState().step()}
            disabled={s.status === 'running'}
            aria-keyshortcuts="."
          >
            Single update
          </button>
          {!compact && (
            <>
              <label>
                Seed{' '}
                <input
                  type="number"
                  min={0}
                  max={2 ** 31 - 1}
                  value={s.config.seed}
                  style={{ width: '6em' }}
                  onChange={(e) => {
                    const v = Math.floor(Number(e.target.value));
                    if (Number.isInteger(v) && v >= 0 && v < 2 ** 31)
                      store.getState().reset({ ...store.getState().config, seed: v });
                  }}
                />
              </label>
              <label>
                Backend{' '}
                <select
                  value={s.backendChoice}
                  onChange={(e) => store.getState().setBackend(e.target.value as BackendChoice)}
                >
                  {BACKENDS.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="btn"
                disabled={!s.series.length}
                onClick={() => downloadCSV(`${preset}-seed${s.config.seed}`, rows)}
              >
                Export CSV
              </button>
              <button
                type="button"
                className="btn"
                disabled={!s.series.length}
                onClick={() =>
                  download(
                    `${preset}-seed${s.config.seed}.json`,
                    toJson(s.config, s.backend?.name ?? null, s.series),
                    'application/json',
                  )
                }
              >
                Export JSON
              </button>
            </>
          )}
        </Controls>

        <Readouts>
          <Readout
            label="Mean return (last 20)"
            value={latest?.returnMean20 ?? NaN}
            testId="train-return-mean"
            digits={4}
          />
          <Readout label="Episodes" value={s.episodes} testId="train-episodes" />
          <Readout label="Env steps" value={s.steps} testId="train-steps" />
          <Readout label="Steps / s" value={Math.round(s.sps)} testId="train-sps" />
          {isPpo && (
            <Readout label="Approx. KL" value={latest?.approxKl ?? NaN} testId="train-approx-kl" digits={3} />
          )}
          {isPpo && (
            <Readout
              label="Clip fraction"
              value={latest?.clipFraction ?? NaN}
              testId="train-clip-fraction"
              digits={3}
            />
          )}
          {isPpo && s.config.algo === 'ppo' && s.config.targetKl > 0 && (
            <Readout
              label={`Epochs run (of ${s.config.updateEpochs})`}
              value={latest?.epochs ?? NaN}
              testId="train-epochs"
            />
          )}
          <Readout
            label="TV(π_old, π_new), mean"
            value={latest?.tvMean ?? NaN}
            testId="train-tv-mean"
            digits={3}
          />
          <Readout
            label="KL(π_old‖π_new), mean"
            value={latest?.klMean ?? NaN}
            testId="train-kl-mean"
            digits={3}
          />
        </Readouts>

        <PanelCharts
          rows={rows}
          hist={isPpo ? (chartLatest?.ratioHist ?? null) : null}
          isPpo={isPpo}
          compact={!!compact}
          preset={preset}
          solveThreshold={s.config.solveThreshold}
        />

        {!compact && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.8em', alignItems: 'flex-start' }}>
            <CartPoleCanvas policy={s.policy} seed={s.config.seed} />
            <div style={{ flex: '1 1 320px' }}>
              <HparamControls
                config={s.config}
                onLive={(h) => store.getState().setLive(h)}
                onRestart={(c) => store.getState().reset(c)}
              />
            </div>
          </div>
        )}
      </WidgetShell>
    </section>
  );
}
