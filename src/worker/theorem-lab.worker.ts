/**
 * The "break this theorem" labs' worker: runs one `TheoremSearch` in slices of at most ~25 ms, yielding to the
 * message queue between slices (so a cancel or a new start applies at once), and posts progress at most every 250 ms:
 * each message costs the main thread a structured clone of the census and a render of the lab, so four a second keep
 * its share of a search small (no main-thread task near 50 ms) while the histogram still grows visibly.
 */
import { encodeInstance, TheoremSearch, type Found } from '@/rl';
import { checkCommand, type FoundInstance, type TheoremLabEvent } from './theorem-lab-protocol';

const post = (e: TheoremLabEvent) => (self as unknown as Worker).postMessage(e);
const PUBLISH_MS = 250;
const SLICE_MS = 25;
/** Evaluations between clock checks inside a slice (one evaluation is tens of microseconds). */
const CHUNK = 20;

interface Run {
  runId: number;
  search: TheoremSearch;
  t0: number;
  lastPost: number;
  firstMs: number | null;
}
let run: Run | null = null;

function summary(f: Found | null, elapsedMs: number): FoundInstance | null {
  if (!f) return null;
  return {
    encoded: encodeInstance(f.instance),
    states: f.instance.states,
    actions: f.instance.actions,
    value: f.value,
    evaluations: f.evaluations,
    elapsedMs,
  };
}

let bestMs = 0;
let bestEvaluations = -1;

function publish(r: Run, now: number) {
  const s = r.search.state;
  if (s.best && s.best.evaluations !== bestEvaluations) {
    bestEvaluations = s.best.evaluations;
    bestMs = now - r.t0;
  }
  post({
    type: 'progress',
    runId: r.runId,
    phase: s.phase,
    evaluations: s.evaluations,
    elapsedMs: now - r.t0,
    census: s.census,
    censusViolations: s.censusViolations,
    restartsDone: s.restartsDone,
    best: summary(s.best, bestMs),
    firstViolation: summary(s.firstViolation, r.firstMs ?? 0),
  });
  r.lastPost = now;
}

function tick(r: Run) {
  if (run !== r) return; // cancelled or replaced
  const start = performance.now();
  let more = true;
  while (more && performance.now() - start < SLICE_MS) {
    more = r.search.advance(CHUNK);
    if (r.firstMs === null && r.search.state.firstViolation) r.firstMs = performance.now() - r.t0;
  }
  const now = performance.now();
  if (!more) {
    publish(r, now);
    run = null;
    return;
  }
  if (now - r.lastPost >= PUBLISH_MS) publish(r, now);
  setTimeout(() => tick(r), 0);
}

self.onmessage = (ev: MessageEvent<unknown>) => {
  const problems = checkCommand(ev.data);
  const runId = (ev.data as { runId?: unknown })?.runId;
  if (problems.length) {
    post({ type: 'error', runId: typeof runId === 'number' ? runId : -1, message: problems.join('; ') });
    return;
  }
  const c = ev.data as Parameters<typeof checkCommand>[0] & { type: 'start' | 'cancel'; runId: number };
  if (c.type === 'cancel') {
    if (run?.runId === c.runId) run = null;
    post({ type: 'cancelled', runId: c.runId });
    return;
  }
  const { config } = ev.data as { config: ConstructorParameters<typeof TheoremSearch>[0] };
  const t0 = performance.now();
  bestEvaluations = -1;
  run = { runId: c.runId, search: new TheoremSearch(config), t0, lastPost: t0, firstMs: null };
  const r = run;
  setTimeout(() => tick(r), 0);
};
