import { expect, test } from '@playwright/test';
import { openChapter } from './helpers';

/** Hovering or focusing a cross-reference shows the referenced block, math rendered, without leaving the page. */
test('a theorem reference previews its statement on hover and on keyboard focus; a citation its full entry', async ({
  page,
}) => {
  await openChapter(page, 'mixture-policies');
  const url = page.url();
  const ref = page.locator('article a[href*="/thm-"]').first();
  await ref.scrollIntoViewIfNeeded();
  await ref.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/Theorem \d+\.\d+/);
  await expect(tip.locator('.katex').first()).toBeVisible();
  await expect(ref).toHaveAttribute('aria-describedby', /.+/);
  expect(page.url()).toBe(url);

  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  await ref.focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toBeHidden();

  const cite = page.locator('article cite a, article cite [tabindex="0"]').first();
  await cite.scrollIntoViewIfNeeded();
  await cite.hover();
  await expect(page.getByRole('tooltip')).toContainText(/\d{4}\./);
});

/** On a touch screen there is no hover: a first tap on a reference shows its preview, a second tap follows it. */
test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a first tap on a theorem reference previews it and a second tap follows the link', async ({
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
});
