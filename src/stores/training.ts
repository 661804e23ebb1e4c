/**
 * One zustand store per training widget instance (createStore, React-free). It owns the trainer handle, folds
 * worker events into bounded series for the charts, and saves finished/paused runs in IndexedDB.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { get as idbGet, set as idbSet } from 'idb-keyval';
import { createTrainer, type ClientEvent, type TrainerHandle } from '@/worker/trainer-client';
import type {
  BackendChoice,
  BackendReport,
  PolicySnapshot,
  RunStatus,
  TrainConfig,
  UpdateMetrics,
} from '@/worker/protocol';

/** The metrics kept per update for the charts (bounded: older points are thinned). */
export const SERIES_KEYS = [
  'update',
  'steps',
  'returnMean20',
  'episodes',
  'policyLoss',
  'valueLoss',
  'entropy',
  'approxKl',
  'clipFraction',
  'explainedVariance',
  'learningRate',
  'tvMean',
  'tvMax',
  'klMean',
  'klMax',
] as const satisfies ReadonlyArray<keyof UpdateMetrics>;

/** One point of the charts per update. */
export type SeriesPoint = Pick<UpdateMetrics, (typeof SERIES_KEYS)[number]>;

export interface TrainingState {
  status: RunStatus | 'crashed';
  statusMessage: string;
  config: TrainConfig;
  backendChoice: BackendChoice;
  backend: BackendReport | null;
  series: SeriesPoint[];
  latest: UpdateMetrics | null;
  episodes: number;
  steps: number;
  sps: number;
  elapsedMs: number;
  error: string | null;
  notices: string[];
  policy: PolicySnapshot | null;
  /** Set when the shown run was restored from IndexedDB after a reload. */
  restoredAt: number | null;
}

export interface TrainingActions {
  /** Starts (creating the worker on first use). */
  start(): void;
  pause(): void;
  resume(): void;
  step(): void;
  /** New run with `config` (or the current one); keeps the worker if the backend choice is unchanged. */
  reset(config?: TrainConfig): void;
  /** Throws away the worker (after a crash) and builds a new one. */
  restart(): void;
  setBackend(choice: BackendChoice): void;
  setLive(h: Partial<Record<'learningRate' | 'entCoef' | 'clipCoef', number>>): void;
  /** Loads the saved run, if any. */
  restore(): Promise<boolean>;
  dispose(): void;
  /** Test hook: crash the worker. */
  crashWorker(): void;
}

export type TrainingStore = StoreApi<TrainingState & TrainingActions>;

/** Longest series kept; when exceeded every other point is dropped (charts stay cheap at any run length). */
export const MAX_POINTS = 240;

function toPoint(m: UpdateMetrics): SeriesPoint {
  return Object.fromEntries(SERIES_KEYS.map((k) => [k, m[k]])) as SeriesPoint;
}

function thin(series: SeriesPoint[]): SeriesPoint[] {
  if (series.length <= MAX_POINTS) return series;
  return series.filter((_, i) => i % 2 === 0 || i === series.length - 1);
}

/** The series with one point per new update appended, thinned to at most MAX_POINTS. */
export function appendPoints(series: SeriesPoint[], updates: UpdateMetrics[]): SeriesPoint[] {
  return thin([...series, ...updates.map(toPoint)]);
}

interface SavedRun {
  version: 1;
  savedAt: number;
  config: TrainConfig;
  backend: BackendReport | null;
  series: SeriesPoint[];
  latest: UpdateMetrics | null;
  status: TrainingState['status'];
  episodes: number;
  steps: number;
  sps: number;
  elapsedMs: number;
  policy: PolicySnapshot | null;
}

/** JSON has no Infinity (clipCoef may be one): compare configs with it spelled out. */
const jsonSafe = (_: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

const idbKey = (key: string) => `proximal.training.${key}`;

/** Creates the store of one widget instance. `key` names the saved run (e.g. the preset and the widget id). */
export function createTrainingStore(
  key: string,
  config: TrainConfig,
  backendChoice: BackendChoice = 'auto',
  /** Makes the trainer; tests pass a fake (no Worker in node). */
  makeTrainer: typeof createTrainer = createTrainer,
): TrainingStore {
  let handle: TrainerHandle | null = null;
  let unsubscribe: (() => void) | null = null;
  let startWhenReady = false;
  // After a reset, metrics already on their way from the old run are dropped until the worker says 'ready'.
  let awaitingReset = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  const store = createStore<TrainingState & TrainingActions>()((set, get) => {
    const save = () => {
      if (saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = null;
        const s = get();
        if (!s.series.length) return;
        const run: SavedRun = {
          version: 1,
          savedAt: Date.now(),
          config: s.config,
          backend: s.backend,
          series: s.series,
          latest: s.latest,
          status: s.status,
          episodes: s.episodes,
          steps: s.steps,
          sps: s.sps,
          elapsedMs: s.elapsedMs,
          policy: s.policy,
        };
        idbSet(idbKey(key), run).catch(() => {
          /* storage can be unavailable (private mode): the run simply is not saved */
        });
      }, 1000);
    };

    const onEvent = (e: ClientEvent) => {
      if (awaitingReset && (e.type === 'metrics' || e.type === 'policy')) return;
      if ((e.type === 'status' && e.status === 'ready') || e.type === 'error') awaitingReset = false;
      switch (e.type) {
        case 'backend':
          set({ backend: e.report, notices: e.report.notices });
          return;
        case 'status':
          set({ status: e.status, statusMessage: e.message ?? '' });
          if (e.status === 'ready' && startWhenReady) {
            startWhenReady = false;
            handle?.start();
          }
          if (
            e.status === 'paused' ||
            e.status === 'solved' ||
            e.status === 'finished' ||
            e.status === 'error'
          )
            save();
          return;
        case 'metrics': {
          const last = e.updates[e.updates.length - 1];
          const series = appendPoints(get().series, e.updates);
          set({
            series,
            latest: last,
            episodes: last.episodes,
            steps: last.steps,
            sps: e.sps,
            elapsedMs: e.elapsedMs,
            restoredAt: null,
          });
          save();
          return;
        }
        case 'policy':
          set({ policy: e.policy });
          return;
        case 'error':
          set({ error: e.message });
          return;
        case 'crash':
          handle = null;
          set({ status: 'crashed', error: e.message });
          return;
        case 'pong':
          return;
      }
    };

    const ensure = (): TrainerHandle => {
      if (!handle) {
        handle = makeTrainer(get().config, get().backendChoice);
        unsubscribe = handle.subscribe(onEvent);
        set({ status: 'initialising', error: null });
      }
      return handle;
    };

    const drop = () => {
      unsubscribe?.();
      handle?.terminate();
      handle = null;
      unsubscribe = null;
    };

    const clearRun = {
      series: [] as SeriesPoint[],
      latest: null,
      episodes: 0,
      steps: 0,
      sps: 0,
      elapsedMs: 0,
      error: null,
      restoredAt: null,
    };

    return {
      status: 'idle',
      statusMessage: '',
      config,
      backendChoice,
      backend: null,
      ...clearRun,
      notices: [],
      policy: null,
      start() {
        const s = get().status;
        if (s === 'solved' || s === 'finished' || s === 'error' || s === 'cancelled') {
          get().reset();
        }
        // A run restored from storage has no weights in a worker: starting means a fresh run.
        if (!handle && get().restoredAt !== null) set({ ...clearRun, policy: null });
        if (!handle) {
          startWhenReady = true;
          ensure();
          return;
        }
        if (get().status === 'initialising') {
          startWhenReady = true;
          return;
        }
        handle.start();
      },
      pause: () => handle?.pause(),
      resume: () => {
        if (!handle) get().start();
        else handle.resume();
      },
      step() {
        ensure().step();
      },
      reset(next) {
        startWhenReady = false;
        const cfg = next ?? get().config;
        set({ config: cfg, ...clearRun, policy: null });
        if (handle) {
          awaitingReset = true;
          handle.reset(cfg);
        } else set({ status: 'idle' });
      },
      restart() {
        drop();
        startWhenReady = false;
        set({ ...clearRun, status: 'idle', backend: null, policy: null });
        get().start();
      },
      setBackend(choice) {
        drop();
        set({ backendChoice: choice, backend: null, ...clearRun, status: 'idle', policy: null });
      },
      setLive(h) {
        set({ config: { ...get().config, ...h } as TrainConfig });
        handle?.setLive(h);
      },
      async restore() {
        try {
          const run = (await idbGet(idbKey(key))) as SavedRun | undefined;
          if (!run || run.version !== 1 || get().series.length) return false;
          // Only the run of these very settings comes back (a shared link with other settings starts clean).
          if (JSON.stringify(run.config, jsonSafe) !== JSON.stringify(get().config, jsonSafe)) return false;
          set({
            config: run.config,
            backend: run.backend,
            series: run.series,
            latest: run.latest,
            status: run.status === 'running' || run.status === 'initialising' ? 'paused' : run.status,
            episodes: run.episodes,
            steps: run.steps,
            sps: run.sps,
            elapsedMs: run.elapsedMs,
            policy: run.policy,
            restoredAt: run.savedAt,
          });
          return true;
        } catch {
          return false;
        }
      },
      dispose() {
        if (saveTimer) clearTimeout(saveTimer);
        drop();
      },
      crashWorker() {
        handle?.crashForTest();
      },
    };
  });
  return store;
}
