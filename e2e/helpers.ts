/** Shared helpers for the end-to-end specs. */
import { expect, type Page } from '@playwright/test';

export const chapterSlugs = [
  'mdp-bellman',
  'policy-gradient',
  'performance-difference',
  'mixture-policies',
  'trpo',
  'ppo',
  'gae',
  'tv-coupling',
];

/** Collects console errors and uncaught exceptions of a page; assert on `.errors` at the end of a test. */
export function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  return { errors };
}

/**
 * Opens a chapter, waits until its h1 is on the page, and mounts its widgets as a reader scrolling through it
 * would (see mountWidgets); `{ mount: false }` leaves the far widgets unmounted, as they are on load.
 */
export async function openChapter(page: Page, slug: string, query = '', { mount = true } = {}) {
  await page.goto(`./${query}#/${slug}`);
  await expect(page.locator('article h1')).toBeVisible();
  if (mount) await mountWidgets(page);
}

/**
 * Mounts every widget of the page the way a reader does, by scrolling each widget frame into view in turn (a widget
 * mounts only when it comes near the viewport, src/mdx/mount-when-near.ts; a locator's getAttribute or textContent
 * does not scroll), then scrolls back to where the page was and waits until no widget shows its placeholder.
 */
export async function mountWidgets(page: Page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const [x, y] = [window.scrollX, window.scrollY];
    // A frame not yet mounted keeps its placeholder's min-height (Widget.tsx). Widgets mounting above one can push
    // it out of reach before its observer looks, so pass again over those still unmounted.
    const unmounted = () =>
      [...document.querySelectorAll<HTMLElement>('.widget-frame')].filter((el) => el.style.minHeight !== '');
    for (let pass = 0; pass < 10 && unmounted().length > 0; pass++) {
      for (const el of unmounted()) {
        el.scrollIntoView({ block: 'center' });
        await frame();
      }
    }
    window.scrollTo(x, y);
  });
  await expect(page.locator('.widget-frame > .widget-placeholder')).toHaveCount(0, { timeout: 60_000 });
}

/** The full-precision number behind a Readout. */
export async function readNumber(page: Page, testId: string): Promise<number> {
  const el = page.getByTestId(testId).first();
  await expect(el).toBeVisible();
  const v = await el.getAttribute('data-value');
  return Number(v);
}

export const relClose = (a: number, b: number, tol = 1e-9) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The rendered text (innerText) of `selector` in a chapter. The chapter's blocks are `content-visibility: auto`
 * (src/styles/global.css), and Chromium's innerText leaves out a block whose rendering is skipped because it is far
 * from the viewport; so the blocks are laid out first (through the CSSOM, which the page's CSP allows), as print
 * does. A reader never needs this: scrolling to a block, finding or selecting in it renders it.
 */
export async function renderedText(page: Page, selector = 'article'): Promise<string> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('#chapter-body > *'))
      el.style.contentVisibility = 'visible';
  });
  return page.locator(selector).first().innerText();
}
