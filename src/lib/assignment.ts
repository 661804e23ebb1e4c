/**
 * Assignment links: `?<widgetId>.hide=a,b&<widgetId>.lock=c` hides or locks chosen controls and readouts of one
 * widget, so an instructor can ask "what happens at ε = 0.5?" with ε fixed and the answer out of sight. The ids are
 * the widget's own: a control is named by its field in the widget's parameter table (`defineParams`, the same name
 * the URL uses for its value), a readout by its `testId`. Pure functions only; the widget frame (src/mdx/Widget.tsx)
 * supplies what a widget actually has and reports what a link asks for that it has not.
 */

/** What a link may ask of one widget. */
export interface Assignment {
  hide: string[];
  lock: string[];
}

export const NO_ASSIGNMENT: Assignment = { hide: [], lock: [] };

/** The ids a widget exposes to assignment links. */
export interface AssignableIds {
  controls: readonly string[];
  readouts: readonly string[];
}

const ID = /^[A-Za-z0-9_.-]{1,60}$/;
/** More than this many ids in one key is not a real assignment: the rest are ignored (and reported). */
export const MAX_IDS = 40;

export const hideKey = (widgetId: string) => `${widgetId}.hide`;
export const lockKey = (widgetId: string) => `${widgetId}.lock`;

function splitIds(raw: string | null, key: string, notices: string[]): string[] {
  if (raw === null) return [];
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const id = part.trim();
    if (!id) continue;
    if (!ID.test(id)) {
      notices.push(`${key} names “${id.slice(0, 24)}”, which is not a control or readout id; ignored`);
      continue;
    }
    if (out.includes(id)) continue;
    if (out.length >= MAX_IDS) {
      notices.push(`${key} lists more than ${MAX_IDS} ids; the rest were ignored`);
      break;
    }
    out.push(id);
  }
  return out;
}

/** The raw request of a query string for one widget (syntax checked, ids not yet checked against the widget). */
export function readAssignment(
  widgetId: string,
  search: string,
): { assignment: Assignment; notices: string[] } {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    q = new URLSearchParams();
  }
  const notices: string[] = [];
  const hide = splitIds(q.get(hideKey(widgetId)), hideKey(widgetId), notices);
  const lock = splitIds(q.get(lockKey(widgetId)), lockKey(widgetId), notices).filter(
    (id) => !hide.includes(id),
  );
  return { assignment: { hide, lock }, notices };
}

/**
 * Checks a request against what the widget has: unknown ids, and locks on readouts (a readout has nothing to
 * lock), are reported. Returns the messages; the request itself is applied as it is (an unknown id matches nothing).
 */
export function checkAssignment(widgetId: string, a: Assignment, ids: AssignableIds): string[] {
  const notices: string[] = [];
  const known = [...ids.controls, ...ids.readouts];
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');
  const unknownHide = a.hide.filter((id) => !known.includes(id));
  const unknownLock = a.lock.filter((id) => !known.includes(id));
  if (unknownHide.length)
    notices.push(
      `${hideKey(widgetId)} names ${unknownHide.map((s) => `“${s}”`).join(', ')}, which this widget does not have ` +
        `(controls: ${list(ids.controls)}; readouts: ${list(ids.readouts)})`,
    );
  if (unknownLock.length)
    notices.push(
      `${lockKey(widgetId)} names ${unknownLock.map((s) => `“${s}”`).join(', ')}, which this widget does not have ` +
        `(controls: ${list(ids.controls)})`,
    );
  const readoutLocks = a.lock.filter((id) => ids.readouts.includes(id) && !ids.controls.includes(id));
  if (readoutLocks.length)
    notices.push(
      `${lockKey(widgetId)}: ${readoutLocks.join(', ')} ${readoutLocks.length > 1 ? 'are readouts' : 'is a readout'}, which cannot be locked (hide it instead)`,
    );
  return notices;
}

/** A query string with the widget's assignment written in (empty lists remove the keys); other keys are kept. */
export function writeAssignment(widgetId: string, a: Assignment, search: string): string {
  const q = new URLSearchParams(search);
  for (const [key, ids] of [
    [hideKey(widgetId), a.hide],
    [lockKey(widgetId), a.lock],
  ] as const) {
    if (ids.length) q.set(key, ids.join(','));
    else q.delete(key);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether a query key is an assignment key (not a widget setting). */
export const isAssignmentKey = (key: string) => /\.(hide|lock)$/.test(key);
