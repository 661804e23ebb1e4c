import { expect, test } from '@playwright/test';

/**
 * The CartPole viewer (beside every CartPole training run) animates from its watch loop: the picture is drawn and
 * keeps changing while it is on screen (the loop's frame budget is unit-tested in watch-loop.test.ts).
 */
test('the CartPole viewer draws and animates', async ({ page }) => {
  await page.goto('/#/widget/CartPoleViewer');
  const canvas = page.getByRole('img', { name: 'CartPole played by the current policy' });
  const picture = () => canvas.evaluate((el: HTMLCanvasElement) => el.toDataURL());
  const blank = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 360;
    c.height = 180;
    return c.toDataURL();
  });
  await expect.poll(picture).not.toBe(blank);
  const first = await picture();
  await expect.poll(picture).not.toBe(first);
});
