/**
 * A new version deployed while a reader has the book: the service worker installs it in the background and waits;
 * the page says a new version is there and reloads into it when the reader asks, and what the reader saved (the
 * theme in localStorage, a record in IndexedDB) is still there afterwards.
 *
 * The two versions are two copies of the build, served in turn from one origin by a small static server of this
 * spec's own: version 2 differs from version 1 in its index.html (a marker the page can read) and so in the
 * precache manifest of its sw.js, as a real deployment does.
 */
import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

test.use({ serviceWorkers: 'allow' });

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

/** Serves `root()` (read at each request, so the test can switch versions) on a free loopback port. */
function serve(root: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root(), path === '/' ? 'index.html' : path));
    if (!file.startsWith(root()) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('a new version is announced, reloads when the reader asks, and keeps what the reader saved', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dist = process.env.E2E_DIST ?? 'dist';
  const tmp = mkdtempSync(join(tmpdir(), 'proximal-update-'));
  const v1 = join(tmp, 'v1');
  const v2 = join(tmp, 'v2');
  cpSync(dist, v1, { recursive: true });
  cpSync(dist, v2, { recursive: true });
  // Version 2: a changed index.html, and the sw.js that precaches it under its new revision.
  const html = readFileSync(join(v2, 'index.html'), 'utf8').replace(
    '<head>',
    '<head>\n    <meta name="e2e-version" content="2" />',
  );
  writeFileSync(join(v2, 'index.html'), html);
  const revision = createHash('md5').update(html).digest('hex');
  const sw = readFileSync(join(v2, 'sw.js'), 'utf8');
  const swV2 = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, `$1${revision}"`);
  expect(swV2).not.toBe(sw);
  writeFileSync(join(v2, 'sw.js'), swV2);

  let root = v1;
  const server = await serve(() => root);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${base}#/mdp-bellman`);
    await expect(page.locator('article h1')).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // What the reader saved: a theme, and a record in the agents' IndexedDB.
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('proximal-agents');
          open.onupgradeneeded = () => open.result.createObjectStore('agents');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('agents', 'readwrite');
            tx.objectStore('agents').put({ name: 'my agent' }, 'e2e-saved');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );

    // The new version is deployed; the reader comes back (a reload, served by the old worker meanwhile).
    root = v2;
    await page.reload();
    await expect(page.locator('article h1')).toBeVisible();
    const banner = page.getByTestId('update-banner');
    await expect(banner).toContainText('A new version of the book is available', { timeout: 60_000 });
    // Until the reader decides, the page is still version 1.
    await expect(page.locator('meta[name="e2e-version"]')).toHaveCount(0);
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="e2e-version"]')).toHaveAttribute('content', '2', {
      timeout: 30_000,
    });
    await expect(page.locator('article h1')).toBeVisible();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);

    // Nothing saved was lost.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const saved = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('proximal-agents');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('agents').objectStore('agents').get('e2e-saved');
            get.onsuccess = () => resolve(get.result);
          };
        }),
    );
    expect(saved).toEqual({ name: 'my agent' });
  } finally {
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});
