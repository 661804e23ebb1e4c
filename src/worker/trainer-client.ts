/**
 * The only module widgets import to train: a typed API over one worker per training widget, with crash detection
 * (the worker's `error`/`messageerror` events and a heartbeat) reported as an event like any other, and the
 * plain-TypeScript policy forward pass (no tfjs) for watching a policy play. Settings, presets and validation come
 * from the layer-neutral `@/spec`, not from here.
 */
import type { BackendChoice, LiveHparams, OfflineDataset, TrainConfig } from '@/spec';
import { MlpForward } from '@/nn/mlp';
import { softmaxRows } from '@/nn/policy-stats';
import type { PolicySnapshot, TrainerCommand, TrainerEvent } from './protocol';
import { connectWorker, type CrashEvent, type EndpointOptions, type WorkerConnection } from './worker-client';

/** What a subscriber receives: worker events plus `crash` when the worker died or stopped answering. */
export type ClientEvent = TrainerEvent | CrashEvent;
export type Listener = (e: ClientEvent) => void;

export interface TrainerHandle {
  /** A fresh run `runId` with `config` on the same worker and backend. */
  reset(runId: number, config: TrainConfig): void;
  start(): void;
  pause(): void;
  resume(): void;
  /** One update, then paused. */
  step(): void;
  cancel(): void;
  /** Live hyperparameters apply at the next update. */
  setLive(h: LiveHparams): void;
  subscribe(listener: Listener): () => void;
  /** Ends the worker. */
  terminate(): void;
}

export interface ConnectOptions {
  heartbeatMs?: number;
  /** The offline learner's dataset, sent before the run's init (the worker keeps it for later resets). */
  dataset?: OfflineDataset | null;
  /** Silence longer than this means the worker is gone. Long updates post progress, so this is about a hang. */
  deadAfterMs?: number;
}

/** Opens the connection (`connectWorker` over a Worker, `connectEndpoint` over a MessagePort in unit tests). */
export type OpenConnection = (
  opts: Omit<EndpointOptions<TrainerEvent>, 'close'> & { close: () => void },
) => WorkerConnection<TrainerCommand, TrainerEvent>;

/**
 * A trainer handle over the connection `open` makes (the shared worker client of ./worker-client, plus a
 * heartbeat: a ping every `heartbeatMs`, and `deadAfterMs` of silence is a crash). Sends `init` for run `runId` at
 * once; `die(message)` reports a crash.
 */
export function connectTrainer(
  open: OpenConnection,
  runId: number,
  config: TrainConfig,
  backend: BackendChoice,
  opts: ConnectOptions = {},
): { handle: TrainerHandle; die: (message: string) => void } {
  const heartbeatMs = opts.heartbeatMs ?? 2000;
  const deadAfterMs = opts.deadAfterMs ?? 20_000;
  let lastHeard = performance.now();
  let pingId = 0;
  const conn = open({
    close: () => clearInterval(timer),
    onAnyMessage: () => (lastHeard = performance.now()),
    accept: (d): d is TrainerEvent => (d as TrainerEvent).type !== 'pong',
  });
  const send = conn.send;
  const timer = setInterval(() => {
    if (conn.dead) return;
    if (performance.now() - lastHeard > deadAfterMs) conn.die('The training worker stopped responding.');
    else send({ type: 'ping', id: ++pingId });
  }, heartbeatMs);
  if (opts.dataset) send({ type: 'dataset', data: opts.dataset });
  send({ type: 'init', runId, config, backend });
  const handle: TrainerHandle = {
    reset: (id, c) => send({ type: 'reset', runId: id, config: c }),
    start: () => send({ type: 'start' }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    step: () => send({ type: 'step' }),
    cancel: () => send({ type: 'cancel' }),
    setLive: (h) => send({ type: 'setLive', hparams: h }),
    subscribe: conn.subscribe,
    terminate: conn.terminate,
  };
  return { handle, die: conn.die };
}

/** Starts a worker for run `runId` of `config` on `backend` ("auto" measures and picks). */
export function createTrainer(
  runId: number,
  config: TrainConfig,
  backend: BackendChoice = 'auto',
  dataset: OfflineDataset | null = null,
): TrainerHandle {
  const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trainer',
  });
  const open: OpenConnection = (o) => connectWorker(worker, 'training', o);
  return connectTrainer(open, runId, config, backend, { dataset }).handle;
}

/**
 * The policy's action probabilities (softmax of its logits, or the argmax of a Q network's outputs) for one
 * observation: main thread, plain TypeScript.
 */
export function makePolicyRunner(p: PolicySnapshot): (obs: ArrayLike<number>) => Float32Array {
  const fwd = new MlpForward(p.sizes, 1);
  const x = new Float32Array(p.sizes[0]);
  const probs = new Float32Array(p.sizes[3]);
  const params = { sizes: p.sizes, tensors: p.tensors, activation: p.activation };
  return (obs) => {
    for (let k = 0; k < x.length; k++) x[k] = obs[k];
    const out = fwd.run(params, x, 1);
    if (p.head === 'argmax') {
      // a Q network: the greedy action with probability 1
      let best = 0;
      for (let a = 1; a < out.length; a++) if (out[a] > out[best]) best = a;
      probs.fill(0);
      probs[best] = 1;
    } else softmaxRows(out, 1, probs.length, probs);
    return probs;
  };
}
/**
 * Raw outputs of an actor MLP (logits, a Gaussian policy's means, a Q network's values) for one observation (main
 * thread), with the snapshot's hidden activation (tanh unless it says ReLU).
 */
export function makeMlpRunner(p: PolicySnapshot): (obs: ArrayLike<number>) => Float32Array {
  const fwd = new MlpForward(p.sizes, 1);
  const x = new Float32Array(p.sizes[0]);
  const params = { sizes: p.sizes, tensors: p.tensors, activation: p.activation };
  return (obs) => {
    for (let k = 0; k < x.length; k++) x[k] = obs[k];
    return fwd.run(params, x, 1);
  };
}
