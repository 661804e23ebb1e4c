/**
 * Chapter 10 (maximum entropy, SAC, DPG, TD3): the page renders with its math and no errors, axe finds nothing
 * serious, and every number the prose quotes is the number a widget shows (read from `data-value`) or, for the
 * errata, recomputed here from the float64 core.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  boltzmannPolicy,
  randomMDP,
  softPolicyEvaluation,
  softValueIteration,
  tvDistance,
  undiscountedEntropySoftQ,
  uniformPolicy,
} from '../src/rl';
import { collectErrors, renderedText, readNumber, mountWidgets } from './helpers';

const SLUG = 'sac-dpg';
/**
 * Opens the chapter and waits for its h1. Its module is large (the KaTeX HTML of every formula), and on a loaded
 * 2-core machine parsing it has taken over 20 s, so this waits longer than the shared helper.
 */
async function openChapter(page: Page, slug: string, query = '') {
  await page.goto(`./${query}#/${slug}`);
  await expect(page.locator('article h1')).toBeVisible({ timeout: 120_000 });
  // Widgets mount when near the viewport: scroll through them as a reader would.
  await mountWidgets(page);
}
test.describe.configure({ timeout: 300_000 });
/** Widgets mount when near the viewport: bring one there before reading it. */
async function show(page: Page, name: string) {
  const w = page.locator(`[data-widget="${name}"]`);
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('.widget')).toBeVisible({ timeout: 60_000 });
  return w;
}
const articleText = (page: Page) => renderedText(page);
const fixed = (x: number, digits: number) => x.toFixed(digits);
/** The prose prints a minus sign, not a hyphen. */
const printed = (s: string) => s.replace('-', '−');

test('chapter 10 renders: h1, math, no KaTeX errors, no unresolved references, every widget mounts, no console errors', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG);
  await expect(page.locator('article h1')).toContainText('Maximum entropy');
  await expect(page.locator('article .katex').first()).toBeVisible();
  expect(await page.locator('article h2').count()).toBeGreaterThan(5);
  await expect(page.locator('.katex-error')).toHaveCount(0);
  await expect(page.locator('.ref-missing')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.widget-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('chapter 10: axe finds no serious or critical violations', async ({ page }) => {
  test.setTimeout(600_000);
  await openChapter(page, SLUG);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 30_000 });
  const results = await new AxeBuilder({ page }).exclude('.katex-html').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`)).toEqual(
    [],
  );
});

test('soft value iteration lab: the figures of the prose at α = 0.01, α = 10⁻⁶ and α = 0.1', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG);
  await show(page, 'SoftValueIterationLab');
  const text = await articleText(page);
  const J = await readNumber(page, 'svi-j');
  const Jstar = await readNumber(page, 'svi-jstar');
  expect(text).toContain(fixed(J, 4)); // 0.3716
  expect(text).toContain(fixed(Jstar, 4)); // 0.3750
  expect(text).toContain(fixed(Jstar - J, 4)); // 0.0034
  expect(fixed(await readNumber(page, 'svi-bound'), 3)).toBe('0.139');
  expect(text).toContain(fixed(await readNumber(page, 'svi-start-up'), 3)); // 0.424
  expect(text).toContain(fixed(await readNumber(page, 'svi-start-right'), 3)); // 0.576
  const sweeps = await readNumber(page, 'svi-iterations');
  expect(await readNumber(page, 'svi-vi-iterations')).toBe(sweeps); // "the same 35 sweeps"
  expect(text).toContain(`same ${sweeps} sweeps`);
  // The error never exceeds the γ^k bound, and the gap to J* is inside the bound of part (2).
  expect(await readNumber(page, 'svi-worst-ratio')).toBeLessThanOrEqual(1 + 1e-9);
  expect(Jstar - J).toBeLessThanOrEqual(await readNumber(page, 'svi-bound'));

  await openChapter(page, SLUG, '?svi.alpha=0.000001');
  await show(page, 'SoftValueIterationLab');
  expect(await readNumber(page, 'svi-vi-gap')).toBeLessThan(1e-9);
  expect(await readNumber(page, 'svi-start-right')).toBeGreaterThan(1 - 1e-9);

  await openChapter(page, SLUG, '?svi.alpha=0.1');
  await show(page, 'SoftValueIterationLab');
  const hot = await articleText(page);
  expect(hot).toContain(printed(fixed(await readNumber(page, 'svi-j'), 3))); // −0.318
  expect(hot).toContain(fixed(await readNumber(page, 'svi-entropy'), 3)); // 1.372
  expect(hot).toContain(`${await readNumber(page, 'svi-iterations')} sweeps`); // 221
  expect(errors).toEqual([]);
});

test('soft policy iteration: Q never decreases, the errors of the prose, and the errata figures', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG);
  await show(page, 'SoftPolicyIterationSteps');
  const text = await articleText(page);
  const step = page.getByTestId('spi-step');
  const errs = [await readNumber(page, 'spi-error')];
  const mins: number[] = [];
  while (await step.isEnabled()) {
    const k = await readNumber(page, 'spi-k');
    await step.click();
    await expect(page.getByTestId('spi-k')).toHaveAttribute('data-value', String(k + 1));
    errs.push(await readNumber(page, 'spi-error'));
    mins.push(await readNumber(page, 'spi-min'));
    await expect(page.getByTestId('spi-lemma')).toHaveAttribute('data-value', 'yes');
  }
  mins.forEach((m) => expect(m).toBeGreaterThanOrEqual(-1e-12));
  expect(text).toContain(fixed(errs[0], 3)); // 1.995
  expect(text).toContain(fixed(errs[1], 4)); // 0.0130
  expect(text).toContain(errs[2].toExponential(1)); // 6.7e-7
  expect(errs[3]).toBeLessThan(1e-11);
  expect(text).toContain(fixed(mins[0], 3)); // 1.827
  expect(text).toContain(`${await readNumber(page, 'spi-svi-iterations')} sweeps`); // 283

  // Errata, on the widget's default MDP (seed 1, six states, three actions, γ = 0.9, α = 0.5).
  const mdp = randomMDP(1, { states: 6, actions: 3, gamma: 0.9 });
  const u = uniformPolicy(6, 3);
  const truth = softPolicyEvaluation(mdp, u, { temperature: 0.5 }).Q.flat();
  const gap = Math.max(
    ...undiscountedEntropySoftQ(mdp, u, 0.5)
      .flat()
      .map((q, i) => q - truth[i]),
  );
  expect(text).toContain(fixed(gap, 3)); // 0.549 = 0.5 log 3
  const star = softValueIteration(mdp, { temperature: 0.5, tol: 1e-13 });
  const tv = Math.max(...boltzmannPolicy(star.Q, 1).map((row, s) => tvDistance(row, star.policy[s])));
  expect(text).toContain(fixed(tv, 3)); // 0.211
  await page.getByTestId('spi-restart').click();
  expect(fixed(await readNumber(page, 'spi-note-tv'), 3)).toBe(fixed(tv, 3));
  expect(fixed(await readNumber(page, 'spi-note-gap'), 3)).toBe(fixed(gap, 3));

  // γ = 0: every policy has Q = r, so one improvement step is final (the erratum's link).
  await openChapter(page, SLUG, '?spi.gamma=0');
  await show(page, 'SoftPolicyIterationSteps');
  expect(await readNumber(page, 'spi-iterations')).toBe(1);
  await page.getByTestId('spi-step').click();
  expect(await readNumber(page, 'spi-min')).toBe(0);
  expect(errors).toEqual([]);
});

test('pathwise against score function: exact figures and the sampled means after 10 000 draws', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG);
  await show(page, 'PathwiseVsScore');
  const text = await articleText(page);
  expect(await readNumber(page, 'pvs-exact')).toBe(2);
  expect(await readNumber(page, 'pvs-var-pw')).toBeCloseTo(1, 12);
  expect(await readNumber(page, 'pvs-var-sf')).toBeCloseTo(21.75, 12);
  expect(text).toContain('21.75');
  await expect(page.getByTestId('pvs-n')).toHaveAttribute('data-value', '10000', { timeout: 30_000 });
  const pw = await readNumber(page, 'pvs-mean-pw');
  const sf = await readNumber(page, 'pvs-mean-sf');
  expect(text).toContain(fixed(pw, 2));
  expect(text).toContain(fixed(sf, 2));
  // Within 4 standard errors of the exact gradient.
  expect(Math.abs(pw - 2)).toBeLessThan(4 * Math.sqrt(1 / 10_000));
  expect(Math.abs(sf - 2)).toBeLessThan(4 * Math.sqrt(21.75 / 10_000));

  await openChapter(page, SLUG, '?pvs.critic=step&pvs.c=0.5');
  await show(page, 'PathwiseVsScore');
  expect(text).toContain(fixed(await readNumber(page, 'pvs-exact'), 3)); // 0.484
  await expect(page.getByTestId('pvs-n')).toHaveAttribute('data-value', '10000', { timeout: 30_000 });
  expect(await readNumber(page, 'pvs-mean-pw')).toBe(0);
  expect(await readNumber(page, 'pvs-svar-pw')).toBe(0);
  expect(errors).toEqual([]);
});

test('squashed Gaussian: the uncorrected mass, the entropy and the mass near the bounds', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG);
  await show(page, 'SquashedGaussian');
  const text = await articleText(page);
  expect(text).toContain(fixed(await readNumber(page, 'sq-mass'), 3)); // 0.450
  expect(text).toContain(fixed(await readNumber(page, 'sq-entropy'), 3)); // 0.093
  expect(text).toContain(fixed(await readNumber(page, 'sq-entropy-gauss'), 3)); // 1.419
  expect(text).toContain(`${fixed(100 * (await readNumber(page, 'sq-near')), 1)}%`); // 5.0%
  expect(errors).toEqual([]);
});

const trainingPanel = (page: Page, preset: string) =>
  page.locator(`section.training-panel[aria-label="Training: ${preset}"]`);
const panelNum = async (panel: ReturnType<typeof trainingPanel>, testId: string) =>
  Number(await panel.getByTestId(testId).first().getAttribute('data-value'));

test('SAC live on Pendulum in the chapter: the return rises, α moves from 1, the policy plays', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const { errors } = collectErrors(page);
  // Smaller networks and batches than the preset's (64 units, 256), so the run is short on a loaded machine.
  await openChapter(page, SLUG, '?sac-pendulum.backend=wasm&sac-pendulum.hidden=32&sac-pendulum.batch=64');
  const panel = trainingPanel(page, 'sac-pendulum');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('checkbox', { name: /Tune α/ })).toBeChecked();
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  // Random actions for the first 1000 steps (5 episodes of 200 steps): returns around −1200.
  await expect.poll(() => panelNum(panel, 'train-episodes'), { timeout: 120_000 }).toBeGreaterThan(4);
  expect(await panelNum(panel, 'train-return-mean')).toBeLessThan(-800);
  // Automatic tuning: α falls while the entropy is above the target −1.
  await expect.poll(() => panelNum(panel, 'train-alpha'), { timeout: 240_000 }).toBeLessThan(0.5);
  await expect.poll(() => panelNum(panel, 'train-return-mean'), { timeout: 480_000 }).toBeGreaterThan(-800);
  expect(Number.isFinite(await panelNum(panel, 'train-overestimation'))).toBe(true);
  // The current policy is rendered playing Pendulum.
  await expect(panel.locator('canvas').first()).toBeVisible();
  expect(errors).toEqual([]);
});
