/**
 * The only module widgets import to train: a typed API over one worker per training widget, with crash detection
 * (the worker's `error`/`messageerror` events and a heartbeat) reported as an event like any other, and the
 * plain-TypeScript policy forward pass (no tfjs) for watching a policy play. Settings, presets and validation come
 * from the layer-neutral `@/spec`, not from here.
 */
import type { BackendChoice, LiveHparams, TrainConfig } from '@/spec';
import { MlpForward } from '@/nn/mlp';
import { softmaxRows } from '@/nn/policy-stats';
import type { Endpoint, PolicySnapshot, TrainerCommand, TrainerEvent } from './protocol';

/** What a subscriber receives: worker events plus `crash` when the worker died or stopped answering. */
export type ClientEvent = TrainerEvent | { type: 'crash'; message: string };
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
  /** Ends the other side (terminates the worker). */
  close(): void;
  heartbeatMs?: number;
  /** Silence longer than this means the worker is gone. Long updates post progress, so this is about a hang. */
  deadAfterMs?: number;
}

/**
 * A trainer handle over any endpoint (a Worker, or a MessagePort in unit tests). Sends `init` for run `runId` at
 * once; `die(message)` reports a crash (the Worker's error events call it).
 */
export function connectTrainer(
  ep: Endpoint,
  runId: number,
  config: TrainConfig,
  backend: BackendChoice,
  opts: ConnectOptions,
): { handle: TrainerHandle; die: (message: string) => void } {
  const heartbeatMs = opts.heartbeatMs ?? 2000;
  const deadAfterMs = opts.deadAfterMs ?? 20_000;
  const listeners = new Set<Listener>();
  let dead = false;
  let lastHeard = performance.now();
  let pingId = 0;
  const emit = (e: ClientEvent) => {
    for (const l of [...listeners]) l(e);
  };
  const stop = () => {
    dead = true;
    clearInterval(timer);
    ep.removeEventListener('message', onMessage);
    opts.close();
  };
  const die = (message: string) => {
    if (dead) return;
    stop();
    emit({ type: 'crash', message });
  };
  const onMessage = (ev: MessageEvent) => {
    lastHeard = performance.now();
    const e = ev.data as TrainerEvent;
    if (e.type !== 'pong') emit(e);
  };
  ep.addEventListener('message', onMessage);
  ep.start?.();
  const send = (c: TrainerCommand) => {
    if (!dead) ep.postMessage(c);
  };
  const timer = setInterval(() => {
    if (dead) return;
    if (performance.now() - lastHeard > deadAfterMs) die('The training worker stopped responding.');
    else send({ type: 'ping', id: ++pingId });
  }, heartbeatMs);
  send({ type: 'init', runId, config, backend });
  const handle: TrainerHandle = {
    reset: (id, c) => send({ type: 'reset', runId: id, config: c }),
    start: () => send({ type: 'start' }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    step: () => send({ type: 'step' }),
    cancel: () => send({ type: 'cancel' }),
    setLive: (h) => send({ type: 'setLive', hparams: h }),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    terminate() {
      if (!dead) stop();
      listeners.clear();
    },
  };
  return { handle, die };
}

/** Starts a worker for run `runId` of `config` on `backend` ("auto" measures and picks). */
export function createTrainer(
  runId: number,
  config: TrainConfig,
  backend: BackendChoice = 'auto',
): TrainerHandle {
  const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trainer',
  });
  const { handle, die } = connectTrainer(worker, runId, config, backend, { close: () => worker.terminate() });
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    die(`The training worker crashed: ${ev.message || 'unknown error'}`);
  };
  worker.onmessageerror = () => die('The training worker sent a message that could not be read.');
  return handle;
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
