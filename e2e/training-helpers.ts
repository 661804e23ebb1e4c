/** Helpers of the training specs: readouts, the saved run in IndexedDB, the run's JSON export, the worker. */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const panel = (preset: string, backend: string, query = '') =>
  `/?props.preset=${preset}&props.backend=${backend}${query}#/widget/TrainingPanel`;

export async function num(page: Page, testId: string): Promise<number> {
  const v = await page.getByTestId(testId).first().getAttribute('data-value');
  return v === null ? NaN : Number(v);
}

/** The run saved in IndexedDB under `key` (idb-keyval's default store), or null. */
export function savedRun(page: Page, key: string): Promise<{ steps: number; episodes: number } | null> {
  return page.evaluate(
    (k) =>
      new Promise((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => resolve(null);
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyval')) return resolve(null);
          const get = db.transaction('keyval').objectStore('keyval').get(`proximal.training.${k}`);
          get.onsuccess = () => resolve(get.result ?? null);
          get.onerror = () => resolve(null);
        };
      }),
    key,
  );
}

/** The panel's "Export JSON": the run's config and its per-update series. */
export async function exportedRun(
  page: Page,
): Promise<{ updates: { steps: number; returnMean20?: number }[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

/** Throws an uncaught error inside the training worker (as a bug would), from outside the page's code. */
export async function crashWorker(page: Page) {
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  for (const w of page.workers()) {
    if (!w.url().includes('trainer')) continue;
    await w.evaluate(() => {
      setTimeout(() => {
        throw new Error('crash injected by the test');
      });
    });
  }
}
