import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
import { CartPole, createRng } from '../src/rl';
import { episodeSeed } from '../src/widgets/EnvPlay/episodes';

/**
 * The environments in real Chromium: each renders and moves under its agent, CartPole is playable from the
 * keyboard (your return is logged next to the agent's).
 */

const ENVS = ['CartPole-v1', 'Acrobot-v1', 'MountainCar-v0', 'MountainCarContinuous-v0', 'Pendulum-v1'];

async function num(page: Page, testId: string): Promise<number> {
  const v = await page.getByTestId(testId).first().getAttribute('data-value');
  return v === null ? NaN : Number(v);
}

/** Fraction of the canvas's pixels that are not transparent (something was drawn). */
function inkedFraction(page: Page): Promise<number> {
  return page.getByTestId('play-canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n / (c.width * c.height);
  });
}

test.describe('environments: watch and play', () => {
  for (const env of ENVS) {
    test(`${env} renders and moves while the agent plays`, async ({ page }) => {
      const { errors } = collectErrors(page);
      await page.goto(`./?play.env=${env}&play.speed=4#/widget/EnvPlay`);
      const canvas = page.getByTestId('play-canvas');
      await expect(canvas).toHaveAttribute('data-env', env);
      await expect.poll(() => inkedFraction(page)).toBeGreaterThan(0.01);
      const before = await canvas.getAttribute('data-state');
      await page.getByTestId('play-run').click();
      await expect.poll(() => num(page, 'play-steps')).toBeGreaterThan(10);
      await expect.poll(() => canvas.getAttribute('data-state')).not.toBe(before);
      expect(errors).toEqual([]);
    });
  }

  test('CartPole can be played from the keyboard, and the return is logged next to the agent', async ({
    page,
  }) => {
    const { errors } = collectErrors(page);
    await page.goto('./?play.env=CartPole-v1&play.mode=play&play.speed=0.5#/widget/EnvPlay');
    const area = page.getByTestId('play-area');
    await area.focus();
    // Holding → starts the episode and pushes right at every step until the pole falls: the return must be the
    // one the same start state (episode 1 of seed 1) gives under "always push right", computed here with src/rl.
    await page.keyboard.down('ArrowRight');
    await expect.poll(() => num(page, 'play-steps')).toBeGreaterThan(0);
    await expect.poll(() => num(page, 'play-you-last'), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.keyboard.up('ArrowRight');
    const env = new CartPole();
    env.reset(createRng(episodeSeed(1, 0)));
    let expected = 0;
    for (let done = false; !done;) {
      const r = env.step(1);
      expected += r.reward;
      done = r.terminated || r.truncated;
    }
    expect(expected).toBeLessThan(30);
    expect(await num(page, 'play-you-last')).toBe(expected);
    // The agent's episodes are listed next to yours.
    await page.getByLabel('Mode', { exact: true }).selectOption('watch');
    await page.getByLabel('Speed', { exact: true }).selectOption('32');
    await page.getByTestId('play-run').click();
    await expect.poll(() => num(page, 'play-agent-mean'), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByText(/Table of the data/).click();
    await expect(page.getByRole('cell', { name: 'you', exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'agent', exact: true }).first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a watched agent left running redraws nothing while the play area is off screen, and catches up on return', async ({
    page,
  }) => {
    await page.goto('./?play.env=CartPole-v1&play.agent=controller&play.speed=1#/widget/EnvPlay');
    await page.getByTestId('play-run').click();
    await expect.poll(() => num(page, 'play-steps')).toBeGreaterThan(5);
    // The reader scrolls on: a tall block below the widget, and the play area out of view.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '4000px';
      document.body.append(spacer);
      window.scrollTo(0, document.body.scrollHeight);
    });
    await expect(page.getByTestId('play-area')).not.toBeInViewport();
    await page.waitForTimeout(300);
    const frozen = await num(page, 'play-steps');
    await page.waitForTimeout(1500);
    expect(await num(page, 'play-steps')).toBe(frozen);
    // Back on screen, the picture and the readouts show where the episode has got to meanwhile (50 steps a second).
    await page.getByTestId('play-area').scrollIntoViewIfNeeded();
    await expect.poll(() => num(page, 'play-steps')).toBeGreaterThan(frozen + 40);
  });

  test('Pendulum is played with the torque slider', async ({ page }) => {
    await page.goto('./?play.env=Pendulum-v1&play.mode=play#/widget/EnvPlay');
    const slider = page.getByLabel('Torque', { exact: true });
    await slider.focus();
    await page.keyboard.press('End'); // +2
    await page.getByTestId('play-run').click();
    await expect.poll(() => num(page, 'play-steps')).toBeGreaterThan(5);
    expect(await num(page, 'play-return')).toBeLessThan(0);
  });
});
