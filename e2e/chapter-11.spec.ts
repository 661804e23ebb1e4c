/**
 * Chapter 11 (offline RL): the page renders cleanly and passes axe; every figure the prose quotes is the figure a
 * widget shows (read from its data-value), in the default state and in the states the prose links to; the errata's
 * instances are recomputed from the float64 core in src/rl.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { awrPolicy, expectile, klRegularisedMax } from '../src/rl';
import { collectErrors, renderedText, readNumber, relClose, mountWidgets } from './helpers';

const SLUG = 'offline-rl';

// The chapter's chunk is large (its math ships as HTML) and the machine is shared: generous condition timeouts.
test.describe.configure({ timeout: 240_000 });

async function open(page: Page, query = '') {
  await page.goto(`./${query}#/${SLUG}`);
  await expect(page.locator('article h1')).toBeVisible({ timeout: 90_000 });
  // Widgets mount when near the viewport: scroll through them as a reader would.
  await mountWidgets(page);
}
const articleText = (page: Page) => renderedText(page);
/** As the prose prints numbers: fixed decimals, and a typographic minus. */
const fixed = (x: number, digits: number) => x.toFixed(digits).replace('-', '−');

async function waitForWidgets(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.widget-placeholder')).toHaveCount(0, { timeout: 90_000 });
  await expect(page.locator('.widget-error')).toHaveCount(0);
}

test('chapter 11 renders its h1 and math with no KaTeX, reference or console errors', async ({ page }) => {
  const { errors } = collectErrors(page);
  await open(page);
  await expect(page.locator('article h1')).toHaveText(/Offline reinforcement learning/);
  await expect(page.locator('article .katex').first()).toBeVisible();
  expect(await page.locator('article h2').count()).toBeGreaterThan(4);
  await expect(page.locator('.katex-error')).toHaveCount(0);
  await expect(page.locator('.ref-missing')).toHaveCount(0);
  await waitForWidgets(page);
  for (const w of ['DistributionShift', 'ExpectileExplorer', 'CqlLowerBound', 'OfflineLab']) {
    await expect(page.locator(`[data-widget="${w}"]`)).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('chapter 11: axe finds no serious or critical violations', async ({ page }) => {
  // axe walks every widget's DOM; on the shared 2-core machine it has needed over four minutes.
  test.setTimeout(900_000);
  await open(page);
  await waitForWidgets(page);
  const results = await new AxeBuilder({ page }).exclude('.katex-html').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`)).toEqual(
    [],
  );
});

test('distribution shift: the quoted figures are the widget defaults, and full coverage repairs the max', async ({
  page,
}) => {
  await open(page);
  await waitForWidgets(page);
  const text = await articleText(page);
  const jstar = await readNumber(page, 'shift-jstar');
  const jbeta = await readNumber(page, 'shift-jbeta');
  const jnaive = await readNumber(page, 'shift-jnaive');
  const jdata = await readNumber(page, 'shift-jdata');
  // The story the prose tells: the naive greedy policy is far worse than the behaviour, the in-support one is not.
  expect(jnaive).toBeLessThan(jbeta - 0.5);
  expect(jdata).toBeGreaterThanOrEqual(jbeta);
  expect(jdata).toBeLessThanOrEqual(jstar + 1e-12);
  for (const figure of [
    `${((await readNumber(page, 'shift-pair-coverage')) * 100).toFixed(0)}%`,
    `${await readNumber(page, 'shift-over-unseen')} of the ${await readNumber(page, 'shift-unseen')} unlogged`,
    `${await readNumber(page, 'shift-over-seen')} logged ones`,
    fixed(await readNumber(page, 'shift-max-over'), 3),
    `in ${await readNumber(page, 'shift-greedy-unseen')} states`,
    fixed(jnaive, 3),
    fixed(jbeta, 3),
    fixed(jstar, 3),
    fixed(jdata, 3),
  ])
    expect(text).toContain(figure);
  // Every unlogged pair that ends above Q* is counted among the overestimated, and the grid highlights states.
  await expect(page.locator('.ds-unseen')).toHaveCount(await readNumber(page, 'shift-greedy-unseen'));

  await open(page, '?shift.coverage=0.5&shift.N=5000');
  await waitForWidgets(page);
  expect(await readNumber(page, 'shift-unseen')).toBe(0);
  const optimal = await readNumber(page, 'shift-jstar');
  expect(relClose(await readNumber(page, 'shift-jnaive'), optimal, 1e-3)).toBe(true);
  expect(relClose(await readNumber(page, 'shift-jdata'), optimal, 1e-3)).toBe(true);
});

test('expectile explorer: quoted figures, the first-order condition, the tau -> 1 bound and tau below 1/2', async ({
  page,
}) => {
  await open(page);
  await waitForWidgets(page);
  const text = await articleText(page);
  const m = await readNumber(page, 'expectile-value');
  for (const id of ['expectile-mean', 'expectile-max', 'expectile-value', 'expectile-quantile'])
    expect(text).toContain(fixed(await readNumber(page, id), 3));
  expect(Math.abs(await readNumber(page, 'expectile-residual'))).toBeLessThan(1e-9);
  expect(m).toBeGreaterThan(await readNumber(page, 'expectile-mean'));

  await open(page, '?expectile.tau=0.999');
  await waitForWidgets(page);
  const gap = await readNumber(page, 'expectile-gap');
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThanOrEqual(await readNumber(page, 'expectile-bound'));

  // The erratum's link: below 1/2 the expectile lies under the mean.
  await open(page, '?expectile.tau=0.3');
  await waitForWidgets(page);
  expect(await readNumber(page, 'expectile-value')).toBeLessThan(await readNumber(page, 'expectile-mean'));
});

test("CQL's lower bound: defaults, the push-up variant shifted by alpha/(1 - gamma), thresholds with data", async ({
  page,
}) => {
  await open(page);
  await waitForWidgets(page);
  const text = await articleText(page);
  const holds = await readNumber(page, 'cql-holds-q');
  const pairs = await readNumber(page, 'cql-pairs');
  const slack = await readNumber(page, 'cql-min-slack-q');
  expect(holds).toBe(pairs);
  expect(slack).toBeGreaterThan(0);
  expect(await readNumber(page, 'cql-alpha-star')).toBe(0);
  expect(await readNumber(page, 'cql-agreement')).toBeLessThan(1e-9);
  expect(text).toContain(`holds at ${holds} of\n${pairs} pairs`.replace('\n', ' '));
  expect(text).toContain(fixed(slack, 4));

  await open(page, '?cql.variant=minus-data');
  await waitForWidgets(page);
  const slack2 = await readNumber(page, 'cql-min-slack-q');
  // alpha = 0.5, gamma = 0.5: the push-up variant is higher by exactly alpha / (1 - gamma) = 1.
  expect(Math.abs(slack - slack2 - 1)).toBeLessThan(1e-9);
  expect(text).toContain(fixed(slack2, 4));
  expect(await readNumber(page, 'cql-holds-q')).toBeLessThan(pairs);
  expect(await readNumber(page, 'cql-holds-v')).toBe(4);
  expect(await readNumber(page, 'cql-min-slack-v')).toBeGreaterThan(0);

  await open(page, '?cql.backups=data&cql.N=30&cql.alpha=0.03');
  await waitForWidgets(page);
  const star = await readNumber(page, 'cql-alpha-star');
  const thm = await readNumber(page, 'cql-alpha-theorem');
  expect(text).toContain(fixed(star, 4));
  expect(text).toContain(fixed(thm, 4));
  expect(star).toBeGreaterThan(0.03);
  expect(thm).toBeGreaterThanOrEqual(star);
  expect(await readNumber(page, 'cql-holds-q')).toBeLessThan(pairs / 2);
  await expect(page.getByTestId('cql-holds-above')).toHaveAttribute('data-value', 'true');
});

test('chapter 11 errata: the instances quoted are the ones src/rl computes', async ({ page }) => {
  await open(page);
  const text = await articleText(page);
  // Single-loss IQL target: next-state values 0.9 and 0 (γ = 0.9), τ = 0.999.
  expect(text).toContain(fixed(expectile([0.9, 0], 0.999), 4));
  // AWR: two logged actions, advantages ±1, β = 1.
  const pi = awrPolicy([[1, -1]], [0], [[0.5, 0.5]], 1);
  expect(text).toContain(fixed(pi[0][0], 4));
  // CQL(H)'s regulariser: q = (1, 0), ρ uniform, α = 2, weight 1 vs weight α.
  const asWritten = klRegularisedMax([1, 0], [0.5, 0.5], 2, 1).mu;
  const sameWeight = klRegularisedMax([1, 0], [0.5, 0.5], 2, 2).mu;
  for (const x of [...asWritten, ...sameWeight]) expect(text).toContain(fixed(x, 4));
});

/** A training panel of the offline lab, by its title. */
const panel = (page: Page, title: string) => page.locator(`section.training-panel[aria-label="${title}"]`);
const numIn = async (scope: ReturnType<Page['locator']>, testId: string) =>
  Number(await scope.getByTestId(testId).first().getAttribute('data-value'));

test('offline lab: log a dataset with the behaviour DQN, train CQL on it offline, evaluation episodes run; export, import, a bad file refused', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const { errors } = collectErrors(page);
  // A small dataset, a short CQL run, all on wasm.
  await open(
    page,
    '?offline.size=1000&offline.eps=0.2&dqn-cartpole.behaviour.backend=wasm&offline-cql-cartpole.backend=wasm&offline-cql-cartpole.total=300&offline-cql-cartpole.chunk=100',
  );
  const lab = page.locator('[data-widget="OfflineLab"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.getByText('Log or import a dataset first.')).toBeVisible({ timeout: 90_000 });
  await expect(lab.getByTestId('offline-log')).toBeDisabled();
  // One update of the behaviour DQN gives it a policy (500 steps, nearly random: enough to log with).
  const behaviour = panel(page, 'Behaviour agent: DQN on CartPole');
  await behaviour.getByRole('button', { name: 'Single update' }).click();
  await expect(lab.getByTestId('offline-log')).toBeEnabled({ timeout: 120_000 });
  await lab.getByTestId('offline-log').click();
  await expect(lab.getByTestId('offline-dataset-size')).toHaveAttribute('data-value', '1000', {
    timeout: 60_000,
  });
  expect(await numIn(lab, 'offline-dataset-episodes')).toBeGreaterThan(0);
  expect(await numIn(lab, 'offline-dataset-eps')).toBe(0.2);
  // CQL offline: 300 gradient steps in reports of 100, each followed by 5 greedy evaluation episodes.
  const cql = panel(page, 'CQL(H) offline');
  await cql.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(cql.getByTestId('train-status')).toHaveAttribute('data-value', 'finished', {
    timeout: 300_000,
  });
  expect(await numIn(cql, 'train-steps')).toBe(300);
  expect(await numIn(cql, 'train-episodes')).toBe(15);
  expect(await numIn(cql, 'train-return-mean')).toBeGreaterThanOrEqual(8);
  expect(Number.isFinite(await numIn(cql, 'train-overestimation'))).toBe(true);
  expect(await numIn(lab, 'offline-return-cql')).toBe(await numIn(cql, 'train-return-mean'));
  // Export, then import the file: the same dataset comes back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    lab.getByTestId('offline-export').click(),
  ]);
  const path = (await download.path())!;
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file).toMatchObject({
    format: 'proximal-offline-dataset',
    version: 1,
    env: 'CartPole-v1',
    size: 1000,
  });
  const before = await numIn(lab, 'offline-dataset-return');
  await lab.getByTestId('offline-import').setInputFiles(path);
  await expect(lab.getByTestId('offline-message')).toContainText('Imported 1000 transitions');
  expect(await numIn(lab, 'offline-dataset-return')).toBe(before);
  // A bad file is refused with a message, and the dataset in use stays.
  await lab.getByTestId('offline-import').setInputFiles({
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, env: 'Acrobot-v1' })),
  });
  await expect(lab.getByTestId('offline-errors')).toContainText('logged on Acrobot-v1, not CartPole-v1');
  await lab.getByTestId('offline-import').setInputFiles({
    name: 'junk.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(lab.getByTestId('offline-errors')).toContainText('not a Proximal dataset file');
  await expect(lab.getByTestId('offline-dataset-size')).toHaveAttribute('data-value', '1000');
  expect(errors).toEqual([]);
});
