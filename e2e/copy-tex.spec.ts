import { expect, test } from '@playwright/test';
import { openChapter } from './helpers';

/** Copying a selection with formulas yields their TeX; each display equation copies its TeX with one button. */
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a selected paragraph with formulas copies as TeX', async ({ page }) => {
  await openChapter(page, 'mdp-bellman');
  const para = page.locator('article p:has(.math-inline)').first();
  const tex = await para.locator('.math-inline').first().getAttribute('data-tex');
  expect(tex).toBeTruthy();
  const copied = await para.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const data = new DataTransfer();
    const ev = new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true });
    p.dispatchEvent(ev);
    return { text: data.getData('text/plain'), prevented: ev.defaultPrevented };
  });
  expect(copied.prevented).toBe(true);
  expect(copied.text).toContain(`$${tex}$`);
  // No KaTeX glyph soup: the rendered formula's text is not in the copy.
  const rendered = await para.locator('.math-inline .katex-html').first().textContent();
  if (rendered && rendered.length > 3 && !tex!.includes(rendered))
    expect(copied.text).not.toContain(rendered);
});

test('the copy-TeX button of a display equation writes its source', async ({ page }) => {
  await openChapter(page, 'mdp-bellman');
  const eq = page.locator('article .math-display-wrap').first();
  const tex = await eq.locator('.katex-display').getAttribute('data-tex');
  await eq.hover();
  await eq.getByRole('button', { name: 'Copy this equation as TeX' }).click();
  await expect(eq.getByRole('button', { name: 'Copy this equation as TeX' })).toHaveText('Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(`$$${tex}$$`);
});
