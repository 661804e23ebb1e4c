/**
 * Chapters 3 (performance difference lemma, surrogate, importance sampling) and 4 (mixture policies, conservative
 * policy iteration): the numbered blocks the prose refers to, and the figures the prose quotes from the widgets,
 * read from the page through the full-precision `data-value` of every headline figure.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, renderedText, openChapter, readNumber } from './helpers';

const within = (page: Page, widget: string) => page.locator(`[data-widget="${widget}"]`);

/** Every id exists once, no reference or citation is dangling, no formula failed, and solutions start hidden. */
async function checkStructure(page: Page, ids: string[], exercises: number) {
  for (const id of ids) await expect(page.locator(`article [id="${id}"]`)).toHaveCount(1);
  await expect(page.locator('article .ref-missing')).toHaveCount(0);
  await expect(page.locator('article .katex-error')).toHaveCount(0);
  const ex = page.locator('article .callout-exercise:not(.checked-exercise)');
  await expect(ex).toHaveCount(exercises);
  await expect(page.locator('article .solution-body:visible')).toHaveCount(0);
  const first = ex.first().getByRole('button', { name: 'Show solution' });
  await first.click();
  await expect(ex.first().locator('.solution-body')).toBeVisible();
  await expect(ex.first().getByRole('button', { name: 'Hide solution' })).toBeVisible();
}

test('chapter 3: blocks, equations, errata and exercises are in place; references resolve', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'performance-difference');
  await checkStructure(
    page,
    [
      'lem-visitation-expectation',
      'thm-pdl',
      'eq-ch3-pdl-lines',
      'cor-pdl-improvement',
      'def-surrogate',
      'def-policy-advantage',
      'eq-ch3-surrogate-gap',
      'eq-ch3-visitation-difference',
      'thm-first-order',
      'lem-importance-sampling',
      'prop-sampled-surrogate',
      'eq-ch3-sampled-surrogate',
      'eq-ch3-per-decision',
    ],
    4,
  );
  await expect(page.locator('article .callout-erratum')).toHaveCount(2);
  // The variance table of the importance-sampling section.
  await expect(page.locator('article table').filter({ hasText: 'product of ratios' })).toBeVisible();
  // The precup2000 entry was added to the bibliography.
  await expect(page.locator('article .references')).toContainText('Eligibility traces for off-policy');
  expect(errors).toEqual([]);
});

test('chapter 3: the figures quoted in the prose are the widgets’ figures', async ({ page }) => {
  await openChapter(page, 'performance-difference', '?sur.t=0.04');
  expect(await readNumber(page, 'surrogate-gap-ratio')).toBeCloseTo(0.0837, 3);
  // Exact Monte Carlo target on the default seed.
  expect(await readNumber(page, 'mcpdl-exact')).toBeCloseTo(-0.138, 4);
  await openChapter(page, 'performance-difference', '?sur.t=0.02');
  expect(await readNumber(page, 'surrogate-gap-ratio')).toBeCloseTo(0.0858, 3);
  // Far from θ₀ the surrogate overestimates: at t = 2, L lies above J.
  await openChapter(page, 'performance-difference', '?sur.t=2');
  expect(await readNumber(page, 'surrogate-gap')).toBeLessThan(-0.03);
  expect(await readNumber(page, 'surrogate-L')).toBeGreaterThan(await readNumber(page, 'surrogate-J'));
  // The erratum on note 001's surrogate quotes the widget's slope and 0.9 times it.
  const slope = await readNumber(page, 'surrogate-slope');
  const text = await renderedText(page);
  expect(text).toContain(slope.toFixed(3)); // 1.077
  expect(text).toContain((0.9 * slope).toFixed(3)); // 0.969
});

test('chapter 3: with π′ = π all six lines of the PDL vanish, also at γ = 0.99 and 20 states', async ({
  page,
}) => {
  await openChapter(page, 'performance-difference', '?pdl.mix=0&pdl.gamma=0.99&pdl.states=20');
  for (let i = 1; i <= 6; i++) expect(Math.abs(await readNumber(page, `pdl-line-${i}`))).toBeLessThan(1e-10);
  await openChapter(page, 'performance-difference', '?pdl.mix=1&pdl.gamma=0.99&pdl.states=20&pdl.noise=3');
  expect(await readNumber(page, 'pdl-max-deviation')).toBeLessThan(
    1e-9 * Math.max(1, Math.abs(await readNumber(page, 'pdl-lhs'))),
  );
});

test('chapter 4: blocks, equations, errata and exercises are in place; references resolve', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'mixture-policies');
  await checkStructure(
    page,
    [
      'def-mixture',
      'eq-ch4-mixture-advantage',
      'eq-ch4-mixture-surrogate',
      'prop-mixture-derivative',
      'eq-ch4-exact-improvement',
      'thm-kakade-langford',
      'eq-ch4-state-mixture',
      'prop-best-alpha',
      'thm-cpi-monotone',
      'prop-cpi-optimality',
    ],
    4,
  );
  // Two errata of the notes, and the second edition's correction of the stopping claim.
  await expect(page.locator('article .callout-erratum')).toHaveCount(3);
  // A cross-chapter reference: chapter 5's bound.
  await expect(page.locator('article a[href$="/trpo/thm-trpo-bound"]').first()).toHaveText(/Theorem 5\.\d+/);
  expect(errors).toEqual([]);
});

test('chapter 4: the default explorer: the figures of the prose, the bound below the truth everywhere', async ({
  page,
}) => {
  await openChapter(page, 'mixture-policies');
  expect(await readNumber(page, 'mixture-policy-advantage')).toBeCloseTo(0.3808, 4);
  expect(await readNumber(page, 'mixture-eps')).toBeCloseTo(0.8006, 4);
  expect(await readNumber(page, 'mixture-best-alpha')).toBeCloseTo(0.02, 10);
  expect(await readNumber(page, 'mixture-slope-exact')).toBeCloseTo(3.8084, 4);
  expect(await readNumber(page, 'mixture-slope-fd')).toBeCloseTo(3.8084, 4);
  // The closed-form maximiser of the bound (Proposition 4.x) and its guarantee, against the widget's own figures.
  const A = await readNumber(page, 'mixture-policy-advantage');
  const eps = await readNumber(page, 'mixture-eps');
  const gamma = 0.9;
  const k = 1 / Math.sqrt(1 - A / (2 * eps));
  const alphaHat = ((1 - gamma) / gamma) * (k - 1);
  expect(alphaHat).toBeCloseTo(0.0162, 4);
  expect(((2 * eps) / gamma) * (1 - 1 / k) ** 2).toBeCloseTo(0.0287, 4);
  // The full greedy step: exact values make it safe, and far better than the bound's choice.
  await openChapter(page, 'mixture-policies', '?mix.alpha=1');
  expect(await readNumber(page, 'mixture-improvement')).toBeCloseTo(3.23, 2);
  expect(await readNumber(page, 'mixture-lower-bound')).toBeLessThan(0);
});

test('chapter 4: a random π′ with positive policy advantage: a small step gains, the full step loses', async ({
  page,
}) => {
  const q = '?mix.target=random&mix.seed=129';
  await openChapter(page, 'mixture-policies', `${q}&mix.alpha=1`);
  expect(await readNumber(page, 'mixture-policy-advantage')).toBeCloseTo(0.132, 3);
  expect(await readNumber(page, 'mixture-eps')).toBeCloseTo(1.056, 3);
  expect(await readNumber(page, 'mixture-improvement')).toBeCloseTo(-0.42, 2);
  // The bound is positive only below α ≈ 0.0074, finer than the chart's grid: its best α reads 0.
  expect(await readNumber(page, 'mixture-best-alpha')).toBe(0);
  await openChapter(page, 'mixture-policies', `${q}&mix.alpha=0.32`);
  const gain = await readNumber(page, 'mixture-improvement');
  expect(gain).toBeCloseTo(0.199, 3);
  expect(gain).toBeGreaterThanOrEqual(await readNumber(page, 'mixture-lower-bound'));
  // Walk α with the keyboard: the bound never exceeds the truth.
  const alpha = within(page, 'MixtureExplorer').getByLabel('mixture weight α');
  for (const key of ['Home', 'ArrowRight', 'ArrowRight', 'PageUp', 'End']) {
    await alpha.focus();
    await alpha.press(key);
    expect(await readNumber(page, 'mixture-improvement')).toBeGreaterThanOrEqual(
      (await readNumber(page, 'mixture-lower-bound')) - 1e-12,
    );
  }
});

test('chapter 4: conservative policy iteration climbs as the prose says, and slows down as γ grows', async ({
  page,
}) => {
  await openChapter(page, 'mixture-policies');
  expect(await readNumber(page, 'cpi-J')).toBeCloseTo(-0.2295, 4);
  expect(await readNumber(page, 'cpi-optimal')).toBeCloseTo(2.5417, 4);
  await page.getByTestId('cpi-step').click();
  await expect(page.getByTestId('cpi-iteration')).toHaveAttribute('data-value', '1');
  expect(await readNumber(page, 'cpi-alpha')).toBeCloseTo(0.045, 10);
  // The first step gains 0.129, about twice its guarantee of 0.062.
  expect(await readNumber(page, 'cpi-J')).toBeCloseTo(-0.1002, 3);
  // Ten iterations from the start (the same MDP and γ, through the URL, so the page reloads).
  await openChapter(page, 'mixture-policies', '?cpi.gamma=0.8');
  await page.getByTestId('cpi-run').click();
  await expect(page.getByTestId('cpi-iteration')).toHaveAttribute('data-value', '10');
  await expect(page.getByTestId('cpi-monotone')).toHaveText('true');
  expect(await readNumber(page, 'cpi-J')).toBeCloseTo(0.8187, 3);
  await openChapter(page, 'mixture-policies', '?cpi.gamma=0.95');
  await page.getByTestId('cpi-run').click();
  await expect(page.getByTestId('cpi-iteration')).toHaveAttribute('data-value', '10');
  expect(await readNumber(page, 'cpi-alpha')).toBeCloseTo(0.01, 10);
  expect(await readNumber(page, 'cpi-J')).toBeCloseTo(0.5306, 3);
  expect(await readNumber(page, 'cpi-optimal')).toBeCloseTo(10.448, 2);
});
