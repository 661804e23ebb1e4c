/**
 * tfjs backend selection inside the worker. WebGPU registers only when `navigator.gpu` exists (imported lazily),
 * software WebGL must be allowed explicitly, the wasm binaries are emitted by Vite and served at explicit URLs
 * (otherwise the worker would fetch an HTML 404 page). "auto" times the real workload, a PPO minibatch step, on
 * every backend that initialises and keeps the fastest. Failures fall through to the next backend with a notice.
 */
// tfjs-core and the backends alone: the full @tensorflow/tfjs adds layers, converter and data that training never
// uses. cpu and wasm load with the worker; webgl and webgpu are fetched only when tried.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { measureTrainStep } from '@/nn/probe';
import { gemmModule } from '@/nn/offpolicy/kernels/arena';
import { actionDim, algoSpec, envSpec, obsDim, type TrainConfig } from '@/spec';
import type { BackendChoice, BackendName, BackendReport } from './protocol';

const ORDER: BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];
const AUTO_ORDER: BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu'];
/** All of auto's measuring, initialisation included, fits in this budget (the reader waits for it). */
const AUTO_BUDGET_MS = 1200;
/** Timed steps per backend (after one warm-up step), at most. */
const PROBE_MS = 150;

/** Resolves like `p`, or rejects with `message` after `ms` (the work itself is not cancelled). */
function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
let registered: Promise<void> | null = null;

function absolute(u: string): string {
  return new URL(u, self.location.href).href;
}

/** Points the wasm backend at its binaries and sets the flags, once. */
function register(): Promise<void> {
  registered ??= (async () => {
    // Threads stay off: the threaded build's pthread workers fail once bundled (their blob script throws "e is not
    // defined"), they need a cross-origin-isolated page, and for a 32-unit MLP on 2 cores single-threaded SIMD is
    // as fast. So the threaded binary is not emitted at all: tfjs insists on an entry for it, and with threads off
    // it never fetches it, so the entry points at the SIMD binary. SIMD is detected and used by tfjs itself.
    setWasmPaths({
      'tfjs-backend-wasm.wasm': absolute(wasmPlain),
      'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
      'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmSimd),
    });
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  })();
  return registered;
}

/** Why a backend is not even a candidate in this browser, or null. */
function unavailable(name: BackendName): string | null {
  if (name === 'webgpu' && !(navigator as unknown as { gpu?: unknown }).gpu)
    return 'WebGPU is not available in this browser (navigator.gpu is missing)';
  if (name === 'webgl' && typeof OffscreenCanvas === 'undefined')
    return 'WebGL needs OffscreenCanvas in a worker, which this browser lacks';
  return null;
}

const loaded: Partial<Record<BackendName, Promise<unknown>>> = {};

/** The GPU backends are separate chunks, fetched the first time they are tried. */
function load(name: BackendName): Promise<unknown> {
  if (name === 'webgl') {
    return (loaded.webgl ??= import('@tensorflow/tfjs-backend-webgl').then(() => {
      // Software WebGL (SwiftShader) is refused by default: allow it, it is correct if slow. (The flag exists
      // only once the webgl backend is loaded.)
      tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    }));
  }
  if (name === 'webgpu') return (loaded.webgpu ??= import('@tensorflow/tfjs-backend-webgpu'));
  return Promise.resolve();
}

async function trySet(name: BackendName): Promise<string | null> {
  const why = unavailable(name);
  if (why) return why;
  try {
    await load(name);
  } catch (e) {
    return `${name} backend failed to load: ${e instanceof Error ? e.message : String(e)}`;
  }
  try {
    const ok = await tf.setBackend(name);
    if (!ok || tf.getBackend() !== name) return `${name} failed to initialise`;
    await tf.ready();
    // A tiny op proves the backend really runs (WebGL can "initialise" and then fail on the first shader).
    const probe = tf.tidy(() => tf.sum(tf.mul(tf.ones([4]), 2)));
    const v = (await probe.data())[0];
    probe.dispose();
    if (v !== 8) return `${name} computed a wrong result`;
    return null;
  } catch (e) {
    return `${name} failed to initialise: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Selects the backend. A forced choice falls back along webgpu → wasm → webgl → cpu after it; "auto" measures
 * the train step (the config's largest gradient step, bounded by the spec's work limits) on every backend and
 * keeps the fastest.
 */
export async function selectBackendFor(choice: BackendChoice, config: TrainConfig): Promise<BackendReport> {
  const env = envSpec(config.env);
  const spec = algoSpec(config.algo);
  if (spec.engine === 'kernels') {
    // The off-policy learners run on their own engine: nothing to select, but say so rather than pretend.
    const simd = gemmModule() !== null;
    const engine = simd
      ? 'its own wasm SIMD kernels'
      : 'its TypeScript kernels (this browser has no wasm SIMD)';
    return {
      name: 'wasm',
      reason: `${spec.label} trains on ${engine}; tfjs backends apply to PPO and REINFORCE only`,
      notices:
        choice === 'auto' || choice === 'wasm'
          ? []
          : [`the ${choice} backend does not apply to ${spec.label}, which trains on ${engine}`],
      timings: {},
    };
  }
  const work = spec.work(config as never, env);
  return selectBackend(choice, work.stepRows, work.hidden, obsDim(env), actionDim(env.action));
}

/** The same for a workload given by its size: `batch` rows of an `obs` → `hidden` → `hidden` → `actions` MLP. */
export async function selectBackend(
  choice: BackendChoice,
  batch: number,
  hidden: number,
  obs = 4,
  actions = 2,
): Promise<BackendReport> {
  const dims = [batch, hidden, obs, actions] as const;
  const notices: string[] = [];
  await register();
  const timings: Partial<Record<BackendName, number>> = {};
  if (choice === 'auto') {
    // wasm and cpu first: they are quick to measure. A GPU backend's first step compiles its shaders, which on a
    // software GPU takes seconds: each candidate gets what is left of the budget, and one that does not fit is
    // skipped with a notice (the reader can still force it). Work cut off by a timeout is not cancelled, so
    // once the budget is gone no further backend is even started.
    const t0 = performance.now();
    const left = () => AUTO_BUDGET_MS - (performance.now() - t0);
    const skipped: BackendName[] = [];
    for (const name of AUTO_ORDER) {
      if (left() < 100) {
        skipped.push(name);
        continue;
      }
      let err: string | null;
      try {
        err = await withTimeout(
          trySet(name),
          left(),
          `${name}: not ready within what was left of auto's ${AUTO_BUDGET_MS / 1000} s budget; skipped`,
        );
      } catch (e) {
        err = e instanceof Error ? e.message : String(e);
      }
      if (err) {
        notices.push(err);
        continue;
      }
      try {
        timings[name] = await withTimeout(
          measureTrainStep(dims[0], dims[1], Math.min(PROBE_MS, left() / 2), dims[2], dims[3]),
          Math.max(0, left()),
          `${name}: its first step (shader compilation on a GPU) did not finish within auto's budget; skipped`,
        );
      } catch (e) {
        notices.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (skipped.length)
      notices.push(
        `${skipped.join(' and ')} not measured: auto's ${AUTO_BUDGET_MS / 1000} s budget was used up (a GPU ` +
          `backend's first step compiles its shaders); choose one in the Backend menu to try it`,
      );
    const ranked = (Object.entries(timings) as [BackendName, number][]).sort((a, b) => a[1] - b[1]);
    for (const [name] of ranked) {
      if ((await trySet(name)) === null) {
        const list = ranked.map(([n, ms]) => `${n} ${ms.toFixed(1)} ms`).join(', ');
        return { name, reason: `auto: fastest measured train step (${list})`, notices, timings };
      }
    }
    await tf.setBackend('cpu');
    return { name: 'cpu', reason: 'auto: no backend could be measured, using cpu', notices, timings };
  }
  // The forced backend first, then the ones after it in ORDER (cpu always last).
  const chain: BackendName[] = [choice, ...ORDER.slice(ORDER.indexOf(choice) + 1)];
  for (const name of chain) {
    const err = await trySet(name);
    if (err === null) {
      return {
        name,
        reason: name === choice ? 'chosen by you' : `${choice} unavailable, fell back to ${name}`,
        notices,
        timings,
      };
    }
    notices.push(err);
  }
  throw new Error(`no tfjs backend could be initialised: ${notices.join('; ')}`);
}
