import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { crashWorker, exportedRun, num, panel, savedRun } from './training-helpers';

/**
 * The training panel's reliability guarantees, on the production build: a link cannot exhaust the reader's machine, nothing trains
 * without the reader, two runs are never mixed in one curve, a restored run is not silently "resumed", leaving a
 * chapter keeps the run, and a browser without storage says so and goes on working.
 */

const start = (page: import('@playwright/test').Page) =>
  page.getByRole('button', { name: 'Start', exact: true }).click();

const monotone = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

test.describe('training reliability', () => {
  test('1. an over-large link is repaired with a notice, and a run of it trains', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = collectErrors(page);
    await page.goto(
      panel(
        'ppo-cartpole',
        'wasm',
        '&ppo-cartpole.envs=64&ppo-cartpole.steps=2048&ppo-cartpole.hidden=256&ppo-cartpole.epochs=100&ppo-cartpole.mb=1',
      ),
    );
    await expect(page.getByText(/one update would hold 131072 rows of experience/)).toBeVisible();
    // The controls show the preset's values the link fell back to, and the URL says the same.
    await expect(page.getByLabel('Environments *')).toHaveValue('16');
    await expect.poll(() => page.evaluate(() => location.search)).not.toContain('envs=64');
    await start(page);
    await expect.poll(() => num(page, 'train-steps'), { timeout: 90_000 }).toBeGreaterThan(0);
    expect(errors.errors).toEqual([]);
  });

  test('1. minibatches that do not split the batch are caught at the link, not at Start', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(
      panel('ppo-cartpole', 'wasm', '&ppo-cartpole.envs=1&ppo-cartpole.steps=1&ppo-cartpole.mb=2'),
    );
    await expect(page.getByText(/do not split the batch/)).toBeVisible();
    await start(page);
    await expect.poll(() => num(page, 'train-steps'), { timeout: 90_000 }).toBeGreaterThan(0);
    await expect(page.getByTestId('train-error')).toHaveCount(0);
  });

  test('2. nothing trains on load; the benchmark page is not in the book; bad props are clamped', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto(panel('ppo-cartpole', 'wasm', '&props.onStore=1&props.seed=-4&props.title=%3Cb%3Ex'));
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'idle');
    // props.onStore=1 (a callback from a link) is never passed: the widget renders, no error.
    await expect(page.getByText(/props\.onStore” is not a setting a widget takes/)).toBeVisible();
    await expect(page.getByRole('region', { name: '<b>x' })).toBeVisible(); // text, never markup
    expect(page.workers()).toHaveLength(0);
    await page.goto('/?props.algo=ppo&props.cfg=%7B%22numEnvs%22%3A64%7D#/widget/TrainingBench');
    await expect(page.getByRole('alert').filter({ hasText: 'Unknown widget “TrainingBench”' })).toBeVisible();
    await expect(page.getByTestId('bench-result')).toHaveCount(0);
    expect(page.workers()).toHaveLength(0);
    expect(errors.errors).toEqual([]);
  });

  test('3. Start after a crash and Single update on a restored run begin new runs: no mixed curve', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto(panel('ppo-cartpole', 'wasm', '&ppo-cartpole.lr=0.0001'));
    await start(page);
    await expect.poll(() => num(page, 'train-steps'), { timeout: 90_000 }).toBeGreaterThan(4000);
    await crashWorker(page);
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'crashed');
    await start(page); // Start, not Restart
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'running', {
      timeout: 60_000,
    });
    await expect.poll(() => num(page, 'train-steps'), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'paused');
    const run = await exportedRun(page);
    const steps = run.updates.map((u) => u.steps);
    expect(steps[0]).toBe(1024);
    expect(monotone(steps)).toBe(true);

    // Saved, reloaded: the restored run is shown as such; Single update starts a fresh run from step 0.
    const shown = await num(page, 'train-steps');
    await expect.poll(async () => (await savedRun(page, 'ppo-cartpole'))?.steps).toBe(shown);
    await page.reload();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'restored');
    await expect(page.getByTestId('train-status')).toContainText('a new run starts from step 0');
    await expect(page.getByRole('button', { name: 'New run', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Single update', exact: true }).click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'paused', {
      timeout: 60_000,
    });
    expect(await num(page, 'train-steps')).toBe(1024);
    expect((await exportedRun(page)).updates.map((u) => u.steps)).toEqual([1024]);
  });

  test('5. leaving the page mid-run keeps what was trained up to then', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(panel('ppo-cartpole', 'wasm', '&ppo-cartpole.lr=0.0001'));
    await start(page);
    await expect.poll(() => num(page, 'train-steps'), { timeout: 90_000 }).toBeGreaterThan(8000);
    const atLeave = await num(page, 'train-steps');
    await page.evaluate(() => (location.hash = '#/'));
    await expect(page.getByTestId('train-status')).toHaveCount(0);
    await expect
      .poll(async () => (await savedRun(page, 'ppo-cartpole'))?.steps ?? 0)
      .toBeGreaterThanOrEqual(atLeave);
  });

  for (const [what, script] of [
    [
      'indexedDB.open throws',
      `indexedDB.open = () => { throw new DOMException('blocked', 'SecurityError'); };`,
    ],
    ['indexedDB is undefined', `Object.defineProperty(window, 'indexedDB', { value: undefined });`],
  ] as const) {
    test(`6. ${what}: the page says runs cannot be saved, and training goes on`, async ({ page }) => {
      test.setTimeout(120_000);
      const errors = collectErrors(page);
      await page.addInitScript(script);
      await page.goto(panel('ppo-cartpole', 'wasm'));
      await expect(page.getByTestId('train-storage')).toContainText(/cannot be (saved|restored)/);
      await start(page);
      await expect.poll(() => num(page, 'train-steps'), { timeout: 90_000 }).toBeGreaterThan(2048);
      await expect(page.getByTestId('train-storage')).toContainText('export');
      expect(errors.errors).toEqual([]);
    });
  }
});
