import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openChapter, readNumber } from './helpers';

/** Chapters 5 and 6 on screen: the bound explorer's shaded region, the bounds along the path, the new sections. */

const explorer = (page: Page) => page.locator('[data-widget="BoundExplorer"]');

async function press(page: Page, label: string, key: string, times = 1) {
  const slider = explorer(page).getByLabel(label, { exact: true });
  await slider.focus();
  for (let i = 0; i < times; i++) await slider.press(key);
}

/** J(π') is above the shaded floor and trpo-holds says true at the current step. */
async function expectHolds(page: Page) {
  await expect(page.getByTestId('trpo-holds')).toHaveText('true');
  const J = await readNumber(page, 'trpo-J');
  const floor = await readNumber(page, 'trpo-floor');
  expect(floor).toBe(
    Math.max(await readNumber(page, 'trpo-tv-bound'), await readNumber(page, 'trpo-kl-bound')),
  );
  expect(J).toBeGreaterThanOrEqual(floor - 1e-12);
}

test('chapter 5: the bound explorer shades the region below the bounds, with a legend that says so', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'trpo');
  const w = explorer(page);
  const area = w.locator('polygon.trpo-shaded-region');
  await expect(area).toHaveCount(1);
  const points = await area.getAttribute('points');
  expect(points && points.split(' ').length).toBeGreaterThan(10);
  // The legend (drawn in the chart, so exports carry it) names the shading.
  await expect(
    w.getByTestId('trpo-chart').locator('text', { hasText: "where the theorem says J(π') cannot be" }),
  ).toHaveCount(1);
  await expect(w.getByTestId('trpo-chart')).toHaveAttribute('aria-label', /Shaded|below both bounds/);
  // The text alternative carries the floor the shading stops at.
  await w.getByText(/Table of the data/).click();
  await expect(w.locator('table th', { hasText: /^floor$/ })).toHaveCount(1);
  // Light and dark themes draw the region with the theme's colour.
  const light = await area.getAttribute('fill');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await expect.poll(() => area.getAttribute('fill')).not.toBe(light);
  expect(errors).toEqual([]);
});

test('chapter 5: trpo-holds is true at every step along the path, for both directions', async ({ page }) => {
  await openChapter(page, 'trpo');
  for (const dir of ['gradient', 'natural']) {
    await explorer(page).getByLabel('direction').selectOption(dir);
    await press(page, 'step size', 'Home');
    await expectHolds(page);
    expect(await readNumber(page, 'trpo-alpha')).toBe(0);
    // Page Up moves a tenth of the range: eleven stops from 0 to the end.
    for (let i = 0; i < 10; i++) {
      await press(page, 'step size', 'PageUp');
      await expectHolds(page);
    }
    await press(page, 'step size', 'End');
    await expectHolds(page);
    expect(await readNumber(page, 'trpo-alpha')).toBeGreaterThan(0);
  }
  // A wider range and a discount close to one: the bounds fall away but still hold.
  await press(page, 'range', 'End');
  await press(page, 'γ', 'End');
  await press(page, 'step size', 'End');
  await expectHolds(page);
});

test('chapter 5: the errata, the exercises and the per-update TV/KL panel are on the page', async ({
  page,
}) => {
  await openChapter(page, 'trpo');
  // Six from the first edition, and the notes' ε (backed by the break-this-theorem lab's instance).
  await expect(page.locator('article .callout-erratum')).toHaveCount(7);
  const exercises = page.locator('article .callout-exercise:not(.checked-exercise)');
  await expect(exercises).toHaveCount(4);
  // Solutions are hidden until asked for.
  const first = exercises.first();
  await expect(first.locator('.solution-body')).toBeHidden();
  await first.getByRole('button').click();
  await expect(first.locator('.solution-body')).toBeVisible();
  await expect(page.locator('[data-widget="TrainingPanel"]')).toHaveCount(1);
  await expect(page.locator('#how-far-does-one-update-move')).toBeVisible();
  await expect(page.locator('article .katex-error')).toHaveCount(0);
});

test('chapter 6: the clip explorer, cell by cell of the gradient table', async ({ page }) => {
  // A good action whose probability fell: not clipped, pulled back up.
  await openChapter(page, 'ppo', '?clip.r=0.5&clip.eps=0.2&clip.adv=1');
  expect(await readNumber(page, 'clip-objective')).toBeCloseTo(0.5, 12);
  expect(await readNumber(page, 'clip-gradient')).toBe(1);
  // A bad action suppressed below 1 − ε: flat at (1 − ε)A.
  await openChapter(page, 'ppo', '?clip.r=0.5&clip.eps=0.2&clip.adv=-1');
  expect(await readNumber(page, 'clip-objective')).toBeCloseTo(-0.8, 12);
  expect(await readNumber(page, 'clip-gradient')).toBe(0);
  // A bad action whose probability grew: the full penalty rA, gradient A.
  await openChapter(page, 'ppo', '?clip.r=1.5&clip.eps=0.2&clip.adv=-2');
  expect(await readNumber(page, 'clip-objective')).toBeCloseTo(-3, 12);
  expect(await readNumber(page, 'clip-gradient')).toBe(-2);
});

test('chapter 6: the new sections, blocks and cross-chapter references render', async ({ page }) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'ppo');
  for (const id of [
    'the-clipped-surrogate',
    'the-gradient-in-each-region',
    'ppo-with-a-kl-penalty',
    'early-stopping-on-kl',
    'the-actor-critic-loss',
    'training-ppo-on-cartpole',
    'clip-against-no-clip',
  ])
    await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
  await expect(page.locator('article .block-label', { hasText: /^Lemma 6\.\d+$/ })).toHaveCount(2);
  await expect(page.locator('article .callout-exercise:not(.checked-exercise)')).toHaveCount(4);
  await expect(page.locator('article a', { hasText: /^\(5\.\d+\)$/ }).first()).toBeVisible();
  await expect(page.locator('article .ref-missing')).toHaveCount(0);
  await expect(page.locator('article .katex-error')).toHaveCount(0);
  // The seed links of the comparison set both runs' seeds in the address.
  await page.locator('article a', { hasText: 'seed 3' }).click();
  await expect(page).toHaveURL(/ppo-cartpole-many-epochs\.A\.seed=3&ppo-cartpole-noclip\.B\.seed=3/);
  expect(errors).toEqual([]);
});

test('chapter 5: zoomed in, the TV bound itself rises above the old return (a guaranteed improvement)', async ({
  page,
}) => {
  await openChapter(page, 'trpo');
  await page.locator('article a', { hasText: 'this link' }).click();
  await expect(page).toHaveURL(/trpo\.tmax=0\.1&trpo\.t=0\.03/);
  // The link lands on the section; the explorer below it mounts (with the link's state) when the reader gets there.
  await explorer(page).scrollIntoViewIfNeeded();
  await expect(explorer(page).getByLabel('range', { exact: true })).toHaveValue('0.1');
  const bound = await readNumber(page, 'trpo-tv-bound');
  await expectHolds(page);
  await press(page, 'step size', 'Home');
  const J0 = await readNumber(page, 'trpo-J');
  // The chapter quotes a guaranteed improvement of about 0.016 near this step.
  expect(bound - J0).toBeGreaterThan(0.01);
});
