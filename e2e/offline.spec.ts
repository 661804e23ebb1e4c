import { expect, test } from '@playwright/test';
import { readyChapters } from '../content/chapters';
import { collectErrors, openChapter } from './helpers';

/**
 * Offline and installable: after one visit the service worker has precached the whole book, so with the network
 * cut every chapter renders with its math and fonts, a reload works, and a PPO run trains on wasm.
 */
test.use({ serviceWorkers: 'allow' });

test('after one visit every chapter renders and training runs with the network off', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const { errors } = collectErrors(page);
  await openChapter(page, 'mdp-bellman');
  // `ready` resolves once the worker is active, that is after its install step precached every file.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifest).toBeTruthy();
  // Installable as Chromium judges it: the manifest parses without errors, and nothing but the test's own private
  // (incognito) profile stands in the way.
  const cdp = await context.newCDPSession(page);
  expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

  // Every font the math can ask for is in the precache (a chapter visited later may need a face this one did not).
  const missingFonts = await page.evaluate(async () => {
    const urls = [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules]
        .filter((r): r is CSSFontFaceRule => r instanceof CSSFontFaceRule)
        .flatMap((r) =>
          [...r.style.getPropertyValue('src').matchAll(/url\("?([^")]+\.woff2)"?\)/g)].map((m) => m[1]),
        )
        .map((u) => new URL(u, sheet.href ?? location.href).href),
    );
    const missing = [];
    for (const u of urls) if (!(await caches.match(u, { ignoreSearch: true }))) missing.push(u);
    return { fonts: urls.length, missing };
  });
  expect(missingFonts.fonts).toBeGreaterThan(10);
  expect(missingFonts.missing).toEqual([]);

  await context.setOffline(true);
  // Every chapter and the notation page, none visited before, from the cache alone, with their math.
  for (const slug of ['notation', ...readyChapters.map((c) => c.slug)]) {
    await page.goto(`./#/${slug}`);
    await expect(page.locator('article h1')).toBeVisible();
    await expect(page.locator('article .katex').first()).toBeVisible();
    await expect(page.locator('article .katex-error')).toHaveCount(0);
  }
  await page.reload();
  await expect(page.locator('article h1')).toBeVisible();

  await page.goto('./?props.preset=ppo-cartpole&props.backend=wasm#/widget/TrainingPanel');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('train-steps').first().getAttribute('data-value')), {
      timeout: 90_000,
    })
    .toBeGreaterThan(2048);
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-value', 'wasm');
  await context.setOffline(false);
  expect(errors.filter((e) => !/offline|ERR_INTERNET_DISCONNECTED/i.test(e))).toEqual([]);
});
