import { expect, test, type Page } from '@playwright/test';
import { exportedRun, num, panel } from './training-helpers';

/**
 * PPO beyond CartPole in real Chromium on wasm: Acrobot-v1 (categorical head, sparse −1 reward) and Pendulum-v1
 * (the diagonal Gaussian head on a box action): the mean return of the last 20 episodes rises well above the first
 * episodes', and the panel watches the current policy play the env.
 */

/**
 * Starts the run; once 20 episodes have finished, reads the mean return at the first update that had at least
 * `minEpisodes` finished episodes (from the run's JSON export: by then the readout may already have moved), then
 * waits for the readout to reach `target(early)`.
 */
async function seeItRise(
  page: Page,
  early: (x: number) => void,
  target: (x: number) => number,
  minEpisodes = 1,
) {
  // (Generous timeouts: on a machine shared by eight builds the worker gets a fraction of a core.)
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => num(page, 'train-episodes'), { timeout: 45_000 }).toBeGreaterThanOrEqual(20);
  const run = await exportedRun(page);
  const first =
    run.updates.find((p) => (p.episodes ?? 0) >= minEpisodes && Number.isFinite(p.returnMean20))
      ?.returnMean20 ?? NaN;
  early(first);
  await expect.poll(() => num(page, 'train-return-mean'), { timeout: 90_000 }).toBeGreaterThan(target(first));
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-value', 'wasm');
}

test.describe('PPO on Acrobot and Pendulum', () => {
  test('PPO on Acrobot-v1 learns to swing up', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(panel('ppo-acrobot', 'wasm'));
    await seeItRise(
      page,
      // the near-uniform initial policy rarely swings up within the 500-step limit: of the first 20 episodes most
      // are truncated at −500 (the very first to finish, with 64 envs, are the rare early successes)
      (x) => expect(x).toBeLessThan(-350),
      () => -200,
      20,
    );
    await expect(page.getByTestId('play-canvas')).toHaveAttribute('data-env', 'Acrobot-v1');
  });

  test('PPO on Pendulum-v1 (Gaussian head) learns to hold the pendulum up', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(panel('ppo-pendulum', 'wasm'));
    await seeItRise(
      page,
      // σ = 1 torques from a random start: about −1200 per 200-step episode
      (x) => expect(x).toBeLessThan(-900),
      (x) => x + 300,
    );
    await expect(page.getByTestId('play-canvas')).toHaveAttribute('data-env', 'Pendulum-v1');
    // the Gaussian policy's entropy is reported (½ + ½ log 2π + log σ per dimension) and the KL in closed form
    expect(await num(page, 'train-kl-mean')).toBeGreaterThanOrEqual(0);
  });
});
