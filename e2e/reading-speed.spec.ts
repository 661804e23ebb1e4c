/**
 * What the chapter page does to load fast must not cost the reader anything: far blocks are skipped by the browser
 * (content-visibility) until they come near, widgets mount lazily, and a deep link still lands on its target and
 * stays there while the rest of the chapter renders around it.
 */
import { expect, test, type Locator } from '@playwright/test';
import { collectErrors, openChapter } from './helpers';

/** Whether the browser renders an element (false inside a block skipped by content-visibility: auto). */
const rendered = (l: Locator) =>
  l.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions));

test('a deep link into a long chapter lands on its target and stays there as the chapter settles', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('./#/trpo/lem-kl-fisher');
  const target = page.locator('#lem-kl-fisher');
  await expect(target).toBeInViewport();
  // Every widget of the chapter mounts (near ones at once, the rest while the page is idle) …
  await expect(page.locator('#chapter-body .widget-frame').first()).toBeAttached();
  await expect(page.locator('#chapter-body .widget-placeholder')).toHaveCount(0);
  // … and the lemma is still where the link put it: at the top of the window, rendered.
  const top = await target.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(200);
  expect(await rendered(target.locator('.katex').first())).toBe(true);
  expect(errors.errors).toEqual([]);
});

test('far blocks are skipped on load and render when scrolled to; a far widget mounts when scrolled to', async ({
  page,
}) => {
  await openChapter(page, 'trpo');
  // The last paragraph with math, a long way below the first screen, is not laid out on load …
  const far = page.locator('#chapter-body > p:has(.katex)').last();
  const farMath = far.locator('.katex').first();
  await expect.poll(() => rendered(farMath)).toBe(false);
  // … but it is in the DOM (search, previews and copy-TeX read it) and renders once the reader gets there.
  await expect(farMath).toHaveAttribute('class', /katex/);
  await far.evaluate((el) => el.scrollIntoView());
  await expect.poll(() => rendered(farMath)).toBe(true);
  // The last widget of the chapter mounts when scrolled to.
  const widget = page.locator('#chapter-body .widget-frame').last();
  await widget.evaluate((el) => el.scrollIntoView());
  await expect(widget.locator('.widget-placeholder')).toHaveCount(0);
  await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(await rendered(widget.locator(':scope > :last-child'))).toBe(true);
});
