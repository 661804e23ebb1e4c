/**
 * The wire format between the trainer client (main thread) and the trainer worker: types only, discriminated on
 * `type`. Everything here must survive structured clone (no functions, no class instances).
 */
import type { LiveHparams, PpoConfig, ReinforceConfig, TrainConfig } from '@/nn/config';
import type { UpdateMetrics } from '@/nn/metrics';

export type { LiveHparams, PpoConfig, ReinforceConfig, TrainConfig, UpdateMetrics };

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

/** Which backend runs and why; `timings` are the auto-selection measurements (ms per train step). */
export interface BackendReport {
  name: BackendName;
  reason: string;
  notices: string[];
  timings: Partial<Record<BackendName, number>>;
}

export type RunStatus =
  'idle' | 'initialising' | 'ready' | 'running' | 'paused' | 'solved' | 'finished' | 'error' | 'cancelled';

/** Actor weights, for watching the policy play on the main thread. */
export interface PolicySnapshot {
  sizes: [number, number, number, number];
  tensors: Float32Array[];
}

/** Main thread → worker. */
export type TrainerCommand =
  | { type: 'init'; config: TrainConfig; backend: BackendChoice }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** One update, then pause. */
  | { type: 'step' }
  /** Back to a fresh run (optionally with a new config) on the same backend. */
  | { type: 'reset'; config?: TrainConfig }
  | { type: 'cancel' }
  | { type: 'setLive'; hparams: LiveHparams }
  | { type: 'ping'; id: number }
  /** Debug hook for tests: throw inside the worker outside any handler. */
  | { type: 'debugCrash' };

/** Worker → main thread. */
export type TrainerEvent =
  | { type: 'backend'; report: BackendReport }
  | { type: 'status'; status: RunStatus; message?: string }
  /** Metrics of one or more updates, batched to at most 20 messages per second. */
  | { type: 'metrics'; updates: UpdateMetrics[]; sps: number; elapsedMs: number }
  | { type: 'policy'; policy: PolicySnapshot }
  | { type: 'error'; kind: 'config' | 'numeric' | 'backend' | 'internal'; message: string }
  | { type: 'pong'; id: number };
