/** Shared helpers for the end-to-end specs. */
import { expect, type Page } from '@playwright/test';

export const chapterSlugs = [
  'mdp-bellman',
  'policy-gradient',
  'performance-difference',
  'mixture-policies',
  'trpo',
  'ppo',
  'gae',
  'tv-coupling',
];

/** Collects console errors and uncaught exceptions of a page; assert on `.errors` at the end of a test. */
export function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  return { errors };
}

/** Opens a chapter and waits until its h1 and typeset math are on the page. */
export async function openChapter(page: Page, slug: string, query = '') {
  await page.goto(`./${query}#/${slug}`);
  await expect(page.locator('article h1')).toBeVisible();
}

/** The full-precision number behind a Readout. */
export async function readNumber(page: Page, testId: string): Promise<number> {
  const el = page.getByTestId(testId).first();
  await expect(el).toBeVisible();
  const v = await el.getAttribute('data-value');
  return Number(v);
}

export const relClose = (a: number, b: number, tol = 1e-9) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
