// Site figures (needs a build in dist/), for every ready chapter, the notation page and the home page: JavaScript
// a reader downloads for its first view (gzip), whether any TensorFlow.js code is in it, first contentful paint,
// time until the page is interactive (Lighthouse's definition, below) and the longest main-thread task while it
// loads, in headless Chromium against `vite preview` on loopback; then the total JS in dist. One JSON object per
// line. Run with tsx (it reads the table of contents from content/chapters.ts): `npx tsx scripts/bench-site.mjs`, as
// `npm run bench` does; BENCH_ROUTES=trpo,ppo measures only those pages ('home' is the home page).
// The service worker is blocked so its background precache does not compete with the page being measured.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { notationPage, readyChapters } from '../content/chapters.ts';

/** Issue 20's goals for a chapter's first view. */
const GOAL = { js_gzip_kb: 250, time_to_interactive_ms: 1500, longest_task_ms: 200 };

const dist = process.env.BENCH_DIST ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench-site: no build in ${dist}/ (run npm run build first)`);
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const port = await freePort();
const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}

const assets = join(dist, 'assets');
const allJs = readdirSync(assets).filter((f) => f.endsWith('.js'));
const gz = (f) => gzipSync(readFileSync(join(assets, f))).length;
const isTf = (f) => /tfjs|tensorflow/i.test(f) || /tfjsflags/.test(readFileSync(join(assets, f), 'utf8'));

const executablePath = ['/usr/bin/chromium', process.env.CHROMIUM_PATH].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking'],
});
try {
  const only = process.env.BENCH_ROUTES?.split(',');
  const routes = ['#/', `#/${notationPage.slug}`, ...readyChapters.map((c) => `#/${c.slug}`)].filter(
    (r) => !only || only.includes(r === '#/' ? 'home' : r.slice(2)),
  );
  for (const route of routes) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const jsFiles = new Set();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.js')) jsFiles.add(u.pathname.split('/').pop());
    });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => window.__longTasks.push([e.startTime, e.duration])),
      ).observe({ type: 'longtask', buffered: true });
    });
    // Requests in flight, in the page's clock (ms since its time origin), for the network-quiet condition below.
    // Recorded in wall-clock ms and shifted once the page's time origin is known (the first requests come before).
    const wall = new Map();
    let origin = null;
    page.on('request', (r) => wall.set(r, [Date.now(), Infinity]));
    const done = (r) => wall.has(r) && (wall.get(r)[1] = Date.now());
    const requests = () =>
      new Map([...wall].map(([r, [st, en]]) => [r, [st - origin, en === Infinity ? Infinity : en - origin]]));
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    // Only page.evaluate from here on: Playwright's locators inject a selector engine whose queries and layout
    // reads over a chapter's DOM are long tasks of their own, which would be charged to the page.
    const sample = () =>
      page.evaluate(() => ({
        h1: !!document.querySelector('main h1'),
        now: performance.now(),
        origin: performance.timeOrigin,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
        tasks: window.__longTasks,
      }));
    const t0 = Date.now();
    await page.goto(base + route);
    let s = await sample();
    origin = s.origin;
    while (!s.h1 && Date.now() - t0 < 30_000) {
      await new Promise((r) => setTimeout(r, 50));
      s = await sample();
    }
    await page.waitForLoadState('networkidle');
    // The first view: what was fetched until the chapter was on screen and the network went quiet. Widgets further
    // down mount later, one per idle period, and fetch their own chunks (counted in js_gzip_kb_all).
    const firstView = new Set(jsFiles);
    // Time to interactive as Lighthouse defines it: from first contentful paint, find the first 5 s window with no
    // long task (over 50 ms) and at most two requests in flight; TTI is the end of the last long task before that
    // window (or FCP if there was none), and not before DOMContentLoaded. The window may start at FCP, at the end
    // of a long task or at the end of a request (when the network calms: fonts come in threes). The load-time tasks
    // are those up to the end of that window.
    const QUIET = 5000;
    const inFlightOk = (a, b) => {
      const live = [...requests().values()].filter(([st, en]) => st < b && en > a);
      // At most 2 in flight at every instant of [a, b]: check at a and at each start inside.
      const points = [a, ...live.map(([st]) => st).filter((st) => st > a)];
      return points.every((t) => live.filter(([st, en]) => st <= t && en > t).length <= 2);
    };
    let tti = null;
    while (Date.now() - t0 < 45_000) {
      s = await sample();
      if (s.fcp !== null) {
        const fcp = s.fcp;
        const ends = s.tasks.map(([st, d]) => st + d);
        const netEnds = [...requests().values()].map(([, en]) => en).filter((e) => e !== Infinity);
        const candidates = [fcp, ...ends, ...netEnds].filter((c) => c >= fcp).sort((a, b) => a - b);
        const found = candidates.find(
          (c) => !s.tasks.some(([st, d]) => st < c + QUIET && st + d > c) && inFlightOk(c, c + QUIET),
        );
        if (found !== undefined && s.now >= found + QUIET) {
          const lastTaskEnd = Math.max(fcp, ...ends.filter((e) => e <= found));
          tti = Math.max(lastTaskEnd, s.dcl);
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const loadTasks = s.tasks.filter(([st]) => tti === null || st < tti + QUIET);
    const fcp = s.fcp;
    const kb = (set) =>
      +([...set].filter((f) => allJs.includes(f)).reduce((a, f) => a + gz(f), 0) / 1024).toFixed(1);
    const files = [...firstView].filter((f) => allJs.includes(f));
    const row = {
      js_gzip_kb: kb(firstView),
      // null: no 5 s quiet window within 45 s of navigation.
      time_to_interactive_ms: tti === null ? null : Math.round(tti),
      longest_task_ms: Math.round(Math.max(0, ...loadTasks.map(([, d]) => d))),
    };
    console.log(
      JSON.stringify({
        bench: 'site',
        route,
        js_files: files.length,
        ...row,
        js_gzip_kb_all: kb(jsFiles),
        load_long_tasks: loadTasks.length,
        tfjs_in_page_js: [...jsFiles].some(isTf),
        first_contentful_paint_ms: fcp && Math.round(fcp),
        goal: GOAL,
        meets_goals: Object.entries(GOAL).every(([k, v]) => row[k] !== null && row[k] <= v),
        // BENCH_DEBUG=1: every long task ([start, duration] ms) and the requests still open, to see what kept TTI.
        ...(process.env.BENCH_DEBUG
          ? {
              long_tasks: s.tasks.map(([st, d]) => [Math.round(st), Math.round(d)]),
              late_requests: [...requests()]
                .filter(([, [, en]]) => en > (fcp ?? 0))
                .map(([r, [st, en]]) => [Math.round(st), Math.round(en), r.url().slice(-50)]),
            }
          : {}),
      }),
    );
    await context.close();
  }
  const total = allJs.reduce((a, f) => a + gz(f), 0);
  const tf = allJs.filter(isTf);
  console.log(
    JSON.stringify({
      bench: 'dist',
      js_files: allJs.length,
      js_gzip_kb_total: +(total / 1024).toFixed(1),
      tfjs_chunks: tf,
    }),
  );
} finally {
  await browser.close();
  process.kill(-server.pid);
}
