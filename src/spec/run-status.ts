/**
 * The one status machine of a training run. The worker owns a run's status and moves it with `transition`; the
 * main thread shows the worker's status for the current run and adds the states only it can know (`crashed`: the
 * worker died; `restored`: a saved run is shown, without a trainer behind it). `startPlan` says what Start means in
 * each of them, so the store needs no flags of its own.
 */

/** A run's status as the worker reports it. */
export type RunStatus =
  'initialising' | 'ready' | 'running' | 'paused' | 'solved' | 'finished' | 'error' | 'cancelled';

/** What the panel shows: the worker's status, or one only the main thread knows. */
export type ViewStatus = 'idle' | RunStatus | 'crashed' | 'restored';

/** Commands that move a run (reset and cancel are always accepted; init starts a run in `initialising`). */
export type RunCommand = 'start' | 'resume' | 'step' | 'pause';

/** Where each command takes each status; a missing entry means the command is ignored in that status. */
export const TRANSITIONS: Record<RunStatus, Partial<Record<RunCommand, RunStatus>>> = {
  initialising: {},
  ready: { start: 'running', resume: 'running', step: 'running' },
  running: { pause: 'paused' },
  paused: { start: 'running', resume: 'running', step: 'running' },
  solved: {},
  finished: {},
  error: {},
  cancelled: {},
};

/** The status after `cmd`, or null when `cmd` does not apply. */
export function transition(s: RunStatus, cmd: RunCommand): RunStatus | null {
  return TRANSITIONS[s][cmd] ?? null;
}

/** Statuses a run never leaves except by a reset (a new run). */
export const TERMINAL: readonly ViewStatus[] = ['solved', 'finished', 'error', 'cancelled'];

/**
 * What Start (or Single update) does from a status shown on the main thread:
 * `send`: send the command to the worker of the current run (`initialising`: it is queued behind the init);
 * `new-run`: begin a fresh run (series cleared) on the current worker, then send;
 * `new-worker`: begin a fresh run on a new worker (none yet, or it crashed), then send;
 * `none`: nothing to do (already running).
 */
export type StartPlan = 'send' | 'new-run' | 'new-worker' | 'none';

export function startPlan(s: ViewStatus, hasWorker: boolean): StartPlan {
  if (s === 'running') return 'none';
  if (!hasWorker || s === 'crashed' || s === 'idle') return 'new-worker';
  if (s === 'restored' || TERMINAL.includes(s)) return 'new-run';
  return 'send';
}
