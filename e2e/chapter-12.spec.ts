import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { collectErrors, readNumber, mountWidgets } from './helpers';

/** Chapter 12 (RLHF, DPO, GRPO): render, math, the exact figures the prose quotes, and trainings that move the right way. */

const slug = 'preferences';

/** Opens the chapter; its module is large (the prose, the math and three widgets), so allow for a busy machine. */
async function openChapter(page: Page, _slug: string, query = '') {
  await page.goto(`./${query}#/${slug}`);
  await expect(page.locator('article h1')).toBeVisible({ timeout: 90_000 });
  // Widgets mount when near the viewport: scroll through them as a reader would.
  await mountWidgets(page);
}
// Every test opens a long chapter with three widgets and waits for runs; on a loaded machine that takes minutes.
test.describe.configure({ timeout: 300_000 });

const widget = (page: Page, name: string) => page.locator(`[data-widget="${name}"]`);

/** Starts recording main-thread long tasks (a figure for the report, not an assertion: timing depends on the machine). */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

async function reportLongTasks(page: Page, what: string) {
  const ms = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  test
    .info()
    .annotations.push({ type: 'longest main-thread task', description: `${what}: ${ms.toFixed(0)} ms` });
  console.log(`${what}: longest main-thread task while training ${ms.toFixed(0)} ms`);
}

async function waitForStatus(page: Page, prefix: string, status: string, timeout = 60_000) {
  await expect(page.getByTestId(`${prefix}-status`)).toHaveAttribute('data-value', status, { timeout });
}

test('renders: headings, math, blocks, errata, exercises; no KaTeX, reference or console errors', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, slug);
  await expect(page.locator('article h1')).toHaveText(/RLHF, DPO and GRPO/);
  await expect(page.locator('article .katex').first()).toBeVisible();
  await expect(page.locator('article .katex-error')).toHaveCount(0);
  await expect(page.locator('article .ref-missing')).toHaveCount(0);
  await expect(page.locator('article .block-label', { hasText: /^Theorem 12\.\d+$/ })).toHaveCount(2);
  await expect(page.locator('article .callout-erratum')).toHaveCount(5);
  const exercises = page.locator('article .callout-exercise:not(.checked-exercise)');
  await expect(exercises).toHaveCount(5);
  await expect(exercises.first().locator('.solution-body')).toBeHidden();
  await exercises.first().getByRole('button').click();
  await expect(exercises.first().locator('.solution-body')).toBeVisible();
  // References to chapters 2, 6 and 8 resolve.
  await expect(page.locator('article a', { hasText: /^Lemma 6\.\d+$/ }).first()).toBeVisible();
  await expect(page.locator('article a', { hasText: /^Theorem 8\.\d+$/ }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.widget-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('axe finds no serious or critical violations', async ({ page }) => {
  // Axe walks the whole chapter (three widgets' charts and tables included): minutes on a loaded 2-core machine.
  test.setTimeout(900_000);
  await openChapter(page, slug);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 30_000 });
  const results = await new AxeBuilder({ page }).exclude('.katex-html').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`)).toEqual(
    [],
  );
});

test('the KL-regularised optimum: the figures the prose quotes, every check holding, and the two limits of β', async ({
  page,
}) => {
  await openChapter(page, slug);
  const w = widget(page, 'KlOptimum');
  await w.scrollIntoViewIfNeeded();
  const pi = [];
  for (let i = 1; i <= 5; i++) pi.push((await readNumber(page, `klopt-pi-${i}`)).toFixed(3));
  expect(pi).toEqual(['0.170', '0.193', '0.315', '0.015', '0.306']);
  expect((await readNumber(page, 'klopt-er')).toFixed(3)).toBe('0.738');
  expect((await readNumber(page, 'klopt-er-ref')).toFixed(3)).toBe('0.311');
  expect((await readNumber(page, 'klopt-kl')).toFixed(3)).toBe('0.419');
  expect((await readNumber(page, 'klopt-value')).toFixed(4)).toBe('0.5286');
  expect((-(await readNumber(page, 'klopt-logz'))).toFixed(4)).toBe('-1.0572');
  expect(await readNumber(page, 'klopt-iterations')).toBe(8);
  expect(await readNumber(page, 'klopt-newton-gap')).toBeLessThanOrEqual(1e-15);
  expect((await readNumber(page, 'klopt-cloud-gap')).toFixed(3)).toBe('0.051');
  // Every row of the check table holds.
  const holds = w.locator('[data-testid$="-holds"]');
  expect(await holds.count()).toBeGreaterThanOrEqual(6);
  for (const h of await holds.all()) await expect(h).toHaveAttribute('data-value', 'true');
  // β at its smallest: nearly all mass on response 5, KL near −log 0.08 = 2.53.
  const beta = w.getByLabel('β', { exact: true });
  await beta.focus();
  await beta.press('Home');
  expect(await readNumber(page, 'klopt-pi-5')).toBeGreaterThan(0.999);
  expect((await readNumber(page, 'klopt-kl')).toFixed(2)).toBe('2.53');
  for (const h of await holds.all()) await expect(h).toHaveAttribute('data-value', 'true');
  // β at its largest: π* is the reference.
  await beta.press('End');
  expect(await readNumber(page, 'klopt-pi-1')).toBeCloseTo(0.4, 1);
  expect(await readNumber(page, 'klopt-kl')).toBeLessThan(1e-3);
});

test('RLHF and DPO train in the worker and both reach the exact optimum for the data', async ({ page }) => {
  test.setTimeout(180_000);
  const { errors } = collectErrors(page);
  await openChapter(page, slug);
  const w = widget(page, 'PreferenceLab');
  await w.scrollIntoViewIfNeeded();
  await waitForStatus(page, 'pref', 'ready');
  // The exact figures the prose quotes for the default seed.
  expect((100 * (await readNumber(page, 'pref-opt-win'))).toFixed(1)).toBe('66.6');
  expect((await readNumber(page, 'pref-opt-kl')).toFixed(3)).toBe('0.713');
  const dataWin = await readNumber(page, 'pref-data-win');
  expect((100 * dataWin).toFixed(1)).toBe('66.5');
  expect((await readNumber(page, 'pref-data-kl')).toFixed(3)).toBe('0.732');
  expect((await readNumber(page, 'pref-data-gap')).toFixed(4)).toBe('0.0277');
  expect(await readNumber(page, 'pref-dpo-kl')).toBeLessThan(1e-12);
  const gap0 = await readNumber(page, 'pref-dpo-gap');
  expect(gap0).toBeGreaterThan(0.1);
  await watchLongTasks(page);
  await page.getByTestId('pref-start').click();
  await waitForStatus(page, 'pref', 'finished', 150_000);
  await reportLongTasks(page, 'PreferenceLab');
  expect(await readNumber(page, 'pref-step')).toBe(1500);
  for (const who of ['dpo', 'rlhf']) {
    expect(await readNumber(page, `pref-${who}-gap`)).toBeLessThan(0.01);
    expect(Math.abs((await readNumber(page, `pref-${who}-win`)) - dataWin)).toBeLessThan(0.01);
    expect(await readNumber(page, `pref-${who}-kl`)).toBeGreaterThan(0.1);
  }
  expect(errors).toEqual([]);
});

test('with a dozen pairs the maximum-likelihood reward does not exist, and the widget says so', async ({
  page,
}) => {
  await openChapter(page, slug, '?pref.pairs=12');
  const w = widget(page, 'PreferenceLab');
  await w.scrollIntoViewIfNeeded();
  await waitForStatus(page, 'pref', 'ready');
  await expect(w.locator('.widget-notices')).toContainText('does not exist');
});

test('GRPO: the exact weights the prose quotes, and all three learners beat the reference', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { errors } = collectErrors(page);
  await openChapter(page, slug, '?grpo.updates=30');
  const w = widget(page, 'GrpoLab');
  await w.scrollIntoViewIfNeeded();
  expect((await readNumber(page, 'grpo-w-50')).toFixed(1)).toBe('13.9');
  expect((await readNumber(page, 'grpo-w-05')).toFixed(1)).toBe('18.5');
  expect(await readNumber(page, 'grpo-w-nostd')).toBeCloseTo(7, 9);
  await waitForStatus(page, 'grpo', 'ready', 120_000);
  const ref = await readNumber(page, 'grpo-ref-acc');
  expect(ref).toBeGreaterThan(0.1);
  expect(ref).toBeLessThan(0.4);
  await watchLongTasks(page);
  await page.getByTestId('grpo-start').click();
  await waitForStatus(page, 'grpo', 'finished', 200_000);
  await reportLongTasks(page, 'GrpoLab');
  expect(await readNumber(page, 'grpo-update')).toBe(30);
  for (const v of ['grpo', 'grpo-nostd', 'ppo-critic']) {
    expect(await readNumber(page, `grpo-acc-${v}`)).toBeGreaterThan(ref + 0.05);
    expect(await readNumber(page, `grpo-kl-${v}`)).toBeGreaterThan(0.01);
  }
  expect(errors).toEqual([]);
});
