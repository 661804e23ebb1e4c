import { expect, test } from '@playwright/test';
import { num, panel } from './training-helpers';

/**
 * The off-policy learners in real Chromium on wasm: DQN on CartPole-v1 and SAC on Pendulum-v1 learn (the mean
 * return of the last 20 episodes rises well above the first episodes'), and their readouts stream (Q loss, the
 * overestimation readout, ε or α, gradient steps per second).
 */

test.describe('off-policy learners', () => {
  test('DQN on CartPole learns; Q loss, ε and the overestimation readout stream', async ({ page }) => {
    test.setTimeout(420_000);
    await page.goto(panel('dqn-cartpole', 'wasm'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // ε-greedy from ε = 1: the first 20 episodes average about 22 steps
    await expect.poll(() => num(page, 'train-episodes'), { timeout: 120_000 }).toBeGreaterThan(20);
    await expect.poll(() => num(page, 'train-return-mean'), { timeout: 360_000 }).toBeGreaterThan(120);
    expect(await num(page, 'train-q-loss')).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(await num(page, 'train-overestimation'))).toBe(true);
    expect(await num(page, 'train-epsilon')).toBeLessThan(1);
    expect(await num(page, 'train-ups')).toBeGreaterThan(0);
    await expect(page.getByTestId('train-backend')).toHaveAttribute('data-value', 'wasm');
  });

  test('SAC on Pendulum learns; α is tuned', async ({ page }) => {
    test.setTimeout(600_000);
    // Smaller networks and batches than the preset's, so the run is short on a loaded machine.
    await page.goto(panel('sac-pendulum', 'wasm', '&sac-pendulum.hidden=32&sac-pendulum.batch=64'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // Random actions for the first 1000 steps (5 episodes of 200): returns around −1200.
    await expect.poll(() => num(page, 'train-episodes'), { timeout: 120_000 }).toBeGreaterThan(3);
    const early = await num(page, 'train-return-mean');
    expect(early).toBeLessThan(-700);
    await expect.poll(() => num(page, 'train-return-mean'), { timeout: 540_000 }).toBeGreaterThan(-600);
    const alpha = await num(page, 'train-alpha');
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
  });
});

/**
 * The overestimation readout on identical data: a shadow critic starts from the acting critic's weights and steps on
 * the same minibatches with the other target; the run is the acting critic's (the unit tests check it is unchanged).
 * Double DQN's target and TD3's clipped double Q read lower Q than the max target and DDPG's single critic on the
 * same steps, on the same seed (the panels' seed 1).
 */
test.describe('overestimation on identical data', () => {
  test('Double DQN target: the shadow reads lower Q than DQN on the same steps (Acrobot)', async ({
    page,
  }) => {
    test.setTimeout(420_000);
    await page.goto(panel('dqn-acrobot-shadow', 'wasm'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => num(page, 'train-steps'), { timeout: 360_000 }).toBeGreaterThanOrEqual(20_000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(Number.isFinite(await num(page, 'train-overestimation-shadow'))).toBe(true);
    expect(await num(page, 'train-shadow-gap')).toBeLessThan(0);
  });

  test("TD3's clipped double Q: the shadow twin reads lower Q than DDPG's critic on the same steps", async ({
    page,
  }) => {
    test.setTimeout(420_000);
    await page.goto(
      panel('ddpg-pendulum-shadow', 'wasm', '&ddpg-pendulum-shadow.hidden=32&ddpg-pendulum-shadow.batch=64'),
    );
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => num(page, 'train-steps'), { timeout: 360_000 }).toBeGreaterThanOrEqual(6_000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(await num(page, 'train-shadow-gap')).toBeLessThan(0);
  });
});
