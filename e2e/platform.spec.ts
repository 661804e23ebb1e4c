import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chapters } from '../content/chapters';
import { chapterSlugs, collectErrors, openChapter } from './helpers';

test.describe('every chapter page', () => {
  for (const slug of chapterSlugs) {
    test(`${slug}: renders its h1 and math with no KaTeX or console errors`, async ({ page }) => {
      const { errors } = collectErrors(page);
      await openChapter(page, slug);
      await expect(page.locator('article .katex').first()).toBeVisible();
      expect(await page.locator('article h2').count()).toBeGreaterThan(2);
      await expect(page.locator('.katex-error')).toHaveCount(0);
      await expect(page.locator('.ref-missing')).toHaveCount(0);
      // Let lazy widgets mount before judging the console.
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 30_000 });
      await expect(page.locator('.widget-error')).toHaveCount(0);
      expect(errors).toEqual([]);
    });

    test(`${slug}: axe finds no serious or critical violations`, async ({ page }) => {
      // KaTeX's visual HTML is aria-hidden (readers get the MathML beside it), so axe skips it: with it, axe
      // walks some 25,000 nodes per chapter and needs over a minute on a loaded 2-core machine.
      test.setTimeout(180_000);
      await openChapter(page, slug);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).exclude('.katex-html').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`),
      ).toEqual([]);
    });
  }
});

test('home lists the chapters, including the ones still to come', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('h1')).toHaveText('Proximal');
  await expect(page.locator('.chapter-card')).toHaveCount(chapters.length);
  // As many "coming" cards as content/chapters.ts has chapters not yet ready (authors flip them one by one).
  await expect(page.locator('.chapter-card.coming')).toHaveCount(
    chapters.filter((c) => c.status === 'coming').length,
  );
});

test('a deep link to a section lands there, also after a reload', async ({ page }) => {
  await page.goto('./#/ppo/the-clipped-surrogate');
  const heading = page.locator('#the-clipped-surrogate');
  await expect(heading).toBeInViewport();
  await page.reload();
  await expect(heading).toBeInViewport();
  // The outline links to the same anchors.
  await page.locator('.outline a', { hasText: 'Training PPO on CartPole' }).click();
  await expect(page).toHaveURL(/#\/ppo\/training-ppo-on-cartpole$/);
  await expect(page.locator('#training-ppo-on-cartpole')).toBeInViewport();
});

test('numbered references resolve across chapters', async ({ page }) => {
  await openChapter(page, 'trpo');
  const link = page.locator('article a', { hasText: /^Theorem 8\.\d+$/ }).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/#\/tv-coupling\/thm-/);
  await expect(page.locator('article h1')).toContainText('total variation');
});

test('theme toggle switches and persists across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openChapter(page, 'mdp-bellman');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe('rgb(253, 253, 251)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the theme follows the system until the reader picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('presenter mode toggles with the button and the p key', async ({ page }) => {
  await openChapter(page, 'mdp-bellman');
  const sidebar = page.locator('#sidebar');
  await expect(sidebar).toBeVisible();
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(sidebar).toBeHidden();
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(big).toBeGreaterThan(20);
  await page.locator('body').press('p');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await expect(sidebar).toBeVisible();
});

test('search finds a heading and navigates to it', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('h1')).toHaveText('Proximal');
  const box = page.getByRole('searchbox', { name: 'Search the book' });
  await expect(async () => {
    await page.locator('body').press('/');
    await expect(box).toBeFocused({ timeout: 1000 });
  }).toPass();
  await box.fill('maximal coupling');
  const hit = page.locator('.search-results a', { hasText: 'The maximal coupling' }).first();
  await expect(hit).toBeVisible();
  // the matched words are marked in the result's text
  const marks = hit.locator('.search-snippet mark');
  await expect(marks.first()).toBeVisible();
  for (const m of await marks.allInnerTexts()) expect(m.toLowerCase()).toMatch(/^(maximal|coupling)/);
  await hit.click();
  await expect(page).toHaveURL(/#\/tv-coupling\/the-maximal-coupling$/);
  await expect(page.locator('#the-maximal-coupling')).toBeInViewport();
});

test('search finds a block by its label and a widget by its name, in the new chapters too, with context', async ({
  page,
}) => {
  await page.goto('./');
  const box = page.getByRole('searchbox', { name: 'Search the book' });
  await box.fill('equation 12.3');
  const first = page.locator('.search-results a').first();
  await expect(first).toContainText('The KL-regularised objective');
  // The snippet is the text around the label, the label's number marked.
  await expect(first.locator('.search-snippet')).toContainText('Equation (12.3)');
  await expect(first.locator('.search-snippet mark', { hasText: '12.3' })).toBeVisible();
  await box.fill('PreferenceLab');
  await expect(page.locator('.search-results a').first()).toContainText('Training both on a toy problem');
  await page.locator('.search-results a').first().click();
  await expect(page).toHaveURL(/#\/preferences\/training-both-on-a-toy-problem$/);
});

test('exercises hide their solutions until asked', async ({ page }) => {
  await openChapter(page, 'mdp-bellman');
  const ex = page.locator('.callout-exercise:not(.checked-exercise)').first();
  await expect(ex.locator('.solution-body')).toBeHidden();
  await ex.getByRole('button', { name: 'Show solution' }).click();
  await expect(ex.locator('.solution-body')).toBeVisible();
});

test('a phone-sized screen gets a chapter drawer', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openChapter(page, 'gae');
  const sidebar = page.locator('#sidebar');
  await expect(sidebar).not.toBeInViewport();
  await page.getByRole('button', { name: 'Chapters' }).click();
  await expect(sidebar).toBeInViewport();
  await sidebar.getByRole('link', { name: /Appendix/ }).click();
  await expect(page.locator('article h1')).toContainText('total variation');
  await expect(sidebar).not.toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an unknown chapter shows a friendly page', async ({ page }) => {
  const { errors } = collectErrors(page);
  await page.goto('./#/no-such-chapter');
  await expect(page.locator('h1')).toHaveText('No such chapter');
  expect(errors).toEqual([]);
});
