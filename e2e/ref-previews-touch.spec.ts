import { expect, test } from '@playwright/test';
import { openChapter } from './helpers';

/** On a touch screen there is no hover: a first tap on a reference shows its preview, a second tap follows it. */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('on touch, a first tap on a theorem reference previews it and a second tap follows the link', async ({
  page,
}) => {
  await openChapter(page, 'mixture-policies');
  const url = page.url();
  const ref = page.locator('article a[href*="/thm-"]').first();
  const href = (await ref.getAttribute('href'))!;
  await ref.scrollIntoViewIfNeeded();
  await ref.tap();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/Theorem \d+\.\d+/);
  await expect(tip.locator('.katex').first()).toBeVisible();
  // The first tap stayed on the page.
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  await ref.tap();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});
