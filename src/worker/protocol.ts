/**
 * The wire format between the trainer client (main thread) and the trainer worker: types only, discriminated on
 * `type`, importing nothing but the layer-neutral spec. Everything here survives structured clone.
 *
 * A run is named by a `runId` the main thread chooses (init and reset start one); every event about a run carries
 * it, so events of an earlier run still in flight are recognised and dropped instead of mixed into the new one.
 */
import type { BackendChoice, BackendName, LiveHparams, RunStatus, TrainConfig, UpdateMetrics } from '@/spec';

export type { BackendChoice, BackendName, LiveHparams, RunStatus, TrainConfig, UpdateMetrics };

/** Which backend runs and why; `timings` are the auto-selection measurements (ms per train step). */
export interface BackendReport {
  name: BackendName;
  reason: string;
  notices: string[];
  timings: Partial<Record<BackendName, number>>;
}

/** Actor weights, for watching the policy play on the main thread. */
export interface PolicySnapshot {
  sizes: [number, number, number, number];
  tensors: Float32Array[];
  /**
   * Hidden activation (default tanh) and action head (default softmax sampling; argmax for Q networks; a diagonal
   * Gaussian with the outputs as means and `logStd` for PPO on box actions).
   */
  activation?: 'tanh' | 'relu';
  head?: 'softmax' | 'argmax' | 'gaussian';
  logStd?: Float32Array;
}

/** Main thread → worker. Commands are handled one after another, in order. */
export type TrainerCommand =
  /** Validates `config`, selects the backend, builds run `runId` (status initialising → ready). */
  | { type: 'init'; runId: number; config: TrainConfig; backend: BackendChoice }
  /** A fresh run `runId` with `config` on the same backend (the run in flight stops first). */
  | { type: 'reset'; runId: number; config: TrainConfig }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** One update, then pause. */
  | { type: 'step' }
  | { type: 'cancel' }
  | { type: 'setLive'; hparams: LiveHparams }
  | { type: 'ping'; id: number };

/** Worker → main thread. */
export type TrainerEvent =
  | { type: 'backend'; runId: number; report: BackendReport }
  | { type: 'status'; runId: number; status: RunStatus; message?: string }
  /** Metrics of one or more updates, batched to at most 20 messages per second. */
  | { type: 'metrics'; runId: number; updates: UpdateMetrics[]; sps: number; elapsedMs: number }
  /** Inside a long update (at most once a second): it is alive, and how far it is. */
  | { type: 'progress'; runId: number; phase: 'rollout' | 'learn'; done: number; total: number }
  | { type: 'policy'; runId: number; policy: PolicySnapshot }
  | { type: 'error'; runId: number; kind: 'config' | 'numeric' | 'backend' | 'internal'; message: string }
  | { type: 'pong'; id: number };

/**
 * The message port either side talks through (a Worker, a worker's global scope, a MessagePort): comlink's
 * `Endpoint` seam, so the command handler runs over a `MessageChannel` in unit tests.
 */
export interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  /** MessagePorts need it to deliver; Workers and worker scopes do not have it. */
  start?(): void;
}
