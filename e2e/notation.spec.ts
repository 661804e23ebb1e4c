/**
 * The notation page (#/notation, content/00-notation/index.mdx): it renders with its math, axe finds nothing serious,
 * every row links to where its symbol is defined and every one of those deep links lands on its target, every
 * chapter links to the page, and the search finds it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readyChapters } from '../content/chapters';
import { collectErrors } from './helpers';

test('the notation page renders: math, links in every row, no errors, axe clean', async ({ page }) => {
  // axe over a page of ~70 rows of typeset math takes a while on a loaded machine.
  test.setTimeout(300_000);
  const { errors } = collectErrors(page);
  await page.goto('./#/notation');
  await expect(page.locator('article h1')).toHaveText('Notation');
  await expect(page).toHaveTitle(/^Notation/);
  await expect(page.locator('article .katex-error')).toHaveCount(0);
  await expect(page.locator('article .ref-missing')).toHaveCount(0);
  const rows = page.locator('article tbody tr');
  expect(await rows.count()).toBeGreaterThan(50);
  // Every row's last cell links to a block, equation or section of a chapter.
  const unlinked = await rows.evaluateAll((trs) =>
    trs.filter((tr) => !tr.querySelector('td:last-child a[href^="#/"]')).map((tr) => tr.textContent ?? ''),
  );
  expect(unlinked).toEqual([]);
  const results = await new AxeBuilder({ page }).exclude('.katex-html').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`)).toEqual(
    [],
  );
  expect(errors).toEqual([]);
});

test('every deep link of the notation page lands on its target', async ({ page }) => {
  test.setTimeout(600_000);
  const { errors } = collectErrors(page);
  await page.goto('./#/notation');
  await expect(page.locator('article h1')).toHaveText('Notation');
  const hrefs = await page
    .locator('article tbody td:last-child a[href^="#/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))]);
  expect(hrefs.length).toBeGreaterThan(40);
  // Chapter by chapter (each chapter loads once), by hash navigation inside the page, as a click would.
  hrefs.sort();
  for (const href of hrefs) {
    const [, slug, id] = /^#\/([^/]+)\/(.+)$/.exec(href) ?? [];
    expect(slug && id, href).toBeTruthy();
    await page.evaluate((h) => (window.location.hash = h), href);
    const target = page.locator(`#chapter-body [id="${decodeURIComponent(id)}"]`);
    await expect(target, href).toHaveCount(1);
    await expect(target, href).toBeInViewport();
  }
  expect(errors).toEqual([]);
});

test('every chapter links to the notation page, and the search finds it', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#/');
  await expect(page.locator('#sidebar a[href="#/notation"]')).toBeVisible();
  for (const c of readyChapters) {
    await page.evaluate((h) => (window.location.hash = h), `#/${c.slug}`);
    await expect(page.locator('article h1').first()).toBeVisible();
    await expect(page.locator('article .notation-link a'), c.slug).toHaveAttribute('href', '#/notation');
  }
  await page.locator('article .notation-link a').click();
  await expect(page.locator('article h1')).toHaveText('Notation');
  const box = page.getByRole('searchbox', { name: 'Search the book' });
  await box.fill('notation symbol meaning');
  const hit = page.locator('.search-results a', { hasText: 'Notation' }).first();
  await expect(hit).toBeVisible();
});
