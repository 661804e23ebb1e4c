// Site figures (needs a build in dist/), for every ready chapter and the home page: JavaScript a reader downloads
// for its first view (gzip), whether any TensorFlow.js code is in it, first contentful paint, time until the
// chapter is interactive and the longest main-thread task while it loads, in headless Chromium against
// `vite preview` on loopback; then the total JS in dist. One JSON object per line. Run with tsx (it reads the
// table of contents from content/chapters.ts): `npx tsx scripts/bench-site.mjs`, as `npm run bench` does.
// The service worker is blocked so its background precache does not compete with the page being measured.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { readyChapters } from '../content/chapters.ts';

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
  for (const route of ['#/', ...readyChapters.map((c) => `#/${c.slug}`)]) {
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
        l.getEntries().forEach((e) => window.__longTasks.push(e.duration)),
      ).observe({ type: 'longtask', buffered: true });
    });
    const t0 = Date.now();
    await page.goto(base + route);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The first view: what was fetched until the chapter was on screen and the network went quiet. Widgets further
    // down mount later, one per idle period, and fetch their own chunks (counted in js_gzip_kb_all).
    const firstView = new Set(jsFiles);
    // Interactive: the chapter is rendered and no long task has happened for 500 ms.
    let quietSince = Date.now();
    let seen = 0;
    while (Date.now() - quietSince < 500 && Date.now() - t0 < 30_000) {
      const n = await page.evaluate(() => window.__longTasks.length);
      if (n !== seen) {
        seen = n;
        quietSince = Date.now();
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const tti = quietSince - t0;
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    const kb = (set) =>
      +([...set].filter((f) => allJs.includes(f)).reduce((a, f) => a + gz(f), 0) / 1024).toFixed(1);
    const files = [...firstView].filter((f) => allJs.includes(f));
    const row = {
      js_gzip_kb: kb(firstView),
      time_to_interactive_ms: tti,
      longest_task_ms: Math.round(Math.max(0, ...(await page.evaluate(() => window.__longTasks)))),
    };
    console.log(
      JSON.stringify({
        bench: 'site',
        route,
        js_files: files.length,
        ...row,
        js_gzip_kb_all: kb(jsFiles),
        tfjs_in_page_js: [...jsFiles].some(isTf),
        first_contentful_paint_ms: fcp && Math.round(fcp),
        goal: GOAL,
        meets_goals: Object.entries(GOAL).every(([k, v]) => row[k] <= v),
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
