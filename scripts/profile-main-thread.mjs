// Main-thread profile of a training run: which code made a task long, and which long task was the OS's doing.
// Serves a built site (vite preview), opens the benchmark page or a training panel in headless Chromium, records a
// Chromium trace (tasks with their wall and thread-CPU time, and a 0.5 ms CPU profile) and prints, per main-thread
// task over --min-ms wall or --min-cpu-ms CPU: its wall and CPU time, the trace events inside it, and the functions
// the profiler sampled in it; then the main thread's CPU share over the run and its hottest functions. A task with
// much wall time and little CPU time was waiting for a core (check `uptime`), not running our code.
//
//   node scripts/profile-main-thread.mjs --dist dist-bench --url 'bench.html?algo=ppo&env=Acrobot-v1&seed=1'
//   node scripts/profile-main-thread.mjs --dist dist-bench --panel reinforce-cartpole --seconds 40
// Flags: --dist <built site> (default dist-bench; `vite build --mode bench --minify false` gives readable names)
//        --url <page and query> | --panel <preset> (the real TrainingPanel, started with its Start button)
//        --seconds <s> (panel runs: how long to watch)  --min-ms 50  --min-cpu-ms 30  --out <trace.json to keep>
//        --trace <trace.json> (analyse a kept trace; no run)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

const argv = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const dist = flag('dist', 'dist-bench');
const panel = flag('panel', null);
const url = panel
  ? `?props.preset=${panel}&props.backend=wasm#/widget/TrainingPanel`
  : flag('url', 'bench.html');
const seconds = Number(flag('seconds', '60'));
const minMs = Number(flag('min-ms', '50'));
const minCpuMs = Number(flag('min-cpu-ms', '30'));

/** Runs the page in Chromium under a trace; returns the trace events and the page's origin. */
async function record() {
  const port = await new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => resolve(p));
    });
  });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  process.on('exit', () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 150) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 200));
  }

  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--no-first-run'] });
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'disabled-by-default-v8.cpu_profiler',
        'blink.user_timing',
      ],
    },
    transferMode: 'ReportEvents',
  });
  // Watched with CDP's Runtime.evaluate: Playwright's waitForFunction would inject its own script (a long task).
  const evaluate = async (expression) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  await page.goto(`${base}${url}`);
  if (panel) await page.getByRole('button', { name: 'Start', exact: true }).click();
  const t0 = Date.now();
  let result;
  // A bench page ends by itself (window.__benchResult); a panel or any other page (a chapter) is watched --seconds.
  const benchPage = !panel && url.startsWith('bench');
  while (Date.now() - t0 < seconds * 1000 + (benchPage ? 300_000 : 0)) {
    await new Promise((r) => setTimeout(r, 1000));
    if (panel) {
      const status = await evaluate('document.querySelector("[data-testid=train-status]")?.dataset.value');
      result = {
        status,
        steps: await evaluate('document.querySelector("[data-testid=train-steps]")?.dataset.value'),
      };
      if (status === 'solved' || status === 'finished' || status === 'error') break;
    } else if (benchPage && (result = await evaluate('window.__benchResult')) !== undefined) break;
  }
  await cdp.send('Tracing.end');
  await complete;
  await browser.close();
  if (flag('out', null)) writeFileSync(flag('out', null), JSON.stringify(events));
  const { longtasks: _l, ...summary } = result ?? {};
  console.log(JSON.stringify(summary));
  return { events, base };
}

const kept = flag('trace', null);
const { events, base } = kept
  ? { events: JSON.parse(readFileSync(kept, 'utf8')), base: 'http://127.0.0.1:' }
  : await record();

// The page's main thread: the renderer main thread that ran the served scripts.
const key = (e) => `${e.pid}:${e.tid}`;
const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [key(e), e.args.name]));
const ours = {};
for (const e of events)
  if (e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith(base))
    ours[key(e)] = (ours[key(e)] ?? 0) + 1;
const main = [...names]
  .filter(([, n]) => n === 'CrRendererMain')
  .map(([k]) => k)
  .sort((a, b) => (ours[b] ?? 0) - (ours[a] ?? 0))[0];
const onMain = events.filter((e) => key(e) === main);
const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X');
const origin = Math.min(...tasks.map((e) => e.ts));

// The CPU profile of that thread (chunks are keyed by process and profile id).
const profiles = new Set(onMain.filter((e) => e.name === 'Profile').map((e) => `${e.pid}:${e.id}`));
const nodes = new Map();
const samples = [];
let t = 0;
for (const e of events)
  if (e.name === 'Profile' && profiles.has(`${e.pid}:${e.id}`)) t = e.args.data.startTime;
for (const e of events) {
  if (e.name !== 'ProfileChunk' || !profiles.has(`${e.pid}:${e.id}`)) continue;
  const cp = e.args.data.cpuProfile ?? {};
  for (const n of cp.nodes ?? []) nodes.set(n.id, n);
  const deltas = e.args.data.timeDeltas ?? [];
  (cp.samples ?? []).forEach((id, i) => {
    t += deltas[i] ?? 0;
    samples.push([t, id]);
  });
}
for (const n of nodes.values())
  for (const c of n.children ?? []) if (nodes.has(c)) nodes.get(c).parent = n.id;
const fname = (id) => {
  const c = nodes.get(id)?.callFrame;
  if (!c) return '?';
  const where = c.url ? ` ${c.url.split('/').pop()}:${c.lineNumber + 1}` : '';
  return `${c.functionName || '(anonymous)'}${where}`;
};
const stack = (id) => {
  const out = new Set();
  for (let n = nodes.get(id); n; n = nodes.get(n.parent)) out.add(fname(n.id));
  return out;
};
const idle = (f) => f.startsWith('(idle)') || f.startsWith('(program)') || f.startsWith('(root)');
const profileOf = (a, b) => {
  const self = {};
  const incl = {};
  let n = 0;
  for (const [ts, id] of samples) {
    if (ts < a || ts > b || idle(fname(id))) continue;
    n += 1;
    self[fname(id)] = (self[fname(id)] ?? 0) + 1;
    for (const f of stack(id)) if (!idle(f)) incl[f] = (incl[f] ?? 0) + 1;
  }
  return { n, self, incl };
};
const top = (o, k, n, sep) =>
  Object.entries(o)
    .sort((x, y) => y[1] - x[1])
    .slice(0, k)
    .map(([f, v]) => `${f} ${((100 * v) / Math.max(1, n)).toFixed(0)}%`)
    .join(sep);
const ms = (us) => (us / 1000).toFixed(1);

const shown = tasks.filter((e) => e.dur > minMs * 1000 || (e.tdur ?? 0) > minCpuMs * 1000);
console.log(
  `main thread ${main}: ${tasks.length} tasks; ${shown.length} over ${minMs} ms wall or ${minCpuMs} ms CPU`,
);
for (const task of shown) {
  const [a, b] = [task.ts, task.ts + task.dur];
  const inside = {};
  for (const e of onMain)
    if (
      e.ph === 'X' &&
      e !== task &&
      e.ts >= a &&
      e.ts + e.dur <= b &&
      e.dur > 2000 &&
      !e.name.includes('RunTask')
    )
      inside[e.name] = Math.max(inside[e.name] ?? 0, e.dur / 1000);
  const p = profileOf(a, b);
  console.log(`\n@${ms(a - origin)} ms: wall ${ms(task.dur)} ms, CPU ${ms(task.tdur ?? 0)} ms`);
  console.log(`  events: ${top(inside, 8, 100, ', ').replace(/ (\d+)%/g, ' $1 ms')}`);
  if (p.n) console.log(`  self: ${top(p.self, 8, p.n, ', ')}\n  inclusive: ${top(p.incl, 10, p.n, ', ')}`);
}
const cpu = tasks.reduce((s, e) => s + (e.tdur ?? 0), 0);
const span = (Math.max(...tasks.map((e) => e.ts + e.dur)) - origin) / 1e6;
const whole = profileOf(-Infinity, Infinity);
console.log(
  `\nwhole run: ${span.toFixed(1)} s, main-thread CPU ${ms(cpu)} ms (${(cpu / 1e4 / span) | 0} % of a core)` +
    `\n  self: ${top(whole.self, 15, whole.n, '\n        ')}\n  inclusive: ${top(whole.incl, 20, whole.n, '\n             ')}`,
);
process.exit(0);
