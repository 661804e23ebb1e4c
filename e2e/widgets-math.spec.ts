/** The mathematics on screen: identities equal to 1e-9, bounds holding, estimates converging, as controls move. */
import { test, expect, type Page } from '@playwright/test';
import { collectErrors, openChapter, readNumber, relClose } from './helpers';

/** Presses `key` on a slider, the first with that label, inside the named widget when one is given. */
async function nudge(page: Page, label: string | RegExp, key: string, times = 1, widget?: string) {
  const scope = widget ? page.locator(`[data-widget="${widget}"]`) : page;
  const slider = scope.getByLabel(label, { exact: typeof label === 'string' }).first();
  await slider.focus();
  for (let i = 0; i < times; i++) await slider.press(key);
}

test('chapter 3: every line of the PDL proof agrees to 1e-9 as the policies and the MDP change', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'performance-difference');
  const check = async () => {
    const lhs = await readNumber(page, 'pdl-lhs');
    const rhs = await readNumber(page, 'pdl-rhs');
    expect(relClose(lhs, rhs, 1e-9)).toBe(true);
    for (let i = 2; i <= 6; i++)
      expect(relClose(await readNumber(page, `pdl-line-${i}`), lhs, 1e-9)).toBe(true);
    return lhs;
  };
  const before = await check();
  await nudge(page, 'move π′ away from π', 'ArrowRight', 20);
  const after = await check();
  expect(after).not.toBe(before);
  await nudge(page, 'γ', 'End');
  await nudge(page, 'states', 'End');
  await check();
  await nudge(page, 'move π′ away from π', 'Home');
  expect(Math.abs(await readNumber(page, 'pdl-lhs'))).toBeLessThan(1e-12);
  expect(errors).toEqual([]);
});

test('chapter 5: TRPO bounds hold along the whole step, and J and L touch at zero', async ({ page }) => {
  await openChapter(page, 'trpo');
  for (const key of ['Home', 'ArrowRight', 'PageUp', 'PageUp', 'End']) {
    await nudge(page, 'step size', key);
    const J = await readNumber(page, 'trpo-J');
    const L = await readNumber(page, 'trpo-L');
    expect(J).toBeGreaterThanOrEqual(await readNumber(page, 'trpo-tv-bound'));
    expect(J).toBeGreaterThanOrEqual(await readNumber(page, 'trpo-kl-bound'));
    expect(Math.abs(J - L)).toBeLessThanOrEqual((await readNumber(page, 'trpo-tight-gap')) + 1e-12);
    await expect(page.getByTestId('trpo-holds')).toHaveText('true');
    if (key === 'Home') {
      expect(relClose(J, L, 1e-12)).toBe(true);
      expect(await readNumber(page, 'trpo-alpha')).toBe(0);
    }
  }
  expect(await readNumber(page, 'trpo-eps')).toBeGreaterThan(0);
  await page.getByLabel('direction').selectOption('natural');
  await nudge(page, 'step size', 'End');
  await expect(page.getByTestId('trpo-holds')).toHaveText('true');
});

test('chapter 4: the mixture improvement stays above the Kakade-Langford bound, slopes agree at 0', async ({
  page,
}) => {
  await openChapter(page, 'mixture-policies');
  for (const key of ['Home', 'ArrowRight', 'PageUp', 'PageUp', 'End']) {
    // Chapter 4's proof widget has a slider of the same name.
    await nudge(page, 'mixture weight α', key, 1, 'MixtureExplorer');
    expect(await readNumber(page, 'mixture-improvement')).toBeGreaterThanOrEqual(
      (await readNumber(page, 'mixture-lower-bound')) - 1e-12,
    );
  }
  expect(await readNumber(page, 'mixture-alpha')).toBe(1);
  const exact = await readNumber(page, 'mixture-slope-exact');
  const fd = await readNumber(page, 'mixture-slope-fd');
  expect(Math.abs(exact - fd)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(exact)));
  expect(await readNumber(page, 'mixture-policy-advantage')).toBeGreaterThan(0); // greedy π′ improves
});

test('chapter 6: the clip explorer shows the flat region and its zero gradient (settings from the URL)', async ({
  page,
}) => {
  await openChapter(page, 'ppo', '?clip.r=1.5&clip.eps=0.2&clip.adv=1');
  expect(await readNumber(page, 'clip-objective')).toBeCloseTo(1.2, 12);
  expect(await readNumber(page, 'clip-gradient')).toBe(0);
  await nudge(page, 'advantage A', 'Home'); // A = -2: now r = 1.5 is in the active region
  expect(await readNumber(page, 'clip-gradient')).toBe(-2);
  expect(await readNumber(page, 'clip-objective')).toBeCloseTo(-3, 12);
});

test('chapter 8: sampled disagreement converges to TV under the maximal coupling only', async ({ page }) => {
  await openChapter(page, 'tv-coupling');
  const tv = await readNumber(page, 'coupling-tv');
  expect(relClose(tv, await readNumber(page, 'coupling-tv-events'), 1e-12)).toBe(true);
  expect(relClose(tv, await readNumber(page, 'coupling-exact'), 1e-12)).toBe(true);
  const draw = page.getByTestId('coupling-step');
  for (let i = 0; i < 20; i++) await draw.click();
  await expect(page.getByTestId('coupling-samples')).toHaveAttribute('data-value', '40000');
  const est = await readNumber(page, 'coupling-estimate');
  const se = Math.sqrt((tv * (1 - tv)) / 40000);
  expect(Math.abs(est - tv)).toBeLessThanOrEqual(5 * se);
  const indExact = await readNumber(page, 'coupling-independent-exact');
  const indEst = await readNumber(page, 'coupling-independent-estimate');
  expect(Math.abs(indEst - indExact)).toBeLessThanOrEqual(5 * Math.sqrt((indExact * (1 - indExact)) / 40000));
  expect(indExact).toBeGreaterThan(tv);
});

test('widget settings round-trip through the URL, and a hostile URL is clamped with a notice', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'trpo');
  await nudge(page, 'γ', 'ArrowLeft', 3);
  await expect(page).toHaveURL(/trpo\.gamma=0\.87/);
  await page.reload();
  await page.locator('[data-widget="BoundExplorer"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-widget="BoundExplorer"]').getByLabel('γ', { exact: true })).toHaveValue(
    '0.87',
  );
  await openChapter(page, 'trpo', '?trpo.gamma=5&trpo.dir=evil&trpo.states=abc&trpo.seed=-4');
  await expect(page.getByTestId('notices')).toContainText('trpo.gamma="5" is above its maximum 0.99');
  await expect(page.getByTestId('notices')).toContainText('trpo.dir');
  await expect(page.locator('[data-widget="BoundExplorer"]').getByLabel('γ', { exact: true })).toHaveValue(
    '0.99',
  );
  await expect(page.getByTestId('trpo-holds')).toHaveText('true');
  await expect(page).toHaveURL(/trpo\.gamma=0\.99/);
  expect(errors).toEqual([]);
});
