import { expect, test, type Page } from '@playwright/test';
import { crashWorker, exportedRun, num, panel, savedRun } from './training-helpers';

/**
 * The training engine in real Chromium: a PPO run on wasm (and on WebGPU, or its fallback notice) whose return
 * curve rises; pause/resume; the saved run after a reload; a killed worker reported with a working Restart.
 */

/** The mean return at the first update that had finished episodes, from the run's JSON export (its series). */
async function firstReturn(page: Page): Promise<number> {
  const run = await exportedRun(page);
  return run.updates.find((p) => Number.isFinite(p.returnMean20))?.returnMean20 ?? NaN;
}

/** Starts the run and waits until the mean return has risen to `target(early)`. */
async function startAndSeeLearning(page: Page, target: (early: number) => number, timeout: number) {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // The first finished episodes come from the near-uniform initial policy. (Read from the series, not from the
  // readout: on wasm the readout can be past 100 by the time 20 episodes have been counted.)
  await expect.poll(() => num(page, 'train-episodes'), { timeout: 60_000 }).toBeGreaterThan(20);
  const early = await firstReturn(page);
  expect(early).toBeGreaterThan(0);
  expect(early).toBeLessThan(100);
  // The curve rises: more episodes, and a mean return well above the early one.
  await expect.poll(() => num(page, 'train-return-mean'), { timeout }).toBeGreaterThan(target(early));
  expect(await num(page, 'train-episodes')).toBeGreaterThan(20);
}

test.describe('training engine', () => {
  test('PPO on wasm learns; pause, resume; the run survives a reload', async ({ page }) => {
    test.setTimeout(150_000);
    // A smaller learning rate than the preset's: the default run can solve (and end) within a second of passing
    // 150, before the test gets to press Pause; at 1e-3 it takes twice as many steps.
    await page.goto(`${panel('ppo-cartpole', 'wasm').replace('#', '&ppo-cartpole.lr=0.001#')}`);
    await startAndSeeLearning(page, (early) => Math.max(150, 2 * early), 90_000);
    await expect(page.getByTestId('train-backend')).toHaveAttribute('data-value', 'wasm');
    expect(await num(page, 'train-sps')).toBeGreaterThan(0);
    expect(await num(page, 'train-tv-mean')).toBeGreaterThanOrEqual(0);
    expect(await num(page, 'train-approx-kl')).toBeGreaterThanOrEqual(0);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'paused');
    const paused = await num(page, 'train-steps');
    // While paused the worker takes no step: the count has not moved by the time the pause is saved (1 s later).
    await expect.poll(async () => (await savedRun(page, 'ppo-cartpole'))?.steps).toBe(paused);
    expect(await num(page, 'train-steps')).toBe(paused);

    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect.poll(() => num(page, 'train-steps')).toBeGreaterThan(paused);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'paused');
    const saved = await num(page, 'train-episodes');

    // Saved runs are written shortly after a pause; wait for the write, then reload.
    await expect.poll(async () => (await savedRun(page, 'ppo-cartpole'))?.episodes).toBe(saved);
    await page.reload();
    await expect(page.getByTestId('train-status')).toContainText('restored');
    expect(await num(page, 'train-episodes')).toBe(saved);
    expect(await num(page, 'train-return-mean')).toBeGreaterThan(100);
  });

  test('PPO on WebGPU learns, or the fallback is shown', async ({ page }) => {
    test.setTimeout(170_000);
    await page.goto(panel('ppo-cartpole', 'webgpu'));
    const hasGpu = await page.evaluate(
      async () =>
        !!(await (
          navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }
        ).gpu?.requestAdapter()),
    );
    if (hasGpu) {
      // Software WebGPU (SwiftShader) is two orders of magnitude slower than wasm per train step here, so this
      // checks that the return rises over the first updates rather than waiting for a solve.
      await startAndSeeLearning(page, (early) => early + 10, 150_000);
      await expect(page.getByTestId('train-backend')).toHaveAttribute('data-value', 'webgpu');
    } else {
      // Without an adapter the run falls back and says so.
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(page.getByTestId('train-backend')).toContainText('fell back');
      await expect(page.getByTestId('train-notices')).toContainText(/webgpu/i);
    }
  });

  test('a killed worker is reported and Restart brings training back; keyboard single update', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto(panel('ppo-cartpole', 'cpu'));
    const section = page.locator('section.training-panel');
    await section.focus();
    await page.keyboard.press('.');
    await expect.poll(() => num(page, 'train-steps')).toBeGreaterThan(0);
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'paused');
    const one = await num(page, 'train-steps');
    await page.keyboard.press('.');
    await expect.poll(() => num(page, 'train-steps')).toBe(2 * one);

    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'running');
    await crashWorker(page);
    await expect(page.getByTestId('train-error')).toContainText('crashed');
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'crashed');

    await page.getByRole('button', { name: 'Restart', exact: true }).click();
    await expect(page.getByTestId('train-error')).toHaveCount(0);
    await expect.poll(() => num(page, 'train-steps')).toBeGreaterThan(0);
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'running');

    // r arms a reset and a second r within 4 s confirms it: one stray key does not wipe a run. The reset
    // waits for the update in flight, then the run is a fresh one.
    await page.keyboard.press('r');
    await expect(page.getByText('Press r again within 4 seconds')).toBeVisible();
    await expect(page.getByTestId('train-status')).not.toHaveAttribute('data-value', 'ready');
    await page.keyboard.press('r');
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-value', 'ready');
    await expect(page.getByTestId('train-steps')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('train-error')).toHaveCount(0);
  });

  test('auto measures the backends within its budget, says which it picked and why, and trains', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto(panel('ppo-cartpole', 'auto'));
    await startAndSeeLearning(page, (early) => early + 10, 60_000);
    const backend = page.getByTestId('train-backend');
    await expect(backend).toContainText(
      /auto: fastest measured train step \((wasm|cpu|webgl|webgpu) [\d.]+ ms/,
    );
    // The winner is the first (fastest) backend of the measured list.
    const text = (await backend.textContent()) ?? '';
    const fastest = /train step \((\w+)/.exec(text)?.[1];
    await expect(backend).toHaveAttribute('data-value', fastest ?? '');
  });

  test('target KL from a link stops the epochs of an update early, and the panel shows how many ran', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto(
      '/?props.preset=ppo-cartpole&props.backend=wasm&ppo-cartpole.kl=0.002&ppo-cartpole.epochs=10#/widget/TrainingPanel',
    );
    await expect(page.getByLabel('Target KL (early stop; 0 = off)')).toHaveValue('0.002');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => num(page, 'train-steps'), { timeout: 60_000 }).toBeGreaterThan(8000);
    const epochs = await num(page, 'train-epochs');
    expect(epochs).toBeGreaterThanOrEqual(1);
    expect(epochs).toBeLessThan(10);
  });
});
