/**
 * Chapters 7 (GAE) and 8 (total variation and coupling): the widgets' mathematics, read from the page through the
 * full-precision `data-value` of every headline figure.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openChapter, readNumber, relClose } from './helpers';

const within = (page: Page, widget: string) => page.locator(`[data-widget="${widget}"]`);

test('chapter 7: every line of the GAE derivation agrees, for every λ, length and critic', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'gae');
  const w = within(page, 'GaeWeights');
  const lambda = w.getByLabel('λ', { exact: true });
  const length = w.getByLabel('trajectory length T');
  const noise = w.getByLabel('critic noise');
  const check = async () => {
    const ref = await readNumber(page, 'gaew-line5');
    for (let i = 1; i <= 6; i++)
      expect(relClose(await readNumber(page, `gaew-line${i}`), ref, 1e-9)).toBe(true);
    expect(Math.abs((await readNumber(page, 'gaew-weight-sum')) - 1)).toBeLessThan(1e-12);
    expect(
      relClose(await readNumber(page, 'gae-weighted-sum'), await readNumber(page, 'gae-telescoped'), 1e-9),
    ).toBe(true);
  };
  for (const [control, key] of [
    [lambda, 'Home'],
    [lambda, 'End'],
    [lambda, 'PageDown'],
    // T = 1: only the one-step estimator exists, whatever λ.
    [length, 'Home'],
    [noise, 'End'],
    [length, 'End'],
  ] as const) {
    const before = await readNumber(page, 'gaew-line5');
    await control.focus();
    await control.press(key);
    // Each move changes the trajectory, the critic or the weights, so the figure checked is a new one.
    await expect.poll(() => readNumber(page, 'gaew-line5')).not.toBe(before);
    await check();
  }
  expect(errors).toEqual([]);
});

test('chapter 7: with an exact critic λ = 0 is best; a noisy critic pushes the best λ towards 1', async ({
  page,
}) => {
  await openChapter(page, 'gae', '?gae.noise=0');
  expect(await readNumber(page, 'gae-best-lambda-exact')).toBe(0);
  expect(await readNumber(page, 'gae-best-lambda')).toBeLessThanOrEqual(0.2);
  // Exact critic: no bias at any λ (up to rounding), only variance.
  expect(await readNumber(page, 'gae-bias2-exact')).toBeLessThan(1e-20);
  await openChapter(page, 'gae', '?gae.noise=2');
  expect(await readNumber(page, 'gae-best-lambda-exact')).toBeGreaterThanOrEqual(0.5);
  expect(await readNumber(page, 'gae-best-lambda')).toBeGreaterThanOrEqual(0.5);
  const mse = await readNumber(page, 'gae-mse');
  expect(
    relClose(mse, (await readNumber(page, 'gae-bias2')) + (await readNumber(page, 'gae-variance')), 1e-9),
  ).toBe(true);
  // Comparing with A^π itself counts the state-only error −e(s) as bias: λ = 1 is no longer unbiased.
  await openChapter(page, 'gae', '?gae.noise=2&gae.lambda=1&gae.target=advantage');
  expect(await readNumber(page, 'gae-bias2-exact')).toBeGreaterThan(0.1);
  await openChapter(page, 'gae', '?gae.noise=2&gae.lambda=1');
  expect(await readNumber(page, 'gae-bias2-exact')).toBeLessThan(1e-20);
});

test('chapter 7: the sampled error curve converges to the exact one (seeded, deterministic)', async ({
  page,
}) => {
  const gap = async (n: number) => {
    await openChapter(page, 'gae', `?gae.noise=1&gae.lambda=0.5&gae.n=${n}`);
    await expect(page.getByTestId('gae-samples')).toHaveAttribute('data-value', String(n));
    const exact = await readNumber(page, 'gae-mse-exact');
    return Math.abs((await readNumber(page, 'gae-mse')) - exact) / exact;
  };
  const few = await gap(200);
  const many = await gap(12000);
  expect(many).toBeLessThan(few);
  expect(many).toBeLessThan(0.05);
});

test('chapter 7: a time limit treated as termination drags the last advantages down by γ/(1−γ)', async ({
  page,
}) => {
  await openChapter(page, 'gae');
  const v = await readNumber(page, 'gaet-value');
  expect(relClose(v, 100, 1e-12)).toBe(true);
  expect(Math.abs(await readNumber(page, 'gaet-max-bootstrap'))).toBeLessThan(1e-9 * v);
  expect(relClose(await readNumber(page, 'gaet-last-terminal'), -99, 1e-9)).toBe(true);
  expect(await readNumber(page, 'gaet-formula-diff')).toBeLessThan(1e-9 * v);
  // The exercise's count: 99 (γλ)^j > 0.1 for j ≤ 112.
  expect(await readNumber(page, 'gaet-affected')).toBe(113);
  const g = within(page, 'GaeTruncation').getByLabel('γ', { exact: true });
  await g.focus();
  await g.press('Home');
  expect(relClose(await readNumber(page, 'gaet-last-terminal'), -0.8 / 0.2, 1e-9)).toBe(true);
  expect(await readNumber(page, 'gaet-formula-diff')).toBeLessThan(1e-9);
});

test('chapter 8: every bar is a keyboard slider; TV three ways agree; KL infinite off the support; Pinsker holds', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'tv-coupling');
  const agree = async () => {
    const tv = await readNumber(page, 'dist-tv-l1');
    expect(relClose(tv, await readNumber(page, 'dist-tv-events'), 1e-12)).toBe(true);
    expect(relClose(tv, await readNumber(page, 'dist-tv-coupling'), 1e-12)).toBe(true);
    await expect(page.getByTestId('dist-pinsker-holds')).toHaveText('true');
    expect(tv).toBeLessThanOrEqual(await readNumber(page, 'dist-pinsker-pq'));
    expect(tv).toBeLessThanOrEqual(await readNumber(page, 'dist-pinsker-qp'));
    expect(await readNumber(page, 'dist-pinsker')).toBeLessThanOrEqual(
      await readNumber(page, 'dist-weak-bound'),
    );
    return tv;
  };
  await agree();
  // q puts mass on outcome 3, p does not: KL(q‖p) is infinite and the page says why.
  await expect(page.getByTestId('dist-kl-qp')).toHaveAttribute('data-value', 'Infinity');
  expect(Number.isFinite(await readNumber(page, 'dist-kl-pq'))).toBe(true);
  await expect(within(page, 'TwoDistributions').getByText(/q puts mass on outcome 3/)).toBeVisible();
  const bar = page.getByLabel('p weight 3');
  await bar.focus();
  await bar.press('PageUp');
  await expect(bar).not.toHaveValue('0');
  expect(Number.isFinite(await readNumber(page, 'dist-kl-qp'))).toBe(true);
  await agree();
  // More outcomes: the brute-force maximum over all 256 events still equals half the L1 distance.
  const k = within(page, 'TwoDistributions').getByLabel('outcomes k');
  await k.focus();
  await k.press('End');
  await expect(page.getByLabel('q weight 7')).toBeAttached();
  await agree();
  expect(errors).toEqual([]);
});

test('chapter 8: presets: disjoint supports give TV = 1 and infinite KL; Pinsker is nearly tight near 1/2', async ({
  page,
}) => {
  await openChapter(page, 'tv-coupling');
  const w = within(page, 'TwoDistributions');
  await w.getByRole('button', { name: 'disjoint supports' }).click();
  expect(await readNumber(page, 'dist-tv-l1')).toBe(1);
  expect(await readNumber(page, 'dist-tv-events')).toBe(1);
  await expect(page.getByTestId('dist-kl-pq')).toHaveAttribute('data-value', 'Infinity');
  await expect(page.getByTestId('dist-kl-qp')).toHaveAttribute('data-value', 'Infinity');
  await expect(page.getByTestId('dist-pinsker-holds')).toHaveText('true');
  await w.getByRole('button', { name: 'Pinsker nearly tight' }).click();
  expect(relClose(await readNumber(page, 'dist-tv-l1'), 0.05, 1e-12)).toBe(true);
  const ratio = await readNumber(page, 'dist-pinsker-ratio');
  expect(ratio).toBeLessThanOrEqual(1);
  expect(ratio).toBeGreaterThan(0.999);
  // Dragging a bar from the bottom to the top sets its weight to 1.
  const track = page.getByTestId('dist-bar-p1');
  await track.scrollIntoViewIfNeeded();
  const box = (await track.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 1);
  await page.mouse.down();
  // Pointer capture keeps the drag on the bar above its top, where the weight clamps to 1.
  await page.mouse.move(box.x + box.width / 2, box.y - 20, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByLabel('p weight 1')).toHaveValue('1');
  await expect(page.getByTestId('dist-pinsker-holds')).toHaveText('true');
});

test('chapter 8: the maximal coupling disagrees exactly TV of the time; independence much more', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'tv-coupling');
  const tv = await readNumber(page, 'coupling-tv');
  expect(relClose(tv, await readNumber(page, 'coupling-exact'), 1e-12)).toBe(true);
  expect(relClose(1 - tv, await readNumber(page, 'coupling-common-mass'), 1e-12)).toBe(true);
  expect(await readNumber(page, 'coupling-marginal-error')).toBeLessThan(1e-12);
  const draw = page.getByTestId('coupling-step');
  await draw.click();
  await expect(page.getByTestId('coupling-samples')).toHaveAttribute('data-value', '2000');
  for (let i = 0; i < 29; i++) await draw.click();
  await expect(page.getByTestId('coupling-samples')).toHaveAttribute('data-value', '60000');
  const n = 60000;
  const est = await readNumber(page, 'coupling-estimate');
  expect(Math.abs(est - tv)).toBeLessThanOrEqual(5 * Math.sqrt((tv * (1 - tv)) / n));
  const indExact = await readNumber(page, 'coupling-independent-exact');
  const indEst = await readNumber(page, 'coupling-independent-estimate');
  expect(Math.abs(indEst - indExact)).toBeLessThanOrEqual(5 * Math.sqrt((indExact * (1 - indExact)) / n));
  expect(indEst - tv).toBeGreaterThan(20 * Math.sqrt((tv * (1 - tv)) / n));
  // Sparse supports: still exact; a new seed restarts the seeded sampler.
  const w = within(page, 'MaximalCoupling');
  const support = w.getByLabel('support size of p and q');
  await support.focus();
  await support.press('Home');
  await support.press('ArrowRight');
  await expect(page.getByTestId('coupling-samples')).toHaveAttribute('data-value', '0');
  const tv2 = await readNumber(page, 'coupling-tv');
  expect(relClose(tv2, await readNumber(page, 'coupling-tv-events'), 1e-12)).toBe(true);
  expect(relClose(tv2, await readNumber(page, 'coupling-exact'), 1e-12)).toBe(true);
  expect(await readNumber(page, 'coupling-marginal-error')).toBeLessThan(1e-12);
  expect(errors).toEqual([]);
});

test('chapter 8: coupled rollouts: TV of the state laws ≤ Pr(disagreed) ≤ 1 − (1 − α)^t', async ({
  page,
}) => {
  await openChapter(page, 'tv-coupling', '?coupled.n=20000');
  const w = within(page, 'CoupledRollouts');
  const t = w.getByRole('slider', { name: 'step t' });
  const step = w.getByRole('slider', { name: 'distance between the policies' });
  for (const [control, key] of [
    [t, 'Home'],
    [t, 'End'],
    [step, 'End'],
    [t, 'PageDown'],
  ] as const) {
    await control.focus();
    await control.press(key);
    // The readouts are for the step now on the slider: the bound is 1 − (1 − α)^t for that t.
    await expect
      .poll(async () => {
        const alpha = await readNumber(page, 'coupled-alpha');
        return relClose(
          await readNumber(page, 'coupled-bound'),
          1 - (1 - alpha) ** Number(await t.inputValue()),
          1e-9,
        );
      })
      .toBe(true);
    await expect(page.getByTestId('coupled-holds')).toHaveText('true');
    const tv = await readNumber(page, 'coupled-tv-state');
    const dis = await readNumber(page, 'coupled-disagree-exact');
    expect(tv).toBeLessThanOrEqual(dis + 1e-12);
    expect(dis).toBeLessThanOrEqual((await readNumber(page, 'coupled-bound')) + 1e-12);
    expect(dis).toBeLessThanOrEqual(await readNumber(page, 'coupled-independent'));
  }
  // The seeded sampler agrees with the exact probability (within 5 standard errors of 20000 rollouts).
  await expect(page.getByTestId('coupled-samples')).toHaveAttribute('data-value', '20000');
  const exact = await readNumber(page, 'coupled-disagree-exact');
  const est = await readNumber(page, 'coupled-disagree-estimate');
  expect(Math.abs(est - exact)).toBeLessThanOrEqual(5 * Math.sqrt((exact * (1 - exact)) / 20000) + 1e-12);
  // Identical policies never disagree under the maximal coupling.
  await step.focus();
  await step.press('Home');
  expect(await readNumber(page, 'coupled-alpha')).toBe(0);
  expect(await readNumber(page, 'coupled-disagree-exact')).toBeLessThan(1e-12);
  expect(await readNumber(page, 'coupled-independent')).toBeGreaterThan(0.5);
});
