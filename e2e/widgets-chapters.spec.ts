/** Chapters 1, 2, 3, 4, 7 and 8: the widgets' numbers on screen obey the theorems they illustrate. */
import { test, expect } from '@playwright/test';
import { collectErrors, openChapter, readNumber, relClose } from './helpers';

test('chapter 1: value iteration stays under the contraction bound; Bellman sides agree; TD converges', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'mdp-bellman');
  const step = page.getByTestId('gw-step');
  let prevError = Infinity;
  for (let k = 1; k <= 8; k++) {
    await step.click();
    await expect(page.getByTestId('vi-iteration')).toHaveAttribute('data-value', String(k));
    const err = await readNumber(page, 'vi-error');
    expect(err).toBeLessThanOrEqual((await readNumber(page, 'vi-bound')) * (1 + 1e-12));
    expect(err).toBeLessThanOrEqual(prevError);
    prevError = err;
  }
  // Editing the grid (a wall) changes the values and restarts the iteration.
  const before = await readNumber(page, 'gw-vstar-start');
  await page.getByRole('button', { name: /^cell 3,2: empty/ }).click();
  await expect(page.getByRole('button', { name: /^cell 3,2: wall/ })).toBeVisible();
  expect(await readNumber(page, 'gw-vstar-start')).not.toBe(before);
  await expect(page.getByTestId('vi-iteration')).toHaveAttribute('data-value', '0');

  for (const s of [0, 2, 4]) {
    const slider = page.getByLabel('state s');
    await slider.focus();
    await slider.press('Home');
    for (let i = 0; i < s; i++) await slider.press('ArrowRight');
    expect(relClose(await readNumber(page, 'bellman-lhs'), await readNumber(page, 'bellman-rhs'), 1e-9)).toBe(
      true,
    );
  }

  const e0 = await readNumber(page, 'td-error');
  await page.getByTestId('td-run').click();
  await page.getByTestId('td-run').click();
  await expect(page.getByTestId('td-steps')).toHaveAttribute('data-value', '40000');
  expect(await readNumber(page, 'td-error')).toBeLessThan(0.25 * e0);
  expect(errors).toEqual([]);
});

test('chapter 2: the four estimators converge to the exact gradient, and baselines cut variance', async ({
  page,
}) => {
  await openChapter(page, 'policy-gradient');
  await expect(page.getByTestId('pg-status')).toHaveText('done', { timeout: 60_000 });
  expect(await readNumber(page, 'pg-samples')).toBe(1000);
  expect(await readNumber(page, 'pg-exact-norm')).toBeGreaterThan(0);
  for (const k of ['total', 'rtg', 'baseline']) {
    const err = await readNumber(page, `pg-error-${k}`);
    const v = await readNumber(page, `pg-var-${k}`);
    // E‖mean − ∇J‖² = tr(Cov)/N: five "standard errors" is a safe, deterministic (seeded) bound.
    expect(err).toBeLessThanOrEqual(5 * Math.sqrt(v / 1000));
  }
  expect(await readNumber(page, 'pg-var-rtg')).toBeLessThan(await readNumber(page, 'pg-var-total'));
  expect(await readNumber(page, 'pg-var-baseline')).toBeLessThan(await readNumber(page, 'pg-var-rtg'));
  expect(await readNumber(page, 'eglp-mean')).toBeLessThanOrEqual(
    4 * (await readNumber(page, 'eglp-reference')),
  );
});

test('chapter 3: J and L agree at t = 0 and their gap grows like t squared', async ({ page }) => {
  await openChapter(page, 'performance-difference', '?sur.t=0');
  expect(Math.abs(await readNumber(page, 'surrogate-gap'))).toBeLessThan(1e-12);
  await openChapter(page, 'performance-difference', '?sur.t=0.04');
  const r1 = await readNumber(page, 'surrogate-gap-ratio');
  await openChapter(page, 'performance-difference', '?sur.t=0.02');
  const r2 = await readNumber(page, 'surrogate-gap-ratio');
  expect(Math.abs(r1 - r2)).toBeLessThanOrEqual(0.1 * Math.abs(r2) + 1e-9);
});

test('chapter 4: conservative policy iteration never lowers J', async ({ page }) => {
  await openChapter(page, 'mixture-policies');
  const J0 = await readNumber(page, 'cpi-J');
  await page.getByTestId('cpi-run').click();
  await expect(page.getByTestId('cpi-iteration')).toHaveAttribute('data-value', '10');
  await expect(page.getByTestId('cpi-monotone')).toHaveText('true');
  const J10 = await readNumber(page, 'cpi-J');
  expect(J10).toBeGreaterThan(J0);
  expect(J10).toBeLessThanOrEqual((await readNumber(page, 'cpi-optimal')) + 1e-9);
});

test('chapter 7: the best lambda moves towards 1 as the critic gets worse', async ({ page }) => {
  await openChapter(page, 'gae', '?gae.noise=0');
  expect(await readNumber(page, 'gae-best-lambda')).toBeLessThanOrEqual(0.2);
  await openChapter(page, 'gae', '?gae.noise=2');
  expect(await readNumber(page, 'gae-best-lambda')).toBeGreaterThanOrEqual(0.5);
  const mse = await readNumber(page, 'gae-mse');
  expect(
    relClose(mse, (await readNumber(page, 'gae-bias2')) + (await readNumber(page, 'gae-variance')), 1e-9),
  ).toBe(true);
});

test('chapter 8: TV three ways agree, Pinsker holds, and KL is infinite off the support', async ({
  page,
}) => {
  await openChapter(page, 'tv-coupling');
  const tv = await readNumber(page, 'dist-tv-l1');
  expect(relClose(tv, await readNumber(page, 'dist-tv-events'), 1e-12)).toBe(true);
  expect(relClose(tv, await readNumber(page, 'dist-tv-coupling'), 1e-12)).toBe(true);
  await expect(page.getByTestId('dist-kl-qp')).toHaveAttribute('data-value', 'Infinity');
  await expect(page.getByTestId('dist-pinsker-holds')).toHaveText('true');
  const slider = page.getByLabel('p weight 3');
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
  expect(Number.isFinite(await readNumber(page, 'dist-kl-qp'))).toBe(true);
  expect(tv).not.toBe(await readNumber(page, 'dist-tv-l1'));
  await expect(page.getByTestId('dist-pinsker-holds')).toHaveText('true');
});

test('chapter 3: the Monte Carlo PDL estimate converges to the exact difference', async ({ page }) => {
  await openChapter(page, 'performance-difference');
  await page.getByTestId('mcpdl-run').click();
  await expect(page.getByTestId('mcpdl-samples')).toHaveAttribute('data-value', '2000');
  const exact = await readNumber(page, 'mcpdl-exact');
  const est = await readNumber(page, 'mcpdl-estimate');
  expect(Math.abs(est - exact)).toBeLessThanOrEqual(2.5 * (await readNumber(page, 'mcpdl-halfwidth')));
});

test('chapter 5: the penalty method never falls, the trust region wins, vanilla ascent falls', async ({
  page,
}) => {
  await openChapter(page, 'trpo');
  await expect(page.getByTestId('race-penalty-monotone')).toHaveText('true');
  await expect(page.getByTestId('race-vanilla-monotone')).toHaveText('false');
  expect(await readNumber(page, 'race-J-trust')).toBeGreaterThan(await readNumber(page, 'race-J-penalty'));
});

test('chapter 7: GAE equals the weighted average of k-step estimators, for every lambda', async ({
  page,
}) => {
  await openChapter(page, 'gae');
  const slider = page.locator('[data-widget="GaeWeights"]').getByLabel('λ', { exact: true });
  for (const key of ['Home', 'PageUp', 'End']) {
    await slider.focus();
    await slider.press(key);
    expect(
      relClose(await readNumber(page, 'gae-weighted-sum'), await readNumber(page, 'gae-telescoped'), 1e-9),
    ).toBe(true);
  }
});

test('chapter 2: every line of the log-derivative derivation equals the gradient', async ({ page }) => {
  await openChapter(page, 'policy-gradient');
  for (const key of ['Home', 'PageUp', 'End']) {
    const slider = page.locator('[data-widget="LogDerivativeDerivation"]').getByLabel('γ', { exact: true });
    await slider.focus();
    await slider.press(key);
    expect(await readNumber(page, 'logd-max-diff')).toBeLessThan(1e-7);
    expect(await readNumber(page, 'logd-past')).toBeLessThan(1e-12);
  }
});

test('chapter 5: the natural-gradient path climbs higher than the vanilla one', async ({ page }) => {
  await openChapter(page, 'trpo');
  const start = await readNumber(page, 'nat-J-start');
  const nat = await readNumber(page, 'nat-J-natural');
  expect(nat).toBeGreaterThan(await readNumber(page, 'nat-J-vanilla'));
  expect(nat).toBeGreaterThan(start);
});

test('chapter 8: dragging a bar edits the distribution', async ({ page }) => {
  await openChapter(page, 'tv-coupling');
  const bar = page.getByTestId('dist-bar-q0');
  await bar.scrollIntoViewIfNeeded();
  const box = (await bar.boundingBox())!;
  const before = await readNumber(page, 'dist-tv-l1');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.9);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByLabel('q weight 0')).toHaveValue('0.8');
  expect(await readNumber(page, 'dist-tv-l1')).not.toBe(before);
  await expect(page.getByTestId('dist-pinsker-holds')).toHaveText('true');
});
