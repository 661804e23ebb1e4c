/**
 * The only module widgets import to train: a typed API over one worker per run, with crash detection
 * (`error`/`messageerror` events and a heartbeat) reported as an event like any other. Also re-exports the
 * configuration helpers and the plain-TypeScript policy forward pass (no tfjs) for watching a policy play.
 */
import type {
  BackendChoice,
  LiveHparams,
  PolicySnapshot,
  TrainConfig,
  TrainerCommand,
  TrainerEvent,
} from './protocol';
import { MlpForward } from '@/nn/mlp';

export {
  LIVE_FIELDS,
  PPO_DEFAULTS,
  PRESETS,
  PRESET_NAMES,
  REINFORCE_DEFAULTS,
  isPresetName,
  presetConfig,
  validateConfig,
  validateLive,
  type PpoConfig,
  type PresetName,
  type ReinforceConfig,
  type ReinforceVariant,
} from '@/nn/config';
export { RATIO_EDGES } from '@/nn/metrics';

/** What a subscriber receives: worker events plus `crash` when the worker died or stopped answering. */
export type ClientEvent = TrainerEvent | { type: 'crash'; message: string };
export type Listener = (e: ClientEvent) => void;

export interface TrainerHandle {
  start(): void;
  pause(): void;
  resume(): void;
  /** One update, then paused. */
  step(): void;
  /** A fresh run (optionally with a new config) on the same worker and backend. */
  reset(config?: TrainConfig): void;
  cancel(): void;
  /** Live hyperparameters apply at the next update. */
  setLive(h: LiveHparams): void;
  subscribe(listener: Listener): () => void;
  /** Ends the worker. */
  terminate(): void;
  /** Debug hook for tests: makes the worker throw an uncaught error. */
  crashForTest(): void;
}

const HEARTBEAT_MS = 2000;
/** Silence longer than this means the worker is gone (an update takes well under a second). */
const DEAD_AFTER_MS = 20_000;

/** Starts a worker for `config` on `backend` ("auto" measures and picks). */
export function createTrainer(config: TrainConfig, backend: BackendChoice = 'auto'): TrainerHandle {
  const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trainer',
  });
  const listeners = new Set<Listener>();
  let dead = false;
  let lastHeard = performance.now();
  let pingId = 0;
  const emit = (e: ClientEvent) => {
    for (const l of listeners) l(e);
  };
  const die = (message: string) => {
    if (dead) return;
    dead = true;
    clearInterval(timer);
    worker.terminate();
    emit({ type: 'crash', message });
  };
  worker.onmessage = (ev: MessageEvent<TrainerEvent>) => {
    lastHeard = performance.now();
    if (ev.data.type !== 'pong') emit(ev.data);
  };
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    die(`The training worker crashed: ${ev.message || 'unknown error'}`);
  };
  worker.onmessageerror = () => die('The training worker sent a message that could not be read.');
  const timer = setInterval(() => {
    if (dead) return;
    if (performance.now() - lastHeard > DEAD_AFTER_MS) die('The training worker stopped responding.');
    else send({ type: 'ping', id: ++pingId });
  }, HEARTBEAT_MS);
  const send = (c: TrainerCommand) => {
    if (!dead) worker.postMessage(c);
  };
  send({ type: 'init', config, backend });
  return {
    start: () => send({ type: 'start' }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    step: () => send({ type: 'step' }),
    reset: (c) => send({ type: 'reset', config: c }),
    cancel: () => send({ type: 'cancel' }),
    setLive: (h) => send({ type: 'setLive', hparams: h }),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    terminate() {
      dead = true;
      clearInterval(timer);
      worker.terminate();
      listeners.clear();
    },
    crashForTest: () => send({ type: 'debugCrash' }),
  };
}

/** Greedy action probabilities of a policy snapshot for one observation (main thread, plain TypeScript). */
export function makePolicyRunner(p: PolicySnapshot): (obs: ArrayLike<number>) => number[] {
  const fwd = new MlpForward(p.sizes, 1);
  const x = new Float32Array(p.sizes[0]);
  const params = { sizes: p.sizes, tensors: p.tensors };
  return (obs) => {
    for (let k = 0; k < x.length; k++) x[k] = obs[k];
    const out = fwd.run(params, x, 1);
    const m = Math.max(...out);
    const e = Array.from(out, (v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
}

/** Raw outputs of an actor MLP (logits, or a Gaussian policy's means) for one observation (main thread). */
export function makeMlpRunner(p: PolicySnapshot): (obs: ArrayLike<number>) => Float32Array {
  const fwd = new MlpForward(p.sizes, 1);
  const x = new Float32Array(p.sizes[0]);
  const params = { sizes: p.sizes, tensors: p.tensors };
  return (obs) => {
    for (let k = 0; k < x.length; k++) x[k] = obs[k];
    return fwd.run(params, x, 1);
  };
}

/** A CartPole-v1 environment for the policy viewer (the same one the trainer uses). */
export { makeCartPole, makeRng } from '@/nn/rl-bridge';
