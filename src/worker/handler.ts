/**
 * The worker's command handler, over any `Endpoint` (the worker's global scope in the browser, a MessagePort in
 * unit tests). One run at a time, named by the main thread's `runId`: commands move its status through the one
 * status machine (`transition` of src/spec), the loop runs one update at a time and yields to the message queue
 * between updates (so pause, reset and live settings apply at the next update). Metrics are buffered and posted at
 * most 20 times a second; inside a long update the trainer's progress is posted at most once a second, so the
 * client's heartbeat sees a slow but healthy run as alive.
 */
import { TrainingError, type Trainer, type TrainerInputs } from '@/nn';
import {
  envSpec,
  transition,
  validateConfig,
  validateLive,
  type BackendChoice,
  type RunCommand,
  type RunStatus,
  type TrainConfig,
  type UpdateMetrics,
} from '@/spec';
import type { BackendReport, Endpoint, TrainerCommand, TrainerEvent } from './protocol';

const FLUSH_MS = 50;
const POLICY_MS = 500;
const PROGRESS_MS = 1000;

export interface HandlerDeps {
  /** Picks and initialises the tfjs backend for the workload (`batch` rows of a `hidden`-unit network). */
  selectBackend(choice: BackendChoice, config: TrainConfig): Promise<BackendReport>;
  createTrainer(config: TrainConfig, inputs: TrainerInputs): Trainer;
  /**
   * Lets queued messages in between two updates. Default: a MessageChannel round trip (a task, not clamped like
   * nested setTimeout). Node's MessagePorts drain such messages before timers, so tests pass a setTimeout.
   */
  yieldToQueue?: () => Promise<void>;
}

/** Serves trainer commands arriving on `ep`; returns a function that stops serving. */
export function serveTrainer(ep: Endpoint, deps: HandlerDeps): () => void {
  const post = (e: TrainerEvent) => ep.postMessage(e);
  let runId = 0;
  let config: TrainConfig | null = null;
  let trainer: Trainer | null = null;
  let dataset: TrainerInputs['dataset'] = null;
  let status: RunStatus = 'initialising';
  let pending: UpdateMetrics[] = [];
  let lastFlush = 0;
  let lastPolicy = 0;
  let lastProgress = 0;
  let runMs = 0; // training wall time, excluding pauses
  let generation = 0; // bumps on reset/cancel so a stale loop stops
  /** The update in flight, so reset/cancel can wait for it before disposing the trainer's tensors. */
  let inflight: Promise<unknown> | null = null;

  const setStatus = (s: RunStatus, message?: string) => {
    status = s;
    post({ type: 'status', runId, status: s, message });
  };
  const fail = (kind: 'config' | 'numeric' | 'backend' | 'internal', message: string) => {
    post({ type: 'error', runId, kind, message });
    setStatus('error', message);
  };

  const flush = (force = false) => {
    const t = performance.now();
    if (!force && t - lastFlush < FLUSH_MS) return;
    if (pending.length && trainer) {
      const sps = runMs > 0 ? (trainer.steps / runMs) * 1000 : 0;
      post({ type: 'metrics', runId, updates: pending, sps, elapsedMs: runMs });
      pending = [];
    }
    if (trainer && (force || t - lastPolicy >= POLICY_MS)) {
      const p = trainer.actor();
      const policy = {
        sizes: [...p.sizes] as [number, number, number, number],
        tensors: p.tensors.map((x) => x.slice()),
        activation: p.activation,
        head: p.head,
        ...(p.logStd ? { logStd: p.logStd.slice() } : {}),
      };
      post({ type: 'policy', runId, policy });
      lastPolicy = t;
    }
    lastFlush = t;
  };

  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const yieldToQueue =
    deps.yieldToQueue ??
    (() =>
      new Promise<void>((r) => {
        waiting.push(r);
        channel.port2.postMessage(null);
      }));

  const fresh = (): boolean => {
    trainer?.dispose();
    trainer = null;
    pending = [];
    runMs = 0;
    if (!config) return false;
    try {
      trainer = deps.createTrainer(config, { dataset });
      return true;
    } catch (e) {
      fail('internal', `could not build the trainer: ${String(e)}`);
      return false;
    }
  };

  const progress = (phase: 'rollout' | 'learn', done: number, total: number) => {
    const t = performance.now();
    if (t - lastProgress < PROGRESS_MS) return;
    lastProgress = t;
    post({ type: 'progress', runId, phase, done, total });
  };

  /** Runs one update; returns false when the run must stop. */
  const oneUpdate = async (): Promise<boolean> => {
    if (!trainer || !config) return false;
    const gen = generation;
    const t0 = performance.now();
    lastProgress = t0;
    let m: UpdateMetrics;
    try {
      const p = trainer.update(progress);
      inflight = p;
      m = await p;
    } catch (e) {
      if (gen !== generation) return false; // the run was reset or cancelled meanwhile
      flush(true);
      fail(e instanceof TrainingError ? 'numeric' : 'internal', e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      inflight = null;
    }
    if (gen !== generation) return false;
    runMs += performance.now() - t0;
    pending.push(m);
    const mean = m.returnMean20 ?? NaN;
    // Solved means the mean of the last 20 finished episodes: before 20 have finished, the mean of the few that have
    // is not the criterion (MountainCarContinuous' first random episode can return 95).
    if (m.episodes >= envSpec(config.env).solveWindow && mean >= config.solveThreshold) {
      flush(true);
      setStatus(
        'solved',
        `mean return of the last 20 episodes reached ${mean.toFixed(1)} after ${m.steps} steps`,
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
  };

  /** Stops the current run's loop and waits until no update is using the trainer. */
  const settle = async () => {
    generation += 1;
    if (inflight) await inflight.catch(() => undefined);
  };

  const loop = async (gen: number) => {
    while (status === 'running' && gen === generation) {
      if (!(await oneUpdate())) return;
      await yieldToQueue();
    }
    flush(true);
  };

  /** Moves the status with `cmd` if the status machine allows it. */
  const move = (cmd: RunCommand): boolean => {
    const next = trainer ? transition(status, cmd) : null;
    if (next) setStatus(next);
    return next !== null;
  };

  const accept = (cfg: TrainConfig): boolean => {
    const errs = validateConfig(cfg);
    if (errs.length) {
      fail('config', `Invalid configuration: ${errs.join('; ')}`);
      return false;
    }
    config = cfg;
    return true;
  };

  async function handle(cmd: TrainerCommand) {
    switch (cmd.type) {
      case 'init': {
        await settle();
        runId = cmd.runId;
        if (!accept(cmd.config)) return;
        setStatus('initialising');
        try {
          post({ type: 'backend', runId, report: await deps.selectBackend(cmd.backend, cmd.config) });
        } catch (e) {
          fail('backend', e instanceof Error ? e.message : String(e));
          return;
        }
        if (fresh()) setStatus('ready');
        return;
      }
      case 'reset':
        await settle();
        runId = cmd.runId;
        if (!accept(cmd.config)) return;
        if (fresh()) setStatus('ready');
        return;
      case 'start':
      case 'resume':
        if (move(cmd.type)) void loop(generation);
        return;
      case 'pause':
        move('pause');
        return;
      case 'step':
        if (move('step') && (await oneUpdate())) {
          flush(true);
          setStatus('paused');
        }
        return;
      case 'cancel':
        await settle();
        trainer?.dispose();
        trainer = null;
        setStatus('cancelled');
        return;
      case 'setLive': {
        const errs = config ? validateLive(config.algo, cmd.hparams) : ['no run to change'];
        if (errs.length) {
          post({ type: 'error', runId, kind: 'config', message: errs.join('; ') });
          return;
        }
        trainer?.setLive(cmd.hparams);
        if (config) config = { ...config, ...cmd.hparams } as TrainConfig;
        return;
      }
      case 'ping':
        post({ type: 'pong', id: cmd.id });
        return;
      case 'dataset':
        dataset = cmd.data;
        return;
    }
  }

  // Commands are handled in order; a long one (init measures backends) delays the ones behind it.
  let chain: Promise<void> = Promise.resolve();
  const onMessage = (ev: MessageEvent) => {
    const cmd = ev.data as TrainerCommand;
    chain = chain.then(() => handle(cmd)).catch((e) => fail('internal', String(e)));
  };
  ep.addEventListener('message', onMessage);
  ep.start?.();
  return () => {
    ep.removeEventListener('message', onMessage);
    channel.port1.close();
    void settle().then(() => trainer?.dispose());
  };
}
