/**
 * The wire format between the "break this theorem" labs and their worker (theorem-lab.worker.ts): types only, and
 * the one check of an incoming command. One search per worker at a time; a search is named by the `runId` the main
 * thread picks, and every event carries it, so events of a cancelled search are told apart from the new one's.
 */
import { checkSearchConfig, type SearchConfig, type StatementValue } from '@/rl';

export type { SearchConfig, StatementValue };

/** Main thread → worker. */
export type TheoremLabCommand =
  { type: 'start'; runId: number; config: SearchConfig } | { type: 'cancel'; runId: number };

/** An instance the search found, in its URL form. */
export interface FoundInstance {
  encoded: string;
  states: number;
  actions: number;
  value: StatementValue;
  /** Evaluations done when it was found (census included). */
  evaluations: number;
  /** Milliseconds from the start of the search to the moment it was found (worker clock). */
  elapsedMs: number;
}

export interface TheoremLabProgress {
  type: 'progress';
  runId: number;
  phase: 'census' | 'attack' | 'done';
  evaluations: number;
  elapsedMs: number;
  /** Relative slack of every census instance so far (NaN: a degenerate instance, no relative slack). */
  census: number[];
  censusViolations: number;
  restartsDone: number;
  best: FoundInstance | null;
  firstViolation: FoundInstance | null;
}

/** Worker → main thread. Progress is posted at most every 250 ms (4 Hz), and once more when the search ends. */
export type TheoremLabEvent =
  | TheoremLabProgress
  | { type: 'cancelled'; runId: number }
  | { type: 'error'; runId: number; message: string };

/** Reasons a message is not a valid command (empty when it is): the worker never trusts what it receives. */
export function checkCommand(m: unknown): string[] {
  if (typeof m !== 'object' || m === null) return ['a command must be an object'];
  const c = m as Record<string, unknown>;
  if (typeof c.runId !== 'number' || !Number.isInteger(c.runId)) return ['runId must be a whole number'];
  if (c.type === 'cancel') return [];
  if (c.type !== 'start') return [`unknown command “${String(c.type).slice(0, 40)}”`];
  if (typeof c.config !== 'object' || c.config === null) return ['start needs a config'];
  const cfg = c.config as Record<string, unknown>;
  const numeric = ['seed', 'gamma', 'maxStates', 'maxActions', 'censusSize', 'restarts', 'budget'];
  const bad = numeric.filter((k) => typeof cfg[k] !== 'number').map((k) => `config.${k} must be a number`);
  return bad.length ? bad : checkSearchConfig(c.config as SearchConfig);
}
