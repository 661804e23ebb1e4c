/**
 * The whole book in print (#/print): every ready chapter in order with its numbering, every widget a
 * static figure (inert, at its defaults, its data table shown), page breaks between chapters on paper.
 */
import { expect, test } from '@playwright/test';
import { readyChapters } from '../content/chapters';
import { collectErrors } from './helpers';

test('the print view holds every chapter in order, numbered, with no widget left interactive', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { errors } = collectErrors(page);
  // A setting in the page's URL must not reach the printed figures: they show their defaults.
  await page.goto('./?ppo-cartpole.lr=5#/print');
  await expect(page.getByTestId('print-status')).toContainText('are ready', { timeout: 270_000 });

  // Every chapter, in the book's order, each with its own h1 (the chapter's title as its text gives it).
  const sections = await page
    .locator('.print-chapter')
    .evaluateAll((els) =>
      els.map((e) => ({ id: e.id, h1: [...e.querySelectorAll('h1')].map((h) => h.textContent) })),
    );
  expect(sections.map((s) => s.id)).toEqual(readyChapters.map((c) => `print-${c.slug}`));
  for (const s of sections) expect(s.h1, s.id).toHaveLength(1);
  const h1s = await page.locator('.print-chapter h1').allTextContents();
  expect(h1s[0]).toContain(readyChapters[0].title);

  // Numbering is per chapter, as in the chapter view: chapter 6's lemmas are "Lemma 6.n".
  await expect(page.locator('#print-ppo .block-label', { hasText: /^Lemma 6\.\d+$/ }).first()).toBeVisible();

  const frames = page.locator('.print-book .widget-frame');
  const n = await frames.count();
  expect(n).toBeGreaterThan(40);
  await expect(page.locator('.print-book .widget-placeholder')).toHaveCount(0);
  const report = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('.print-book .widget-frame')];
    const controls = all.flatMap((f) => [
      ...f.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]'),
    ]);
    // Try to focus every control: an inert subtree refuses focus.
    const focusable = controls.filter((c) => {
      c.focus();
      return document.activeElement === c;
    }).length;
    return { notInert: all.filter((f) => !f.inert).length, controls: controls.length, focusable };
  });
  expect(report.notInert).toBe(0);
  expect(report.controls).toBeGreaterThan(0);
  expect(report.focusable).toBe(0);

  // Charts carry their numbers on paper: data tables are built and shown, not behind a closed <details>.
  expect(await page.locator('.print-book .data-table-printed table').count()).toBeGreaterThan(10);
  await expect(page.locator('.print-book details.data-table')).toHaveCount(0);

  // The page's URL (an out-of-range learning rate) was neither read, which would raise a notice, nor rewritten.
  expect(new URL(page.url()).search).toBe('?ppo-cartpole.lr=5');
  await expect(page.getByTestId('notices')).not.toContainText('ppo-cartpole');

  await page.emulateMedia({ media: 'print' });
  const breaks = await page
    .locator('.print-chapter')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
  expect(new Set(breaks)).toEqual(new Set(['page']));
  // Displays and numbered blocks are not cut across pages, and a heading is not left at the foot of one.
  const keep = await page.evaluate(() => ({
    displays: [...document.querySelectorAll('.print-book .katex-display, .print-book .block')].map(
      (e) => getComputedStyle(e).breakInside,
    ),
    headings: [...document.querySelectorAll('.print-book h2, .print-book h3')].map(
      (e) => getComputedStyle(e).breakAfter,
    ),
  }));
  expect(keep.displays.length).toBeGreaterThan(100);
  expect(new Set(keep.displays)).toEqual(new Set(['avoid']));
  expect(keep.headings.length).toBeGreaterThan(50);
  expect(new Set(keep.headings)).toEqual(new Set(['avoid']));
  await expect(page.locator('.topbar')).toBeHidden();
  expect(errors).toEqual([]);
});
