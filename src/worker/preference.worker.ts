/**
 * Chapter 12's training worker: runs one task at a time (the preference toy or GRPO on sums), one logged step
 * per turn of the event loop, so pause and reset apply at once; points are posted at most every 50 ms.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@/rl';
import { PreferenceRun } from '@/nn/preference-tabular';
import { GrpoRun } from '@/nn/grpo';
import type { GrpoPoint, PreferencePoint } from '@/spec';
import { selectBackend } from './backends';
import type {
  PreferenceCommand,
  PreferenceEvent,
  PreferenceStatus,
  PreferenceTask,
} from './preference-protocol';

const post = (e: PreferenceEvent) => (self as unknown as Worker).postMessage(e);
const PUBLISH_MS = 50;
/** Updates of the tabular toy per logged point. */
const PREF_LOG_EVERY = 10;

let task: PreferenceTask | null = null;
let pref: PreferenceRun | null = null;
let grpo: GrpoRun | null = null;
let status: PreferenceStatus = 'initialising';
let running = false;
let stepOnce = false;
let prefPending: PreferencePoint[] = [];
let grpoPending: GrpoPoint[] = [];
let lastPublish = 0;
let generation = 0;

function setStatus(s: PreferenceStatus, message?: string) {
  status = s;
  post({ type: 'status', status: s, message });
}

/** Messages for settings no run can use (the widgets clamp theirs; this guards the wire). */
function invalid(t: PreferenceTask): string | null {
  const c = t.config as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(c)) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      return `setting ${k} = ${String(v)} is not a finite number`;
    if (v < 0) return `setting ${k} = ${v} is negative`;
  }
  if (t.kind === 'preferences') {
    const p = t.config;
    if (p.prompts < 1 || p.responses < 2 || p.pairs < 1 || p.beta <= 0 || p.steps < 1 || p.batch < 1)
      return 'the preference toy needs ≥ 1 prompt, ≥ 2 responses, ≥ 1 pair, β > 0, ≥ 1 step and ≥ 1 pair per batch';
  } else {
    const g = t.config;
    if (g.groupSize < 2 || g.problems < 1 || g.updates < 1 || g.hidden < 1 || g.lr <= 0)
      return 'GRPO needs a group of ≥ 2 answers, ≥ 1 problem, ≥ 1 update, ≥ 1 hidden unit and a positive learning rate';
  }
  return null;
}

async function build(t: PreferenceTask) {
  const gen = ++generation;
  running = false;
  grpo?.dispose();
  grpo = null;
  pref = null;
  prefPending = [];
  grpoPending = [];
  task = t;
  setStatus('initialising');
  const bad = invalid(t);
  if (bad) {
    post({ type: 'error', message: bad });
    setStatus('error', bad);
    return;
  }
  try {
    if (t.kind === 'preferences') {
      pref = new PreferenceRun(t.config);
      post({ type: 'preference-exact', exact: pref.exact(), responses: pref.responses() });
      prefPending.push(pref.point());
    } else {
      const report = await selectBackend(t.backend, t.config.problems * t.config.groupSize, t.config.hidden);
      if (gen !== generation) return;
      post({ type: 'backend', report });
      grpo = new GrpoRun(t.config, createRng(t.config.seed));
      grpoPending.push(grpo.initial());
    }
    flush(true);
    setStatus('ready');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    post({ type: 'error', message });
    setStatus('error', message);
  }
}

function flush(force = false) {
  const now = performance.now();
  if (!force && now - lastPublish < PUBLISH_MS) return;
  lastPublish = now;
  if (pref && prefPending.length) {
    post({ type: 'preference-points', points: prefPending, responses: pref.responses() });
    prefPending = [];
  }
  if (grpoPending.length) {
    post({ type: 'grpo-points', points: grpoPending });
    grpoPending = [];
  }
}

/** One logged step of the current run; false when the run is over. */
function advance(): boolean {
  if (pref) {
    for (let k = 0; k < PREF_LOG_EVERY && !pref.done; k++) pref.update();
    prefPending.push(pref.point());
    return !pref.done;
  }
  if (grpo) {
    grpoPending.push(grpo.step());
    return !grpo.done;
  }
  return false;
}

function loop(gen: number) {
  if (gen !== generation || !(running || stepOnce)) return;
  let more: boolean;
  try {
    more = advance();
  } catch (e) {
    running = false;
    const message = e instanceof Error ? e.message : String(e);
    flush(true);
    post({ type: 'error', message });
    setStatus('error', message);
    return;
  }
  if (!more) {
    running = false;
    stepOnce = false;
    flush(true);
    setStatus('finished');
    return;
  }
  if (stepOnce) {
    stepOnce = false;
    flush(true);
    setStatus('paused');
    return;
  }
  flush();
  setTimeout(() => loop(gen), 0);
}

self.onmessage = (ev: MessageEvent<PreferenceCommand>) => {
  const c = ev.data;
  if (c.type === 'init') void build(c.task);
  else if (c.type === 'reset') void build(c.task ?? task!);
  else if (c.type === 'start') {
    if (status !== 'ready' && status !== 'paused') return;
    running = true;
    setStatus('running');
    loop(generation);
  } else if (c.type === 'pause') {
    if (!running) return;
    running = false;
    flush(true);
    setStatus('paused');
  } else if (c.type === 'step') {
    if (running || (status !== 'ready' && status !== 'paused')) return;
    stepOnce = true;
    loop(generation);
  }
};

// Keep the tfjs engine referenced so tree-shaking cannot drop its registration side effects.
void tf.getBackend;
