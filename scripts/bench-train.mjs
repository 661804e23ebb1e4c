// Training benchmark: builds the site with its benchmark page (`vite build --mode bench` into dist-bench; readers'
// builds do not contain it), serves it (vite preview on a free loopback port), drives headless Chromium through
// Playwright, runs TrainingBench (bench.html?algo=..&backend=..&seed=..) once per (algo, backend, seed) and prints
// one JSON object per line, then a summary line with medians per (algo, backend).
//
// Flags: --dist <dir> (default dist-bench; given or with --no-build, no build)  --config <vite config>
//        --algo ppo,reinforce,dqn,ddpg,td3,sac  --env CartPole-v1,Pendulum-v1 (default: the algorithm's)  --backend wasm,cpu,...
//        --seeds 1,2,3  --budget <env steps>  --timeout <s per run>  --quick (PPO × 2 seeds on wasm only)
//        --cfg '{"numEnvs":16}' (JSON overrides of the preset, for tuning)  --no-chart (no live chart on the page)
//        --no-trace (no Chromium trace of the run: no max_task_cpu_ms)
// Each line has max_longtask_ms (the page's PerformanceObserver: wall time, so a task the OS left waiting on a busy
// machine counts as long) and, from a trace of the run, max_task_cpu_ms (the main thread's CPU time in its longest
// task: what our code did) with longtasks_cpu ([ms after ready, wall ms, CPU ms] per task over 50 ms wall), and
// load_avg (the machine's 1-minute load average at the start and the end of the run).
// Default: PPO × 5 seeds on wasm, PPO once on cpu, webgpu and webgl, REINFORCE once on wasm.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';

const argv = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const list = (s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const dist = flag('dist', 'dist-bench');
if (!argv.includes('--no-build') && !flag('dist', null)) {
  const b = spawnSync('npx', ['vite', 'build', '--mode', 'bench', '--outDir', dist, '--emptyOutDir'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) {
    console.log(JSON.stringify({ bench: 'train', error: `bench build failed (exit ${b.status})` }));
    process.exit(1);
  }
}
const config = flag('config', null);
const timeoutS = Number(flag('timeout', '180'));
const budget = flag('budget', null);
const cfgOverrides = flag('cfg', null);

let runs = [];
if (flag('algo', null) || flag('backend', null) || flag('seeds', null)) {
  for (const algo of list(flag('algo', 'ppo')))
    for (const env of list(flag('env', '-')))
      for (const backend of list(flag('backend', 'wasm')))
        for (const seed of list(flag('seeds', '1')).map(Number)) runs.push({ algo, env, backend, seed });
} else if (argv.includes('--quick')) {
  runs = [1, 2].map((seed) => ({ algo: 'ppo', backend: 'wasm', seed }));
} else {
  runs = [1, 2, 3, 4, 5].map((seed) => ({ algo: 'ppo', backend: 'wasm', seed }));
  for (const backend of ['cpu', 'webgpu', 'webgl']) runs.push({ algo: 'ppo', backend, seed: 1 });
  runs.push({ algo: 'reinforce', backend: 'wasm', seed: 1 });
}

if (!existsSync(`${dist}/bench.html`)) {
  console.log(
    JSON.stringify({
      bench: 'train',
      error: `${dist}/bench.html not found: build it (npx vite build --mode bench --outDir ${dist})`,
    }),
  );
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const port = await freePort();
const previewArgs = [
  'vite',
  'preview',
  '--outDir',
  dist,
  '--host',
  '127.0.0.1',
  '--port',
  String(port),
  '--strictPort',
];
if (config) previewArgs.push('--config', config);
const server = spawn('npx', previewArgs, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; ; i++) {
  try {
    const r = await fetch(base);
    if (r.ok) break;
  } catch {
    /* not up yet */
  }
  if (i > 150) {
    console.log(JSON.stringify({ bench: 'train', error: 'vite preview did not start' }));
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--enable-unsafe-webgpu',
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
  ],
});

/**
 * Traces the page's run (Chromium's `toplevel` tasks with their thread CPU time, and the page's user-timing marks)
 * and returns the main thread's tasks between TrainingBench's marks `bench:ready` and `bench:end`. Only tasks over
 * 50 ms wall or 5 ms CPU are kept while the trace streams in.
 */
async function startTrace(cdp) {
  const kept = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value) {
      if (e.name === 'bench:ready' || e.name === 'bench:end') kept.push(e);
      else if (
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.ph === 'X' &&
        (e.dur > 50_000 || (e.tdur ?? 0) > 5_000)
      )
        kept.push(e);
    }
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'], recordMode: 'recordUntilFull' },
    transferMode: 'ReportEvents',
  });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    const ready = kept.find((e) => e.name === 'bench:ready');
    const end = kept.find((e) => e.name === 'bench:end');
    if (!ready || !end) return { trace_error: "the run's marks are not in the trace" };
    const main = kept.filter(
      (e) =>
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.pid === ready.pid &&
        e.tid === ready.tid &&
        e.ts >= ready.ts &&
        e.ts <= end.ts,
    );
    const ms = (us) => Math.round(us / 100) / 10;
    return {
      max_task_cpu_ms: ms(Math.max(0, ...main.map((e) => e.tdur ?? 0))),
      longtasks_cpu: main
        .filter((e) => e.dur > 50_000)
        .slice(0, 40)
        .map((e) => [Math.round((e.ts - ready.ts) / 1000), ms(e.dur), ms(e.tdur ?? 0)]),
    };
  };
}

const evaluate = async (cdp, expression) =>
  (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;

const results = [];
for (const run of runs) {
  const page = await browser.newPage();
  // The page is watched over CDP (Runtime.evaluate of one expression), not Playwright's waitForFunction: that
  // injects Playwright's script into the page, a main-thread task of tens of ms that would count as the run's.
  const cdp = await page.context().newCDPSession(page);
  const endTrace = argv.includes('--no-trace') ? null : await startTrace(cdp);
  const load0 = loadavg()[0];
  const q = new URLSearchParams({ algo: run.algo, backend: run.backend, seed: String(run.seed) });
  if (run.env && run.env !== '-') q.set('env', run.env);
  if (budget) q.set('budget', budget);
  if (cfgOverrides) q.set('cfg', cfgOverrides);
  if (argv.includes('--no-chart')) q.set('chart', 'false');
  let line;
  try {
    await page.goto(`${base}bench.html?${q}`);
    const deadline = Date.now() + timeoutS * 1000;
    while ((line = await evaluate(cdp, 'window.__benchResult')) === undefined) {
      if (Date.now() > deadline) throw new Error(`no result after ${timeoutS} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (e) {
    const progress = await evaluate(cdp, 'window.__benchProgress ?? {}').catch(() => ({}));
    line = { ...run, solved: false, ...progress, error: String(e).split('\n')[0] };
  }
  const traced = endTrace ? await endTrace().catch((e) => ({ trace_error: String(e).split('\n')[0] })) : {};
  const load = [load0, loadavg()[0]].map((l) => Math.round(l * 10) / 10);
  line = { ...line, ...traced, load_avg: load, requested_backend: run.backend };
  results.push(line);
  console.log(JSON.stringify(line));
  await page.close();
}
await browser.close();
stopServer();

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const groups = {};
for (const r of results) (groups[`${r.algo}/${r.env ?? '-'}/${r.requested_backend}`] ??= []).push(r);
const summary = {};
for (const [k, rs] of Object.entries(groups)) {
  summary[k] = {
    runs: rs.length,
    solved: rs.filter((r) => r.solved).length,
    backend: [...new Set(rs.map((r) => r.backend))].join(','),
    median_seconds_to_solve: median(rs.map((r) => r.seconds_to_solve)),
    median_steps_to_solve: median(rs.map((r) => r.steps_to_solve)),
    median_sps: median(rs.map((r) => r.sps)),
    median_updates_per_sec: median(rs.map((r) => r.updates_per_sec)),
    max_longtask_ms: Math.max(0, ...rs.map((r) => r.max_longtask_ms ?? 0)),
    max_task_cpu_ms: Math.max(0, ...rs.map((r) => r.max_task_cpu_ms ?? 0)),
    load_avg: [
      Math.min(...rs.flatMap((r) => r.load_avg ?? [])),
      Math.max(...rs.flatMap((r) => r.load_avg ?? [])),
    ],
  };
}
console.log(JSON.stringify({ bench: 'train', summary }));
process.exit(0);
