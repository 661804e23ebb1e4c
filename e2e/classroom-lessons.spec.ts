/**
 * The instructor's side: lesson scenes (saved from widgets, edited, one link, a file exported and imported,
 * presented with the arrow keys, a scene reset), assignment links (hidden controls and readouts are not in the page
 * nor in the accessibility tree, locked ones are disabled with a reason), and predictions drawn by keyboard.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { collectErrors } from './helpers';
import { areaBetween } from '../src/widgets/common/prediction';

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).exclude('.katex-html').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`)).toEqual(
    [],
  );
}

const frame = (page: Page, name: string) => page.locator(`[data-widget="${name}"]`).first();

/** Opens a chapter at a widget in the state `query` gives it and adds it to the current lesson with a caption. */
async function addScene(
  page: Page,
  query: string,
  slug: string,
  widget: string,
  label: string,
  caption: string,
) {
  await page.goto(`./${query}#/${slug}`);
  const w = frame(page, widget);
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByLabel(label, { exact: true })).toBeVisible();
  // Keyboard only: the teaching menu, then its first action.
  await w.locator('.teach-menu > summary').focus();
  await page.keyboard.press('Enter');
  await w.getByTestId('add-to-lesson').focus();
  await page.keyboard.press('Enter');
  const dialog = w.getByTestId('lesson-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('scene-caption').fill(caption);
  await dialog.getByTestId('scene-save').click();
  await expect(dialog).toBeHidden();
}

test('a lesson across three chapters: saved, edited, exported, imported and presented with the arrow keys', async ({
  page,
}, info) => {
  const { errors } = collectErrors(page);
  await addScene(page, '?clip.eps=0.35', 'ppo', 'ClipExplorer', 'ε', 'Where does the clip bite?');
  await addScene(page, '?gaew.lambda=0.5', 'gae', 'GaeWeights', 'λ', 'Half-way between TD and MC');
  await addScene(page, '?trpo.gamma=0.8', 'trpo', 'BoundExplorer', 'γ', 'The bound at γ = 0.8');

  await page.goto('./#/lessons');
  const scenes = page.getByTestId('lesson-scene');
  await expect(scenes).toHaveCount(3);
  // Reorder: the TRPO scene moves up to second place; a caption is edited.
  await page.getByRole('button', { name: 'Move scene 3 up' }).click();
  await expect(scenes.nth(1)).toContainText('BoundExplorer');
  await page.getByLabel('Caption of scene 3').fill('λ = 0.5: half-way between TD and MC');
  await page.getByTestId('lesson-title').fill('Bounds and estimators');
  await axeClean(page);

  // The lessons survive a reload.
  await page.reload();
  await expect(scenes).toHaveCount(3);
  await expect(page.getByLabel('Caption of scene 3')).toHaveValue('λ = 0.5: half-way between TD and MC');

  // Export as a file, then import it back: nothing lost.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('lesson-export').click(),
  ]);
  const path = info.outputPath('lesson.json');
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8'));
  expect(file).toMatchObject({ format: 'proximal-lesson', version: 1, title: 'Bounds and estimators' });
  expect(file.scenes.map((s: { widget: string }) => s.widget)).toEqual([
    'ClipExplorer',
    'BoundExplorer',
    'GaeWeights',
  ]);
  await page.getByTestId('lesson-import').setInputFiles(path);
  await expect(page.getByRole('combobox', { name: 'Lesson' }).locator('option')).toHaveCount(2);
  await expect(scenes).toHaveCount(3);
  await expect(page.getByLabel('Caption of scene 1')).toHaveValue('Where does the clip bite?');
  await expect(page.getByLabel('Caption of scene 3')).toHaveValue('λ = 0.5: half-way between TD and MC');
  // A tampered file is refused with a reason, and nothing is added.
  const bad = info.outputPath('bad.json');
  await writeFile(bad, JSON.stringify({ ...file, scenes: [{ ...file.scenes[0], widget: 'NoSuchWidget' }] }));
  await page.getByTestId('lesson-import').setInputFiles(bad);
  await expect(page.getByTestId('lesson-import-error')).toContainText('no widget called “NoSuchWidget”');
  await expect(page.getByRole('combobox', { name: 'Lesson' }).locator('option')).toHaveCount(2);

  // The lesson is one link; presenter mode steps through it.
  const href = await page.getByTestId('lesson-link').getAttribute('href');
  expect(href).toMatch(/#\/lesson\/1\.[A-Za-z0-9_-]+$/);
  await page.goto(href!);
  await expect(page.locator('h1')).toHaveText('Bounds and estimators');
  await page.keyboard.press('p');
  const stage = page.getByTestId('lesson-stage');
  await expect(stage.getByTestId('lesson-scene-number')).toHaveText('Scene 1 of 3');
  await expect(stage.getByTestId('lesson-caption')).toHaveText('Where does the clip bite?');
  await expect(frame(stage as unknown as Page, 'ClipExplorer').getByLabel('ε', { exact: true })).toHaveValue(
    '0.35',
  );
  await axeClean(page);

  await page.keyboard.press('ArrowRight');
  await expect(stage.getByTestId('lesson-scene-number')).toHaveText('Scene 2 of 3');
  const gamma = stage.locator('[data-widget="BoundExplorer"]').getByLabel('γ', { exact: true });
  await expect(gamma).toHaveValue('0.8');
  await gamma.focus();
  await gamma.press('ArrowRight');
  await gamma.press('ArrowRight');
  await expect(gamma).toHaveValue('0.82');
  // Arrow keys on a focused slider move the slider, not the lesson.
  await expect(stage.getByTestId('lesson-scene-number')).toHaveText('Scene 2 of 3');
  await stage.getByTestId('lesson-reset-scene').click();
  await expect(stage.locator('[data-widget="BoundExplorer"]').getByLabel('γ', { exact: true })).toHaveValue(
    '0.8',
  );

  await page.keyboard.press('ArrowRight');
  await expect(stage.getByTestId('lesson-scene-number')).toHaveText('Scene 3 of 3');
  await expect(stage.getByTestId('lesson-caption')).toHaveText('λ = 0.5: half-way between TD and MC');
  await expect(stage.locator('[data-widget="GaeWeights"]').getByLabel('λ', { exact: true })).toHaveValue(
    '0.5',
  );
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(stage.getByTestId('lesson-scene-number')).toHaveText('Scene 1 of 3');
  await expect(stage.locator('[data-widget="ClipExplorer"]').getByLabel('ε', { exact: true })).toHaveValue(
    '0.35',
  );

  // A damaged link says so.
  await page.goto(href!.slice(0, -8));
  await expect(page.getByTestId('lesson-error')).toContainText('damaged');
  expect(errors).toEqual([]);
});

test('an assignment link hides a control and a readout (absent from the accessibility tree) and locks another', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await page.goto(
    './?clip.eps=0.5&clip.hide=r,clip-gradient&clip.lock=adv,eps&clip.hide=r,clip-gradient#/ppo',
  );
  const w = frame(page, 'ClipExplorer');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByLabel(/advantage A/)).toBeVisible();
  await expect(w.getByLabel('ratio r', { exact: true })).toHaveCount(0);
  await expect(w.getByTestId('clip-gradient')).toHaveCount(0);
  await expect(w.getByTestId('clip-objective')).toBeVisible();
  const tree = await w.ariaSnapshot();
  expect(tree).not.toMatch(/slider "ratio r/);
  expect(tree).not.toContain('gradient in r');
  const eps = w.getByLabel(/^ε/);
  await expect(eps).toBeDisabled();
  await expect(eps).toHaveValue('0.5');
  await expect(eps).toHaveAccessibleDescription(/Locked by the assignment link/);
  await expect(w.getByLabel(/advantage A/)).toBeDisabled();
  // Reset keeps what the link set; presenter mode keeps the assignment.
  await w.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(eps).toHaveValue('0.5');
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(w.getByLabel('ratio r', { exact: true })).toHaveCount(0);
  await expect(w.getByTestId('clip-gradient')).toHaveCount(0);
  await page.keyboard.press('p');
  await axeClean(page);

  // Unknown ids are reported with the ids the widget has.
  await page.goto('./?clip.hide=answer#/ppo');
  await frame(page, 'ClipExplorer').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('notices')).toContainText('clip.hide names “answer”');
  await expect(page.getByTestId('notices')).toContainText('controls: eps, r, adv');

  // The builder: tick "hide" for a readout and "lock" for a control; the link it gives does that.
  await page.goto('./?clip.eps=0.4#/ppo');
  const w2 = frame(page, 'ClipExplorer');
  await w2.scrollIntoViewIfNeeded();
  await expect(w2.getByLabel('ε', { exact: true })).toHaveValue('0.4');
  await w2.locator('.teach-menu > summary').click();
  await w2.getByTestId('assign-open').click();
  const dialog = w2.getByTestId('assign-dialog');
  await dialog.getByTestId('assign-hide-clip-objective').check();
  await dialog.getByTestId('assign-lock-eps').check();
  await axeClean(page);
  const link = await dialog.getByTestId('assign-link').inputValue();
  expect(link).toContain('clip.eps=0.4');
  expect(link).toContain('clip.hide=clip-objective');
  expect(link).toContain('clip.lock=eps');
  await page.goto(link);
  const w3 = frame(page, 'ClipExplorer');
  await w3.scrollIntoViewIfNeeded();
  await expect(w3.getByLabel(/^ε/)).toBeDisabled();
  await expect(w3.getByTestId('clip-objective')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a prediction drawn by keyboard is scored against the real curve; in presenter mode the reveal waits for v', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  await page.goto('./#/mixture-policies');
  const w = frame(page, 'CpiRun');
  await w.scrollIntoViewIfNeeded();
  await w.getByTestId('cpi-prediction-start').click();
  const sketch = w.getByTestId('cpi-prediction-sketch');
  await sketch.focus();
  // Knot 0 a little above the middle, then up by one step per knot: a rising line over 30 iterations.
  await page.keyboard.press('ArrowUp');
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
  }
  await expect(sketch).toHaveAttribute('aria-valuetext', /point 16 of 16, 16 drawn/);
  // Before the run the real curve is not in the table (the answer cannot be read there).
  await w.getByTestId('cpi-run').click();
  await w.getByTestId('cpi-run').click();
  await w.getByTestId('cpi-run').click();
  const area = w.getByTestId('cpi-prediction-area');
  await expect(area).toBeVisible();
  const scored = Number(await area.getAttribute('data-value'));

  // The same score from the kept sketch and the chart's own table, computed here.
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('proximal.predictions') ?? '{}'));
  const knots: number[] = (Object.values(kept)[0] as { knots: number[] }).knots;
  expect(knots).toHaveLength(16);
  const tableToggle = w.locator('.chart summary', { hasText: 'Table of the data' }).first();
  await tableToggle.click();
  // The table is built when it is opened: wait for its rows before reading them.
  const rows = w.locator('.chart table tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(31);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))),
  );
  const actual = cells.map(([it, J]) => ({ x: it, y: J })).filter((p) => p.x <= 30);
  expect(actual).toHaveLength(31);
  const predicted = knots.map((y, i) => ({ x: 2 * i, y }));
  const optimal = Number(await w.getByTestId('cpi-optimal').getAttribute('data-value'));
  const J0 = actual[0].y;
  const gap = Math.abs(optimal - J0);
  // The plot's height as the widget declares it: J0 and J* with a tenth of the gap either side.
  const height = Math.max(J0, optimal) - Math.min(J0, optimal) + 0.2 * gap;
  const expected = areaBetween(predicted, actual, 0, 30) / (30 * height);
  expect(Math.abs(scored - expected)).toBeLessThan(1e-3 * Math.max(1, expected));
  expect(scored).toBeGreaterThan(0);
  await expect(w.getByTestId('cpi-prediction-t-actual')).toBeVisible();
  await tableToggle.click();
  await axeClean(page);

  // Presenter mode: the real curve waits for the key v.
  await w.getByRole('button', { name: 'Reset', exact: true }).click();
  await w.getByTestId('cpi-prediction-clear').click();
  await w.getByTestId('cpi-prediction-sketch').focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('End');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  // The sketch is a slider, so p waits until the focus leaves it.
  await w.getByTestId('cpi-run').focus();
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await w.getByTestId('cpi-run').click();
  await w.getByTestId('cpi-run').click();
  await expect(w.getByTestId('cpi-prediction-reveal')).toBeVisible();
  await expect(w.getByTestId('cpi-prediction-area')).toHaveCount(0);
  await page.keyboard.press('v');
  await expect(w.getByTestId('cpi-prediction-area')).toBeVisible();
  await page.keyboard.press('p');
  // Kept in this browser: the sketch survives a reload.
  await page.reload();
  await frame(page, 'CpiRun').scrollIntoViewIfNeeded();
  await expect(frame(page, 'CpiRun').getByTestId('cpi-prediction-panel')).toBeVisible();
  expect(errors).toEqual([]);
});
