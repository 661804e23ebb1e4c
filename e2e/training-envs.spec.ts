import { expect, test, type Page } from '@playwright/test';
import { exportedRun, num, panel } from './training-helpers';

/**
 * PPO beyond CartPole in real Chromium on wasm: Acrobot-v1 (categorical head, sparse −1 reward) and Pendulum-v1
 * (the diagonal Gaussian head on a box action): the mean return of the last 20 episodes rises well above the first
 * episodes', and the panel watches the current policy play the env.
 */

/**
 * Starts the run; once 20 episodes have finished, reads the mean return at the first update that had finished
 * episodes (from the run's JSON export: by then the readout may already have moved) and checks it with `early`
 * (if given), then waits for the readout to reach `target(early)`.
 */
async function seeItRise(page: Page, early: ((x: number) => void) | null, target: (x: number) => number) {
  // (Generous timeouts: on a machine shared by eight builds the worker gets a fraction of a core.)
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => num(page, 'train-episodes'), { timeout: 45_000 }).toBeGreaterThanOrEqual(20);
  const run = await exportedRun(page);
  const first = run.updates.find((p) => Number.isFinite(p.returnMean20))?.returnMean20 ?? NaN;
  early?.(first);
  await expect.poll(() => num(page, 'train-return-mean'), { timeout: 90_000 }).toBeGreaterThan(target(first));
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-value', 'wasm');
}

test.describe('PPO on Acrobot, Pendulum and MountainCarContinuous', () => {
  test('PPO on Acrobot-v1 learns to swing up', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(panel('ppo-acrobot', 'wasm'));
    // A uniformly random policy ends ~2% of its episodes within the 500-step limit (its mean return is about −495),
    // so a mean of the last 20 above −150 is learning. No early check: with 64 envs the first episodes to finish
    // are the rare early successes, and the run learns within its first wave of episodes.
    await seeItRise(page, null, () => -150);
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

  test('PPO on MountainCarContinuous-v0 (noise held 16 steps) reaches the flag cheaply', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(panel('ppo-mountaincar-continuous', 'wasm'));
    // The random policy of the start (σ = 1, ε held 16 steps) reaches the flag in most episodes (946 of 1000) but
    // pays for its pushes (mean return about 55); above 85 the policy has learned to rock the car and to push less.
    // Standing still, the failure this preset avoids, scores 0.
    await seeItRise(page, null, () => 85);
    await expect(page.getByTestId('play-canvas')).toHaveAttribute('data-env', 'MountainCarContinuous-v0');
  });
});
