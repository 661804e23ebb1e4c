import { expect, test } from '@playwright/test';
import { collectErrors, openChapter } from './helpers';

/**
 * Keyboard and navigation: shortcuts act only on a training widget the reader is using or can see, never from a
 * focused slider or under a dialog; presenter mode can always be left; unknown sections and page chrome ids are
 * reported; every page sets its own title; a pasted novel does not freeze the search.
 */

test('space scrolls the PPO chapter when no training widget is focused or alone on screen', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'ppo');
  // Widgets mount when near; wait until the chapter's training widgets have registered.
  await expect(page.locator('[data-widget="TrainingCompare"]')).toHaveCount(1);
  await page.locator('article h1').click();
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.press(' ');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
  // Nothing anywhere on the page started training.
  for (const s of await page.getByTestId('train-status').all()) {
    expect(await s.getAttribute('data-value')).not.toBe('running');
  }
  expect(errors).toEqual([]);
});

test('letter shortcuts do nothing from a focused slider or under the shortcut list; r asks twice', async ({
  page,
}) => {
  await page.goto('./?props.preset=ppo-cartpole#/widget/TrainingPanel');
  const slider = page.getByRole('slider').first();
  await slider.focus();
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await page.keyboard.press('.');
  await page.keyboard.press('r');
  await expect(page.getByText('Press r again')).toHaveCount(0);

  // The shortcut list is open: p must not toggle presenter mode beneath it.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  // On the only widget on screen, a single r only warns.
  await page.keyboard.press('r');
  await expect(page.getByTestId('notices')).toContainText('Press r again');
});

test('presenter mode at 400 px keeps a way out', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  await openChapter(page, 'ppo');
  await page.locator('article h1').click();
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  const exit = page.getByTestId('presenter-toggle');
  await expect(exit).toBeVisible();
  await exit.click();
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
});

test('unknown sections and page-chrome ids are reported; each page has its own title', async ({ page }) => {
  await openChapter(page, 'ppo');
  await expect(page).toHaveTitle(/PPO/);
  await page.goto('./#/ppo/no-such-section');
  await expect(page.getByTestId('notices')).toContainText('no section “no-such-section”');
  await page.goto('./#/ppo/main');
  await expect(page.getByTestId('notices')).toContainText('no section “main”');
  await page.goto('./#/');
  await expect(page).toHaveTitle('Proximal');
  await page.goto('./#/no-such-chapter');
  await expect(page).toHaveTitle('No such chapter — Proximal');
  await page.goto('./#/widget/ClipExplorer');
  await expect(page).toHaveTitle('ClipExplorer — Proximal');
});

test('a pasted 10,000-character query is capped and still searches', async ({ page }) => {
  await page.goto('./#/');
  const box = page.getByRole('searchbox', { name: 'Search the book' });
  await box.focus();
  await box.fill('policy gradient '.repeat(700));
  const value = await box.inputValue();
  expect(value.length).toBeLessThanOrEqual(120);
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
});
