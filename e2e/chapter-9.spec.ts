/**
 * Chapter 9 (value-based methods): the page renders with its math and widgets, axe finds nothing serious, and every
 * figure the prose quotes is the figure a widget shows (read from its full-precision `data-value`, printed as the
 * prose prints it). The Monte Carlo vs TD averages are also recomputed here from src/rl with the same seeds, so the
 * widget is checked against the core, not only against the text.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { WALK_SERIES, bairdValueDynamics, runSeeds, walkRun } from '../src/rl';
import { collectErrors, renderedText, readNumber, mountWidgets } from './helpers';

const SLUG = 'value-based';

/**
 * Opens the chapter like helpers' openChapter, with a longer wait for the first paint: this chapter's Monte Carlo
 * widgets start working as soon as it opens, and on a loaded machine the page can take over 20 s to show its h1.
 */
async function openChapter(page: Page, slug: string, query = '') {
  await page.goto(`./${query}#/${slug}`);
  await expect(page.locator('article h1')).toBeVisible({ timeout: 90_000 });
  // Widgets mount when near the viewport: scroll through them as a reader would.
  await mountWidgets(page);
}
const within = (page: Page, widget: string) => page.locator(`[data-widget="${widget}"]`);
const articleText = (page: Page) => renderedText(page);
const fixed = (x: number, digits: number) => x.toFixed(digits);

/**
 * The Monte Carlo widgets all start computing when the page opens. A test that checks one of them opens the page with
 * the others cut to a run or a few (URL state), so that the machine's cores go to the widget under test.
 */
const LIGHT: Record<string, string> = {
  mctd: 'mctd.runs=1',
  nstep: 'nstep.runs=1',
  cliff: 'cliff.runs=1',
  maxbias: 'maxbias.runs=10',
};
const only = (keep?: string) =>
  '?' +
  Object.entries(LIGHT)
    .filter(([k]) => k !== keep)
    .map(([, v]) => v)
    .join('&');

/** Waits until a chunked widget reports that all its runs are done (Readout `data-value` "true"). */
async function finished(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  await el.scrollIntoViewIfNeeded();
  await expect(el).toHaveAttribute('data-value', 'true', { timeout: 120_000 });
}

test('chapter 9 renders its h1, math and widgets with no KaTeX, reference or console errors', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG, only());
  await expect(page.locator('article h1')).toHaveText(/Value-based methods/);
  await expect(page.locator('article .katex').first()).toBeVisible();
  await expect(page.locator('.katex-error')).toHaveCount(0);
  await expect(page.locator('.ref-missing')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.widget-error')).toHaveCount(0);
  // Hidden solutions: present, and hidden until asked for.
  expect(
    await page
      .locator('article')
      .getByRole('button', { name: /solution/i })
      .count(),
  ).toBeGreaterThanOrEqual(7);
  expect(errors).toEqual([]);
});

test('chapter 9: axe finds no serious or critical violations', async ({ page }) => {
  // A long chapter (some 30 000 nodes besides KaTeX's hidden HTML): axe needs minutes on a loaded 2-core machine.
  test.setTimeout(600_000);
  await openChapter(page, SLUG, only());
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 60_000 });
  const results = await new AxeBuilder({ page }).exclude('.katex-html').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`)).toEqual(
    [],
  );
});

test('chapter 9: Monte Carlo against TD on the random walk, as quoted and as src/rl computes it', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG, only('mctd'));
  await finished(page, 'mctd-done');
  expect(await readNumber(page, 'mctd-runs')).toBe(100);
  // The same 100 runs, recomputed from the core.
  const seeds = runSeeds(1, 100);
  const final: Record<string, number> = {};
  for (const s of WALK_SERIES) {
    let sum = 0;
    for (const seed of seeds) sum += walkRun(s, seed, 100)[100];
    final[s.key] = sum / 100;
    expect(Math.abs((await readNumber(page, `mctd-final-${s.key}`)) - final[s.key])).toBeLessThan(1e-12);
  }
  // Constant-α Monte Carlo is best at α = 0.02 among the four.
  for (const k of ['mc01', 'mc03', 'mc04']) expect(final.mc02).toBeLessThan(final[k]);
  const text = await articleText(page);
  for (const figure of [
    fixed(final.td05, 3), // 0.038
    fixed(final.mc02, 3), // 0.082
    fixed(await readNumber(page, 'mctd-min-td15'), 3), // 0.055
    fixed(final.td15, 3), // 0.078
  ])
    expect(text).toContain(figure);
  expect(errors).toEqual([]);
});

test('chapter 9: n-step TD, the best n and step size as quoted', async ({ page }) => {
  test.setTimeout(480_000);
  await openChapter(page, SLUG, only('nstep'));
  await finished(page, 'nstep-done');
  expect(await readNumber(page, 'nstep-runs')).toBe(50);
  const text = await articleText(page);
  const n = await readNumber(page, 'nstep-best-n');
  const alpha = await readNumber(page, 'nstep-best-alpha');
  expect(text).toMatch(new RegExp(`n\\s*=\\s*${n}\\b[\\s\\S]{0,80}with[\\s\\S]{0,40}α\\s*=\\s*${alpha}`));
  expect(text).toContain(fixed(await readNumber(page, 'nstep-best-rms'), 3)); // 0.260
  expect(text).toContain(fixed(await readNumber(page, 'nstep-best-n1'), 3)); // 0.344
  expect(text).toMatch(new RegExp(`α\\s*=\\s*${await readNumber(page, 'nstep-best-alpha-n1')}`)); // 0.8
  expect(text).toContain(fixed(await readNumber(page, 'nstep-best-n512'), 3)); // 0.566
});

test('chapter 9: cliff walking, SARSA earns more online while Q-learning learns the edge path', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await openChapter(page, SLUG, only('cliff'));
  await finished(page, 'cliff-done');
  const sarsa = await readNumber(page, 'cliff-late-sarsa');
  const q = await readNumber(page, 'cliff-late-q-learning');
  expect(sarsa).toBeGreaterThan(q);
  const text = await articleText(page);
  expect(text).toContain(fixed(-sarsa, 1)); // −27.3
  expect(text).toContain(fixed(-q, 1)); // −50.3
  expect(await readNumber(page, 'cliff-path-q-learning')).toBe(13);
  expect(await readNumber(page, 'cliff-path-sarsa')).toBe(17);
  expect(text).toContain('optimal 13-step walk');
  expect(text).toContain('takes 17 steps');
  await expect(page.getByTestId('cliff-paths')).toContainText('Q-learning: 13 moves, reaches the goal');
});

test('chapter 9: maximisation bias, Q-learning against double Q-learning as quoted', async ({ page }) => {
  test.setTimeout(480_000);
  await openChapter(page, SLUG, only('maxbias'));
  await finished(page, 'maxbias-done');
  expect(await readNumber(page, 'maxbias-runs')).toBe(1000);
  const text = await articleText(page);
  expect(text).toContain(fixed(await readNumber(page, 'maxbias-peak-q'), 1)); // 94.3
  expect(text).toContain(`episode ${await readNumber(page, 'maxbias-peak-episode-q')}`); // 22
  expect(text).toContain(fixed(await readNumber(page, 'maxbias-late-q'), 1)); // 12.5
  expect(text).toContain(fixed(await readNumber(page, 'maxbias-peak-double'), 1)); // 52.9
  expect(text).toContain(`episode ${await readNumber(page, 'maxbias-peak-episode-double')}`); // 6
  expect(text).toContain(fixed(await readNumber(page, 'maxbias-late-double'), 1)); // 6.6
  expect(await readNumber(page, 'maxbias-optimal')).toBe(5);
});

test("chapter 9: Baird's counterexample, off-policy, on-policy and Monte Carlo, as quoted", async ({
  page,
}) => {
  test.setTimeout(480_000);
  const { errors } = collectErrors(page);
  await openChapter(page, SLUG, only());
  const text = await articleText(page);
  const w = within(page, 'BairdExact');
  await w.scrollIntoViewIfNeeded();
  // The widget's code loads when it nears the viewport; on a loaded machine that can take a while.
  await expect(page.getByTestId('baird-norm-start')).toBeVisible({ timeout: 120_000 });
  expect(text).toContain(fixed(await readNumber(page, 'baird-norm-start'), 2)); // 10.34
  expect(text).toContain(fixed(await readNumber(page, 'baird-norm-final'), 2)); // 436.86
  expect(text).toContain(fixed(await readNumber(page, 'baird-growth'), 5)); // 1.00266
  expect(text).toContain(fixed(await readNumber(page, 'baird-rate'), 5)); // 1.00239
  const l1 = await readNumber(page, 'baird-lambda-1');
  const l2 = await readNumber(page, 'baird-lambda-2');
  expect(text).toContain(fixed(l1, 3)); // 1.675
  expect(text).toContain(fixed(l2, 3)); // 0.155
  expect(fixed(await readNumber(page, 'baird-threshold'), 3)).toBe('0.882');
  expect(text).toContain('0.882');
  // The growth rate quoted is 1 + α λ_max / 7 with α = 0.01.
  expect(Math.abs((await readNumber(page, 'baird-rate')) - (1 + (0.01 * l1) / 7))).toBeLessThan(1e-12);
  const select = w.getByLabel('update', { exact: true });
  await select.selectOption('on-policy');
  await expect.poll(() => readNumber(page, 'baird-norm-final')).toBeLessThan(10.34);
  expect(text).toContain(fixed(await readNumber(page, 'baird-norm-final'), 2)); // 9.42
  await select.selectOption('monte-carlo');
  await expect.poll(async () => fixed(await readNumber(page, 'baird-norm-final'), 2)).not.toBe('9.42');
  expect(text).toContain(fixed(await readNumber(page, 'baird-norm-final'), 2)); // 8.63
  // The exercise's discriminant roots (from K_γ's trace and determinant) are the ones quoted.
  const roots = [-1, 1].map((sgn) => (406 + sgn * Math.sqrt(406 ** 2 - 4 * 289 * 121)) / 578);
  // They are quoted inside the exercise's solution, which is collapsed: read the text of hidden parts too.
  const all = (await page.locator('article').textContent()) ?? '';
  expect(all).toContain(fixed(roots[0], 3)); // 0.429
  expect(all).toContain(fixed(roots[1], 3)); // 0.976
  const disc = (g: number) => {
    const d = bairdValueDynamics(g);
    return d.trace ** 2 - 4 * d.det;
  };
  expect(Math.abs(disc(roots[0])) + Math.abs(disc(roots[1]))).toBeLessThan(1e-9);
  // Slide γ across the threshold from the URL: below 15/17 the largest real part is negative.
  await openChapter(page, SLUG, `${only()}&baird.gamma=0.87&baird.alpha=0.05`);
  await within(page, 'BairdExact').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('baird-rate')).toBeVisible({ timeout: 120_000 });
  expect(await readNumber(page, 'baird-rate')).toBeLessThan(1);
  expect(errors).toEqual([]);
});

/** A training panel of the chapter, by preset. */
const trainingPanel = (page: Page, preset: string) =>
  page.locator(`section.training-panel[aria-label="Training: ${preset}"]`);
const panelNum = async (panel: ReturnType<typeof trainingPanel>, testId: string) =>
  Number(await panel.getByTestId(testId).first().getAttribute('data-value'));

test('chapter 9: DQN live on CartPole, started in the chapter, learns; ε falls and the overestimation readout streams', async ({
  page,
}) => {
  test.setTimeout(480_000);
  // The Monte Carlo widgets cut to a run each; DQN on wasm with 32 hidden units (the preset has 64) to keep it short.
  await openChapter(page, SLUG, `${only()}&dqn-cartpole.backend=wasm&dqn-cartpole.hidden=32`);
  const panel = trainingPanel(page, 'dqn-cartpole');
  await panel.scrollIntoViewIfNeeded();
  // The three DQN switches and the ε schedule are among the panel's settings.
  for (const label of [/Replay buffer/, /Target network/, /Double DQN/])
    await expect(panel.getByRole('checkbox', { name: label })).toBeVisible();
  await expect(panel.getByLabel(/Final ε/).first()).toBeVisible();
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  // ε-greedy from ε = 1: the first 20 episodes are short.
  await expect.poll(() => panelNum(panel, 'train-episodes'), { timeout: 120_000 }).toBeGreaterThan(20);
  const early = await panelNum(panel, 'train-return-mean');
  expect(early).toBeLessThan(40);
  await expect.poll(() => panelNum(panel, 'train-return-mean'), { timeout: 400_000 }).toBeGreaterThan(80);
  expect(await panelNum(panel, 'train-epsilon')).toBeLessThan(1);
  expect(Number.isFinite(await panelNum(panel, 'train-overestimation'))).toBe(true);
  expect(await panelNum(panel, 'train-q-loss')).toBeGreaterThanOrEqual(0);
  await expect(panel.getByTestId('train-backend')).toHaveAttribute('data-value', 'wasm');
});

test('chapter 9: DQN switches set in the URL reach the training worker', async ({ page }) => {
  test.setTimeout(300_000);
  // Record what the page posts to its workers (from outside the app: no hook in the build).
  await page.addInitScript(() => {
    const sent: unknown[] = [];
    (window as unknown as { __sentToWorkers: unknown[] }).__sentToWorkers = sent;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, msg: unknown, ...rest: unknown[]) {
      sent.push(msg);
      return (post as (...a: unknown[]) => void).call(this, msg, ...rest);
    };
  });
  await openChapter(
    page,
    SLUG,
    `${only()}&dqn-cartpole.backend=wasm&dqn-cartpole.double=true&dqn-cartpole.replay=false&dqn-cartpole.target=false`,
  );
  const panel = trainingPanel(page, 'dqn-cartpole');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('checkbox', { name: /Double DQN/ })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: /Replay buffer/ })).not.toBeChecked();
  await expect(panel.getByRole('checkbox', { name: /Target network/ })).not.toBeChecked();
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  const initConfig = () =>
    page.evaluate(() => {
      const sent = (
        window as unknown as { __sentToWorkers: { type?: string; config?: Record<string, unknown> }[] }
      ).__sentToWorkers;
      const init = sent.find((m) => m?.type === 'init' && m.config?.algo === 'dqn');
      return init?.config ?? null;
    });
  await expect.poll(initConfig, { timeout: 60_000 }).not.toBeNull();
  const cfg = (await initConfig())!;
  expect(cfg).toMatchObject({
    algo: 'dqn',
    env: 'CartPole-v1',
    double: true,
    replay: false,
    targetNetwork: false,
  });
  // and the worker accepted it: the run streams metrics
  await expect.poll(() => panelNum(panel, 'train-steps'), { timeout: 120_000 }).toBeGreaterThan(0);
  await expect(panel.getByTestId('train-error')).toHaveCount(0);
});
