/// <reference lib="webworker" />
/**
 * One training run per worker. Commands arrive as `TrainerCommand`s; the loop runs one update at a time and
 * yields to the message queue between updates (so pause/cancel/setLive apply at the next update). Metrics are
 * buffered and flushed at most 20 times per second.
 */
import { createTrainerFor, TrainingError, validateConfig, validateLive, type Trainer } from '@/nn';
import type { TrainConfig, UpdateMetrics } from '@/nn';
import { selectBackend } from './backends';
import type { RunStatus, TrainerCommand, TrainerEvent } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const post = (e: TrainerEvent) => ctx.postMessage(e);

const FLUSH_MS = 50;
const POLICY_MS = 500;

let config: TrainConfig | null = null;
let trainer: Trainer | null = null;
let status: RunStatus = 'idle';
let pending: UpdateMetrics[] = [];
let lastFlush = 0;
let lastPolicy = 0;
let runMs = 0; // training wall time, excluding pauses
let generation = 0; // bumps on reset/cancel so a stale loop stops

function setStatus(s: RunStatus, message?: string) {
  status = s;
  post({ type: 'status', status: s, message });
}

function flush(force = false) {
  const t = performance.now();
  if (!force && t - lastFlush < FLUSH_MS) return;
  if (pending.length && trainer) {
    post({
      type: 'metrics',
      updates: pending,
      sps: runMs > 0 ? (trainer.steps / runMs) * 1000 : 0,
      elapsedMs: runMs,
    });
    pending = [];
  }
  if (trainer && (force || t - lastPolicy >= POLICY_MS)) {
    const p = trainer.actor();
    post({ type: 'policy', policy: { sizes: [...p.sizes], tensors: p.tensors.map((x) => x.slice()) } });
    lastPolicy = t;
  }
  lastFlush = t;
}

// A macrotask yield that is not clamped like nested setTimeout.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToQueue = () =>
  new Promise<void>((r) => {
    waiting.push(r);
    channel.port2.postMessage(null);
  });

function fresh(): boolean {
  trainer?.dispose();
  trainer = null;
  pending = [];
  runMs = 0;
  if (!config) return false;
  try {
    trainer = createTrainerFor(config);
    return true;
  } catch (e) {
    post({ type: 'error', kind: 'internal', message: `could not build the trainer: ${String(e)}` });
    setStatus('error');
    return false;
  }
}

/** The update in flight, so reset/cancel can wait for it before disposing the trainer's tensors. */
let inflight: Promise<unknown> | null = null;

/** Runs one update; returns false when the run must stop. */
async function oneUpdate(): Promise<boolean> {
  if (!trainer || !config) return false;
  const gen = generation;
  const t0 = performance.now();
  let m: UpdateMetrics;
  try {
    const p = trainer.update();
    inflight = p;
    m = await p;
  } catch (e) {
    if (gen !== generation) return false; // the run was reset or cancelled meanwhile
    flush(true);
    const numeric = e instanceof TrainingError;
    const message = e instanceof Error ? e.message : String(e);
    post({ type: 'error', kind: numeric ? 'numeric' : 'internal', message });
    setStatus('error', message);
    return false;
  } finally {
    inflight = null;
  }
  if (gen !== generation) return false;
  runMs += performance.now() - t0;
  pending.push(m);
  if (config.solveThreshold > 0 && m.returnMean20 >= config.solveThreshold) {
    flush(true);
    setStatus(
      'solved',
      `mean return of the last 20 episodes reached ${m.returnMean20.toFixed(1)} after ${m.steps} steps`,
    );
    return false;
  }
  if (m.steps >= config.totalSteps) {
    flush(true);
    setStatus('finished', `step budget of ${config.totalSteps} reached`);
    return false;
  }
  flush();
  return true;
}

/** Stops the current run's loop and waits until no update is using the trainer. */
async function settle(): Promise<void> {
  generation += 1;
  if (inflight) await inflight.catch(() => undefined);
}

async function loop(gen: number) {
  while (status === 'running' && gen === generation) {
    const go = await oneUpdate();
    if (!go) return;
    await yieldToQueue();
  }
  flush(true);
}

async function handle(cmd: TrainerCommand) {
  switch (cmd.type) {
    case 'init': {
      const errs = validateConfig(cmd.config);
      if (errs.length) {
        post({ type: 'error', kind: 'config', message: `Invalid configuration: ${errs.join('; ')}` });
        setStatus('error');
        return;
      }
      config = cmd.config;
      setStatus('initialising');
      try {
        const batch =
          config.algo === 'ppo'
            ? Math.floor((config.numEnvs * config.numSteps) / config.numMinibatches)
            : config.batchSteps;
        const report = await selectBackend(cmd.backend, batch, config.hidden);
        post({ type: 'backend', report });
      } catch (e) {
        post({ type: 'error', kind: 'backend', message: String(e) });
        setStatus('error');
        return;
      }
      if (fresh()) setStatus('ready');
      return;
    }
    case 'start':
    case 'resume':
      if (
        !trainer ||
        status === 'running' ||
        status === 'error' ||
        status === 'solved' ||
        status === 'finished'
      )
        return;
      setStatus('running');
      void loop(generation);
      return;
    case 'pause':
      if (status === 'running') setStatus('paused');
      return;
    case 'step':
      if (
        !trainer ||
        status === 'running' ||
        status === 'error' ||
        status === 'solved' ||
        status === 'finished'
      )
        return;
      setStatus('running');
      if (await oneUpdate()) {
        flush(true);
        setStatus('paused');
      }
      return;
    case 'reset': {
      await settle();
      if (cmd.config) {
        const errs = validateConfig(cmd.config);
        if (errs.length) {
          post({ type: 'error', kind: 'config', message: `Invalid configuration: ${errs.join('; ')}` });
          return;
        }
        config = cmd.config;
      }
      if (fresh()) setStatus('ready');
      return;
    }
    case 'cancel':
      await settle();
      trainer?.dispose();
      trainer = null;
      setStatus('cancelled');
      return;
    case 'setLive': {
      const errs = validateLive(cmd.hparams);
      if (errs.length) {
        post({ type: 'error', kind: 'config', message: errs.join('; ') });
        return;
      }
      trainer?.setLive(cmd.hparams);
      if (config) config = { ...config, ...cmd.hparams } as TrainConfig;
      return;
    }
    case 'ping':
      post({ type: 'pong', id: cmd.id });
      return;
    case 'debugCrash':
      setTimeout(() => {
        throw new Error('debug crash requested');
      });
      return;
  }
}

// Commands are handled in order; a long one (init measures backends) delays the ones behind it.
let chain: Promise<void> = Promise.resolve();
ctx.onmessage = (ev: MessageEvent<TrainerCommand>) => {
  chain = chain
    .then(() => handle(ev.data))
    .catch((e) => post({ type: 'error', kind: 'internal', message: String(e) }));
};
