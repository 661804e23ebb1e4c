import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * The training panel's live charts are canvases: they must actually draw the run, name its latest values for
 * screen readers, open a data table and export an SVG of the same curves.
 */
test('live training charts draw, describe themselves, tabulate and export', async ({ page }) => {
  test.setTimeout(120_000);
  // lr 1e-3: the run must still be going when the test presses Pause (the default can solve in ~3 s).
  await page.goto(
    '/?props.preset=ppo-cartpole&props.backend=wasm&ppo-cartpole.lr=0.001#/widget/TrainingPanel',
  );
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const returnChart = page.getByRole('figure', { name: /Mean return of the last 20 episodes/ });
  const canvas = returnChart.locator('canvas');
  // The accessible name carries the latest mean return once episodes have finished.
  await expect(canvas).toHaveAttribute('aria-label', /mean return \(last 20\) \d/, { timeout: 60_000 });
  await expect
    .poll(async () => Number(await page.getByTestId('train-steps').first().getAttribute('data-value')), {
      timeout: 60_000,
    })
    .toBeGreaterThan(10_000);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();

  // Pixels in the curve's colour were drawn across the plot (not only axes and grid): a 2-px line over 300+ px.
  const coloured = () =>
    canvas.evaluate((el: HTMLCanvasElement) => {
      const d = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i + 2] > d[i] + 60) n++; // bluish series colour
      return n;
    });
  await expect.poll(coloured).toBeGreaterThan(300);

  // The text alternative lists the plotted columns only.
  await returnChart.getByText(/Table of the data \(\d+ rows\)/).click();
  await expect(returnChart.locator('table thead th')).toHaveText(['steps', 'returnMean20']);
  expect(await returnChart.locator('table tbody tr').count()).toBeGreaterThan(0);

  // The SVG export draws the same curve as a polyline.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    returnChart.getByRole('button', { name: 'SVG' }).click(),
  ]);
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain('<polyline');
  expect(svg).toMatch(/<title[^>]*>Mean return/);

  // The ratio histogram is drawn from the last update and has its table too.
  const hist = page.getByRole('figure', { name: /Ratio π_new/ });
  await expect(hist.getByRole('img')).toHaveAttribute('aria-label', /\d+ samples/);
});
