/**
 * Sweep cells trained by the ordinary training worker (no second engine): a cell is its configuration, seed and
 * backend, run to its end by `createTrainer`; `CellCollector` turns the worker's events into the cell's result (the
 * mean return of the last 20 episodes after every update, unthinned, put on the code's step grid).
 *
 * `createSweepQueue` runs a whole sweep in one browser: a queue over a few workers, the finished cells' codes saved
 * in IndexedDB as each arrives, so a reload resumes where it stopped (a cell cut off mid-run starts again from its
 * step 0: a trainer's state is not saved, only results).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackendChoice } from '@/spec';
import { cellOf, type Sweep, type SweepCell } from '@/lib/sweep';
import {
  CODE_BACKENDS,
  curveOnGrid,
  encodeResult,
  type CellResult,
  type CodeBackend,
  type CurvePoint,
} from '@/lib/sweep-code';
import { createTrainer, type ClientEvent, type TrainerHandle } from '@/worker/trainer-client';
import { idbStorage, storageProblem, type RunStorage } from './run-storage';

/** Builds a cell's result from the events of its run (`runId`): events of other runs are ignored. */
export class CellCollector {
  points: CurvePoint[] = [];
  backend: CodeBackend | null = null;
  constructor(
    readonly cell: SweepCell,
    readonly sweepHash: number,
    public runId: number,
  ) {}

  /** A fresh run (a reset of the same cell). */
  restart(runId: number) {
    this.runId = runId;
    this.points = [];
  }

  /** Feeds one event; returns the result when the run has ended, an Error when it failed, else null. */
  onEvent(e: ClientEvent): CellResult | Error | null {
    if (e.type === 'crash') return new Error(e.message);
    if (e.type === 'pong' || e.runId !== this.runId) return null;
    if (e.type === 'backend')
      this.backend = (CODE_BACKENDS as readonly string[]).includes(e.report.name)
        ? (e.report.name as CodeBackend)
        : null;
    else if (e.type === 'metrics')
      for (const u of e.updates) this.points.push({ steps: u.steps, value: u.returnMean20 ?? NaN });
    else if (e.type === 'error') return new Error(e.message);
    else if (e.type === 'status') {
      if (e.status === 'error') return new Error(e.message ?? 'the run failed');
      if (e.status === 'solved' || e.status === 'finished') return this.result(e.status === 'solved');
    }
    return null;
  }

  result(solved: boolean): CellResult | Error {
    if (!this.backend) return new Error('the worker never said which backend it used');
    const last = this.points[this.points.length - 1];
    if (!last) return new Error('the run ended without a single update');
    return {
      sweep: this.sweepHash,
      config: this.cell.config.hash,
      cell: this.cell.cell,
      seed: this.cell.seed,
      backend: this.backend,
      stepsToSolve: solved ? last.steps : null,
      finalReturn: last.value,
      curve: curveOnGrid(this.points, this.cell.train.totalSteps),
    };
  }
}

export type MakeTrainer = typeof createTrainer;

/** Trains one cell to its end in its own worker. `cancel` ends the worker (the promise then never settles). */
export function runCell(
  cell: SweepCell,
  sweepHash: number,
  backend: BackendChoice,
  onPoint?: (steps: number) => void,
  makeTrainer: MakeTrainer = createTrainer,
): { done: Promise<CellResult>; cancel: () => void } {
  let handle: TrainerHandle | null = null;
  const done = new Promise<CellResult>((resolve, reject) => {
    const col = new CellCollector(cell, sweepHash, 1);
    handle = makeTrainer(1, cell.train, backend);
    handle.subscribe((e) => {
      const r = col.onEvent(e);
      if (e.type === 'metrics') onPoint?.(e.updates[e.updates.length - 1].steps);
      if (!r) return;
      handle?.terminate();
      if (r instanceof Error) reject(r);
      else resolve(r);
    });
    handle.start();
  });
  return { done, cancel: () => handle?.terminate() };
}

export interface SweepQueueState {
  /** Result codes of finished cells, by cell. */
  codes: Record<number, string>;
  /** Steps done of each running cell. */
  running: Record<number, number>;
  /** Cells that failed, with why (they are retried at the next start). */
  failed: Record<number, string>;
  status: 'idle' | 'loading' | 'running' | 'paused' | 'done';
  workers: number;
  storageError: string | null;
}

export interface SweepQueueActions {
  /** Loads the saved codes of this sweep (resume after a reload). */
  load(): Promise<void>;
  start(): void;
  /** Stops the running cells (they start again from step 0 at the next start). */
  pause(): void;
  /** Adds a checked result code (pasted or scanned) to the sweep's results, saved like the queue's own. */
  add(cell: number, code: string): void;
  /** Forgets every result of this sweep in this browser. */
  clear(): Promise<void>;
  dispose(): void;
}

export type SweepQueue = StoreApi<SweepQueueState & SweepQueueActions>;

export const sweepStorageKey = (hash: number) => `proximal.sweep.${hash.toString(16)}`;

/** How many workers a one-browser sweep uses: one core left for the page, at most 4, at least 1. */
export function queueWorkers(
  cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2,
): number {
  return Math.max(1, Math.min(4, (cores || 2) - 1));
}

export function createSweepQueue(
  sweep: Sweep,
  {
    backend = 'cpu',
    workers = queueWorkers(),
    storage = idbStorage,
    makeTrainer = createTrainer,
  }: { backend?: BackendChoice; workers?: number; storage?: RunStorage; makeTrainer?: MakeTrainer } = {},
): SweepQueue {
  const key = sweepStorageKey(sweep.hash);
  const active = new Map<number, () => void>();
  return createStore<SweepQueueState & SweepQueueActions>()((set, get) => {
    const save = async () => {
      try {
        await storage.set(key, { version: 1, codes: get().codes });
      } catch (e) {
        set({ storageError: storageProblem(e, 'save') });
      }
    };
    const next = (): number | null => {
      const s = get();
      // A cell that failed in this round waits for the next Start (no retry loop on a cell that always fails).
      for (let i = 0; i < sweep.cells; i++)
        if (!(i in s.codes) && !(i in s.failed) && !active.has(i)) return i;
      return null;
    };
    const pump = () => {
      if (get().status !== 'running') return;
      while (active.size < get().workers) {
        const i = next();
        if (i === null) break;
        launch(i);
      }
      if (active.size === 0) set({ status: 'done' });
    };
    const launch = (i: number) => {
      const cell = cellOf(sweep, i);
      const run = runCell(
        cell,
        sweep.hash,
        backend,
        (steps) => set({ running: { ...get().running, [i]: steps } }),
        makeTrainer,
      );
      active.set(i, run.cancel);
      set({ running: { ...get().running, [i]: 0 } });
      run.done.then(
        (r) => {
          if (!active.has(i)) return;
          active.delete(i);
          const { [i]: _, ...running } = get().running;
          const { [i]: _f, ...failed } = get().failed;
          // A code pasted for this cell meanwhile is kept (the instructor's page checks it; a re-run verifies it).
          set({ codes: { [i]: encodeResult(r), ...get().codes }, running, failed });
          void save();
          pump();
        },
        (err: Error) => {
          if (!active.has(i)) return;
          active.delete(i);
          const { [i]: _, ...running } = get().running;
          set({ running, failed: { ...get().failed, [i]: err.message } });
          pump();
        },
      );
    };
    const stopAll = () => {
      for (const cancel of active.values()) cancel();
      active.clear();
      set({ running: {} });
    };
    return {
      codes: {},
      running: {},
      failed: {},
      status: 'idle',
      workers,
      storageError: null,
      async load() {
        set({ status: 'loading' });
        try {
          const saved = (await storage.get(key)) as
            { version: number; codes: Record<number, string> } | undefined;
          if (saved?.version === 1 && saved.codes && typeof saved.codes === 'object')
            set({ codes: { ...saved.codes, ...get().codes } });
        } catch (e) {
          set({ storageError: storageProblem(e, 'load') });
        }
        set({ status: Object.keys(get().codes).length >= sweep.cells ? 'done' : 'idle' });
      },
      start() {
        // Failed cells get another try: a crash or a backend hiccup should not end the sweep.
        set({ status: 'running', failed: {} });
        pump();
      },
      pause() {
        stopAll();
        set({ status: 'paused' });
      },
      add(cell, code) {
        set({ codes: { ...get().codes, [cell]: code } });
        void save();
        if (get().status === 'running') pump();
      },
      async clear() {
        stopAll();
        set({ codes: {}, failed: {}, status: 'idle' });
        await save();
      },
      dispose() {
        stopAll();
      },
    };
  });
}
