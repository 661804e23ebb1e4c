/**
 * The orchestration of one training widget's runs, as a plain class the store wraps: the worker's lifecycle, which
 * run the shown data belong to, and saving. Each run gets a fresh `runId`; events of any other run (still in flight
 * from before a reset, a crash or a new worker) are dropped, so two runs never mix in one series. What Start means in
 * each status comes from the one status machine (`startPlan` of src/spec).
 */
import {
  migrateConfig,
  sameConfig,
  startPlan,
  validateLive,
  type BackendChoice,
  type LiveHparams,
  type TrainConfig,
  type UpdateMetrics,
  type ViewStatus,
} from '@/spec';
import type { ClientEvent, TrainerHandle } from '@/worker/trainer-client';
import type { BackendReport, PolicySnapshot } from '@/worker/protocol';
import { storageProblem, type RunStorage } from './run-storage';
import { appendPoints, type SeriesPoint } from './series';

export interface TrainingState {
  status: ViewStatus;
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
  /** Inside a long update: its phase and how far it is (null between updates). */
  progress: { phase: 'rollout' | 'learn'; done: number; total: number } | null;
  /** When the shown run was restored from storage (status 'restored'), its save time. */
  restoredAt: number | null;
  /** Why runs cannot be saved here, once a save or a load failed. */
  storageError: string | null;
}

export type MakeTrainer = (runId: number, config: TrainConfig, backend: BackendChoice) => TrainerHandle;

/** A saved run. Version 1 (before env ids) is migrated on restore. */
export interface SavedRun {
  version: 2;
  savedAt: number;
  config: TrainConfig;
  backend: BackendReport | null;
  series: SeriesPoint[];
  latest: UpdateMetrics | null;
  status: ViewStatus;
  episodes: number;
  steps: number;
  sps: number;
  elapsedMs: number;
  policy: PolicySnapshot | null;
}

const SAVE_MS = 1000;
export const storageKey = (key: string) => `proximal.training.${key}`;

/** The part of the state that belongs to one run. */
export const emptyRun = () => ({
  series: [] as SeriesPoint[],
  latest: null,
  episodes: 0,
  steps: 0,
  sps: 0,
  elapsedMs: 0,
  error: null,
  policy: null,
  progress: null,
  restoredAt: null,
});

export class RunController {
  private handle: TrainerHandle | null = null;
  private unsubscribe: (() => void) | null = null;
  private runId = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onPageHide = () => this.flushSave();

  constructor(
    private readonly key: string,
    private readonly get: () => TrainingState,
    private readonly set: (patch: Partial<TrainingState>) => void,
    private readonly makeTrainer: MakeTrainer,
    private readonly storage: RunStorage,
  ) {
    // Closing the tab mid-run: the pending save is written now rather than lost.
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.onPageHide);
  }

  /** Start, or Resume: what it means depends on the status (a finished, crashed or restored run starts anew). */
  start(): void {
    if (this.prepare()) this.handle?.start();
  }

  /** One update, then paused (a new run first where Start would make one). */
  step(): void {
    if (this.prepare()) this.handle?.step();
  }

  pause(): void {
    this.handle?.pause();
  }

  /** A fresh run with `config` (or the current one); keeps the worker. */
  reset(config?: TrainConfig): void {
    const cfg = config ?? this.get().config;
    if (this.handle) {
      this.set({ config: cfg, ...emptyRun(), status: 'initialising', statusMessage: '' });
      this.handle.reset(++this.runId, cfg);
    } else this.set({ config: cfg, ...emptyRun(), status: 'idle', statusMessage: '' });
  }

  /** A new worker (after a crash) and a new run on it, started. */
  restart(): void {
    this.drop();
    this.start();
  }

  setBackend(choice: BackendChoice): void {
    this.drop();
    this.set({
      backendChoice: choice,
      backend: null,
      notices: [],
      ...emptyRun(),
      status: 'idle',
      statusMessage: '',
    });
  }

  setLive(h: LiveHparams): void {
    const s = this.get();
    const errs = validateLive(s.config.algo, h);
    if (errs.length) {
      this.set({ error: errs.join('; ') });
      return;
    }
    this.set({ config: { ...s.config, ...h } as TrainConfig });
    this.handle?.setLive(h);
  }

  /** Shows the saved run of these very settings, if any (a shared link with other settings starts clean). */
  async restore(): Promise<boolean> {
    let raw: unknown;
    try {
      raw = await this.storage.get(storageKey(this.key));
    } catch (e) {
      this.set({ storageError: storageProblem(e, 'load') });
      return false;
    }
    const run = raw as (Omit<SavedRun, 'version'> & { version: number }) | undefined;
    if (!run || (run.version !== 1 && run.version !== 2)) return false;
    const s = this.get();
    if (this.handle || s.series.length) return false; // a run started meanwhile
    const config = migrateConfig(run.config);
    if (!config || !sameConfig(config, s.config)) return false;
    this.set({
      config,
      backend: run.backend,
      series: run.series,
      latest: run.latest,
      status: 'restored',
      statusMessage: '',
      episodes: run.episodes,
      steps: run.steps,
      sps: run.sps,
      elapsedMs: run.elapsedMs,
      policy: run.policy,
      restoredAt: run.savedAt,
    });
    return true;
  }

  /** Ends the worker; a pending save is written first. */
  dispose(): void {
    this.flushSave();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.onPageHide);
    this.drop();
  }

  /** Makes the worker and the run Start or Single update acts on; false when there is nothing to do. */
  private prepare(): boolean {
    const s = this.get();
    switch (startPlan(s.status, this.handle !== null)) {
      case 'none':
        return false;
      case 'new-worker':
        this.drop();
        this.runId += 1;
        this.set({ ...emptyRun(), status: 'initialising', statusMessage: '', backend: null, notices: [] });
        this.handle = this.makeTrainer(this.runId, s.config, s.backendChoice);
        this.unsubscribe = this.handle.subscribe((e) => this.onEvent(e));
        return true;
      case 'new-run':
        this.reset();
        return true;
      case 'send':
        return true;
    }
  }

  private drop(): void {
    this.unsubscribe?.();
    this.handle?.terminate();
    this.handle = null;
    this.unsubscribe = null;
  }

  private onEvent(e: ClientEvent): void {
    if (e.type === 'crash') {
      this.drop();
      this.set({ status: 'crashed', error: e.message, progress: null });
      this.scheduleSave();
      return;
    }
    if (e.type === 'pong' || e.runId !== this.runId) return; // another run's event: never mixed into this one
    switch (e.type) {
      case 'backend':
        this.set({ backend: e.report, notices: e.report.notices });
        return;
      case 'status':
        this.set({ status: e.status, statusMessage: e.message ?? '', progress: null });
        if (e.status === 'paused' || e.status === 'solved' || e.status === 'finished' || e.status === 'error')
          this.scheduleSave();
        return;
      case 'metrics': {
        const last = e.updates[e.updates.length - 1];
        this.set({
          series: appendPoints(this.get().series, e.updates),
          latest: last,
          episodes: last.episodes,
          steps: last.steps,
          sps: e.sps,
          elapsedMs: e.elapsedMs,
          progress: null,
        });
        this.scheduleSave();
        return;
      }
      case 'progress':
        this.set({ progress: { phase: e.phase, done: e.done, total: e.total } });
        return;
      case 'policy':
        this.set({ policy: e.policy });
        return;
      case 'error':
        this.set({ error: e.message });
        return;
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, SAVE_MS);
  }

  /** Writes a pending save now (leaving the chapter or the page mid-run). */
  private flushSave(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    void this.save();
  }

  private async save(): Promise<void> {
    const s = this.get();
    if (!s.series.length || s.status === 'restored') return;
    const run: SavedRun = {
      version: 2,
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
    try {
      await this.storage.set(storageKey(this.key), run);
      if (this.get().storageError) this.set({ storageError: null });
    } catch (e) {
      this.set({ storageError: storageProblem(e, 'save') });
    }
  }
}
