/**
 * The reader's own seed for the checked exercises (`?student=123`): typed once, kept in the URL (so a link carries
 * it to every chapter), shared by every checked exercise of the book. Parsed and clamped like every URL parameter,
 * with a notice when the link's value had to change. One small store, so all exercises on a page follow a change.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { addNotice } from './notices';
import { int, parseParam, serialiseValue } from './url-params';

export const STUDENT_KEY = 'student';
export const studentSeedSpec = int({ min: 1, max: 99999, default: 1, label: 'your seed' });

export interface StudentSeed {
  seed: number;
  /** False while the link carries no seed (the default one is in use). */
  chosen: boolean;
}

/** The seed a query string gives, with a notice when its value was not usable as it was. */
export function readStudentSeed(search: string): StudentSeed & { notice?: string } {
  const raw = new URLSearchParams(search).get(STUDENT_KEY);
  const { value, notice } = parseParam(studentSeedSpec, raw, STUDENT_KEY);
  return { seed: value as number, chosen: raw !== null && !notice, notice };
}

/** The query string with the seed set (other keys, e.g. widget settings, kept). */
export function writeStudentSeed(search: string, seed: number): string {
  const q = new URLSearchParams(search);
  q.set(STUDENT_KEY, serialiseValue(studentSeedSpec, seed));
  const s = q.toString();
  return s ? `?${s}` : '';
}

let current: StudentSeed | null = null;
let pendingNotice: string | undefined;
const listeners = new Set<() => void>();

function snapshot(): StudentSeed {
  if (current) return current;
  const read = readStudentSeed(window.location.search);
  pendingNotice = read.notice;
  current = { seed: read.seed, chosen: read.chosen || !!read.notice };
  return current;
}

/** Reports (once) a seed the link carried that had to be changed, and rewrites the URL to the seed in use. */
function flushNotice() {
  if (!pendingNotice || !current) return;
  addNotice(`Link setting ${pendingNotice}.`);
  pendingNotice = undefined;
  window.history.replaceState(window.history.state, '', urlWith(current.seed));
}

const urlWith = (seed: number) =>
  `${window.location.pathname}${writeStudentSeed(window.location.search, seed)}${window.location.hash}`;

/** Sets the seed (clamped to its range) for every exercise and writes it to the URL. Returns the seed in use. */
export function setStudentSeed(seed: number): number {
  const { value } = parseParam(studentSeedSpec, String(seed), STUDENT_KEY);
  const v = value as number;
  window.history.replaceState(window.history.state, '', urlWith(v));
  current = { seed: v, chosen: true };
  listeners.forEach((l) => l());
  return v;
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

const serverSnapshot: StudentSeed = { seed: studentSeedSpec.default, chosen: false };

export function useStudentSeed(): StudentSeed {
  const value = useSyncExternalStore(subscribe, snapshot, () => serverSnapshot);
  useEffect(flushNotice, []);
  return value;
}
