// Site figures (needs a build in dist/): JavaScript a reader downloads to see the first chapter (gzip), whether
// any TensorFlow.js code is in it, total JS in dist, first contentful paint and time until the chapter is
// interactive, in headless Chromium against `vite preview` on loopback. One JSON object per line.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

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
  for (const route of ['#/mdp-bellman', '#/ppo']) {
    const page = await browser.newPage();
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
    await page.locator('article h1').waitFor();
    await page.waitForLoadState('networkidle');
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
    const files = [...jsFiles].filter((f) => allJs.includes(f));
    const gzipBytes = files.reduce((a, f) => a + gz(f), 0);
    console.log(
      JSON.stringify({
        bench: 'site',
        route,
        js_files: files.length,
        js_gzip_kb: +(gzipBytes / 1024).toFixed(1),
        goal_kb: 250,
        tfjs_in_page_js: files.some(isTf),
        first_contentful_paint_ms: fcp && Math.round(fcp),
        time_to_interactive_ms: tti,
        longest_task_ms: Math.round(Math.max(0, ...(await page.evaluate(() => window.__longTasks)))),
      }),
    );
    await page.close();
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
