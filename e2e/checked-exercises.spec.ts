import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { checkAnswer, exerciseById, formatAnswer, instanceOf } from '../src/exercises';
import { collectErrors } from './helpers';

/**
 * Checked exercises: the right answer (computed here by the same src/exercises definitions over src/rl, or read from
 * the answer sheet) is accepted for two different seeds; a wrong answer gets a hint and not the solution; the state
 * survives a reload; the seed is kept in the link; the answer sheet lists the answers; axe clean; usable on a phone.
 */

const ID = 'ex-checked-policy-value';
const def = exerciseById(ID)!;
const answerFor = (seed: number) => def.answer(instanceOf(def, seed));

async function openExercise(page: Page, seed: number | null, slug = 'mdp-bellman', id = ID) {
  await page.goto(`./${seed === null ? '' : `?student=${seed}`}#/${slug}`);
  await expect(page.locator('article h1')).toBeVisible();
  const box = page.locator(`[data-checked-exercise="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.getByTestId(`${id}-input`)).toBeVisible();
  return box;
}

async function answer(box: ReturnType<Page['locator']>, text: string) {
  const input = box.getByTestId(`${ID}-input`);
  await input.fill(text);
  await input.press('Enter');
}

test('a checked exercise accepts the right answer for two seeds, hints on a wrong one, and remembers', async ({
  page,
}) => {
  const { errors } = collectErrors(page);
  const [seedA, seedB] = [11, 4242];
  expect(formatAnswer(answerFor(seedA), def.tolerance)).not.toBe(
    formatAnswer(answerFor(seedB), def.tolerance),
  );

  const box = await openExercise(page, seedA);
  await expect(box.getByTestId('student-seed')).toHaveAttribute('data-value', String(seedA));
  const feedback = box.getByTestId(`${ID}-feedback`);

  // Not a number: a clear message, no attempt counted.
  await answer(box, 'about a half');
  await expect(feedback).toHaveAttribute('data-verdict', 'invalid');
  await expect(feedback).toContainText('not a number');
  await expect(box.getByTestId(`${ID}-progress`)).toContainText('No attempt yet');

  // A known mistake (the first step's reward only): its hint, and never the answer.
  const inst = instanceOf(def, seedA);
  const slip = def.mistakes.find((m) => {
    const v = checkAnswer(def, inst, String(m.value(inst)));
    return v.kind === 'wrong' && v.mistake === m.id;
  })!;
  await answer(box, String(slip.value(inst)));
  await expect(feedback).toHaveAttribute('data-verdict', 'wrong');
  await expect(feedback).toContainText(slip.hint.slice(0, 40));
  const shown = (await feedback.textContent()) ?? '';
  expect(shown).not.toContain(formatAnswer(answerFor(seedA), def.tolerance));
  expect(shown).not.toContain(answerFor(seedA).toPrecision(3));

  // The right answer to three significant figures.
  await answer(box, answerFor(seedA).toPrecision(3));
  await expect(feedback).toHaveAttribute('data-verdict', 'correct');
  await expect(box.getByTestId(`${ID}-progress`)).toHaveAttribute('data-solved', 'true');
  await expect(box.getByTestId(`${ID}-progress`)).toContainText('2 attempts');

  // A reload keeps the seed (in the link) and the state (in the browser).
  await page.reload();
  const again = page.locator(`[data-checked-exercise="${ID}"]`);
  await again.scrollIntoViewIfNeeded();
  await expect(again.getByTestId(`${ID}-feedback`)).toHaveAttribute('data-verdict', 'correct');
  await expect(again.getByTestId(`${ID}-progress`)).toHaveAttribute('data-solved', 'true');
  await expect(again.getByTestId(`${ID}-input`)).toHaveValue(answerFor(seedA).toPrecision(3));

  // Another seed, typed in the exercise: a new instance (the old answer is now wrong), kept in the link.
  await again.getByTestId('student-seed-input').fill(String(seedB));
  await again.getByTestId('student-seed-input').press('Enter');
  await expect(again.getByTestId('student-seed')).toHaveAttribute('data-value', String(seedB));
  await expect(page).toHaveURL(new RegExp(`student=${seedB}`));
  await expect(again.getByTestId(`${ID}-progress`)).toContainText('No attempt yet');
  // Every checked exercise on the page follows the seed.
  const other = page.locator('[data-checked-exercise="ex-checked-vi-sweeps"]');
  await other.scrollIntoViewIfNeeded();
  await expect(other.getByTestId('student-seed')).toHaveAttribute('data-value', String(seedB));
  await again.scrollIntoViewIfNeeded();
  await answer(again, answerFor(seedA).toPrecision(3));
  await expect(again.getByTestId(`${ID}-feedback`)).toHaveAttribute('data-verdict', 'wrong');
  await answer(again, String(answerFor(seedB)));
  await expect(again.getByTestId(`${ID}-feedback`)).toHaveAttribute('data-verdict', 'correct');

  const axe = await new AxeBuilder({ page }).include(`[data-checked-exercise="${ID}"]`).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the answer sheet lists every student’s answer, and those answers are accepted', async ({ page }) => {
  const { errors } = collectErrors(page);
  const seeds = [3, 77];
  await page.goto(`./?answers.seeds=${seeds.join(',')}&answers.chapter=1#/answers`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Answer sheet');
  const cells: Record<number, string> = {};
  for (const seed of seeds) {
    const cell = page.getByTestId(`answer-${ID}-${seed}`);
    await expect(cell).toBeVisible();
    expect(Number(await cell.getAttribute('data-value'))).toBe(answerFor(seed));
    cells[seed] = (await cell.textContent())!.trim();
  }
  expect(cells[3]).not.toBe(cells[77]);

  // The whole book: one table per chapter, a column per checked exercise (at least three each).
  await page.getByTestId('answer-chapter').selectOption('all');
  await expect(page.locator('table.answer-table')).toHaveCount(12);
  for (const t of await page.locator('table.answer-table').all())
    expect(await t.locator('thead th').count()).toBeGreaterThanOrEqual(1 + 3);
  // 'all' is the default, and defaults are left out of the link.
  await expect(page).not.toHaveURL(/answers\.chapter=/);
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The printed figure, typed by each student, is accepted.
  for (const seed of seeds) {
    const box = await openExercise(page, seed);
    await answer(box, cells[seed]);
    await expect(box.getByTestId(`${ID}-feedback`)).toHaveAttribute('data-verdict', 'correct');
  }
  expect(errors).toEqual([]);
});

test('an exercise of another chapter follows the same seed', async ({ page }) => {
  const id = 'ex-checked-tv';
  const tv = exerciseById(id)!;
  const box = await openExercise(page, 31, 'tv-coupling', id);
  await box.getByTestId(`${id}-input`).fill(String(tv.answer(instanceOf(tv, 31))));
  await box.getByTestId(`${id}-check`).click();
  await expect(box.getByTestId(`${id}-feedback`)).toHaveAttribute('data-verdict', 'correct');
  // Its numbering is the chapter's exercise counter (“Exercise 8.k”).
  await expect(box.locator('.callout-head')).toContainText(/Exercise 8\.\d+/);
});

test('a bad seed in the link is clamped and reported', async ({ page }) => {
  await page.goto('./?student=123456789#/mdp-bellman');
  await expect(page.locator('article h1')).toBeVisible();
  const box = page.locator(`[data-checked-exercise="${ID}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.getByTestId('student-seed')).toHaveAttribute('data-value', '99999');
  await expect(page.getByText(/student=.*above its maximum 99999/)).toBeVisible();
  await expect(page).toHaveURL(/student=99999/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('the exercise fits the screen and can be answered', async ({ page }) => {
    const box = await openExercise(page, 5);
    const input = box.getByTestId(`${ID}-input`);
    await input.tap();
    await input.fill(answerFor(5).toPrecision(4));
    await box.getByTestId(`${ID}-check`).tap();
    await expect(box.getByTestId(`${ID}-feedback`)).toHaveAttribute('data-verdict', 'correct');
    const fits = await box.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth + 1);
    expect(fits).toBe(true);
    const checkBox = await box.getByTestId(`${ID}-check`).boundingBox();
    expect(checkBox!.height).toBeGreaterThanOrEqual(24);
  });
});
