/**
 * One zustand store per training widget instance (createStore, React-free), created by the widget that owns it
 * (zustand's "initialize state with props"); components read slices with selectors. The orchestration (worker
 * lifecycle, which run the data belong to, saving) lives in `RunController`; the store holds the state and exposes
 * the controller's actions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackendChoice, LiveHparams, TrainConfig } from '@/spec';
import { createTrainer } from '@/worker/trainer-client';
import { emptyRun, RunController, type MakeTrainer, type TrainingState } from './run-controller';
import { idbStorage, type RunStorage } from './run-storage';

export type { TrainingState } from './run-controller';
export { appendPoints, MAX_POINTS, meanShadowGap, type SeriesPoint } from './series';

export interface TrainingActions {
  /** Start or resume (a finished, crashed or restored run starts anew from step 0). */
  start(): void;
  pause(): void;
  /** One update, then paused. */
  step(): void;
  /** A new run with `config` (or the current one). */
  reset(config?: TrainConfig): void;
  /** A new worker (after a crash) and a new run, started. */
  restart(): void;
  setBackend(choice: BackendChoice): void;
  setLive(h: LiveHparams): void;
  /** Shows the saved run of the current settings, if any. */
  restore(): Promise<boolean>;
  /** Ends the worker; a pending save is written first. */
  dispose(): void;
}

export type TrainingStore = StoreApi<TrainingState & TrainingActions>;

export interface TrainingStoreDeps {
  /** Makes the trainer; tests pass a fake or one over a MessageChannel (no Worker in node). */
  makeTrainer?: MakeTrainer;
  storage?: RunStorage;
}

/** Creates the store of one widget instance. `key` names the saved run (the preset and the widget id). */
export function createTrainingStore(
  key: string,
  config: TrainConfig,
  backendChoice: BackendChoice = 'auto',
  deps: TrainingStoreDeps = {},
): TrainingStore {
  return createStore<TrainingState & TrainingActions>()((set, get) => {
    const run = new RunController(
      key,
      get,
      set,
      deps.makeTrainer ?? createTrainer,
      deps.storage ?? idbStorage,
    );
    return {
      status: 'idle',
      statusMessage: '',
      config,
      backendChoice,
      backend: null,
      notices: [],
      storageError: null,
      ...emptyRun(),
      start: () => run.start(),
      pause: () => run.pause(),
      step: () => run.step(),
      reset: (c) => run.reset(c),
      restart: () => run.restart(),
      setBackend: (b) => run.setBackend(b),
      setLive: (h) => run.setLive(h),
      restore: () => run.restore(),
      dispose: () => run.dispose(),
    };
  });
}
