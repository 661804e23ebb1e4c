import { expect, test, type Page } from '@playwright/test';
import { chapterSlugs, collectErrors, openChapter } from './helpers';

/**
 * The built site ships a Content-Security-Policy (scripts/vite-plugins/csp.ts). Every chapter loads under it with
 * no violation, all its widgets mounted, and training runs on the wasm backend (which needs 'wasm-unsafe-eval').
 */

async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('the policy is in the page and strict', async ({ page }) => {
  await page.goto('./#/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
});

for (const slug of chapterSlugs) {
  test(`${slug}: no CSP violation with every widget mounted`, async ({ page }) => {
    const { errors } = collectErrors(page);
    await watchViolations(page);
    await openChapter(page, slug);
    // Widgets mount near the viewport or when idle: wait for every placeholder to give way.
    await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.locator('.katex').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('training on wasm runs under the policy', async ({ page }) => {
  await watchViolations(page);
  await page.goto('./?props.preset=ppo-cartpole&props.backend=wasm#/widget/TrainingPanel');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('train-steps').first().getAttribute('data-value')), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-value', 'wasm');
  expect(await violations(page)).toEqual([]);
});
