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
  // Every widget of the chapter mounts (here all at once, as when the page is printed; a reader scrolling mounts
  // them one by one, each in place of a placeholder of its height) …
  await expect(page.locator('#chapter-body .widget-frame').first()).toBeAttached();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
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
  await openChapter(page, 'trpo', '', { mount: false });
  // The last widget of the chapter is not mounted on load: once the page has settled, only its placeholder is there.
  const widget = page.locator('#chapter-body .widget-frame').last();
  await page.waitForLoadState('networkidle');
  await expect(widget.locator(':scope > .widget-placeholder')).toHaveAttribute('aria-busy', 'true');
  // The last paragraph with math, a long way below the first screen, is not laid out on load …
  const far = page.locator('#chapter-body > p:has(.katex)').last();
  const farMath = far.locator('.katex').first();
  await expect.poll(() => rendered(farMath)).toBe(false);
  // … but it is in the DOM (search, previews and copy-TeX read it) and renders once the reader gets there.
  await expect(farMath).toHaveAttribute('class', /katex/);
  await far.evaluate((el) => el.scrollIntoView());
  await expect.poll(() => rendered(farMath)).toBe(true);
  // The last widget mounts when scrolled to.
  await widget.evaluate((el) => el.scrollIntoView());
  await expect(widget.locator('.widget-placeholder')).toHaveCount(0);
  await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(await rendered(widget.locator(':scope > :last-child'))).toBe(true);
});

test('printing a chapter mounts every widget, far ones included, before the page is laid out for paper', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openChapter(page, 'trpo', '', { mount: false });
  await page.waitForLoadState('networkidle');
  const frames = page.locator('#chapter-body .widget-frame');
  const placeholders = page.locator('#chapter-body .widget-frame > .widget-placeholder');
  // On load the widgets far below the first screen are placeholders …
  expect(await placeholders.count()).toBeGreaterThan(0);
  // … and `beforeprint` (which the browser fires before it lays the page out for print) mounts them all.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(placeholders).toHaveCount(0);
  expect(await frames.count()).toBeGreaterThan(1);
  await expect(page.locator('#chapter-body .widget-error')).toHaveCount(0);
  expect(errors.errors).toEqual([]);
});

test('Ctrl+P in the first seconds waits for the widgets’ code, so the print has every widget and exercise drawn', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // Headless Chromium opens no print dialog; window.print is replaced by what the browser does first: fire
  // `beforeprint`, then lay the page out for paper (here: count the placeholders that would be printed).
  await page.addInitScript(() => {
    const w = window as unknown as { printed: number[] };
    w.printed = [];
    window.print = () => {
      window.dispatchEvent(new Event('beforeprint'));
      // Widgets still placeholders, and checked exercises still without their instance.
      w.printed.push(
        document.querySelectorAll(
          '#chapter-body .widget-frame > .widget-placeholder, #chapter-body .checked-loading',
        ).length,
      );
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await openChapter(page, 'trpo', '', { mount: false });
  const placeholders = page.locator('#chapter-body .widget-frame > .widget-placeholder');
  expect(await placeholders.count()).toBeGreaterThan(0);
  expect(await page.locator('#chapter-body .checked-loading').count()).toBeGreaterThan(0);
  // On paper, a placeholder says the figure had not loaded (the browser's own Print menu cannot be held back).
  await page.emulateMedia({ media: 'print' });
  await expect(placeholders.first().locator('.print-only')).toBeVisible();
  await expect(placeholders.first().locator('.print-only')).toContainText('had not loaded');
  await page.emulateMedia({ media: 'screen' });
  // Well before the page imports widget code ahead (8 s after navigation), the reader presses Ctrl+P.
  expect(await page.evaluate(() => performance.now())).toBeLessThan(7000);
  await page.keyboard.press('Control+p');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number[] }).printed))
    .toEqual([0]);
  await expect(page.locator('#chapter-body .widget-error')).toHaveCount(0);
  expect(errors.errors).toEqual([]);
});

test('opening find in page (Ctrl+F) mounts the far widgets, so their text can be found', async ({ page }) => {
  await openChapter(page, 'trpo', '', { mount: false });
  const placeholders = page.locator('#chapter-body .widget-frame > .widget-placeholder');
  expect(await placeholders.count()).toBeGreaterThan(0);
  const last = page.locator('#chapter-body .widget-frame').last();
  await page.keyboard.press('Control+f');
  await expect(placeholders).toHaveCount(0, { timeout: 30_000 });
  // The last widget's own words are now in the page, where the find bar looks; the reader has not scrolled.
  await expect(last.locator('button, label, [role="slider"]').first()).toBeAttached();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
