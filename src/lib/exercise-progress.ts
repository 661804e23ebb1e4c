/**
 * What a reader did on the checked exercises, per seed and exercise (attempts, solved, the last answer typed),
 * kept in localStorage so it survives reloads. A damaged or foreign entry is ignored, never thrown on; storage that
 * is full or disabled just means nothing is remembered.
 */
export interface ExerciseProgress {
  attempts: number;
  solved: boolean;
  /** The last answer typed (shown again, and checked again, after a reload). */
  last: string;
}

const KEY = 'proximal.checked-exercises.v1';
const EMPTY: ExerciseProgress = { attempts: 0, solved: false, last: '' };

type Store = Record<string, Record<string, ExerciseProgress>>;

function readStore(): Store {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Store) : {};
  } catch {
    return {};
  }
}

function valid(p: unknown): p is ExerciseProgress {
  if (!p || typeof p !== 'object') return false;
  const q = p as Record<string, unknown>;
  return (
    typeof q.attempts === 'number' &&
    Number.isInteger(q.attempts) &&
    q.attempts >= 0 &&
    typeof q.solved === 'boolean' &&
    typeof q.last === 'string'
  );
}

export function loadProgress(seed: number, id: string): ExerciseProgress {
  const p = readStore()[String(seed)]?.[id];
  return valid(p) ? { ...p } : { ...EMPTY };
}

/** Records one checked attempt; a solved exercise stays solved. Returns the new progress. */
export function recordAttempt(seed: number, id: string, answer: string, correct: boolean): ExerciseProgress {
  const store = readStore();
  const perSeed = store[String(seed)] && typeof store[String(seed)] === 'object' ? store[String(seed)] : {};
  const prev = valid(perSeed[id]) ? perSeed[id] : EMPTY;
  const next: ExerciseProgress = {
    attempts: prev.attempts + 1,
    solved: prev.solved || correct,
    last: answer.slice(0, 100),
  };
  store[String(seed)] = { ...perSeed, [id]: next };
  try {
    localStorage.setItem(KEY, JSON.stringify(store));
  } catch {
    /* storage full or disabled: the attempt still counts on this page */
  }
  return next;
}
