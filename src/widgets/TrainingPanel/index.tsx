/**
 * TrainingPanel: trains a preset (an algorithm of src/spec on one of its environments) in a Web Worker and streams
 * its metrics. `<Widget name="TrainingPanel" preset="ppo-cartpole" />`. The owner creates the store
 * (`useTrainingPanelStore`); each part below reads only its slice of it, so a metrics message re-renders the readouts,
 * not the controls. Keyboard (platform shortcuts): space = start/pause, r = reset, . = one update. Settings and seed
 * live in the URL. A widget author copies this shape: a store hook, a view of small parts, settings from a table.
 */
import { useCallback, useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useTrainingShortcuts } from '@/lib/shortcuts';
import { LOCKED_REASON, useAssignment } from '@/lib/widget-frame';
import { downloadCSV, downloadJSON } from '@/lib/export';
import { algoSpec, BACKEND_CHOICES, ENV_SPECS, type BackendChoice } from '@/spec';
import { meanShadowGap, type TrainingStore } from '@/stores/training';
import { Controls, Readout, Readouts, WidgetShell } from '@/widgets/common';
import CartPoleCanvas from '../CartPoleViewer/CartPoleCanvas';
import { PolicyWatch } from '../EnvPlay/PolicyWatch';
import { SaveAgentButton } from '../AgentLibrary/SaveAgentButton';
import { HparamControls } from './HparamControls';
import { StoreCharts, toRows, useLiveView } from './PanelCharts';
import { useTrainingPanelStore, type PanelStoreProps } from './useTraining';

export interface TrainingPanelProps extends PanelStoreProps {
  /** Compact mode (TrainingCompare, TRPO chapter): no controls beyond start/pause/reset, no viewer. */
  compact?: boolean;
  title?: string;
}

export default function TrainingPanel(props: TrainingPanelProps) {
  const { store } = useTrainingPanelStore(props);
  return (
    <TrainingPanelView
      store={store}
      preset={props.preset ?? 'ppo-cartpole'}
      compact={!!props.compact}
      title={props.title}
    />
  );
}

/** Start / Pause / Resume / New run: what the main button says and does in each status. */
function mainButton(status: string): string {
  if (status === 'running') return 'Pause';
  if (status === 'paused') return 'Resume';
  if (status === 'restored') return 'New run';
  if (status === 'initialising') return 'Starting…';
  return 'Start';
}

function StatusLine({ store }: { store: TrainingStore }) {
  const s = useStore(
    store,
    useShallow((st) => ({
      status: st.status,
      message: st.statusMessage,
      restoredAt: st.restoredAt,
      backend: st.backend,
      backendChoice: st.backendChoice,
      notices: st.notices,
      error: st.error,
      progress: st.progress,
      storageError: st.storageError,
    })),
  );
  const text =
    s.status === 'restored' && s.restoredAt !== null
      ? `restored run (saved ${new Date(s.restoredAt).toLocaleString()}): view or export it; a new run starts from step 0`
      : s.status;
  return (
    <>
      <p style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5em', alignItems: 'center', margin: 0 }}>
        <span
          data-testid="train-status"
          data-value={s.status}
          role="status"
          style={{ padding: '0 0.4em', border: '1px solid currentColor', borderRadius: 8 }}
        >
          {text}
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
        {s.message && s.status !== 'error' && <span>{s.message}</span>}
        {s.progress && (
          <span data-testid="train-progress">
            {s.progress.phase === 'rollout' ? 'collecting experience' : 'learning'}:{' '}
            {Math.round((100 * s.progress.done) / Math.max(1, s.progress.total))} %
          </span>
        )}
      </p>
      {s.notices.length > 0 && (
        <ul data-testid="train-notices" style={{ margin: 0, fontSize: '0.8em' }}>
          {s.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {s.storageError && (
        <p data-testid="train-storage" role="note" style={{ margin: 0, fontSize: '0.85em' }}>
          {s.storageError}
        </p>
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
    </>
  );
}

function RunControls({
  store,
  preset,
  compact,
  onToggle,
}: {
  store: TrainingStore;
  preset: string;
  compact: boolean;
  onToggle: () => void;
}) {
  const s = useStore(
    store,
    useShallow((st) => ({
      status: st.status,
      seed: st.config.seed,
      backendChoice: st.backendChoice,
      hasData: st.series.length > 0,
    })),
  );
  const exportName = () => `${preset}-seed${store.getState().config.seed}`;
  // The seed and backend have their own boxes here; an assignment link hides or locks them like any setting.
  const assignment = useAssignment();
  const lockId = useId();
  const locked = (id: string) =>
    assignment.locked(id) ? { disabled: true, title: LOCKED_REASON, 'aria-describedby': lockId } : {};
  return (
    <Controls>
      <button type="button" className="btn" onClick={onToggle} aria-keyshortcuts="Space">
        {mainButton(s.status)}
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
          {(assignment.locked('seed') || assignment.locked('backend')) && (
            <span id={lockId} className="visually-hidden">
              {LOCKED_REASON}
            </span>
          )}
          {!assignment.hidden('seed') && (
            <label>
              Seed{' '}
              <input
                type="number"
                min={0}
                max={2 ** 31 - 1}
                value={s.seed}
                style={{ width: '6em' }}
                {...locked('seed')}
                onChange={(e) => {
                  const v = Math.floor(Number(e.target.value));
                  if (Number.isInteger(v) && v >= 0 && v < 2 ** 31)
                    store.getState().reset({ ...store.getState().config, seed: v });
                }}
              />
            </label>
          )}
          {!assignment.hidden('backend') && (
            <label>
              Backend{' '}
              <select
                value={s.backendChoice}
                {...locked('backend')}
                onChange={(e) => store.getState().setBackend(e.target.value as BackendChoice)}
              >
                {BACKEND_CHOICES.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="btn"
            disabled={!s.hasData}
            onClick={() => downloadCSV(exportName(), toRows(store.getState().series))}
          >
            Export CSV
          </button>
          <button
            type="button"
            className="btn"
            disabled={!s.hasData}
            onClick={() => {
              const st = store.getState();
              downloadJSON(exportName(), {
                config: st.config,
                backend: st.backend?.name ?? null,
                updates: st.series,
              });
            }}
          >
            Export JSON
          </button>
        </>
      )}
    </Controls>
  );
}

/** The readouts' numbers from the store, as the panel shows them (useLiveView). */
function useThrottledReadouts(store: TrainingStore) {
  const s = useLiveView(
    store,
    useStore(
      store,
      useShallow((st) => ({
        latest: st.latest,
        episodes: st.episodes,
        steps: st.steps,
        sps: st.sps,
        algo: st.config.algo,
        targetKl: st.config.algo === 'ppo' ? st.config.targetKl : 0,
        epochs: st.config.algo === 'ppo' ? st.config.updateEpochs : 1,
        // only learners that can have a shadow critic keep the series for it
        shadowSeries: algoSpec(st.config.algo).series.includes('qShadow') ? st.series : null,
      })),
    ),
  );
  // Walked when the readouts redraw, not at every metrics message.
  const shadowGap = useMemo(() => (s.shadowSeries ? meanShadowGap(s.shadowSeries) : NaN), [s.shadowSeries]);
  return { ...s, shadowGap };
}

function RunReadouts({ store }: { store: TrainingStore }) {
  // Redrawn at the charts' rate (CHART_MS), not at every metrics message (20 a second): a number that changes 20
  // times a second cannot be read, and each change is a frame the page must lay out, paint and composite.
  const s = useThrottledReadouts(store);
  const streamed = algoSpec(s.algo).series;
  const m = s.latest;
  return (
    <Readouts>
      <Readout
        label="Mean return (last 20)"
        value={m?.returnMean20 ?? NaN}
        testId="train-return-mean"
        digits={4}
      />
      <Readout label="Episodes" value={s.episodes} testId="train-episodes" />
      <Readout label="Env steps" value={s.steps} testId="train-steps" />
      <Readout label="Steps / s" value={Math.round(s.sps)} testId="train-sps" />
      {streamed.includes('approxKl') && (
        <Readout label="Approx. KL" value={m?.approxKl ?? NaN} testId="train-approx-kl" digits={3} />
      )}
      {streamed.includes('clipFraction') && (
        <Readout
          label="Clip fraction"
          value={m?.clipFraction ?? NaN}
          testId="train-clip-fraction"
          digits={3}
        />
      )}
      {s.targetKl > 0 && (
        <Readout label={`Epochs run (of ${s.epochs})`} value={m?.epochs ?? NaN} testId="train-epochs" />
      )}
      {streamed.includes('tvMean') && (
        <>
          <Readout
            label="TV(π_old, π_new), mean"
            value={m?.tvMean ?? NaN}
            testId="train-tv-mean"
            digits={3}
          />
          <Readout label="KL(π_old‖π_new), mean" value={m?.klMean ?? NaN} testId="train-kl-mean" digits={3} />
        </>
      )}
      {streamed.includes('qEpisodes') && (
        <>
          <Readout label="Q loss" value={m?.qLoss ?? NaN} testId="train-q-loss" digits={3} />
          <Readout
            label="Mean Q, recent episodes"
            value={m?.qEpisodes ?? NaN}
            testId="train-q-episodes"
            digits={4}
          />
          <Readout
            label="Their discounted return"
            value={m?.mcReturn ?? NaN}
            testId="train-mc-return"
            digits={4}
          />
          <Readout
            label="Overestimation (Q − return)"
            value={(m?.qEpisodes ?? NaN) - (m?.mcReturn ?? NaN)}
            testId="train-overestimation"
            digits={3}
          />
          {Number.isFinite(m?.qShadow) && (
            <>
              <Readout
                label="Shadow critic's (Q − return)"
                value={(m?.qShadow ?? NaN) - (m?.mcReturn ?? NaN)}
                testId="train-overestimation-shadow"
                digits={3}
              />
              <Readout
                label="Shadow − critic, mean over the run"
                value={s.shadowGap}
                testId="train-shadow-gap"
                digits={3}
              />
            </>
          )}
          <Readout
            label="Gradient steps / s"
            value={Math.round(m?.updatesPerSec ?? NaN)}
            testId="train-ups"
          />
        </>
      )}
      {streamed.includes('epsilon') && (
        <Readout label="ε" value={m?.epsilon ?? NaN} testId="train-epsilon" digits={3} />
      )}
      {streamed.includes('alpha') && (
        <Readout label="α" value={m?.alpha ?? NaN} testId="train-alpha" digits={3} />
      )}
    </Readouts>
  );
}

function Settings({ store }: { store: TrainingStore }) {
  const config = useStore(store, (s) => s.config);
  const policy = useStore(store, (s) => s.policy);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.8em', alignItems: 'flex-start' }}>
      <div>
        {config.env === 'CartPole-v1' ? (
          <CartPoleCanvas policy={policy} seed={config.seed} />
        ) : (
          <PolicyWatch env={config.env} policy={policy} seed={config.seed} />
        )}
        <SaveAgentButton store={store} />
      </div>
      <div style={{ flex: '1 1 320px' }}>
        <HparamControls
          config={config}
          onLive={(h) => store.getState().setLive(h)}
          onRestart={(c) => store.getState().reset(c)}
        />
      </div>
    </div>
  );
}

/** The panel for a store its owner created (TrainingPanel, TrainingCompare). */
export function TrainingPanelView({
  store,
  preset,
  compact,
  title,
}: {
  store: TrainingStore;
  preset: string;
  compact: boolean;
  title?: string;
}) {
  const algo = useStore(store, (s) => s.config.algo);
  const env = useStore(store, (s) => s.config.env);
  const toggle = useCallback(() => {
    const st = store.getState();
    if (st.status === 'running') st.pause();
    else st.start();
  }, [store]);
  const shortcutProps = useTrainingShortcuts({
    onToggle: toggle,
    onReset: () => store.getState().reset(),
    onStep: () => store.getState().step(),
  });
  return (
    <section
      className="training-panel"
      aria-label={title ?? `Training: ${preset}`}
      tabIndex={0}
      {...shortcutProps}
    >
      <WidgetShell
        title={title ?? `${algoSpec(algo).label} on ${ENV_SPECS[env].label} (${preset})`}
        onReset={() => store.getState().reset()}
      >
        <StatusLine store={store} />
        <RunControls store={store} preset={preset} compact={compact} onToggle={toggle} />
        <RunReadouts store={store} />
        <StoreCharts store={store} compact={compact} preset={preset} />
        {!compact && <Settings store={store} />}
      </WidgetShell>
    </section>
  );
}
