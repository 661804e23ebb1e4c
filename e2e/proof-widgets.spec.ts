/**
 * The two proof widgets of chapters 3 and 4, driven through their controls: every line of Kakade and Langford's
 * proof holds on screen (identities to 1e-9 relative, inequalities exactly), and the importance-sampling lab's
 * Monte Carlo estimates land within a few standard errors of the exact values, which agree with chapter 3's table.
 * Figures quoted in the prose are checked here too.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openChapter, readNumber, relClose } from './helpers';

const within = (page: Page, widget: string) => page.locator(`[data-widget="${widget}"]`);
const STEPS = 13;

/** Reads every row of the proof table and checks its relation on the numbers themselves (not only the ✓). */
async function checkProof(page: Page) {
  await expect(page.getByTestId('kl-holds')).toHaveText('yes');
  const rows: Array<{ lhs: number; rhs: number; rel: string }> = [];
  for (let i = 1; i <= STEPS; i++) {
    const lhs = await readNumber(page, `kl-step-${i}-lhs`);
    const rhs = await readNumber(page, `kl-step-${i}-rhs`);
    const rel = (await page.getByTestId(`kl-step-${i}-rel`).textContent())?.trim() ?? '';
    expect(Number.isFinite(lhs) && Number.isFinite(rhs), `step ${i} is finite`).toBe(true);
    if (rel === '=') expect(relClose(lhs, rhs, 1e-9), `step ${i}: ${lhs} = ${rhs}`).toBe(true);
    else if (rel === '≤')
      expect(lhs, `step ${i}`).toBeLessThanOrEqual(rhs + 1e-12 * Math.max(1, Math.abs(rhs)));
    else expect(lhs, `step ${i}`).toBeGreaterThanOrEqual(rhs - 1e-12 * Math.max(1, Math.abs(rhs)));
    await expect(page.getByTestId(`kl-step-${i}-holds`)).toHaveAttribute('data-value', 'true');
    rows.push({ lhs, rhs, rel });
  }
  return rows;
}

test('chapter 4: every step of the Kakade–Langford proof holds on screen, with the figures of the prose', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'mixture-policies');
  const w = within(page, 'KakadeLangfordProof');
  await w.scrollIntoViewIfNeeded();
  const rows = await checkProof(page);
  // Step 1 reproduces the true improvement; Δ and its bound; Step 3 at t = 10; Step 4; Step 5.
  expect(rows[0].lhs).toBeCloseTo(0.3731, 4);
  expect(await readNumber(page, 'kl-delta')).toBeCloseTo(-0.0774, 4);
  expect(await readNumber(page, 'kl-delta-bound')).toBeCloseTo(7.585, 3);
  expect(await readNumber(page, 'kl-eps')).toBeCloseTo(0.801, 3);
  expect(rows[2].rhs).toBeCloseTo(0.651, 3);
  expect(rows[4].lhs).toBeCloseTo(0.11, 3);
  expect(rows[5].lhs).toBeCloseTo(-0.0092, 4);
  expect(rows[6].rhs).toBeCloseTo(1.04, 2);
  expect(rows[7].lhs).toBeCloseTo(0.03, 3);
  expect(rows[8].lhs).toBeCloseTo(4.7368, 4);
  // The mixture explorer on the same page shows the same improvement and bound (same MDP, π, π′ and α).
  expect(relClose(rows[0].lhs, await readNumber(page, 'mixture-improvement'), 1e-12)).toBe(true);
  expect(
    relClose(await readNumber(page, 'kl-lower-bound'), await readNumber(page, 'mixture-lower-bound')),
  ).toBe(true);

  // Move the controls with the keyboard: α to its ends and back, the inspected time step, the size.
  const alpha = w.getByLabel('mixture weight α');
  for (const key of ['End', 'Home', 'PageUp', 'ArrowRight']) {
    await alpha.press(key);
    await checkProof(page);
  }
  await alpha.press('End');
  const atOne = await checkProof(page);
  expect(atOne[2].rhs).toBe(1); // (1 − α)^t = 0: the remainder is all of the mixture's law
  const t = w.getByLabel('inspect time step t');
  for (const key of ['Home', 'End']) {
    await t.press(key);
    await checkProof(page);
  }
  await w.getByLabel('states').press('End');
  await w.getByLabel('π′').selectOption('random');
  await checkProof(page);
  expect(errors).toEqual([]);
});

test('chapter 4: the proof under strain (random π′, seed 129, α = 0.32) and at γ = 0.99', async ({
  page,
}) => {
  await openChapter(page, 'mixture-policies', '?klp.target=random&klp.seed=129&klp.alpha=0.32');
  await within(page, 'KakadeLangfordProof').scrollIntoViewIfNeeded();
  const rows = await checkProof(page);
  expect(await readNumber(page, 'kl-delta')).toBeCloseTo(-0.697, 3);
  expect(rows[0].lhs).toBeCloseTo(0.199, 3);
  expect(await readNumber(page, 'kl-lower-bound')).toBeCloseTo(-4.6, 2);
  expect(0.32 * (await readNumber(page, 'kl-delta'))).toBeCloseTo(-0.22, 2);
  expect((0.32 * (await readNumber(page, 'kl-policy-advantage'))) / 0.1).toBeCloseTo(0.42, 2);
  for (const q of [
    '?klp.gamma=0.99&klp.states=15&klp.actions=5&klp.alpha=0.05',
    '?klp.gamma=0.5&klp.alpha=1',
  ]) {
    await openChapter(page, 'mixture-policies', q);
    await within(page, 'KakadeLangfordProof').scrollIntoViewIfNeeded();
    await checkProof(page);
  }
});

/** Waits until the lab has drawn all N trajectories and returns its readouts. */
async function finished(page: Page, n: number) {
  await expect(page.getByTestId('is-status')).toHaveText('done', { timeout: 60_000 });
  expect(await readNumber(page, 'is-samples')).toBe(n);
  const r = async (id: string) => readNumber(page, id);
  return {
    exactL: await r('is-exact-L'),
    exactJ: await r('is-exact-J'),
    one: await r('is-est-one-ratio'),
    oneBand: await r('is-band-one-ratio'),
    prod: await r('is-est-product'),
    prodBand: await r('is-band-product'),
    varOne: await r('is-var-one-ratio'),
    varProd: await r('is-var-product'),
    exactVarOne: await r('is-exact-var-one-ratio'),
    exactVarProd: await r('is-exact-var-product'),
  };
}

test('chapter 3: the importance-sampling lab agrees with the table and its estimates converge', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, 'performance-difference');
  const w = within(page, 'ImportanceSamplingLab');
  await w.scrollIntoViewIfNeeded();
  let r = await finished(page, 20000);
  // The exact column of chapter 3's table.
  expect(r.exactL).toBeCloseTo(-0.1465, 4);
  expect(r.exactJ).toBeCloseTo(-0.138, 4);
  expect(r.exactVarOne).toBeCloseTo(1.18, 2);
  expect(r.exactVarProd / 1e18).toBeCloseTo(4.3, 1);
  expect(await readNumber(page, 'is-exact-var-on-policy')).toBeCloseTo(0.644, 3);
  expect(await readNumber(page, 'is-gamma2-lambda')).toBeCloseTo(2.03, 2);
  expect(await readNumber(page, 'is-bias')).toBeCloseTo(0.0085, 4);
  expect(await readNumber(page, 'is-horizon')).toBe(62);
  // One ratio: within two bands (4 standard errors) of its exact mean; its sample variance close to the exact one.
  expect(Math.abs(r.one - r.exactL)).toBeLessThanOrEqual(2 * r.oneBand);
  expect(Math.abs(r.varOne / r.exactVarOne - 1)).toBeLessThan(0.1);
  // The figures of the prose at the defaults.
  expect(r.one).toBeCloseTo(-0.154, 3);
  expect(r.oneBand).toBeCloseTo(0.015, 3);
  expect(r.prod).toBeCloseTo(-0.102, 3);
  expect(r.prodBand).toBeCloseTo(0.051, 3);
  expect(r.varOne).toBeCloseTo(1.17, 2);
  expect(r.varProd).toBeCloseTo(13.1, 1);
  // The product's sample variance is nowhere near its exact variance (heavy tail): the point of the table.
  expect(r.varProd).toBeLessThan(1e-10 * r.exactVarProd);

  // Sampling seed 2 (the "New sample" button): the product's sample variance jumps, the one-ratio's does not.
  await w.getByTestId('is-resample').click();
  r = await finished(page, 20000);
  expect(r.varProd).toBeCloseTo(160, -1);
  expect(r.varOne).toBeCloseTo(1.17, 2);

  // Move π′ towards π with the keyboard: 1 → 0.2 in steps of 0.05.
  const move = w.getByLabel('move π′ from π (0) to the target policy (1)');
  for (let i = 0; i < 16; i++) await move.press('ArrowLeft');
  r = await finished(page, 20000);
  expect(r.exactVarOne).toBeCloseTo(0.634, 3);
  expect(r.exactVarProd).toBeCloseTo(0.695, 3);
  expect(await readNumber(page, 'is-exact-var-on-policy')).toBeCloseTo(0.603, 3);
  expect(r.exactJ - r.exactL).toBeCloseTo(0.0012, 4);
  expect(r.exactL).toBeCloseTo(-0.0191, 4);
  expect(r.exactJ).toBeCloseTo(-0.0179, 4);
  expect(Math.abs(r.one - r.exactL)).toBeLessThanOrEqual(2 * r.oneBand);
  expect(Math.abs(r.prod - r.exactJ)).toBeLessThanOrEqual(2 * r.prodBand);
  expect(Math.abs(r.varProd / r.exactVarProd - 1)).toBeLessThan(0.1);
  // π′ = π: both estimators are the on-policy one, with weight 1 everywhere.
  await move.press('Home');
  r = await finished(page, 20000);
  expect(Math.abs(r.exactL)).toBeLessThan(1e-12);
  expect(r.one).toBe(r.prod);
  expect(Math.abs(r.one)).toBeLessThanOrEqual(2 * r.oneBand);
  // N from the keyboard: Home is the smallest batch, one arrow step adds 100 trajectories.
  const n = w.getByLabel('trajectories N');
  await n.press('Home');
  await finished(page, 100);
  await n.press('ArrowRight');
  await finished(page, 200);
  expect(errors).toEqual([]);
});

test('chapter 3: with 200 000 trajectories the product’s sample variance still says nothing (seeds 1, 2, 3)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const expected = [34.7, 38.5, 30.8];
  for (let draw = 1; draw <= 3; draw++) {
    await openChapter(page, 'performance-difference', `?is.n=200000&is.draw=${draw}`);
    await within(page, 'ImportanceSamplingLab').scrollIntoViewIfNeeded();
    const r = await finished(page, 200000);
    expect(r.varProd).toBeCloseTo(expected[draw - 1], 1);
    expect(r.varOne).toBeGreaterThanOrEqual(1.175);
    expect(r.varOne).toBeLessThanOrEqual(1.195);
    expect(Math.abs(r.one - r.exactL)).toBeLessThanOrEqual(2 * r.oneBand);
  }
});
