/**
 * The class sweep end to end: a 3-configuration × 3-seed sweep of short PPO runs trained by three students (three
 * browser contexts) through the real training worker, their result codes pasted into the instructor's page,
 * aggregated with intervals equal to a recomputation from the codes with src/rl/rliable.ts (the functions the unit
 * test checks against scipy/numpy), a tampered code refused with its reason, a re-run verifying a code, the student
 * page on a phone, axe clean. Runs are tiny (2 000 steps): the aggregation is under test, not the learning.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { iqmInterval } from '../src/rl/rliable';
import { decodeResult, encodeResult, type CellResult } from '../src/lib/sweep-code';
import { collectErrors, relClose } from './helpers';

const SWEEP =
  '?sw.preset=ppo-cartpole&sw.set=total%3A2000%2Cenvs%3A4%2Csteps%3A32&sw.a=lr%3A0.001%2C0.003%2C0.01' +
  '&sw.b=&sw.seeds=3&sw.seed0=1&sw.backend=cpu';

// Must equal src/widgets/SweepPage/aggregate.ts (REPS, BOOTSTRAP_SEED): the page's intervals are recomputed here.
const REPS = 2000;
const SEED = 0;

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A student trains cell `cell` and returns the code their page shows. */
async function trainCell(page: Page, cell: number): Promise<string> {
  await page.goto(`./${SWEEP}&sw.cell=${cell}#/sweep/cell`);
  await expect(page.getByTestId('cell-info')).toContainText(`Cell ${cell} of 9`);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const code = page.getByTestId('cell-code');
  await expect(code).toBeVisible({ timeout: 60_000 });
  return (await code.getAttribute('data-value'))!;
}

async function student(browser: Browser, cells: number[]) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errs = collectErrors(page);
  const codes: string[] = [];
  for (const c of cells) codes.push(await trainCell(page, c));
  expect(errs.errors).toEqual([]);
  await ctx.close();
  return codes;
}

test('three students run a 3 × 3 sweep; the instructor aggregates their codes', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const perStudent = await Promise.all([
    student(browser, [0, 3, 6]),
    student(browser, [1, 4, 7]),
    student(browser, [2, 5, 8]),
  ]);
  const codes = perStudent.flat();
  const results = codes.map((c) => {
    const d = decodeResult(c);
    expect(d.ok).toBe(true);
    return (d as { ok: true; result: CellResult }).result;
  });
  expect(results.map((r) => r.cell).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  expect(results.every((r) => r.backend === 'cpu')).toBe(true);

  const errs = collectErrors(page);
  await page.goto(`./${SWEEP}#/sweep`);
  await expect(page.getByTestId('sweep-summary')).toHaveAttribute('data-value', '9');
  await expect(page.getByTestId('sweep-qr')).toBeVisible();
  // A tampered code: one character of the first code changed.
  const t = codes[0];
  const i = t.length - 8;
  const tampered = t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
  await page.getByTestId('codes-input').fill([...codes, tampered, 'hello'].join('\n'));
  await page.getByTestId('codes-add').click();
  await expect(page.getByTestId('codes-added')).toHaveAttribute('data-value', '9');
  const rejected = page.getByTestId('codes-rejected');
  await expect(rejected).toContainText('checksum mismatch');
  await expect(rejected).toContainText('not a Proximal result code');

  // The intervals on the page equal the reference computation from the codes.
  for (let k = 0; k < 3; k++) {
    const scores = results.filter((r) => Math.floor(r.cell / 3) === k).map((r) => r.finalReturn);
    const want = iqmInterval([scores], { reps: REPS, seed: SEED });
    await expect(page.getByTestId(`runs-${k}`)).toHaveAttribute('data-value', '3');
    for (const [id, v] of [
      [`iqm-${k}`, want.point],
      [`iqm-lo-${k}`, want.lo],
      [`iqm-hi-${k}`, want.hi],
    ] as const) {
      const got = Number(await page.getByTestId(id).getAttribute('data-value'));
      expect(relClose(got, v), `${id}: ${got} vs ${v}`).toBe(true);
    }
  }
  await expect(page.getByTestId('poi-table')).toBeVisible();
  await expect(page.getByRole('img', { name: /Performance profiles/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Mean learning curves/ })).toBeVisible();

  // Re-running a code reproduces its curve (same seed, same backend).
  await page.getByRole('button', { name: 'Re-run cell 4 to verify its code' }).click();
  await expect(page.getByTestId('verify-4')).toHaveAttribute('data-value', 'verified', { timeout: 60_000 });

  // A reload keeps the collected results (IndexedDB).
  await page.reload();
  await expect(page.getByTestId('runs-2')).toHaveAttribute('data-value', '3');
  await axeClean(page);
  expect(errs.errors).toEqual([]);
});

test('a forged code with a recomputed checksum passes the checks but fails the re-run', async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  // The student in a context of their own (their browser keeps its genuine code; the instructor's does not).
  const [code] = await student(browser, [0]);
  const d = decodeResult(code);
  expect(d.ok).toBe(true);
  const r = (d as { ok: true; result: CellResult }).result;
  // A forger edits the final return and the curve and recomputes the checksum (the format is public).
  const forged = encodeResult({
    ...r,
    finalReturn: 500,
    curve: r.curve.map((v) => (Number.isNaN(v) ? v : 500)),
  });
  await page.goto(`./${SWEEP}#/sweep`);
  await page.getByTestId('codes-input').fill(forged);
  await page.getByTestId('codes-add').click();
  await expect(page.getByTestId('codes-added')).toHaveAttribute('data-value', '1');
  await page.getByRole('button', { name: 'Re-run cell 0 to verify its code' }).click();
  await expect(page.getByTestId('verify-0')).toHaveAttribute('data-value', 'differs', { timeout: 60_000 });
  await expect(page.getByTestId('verify-0')).toContainText('differs: curve point');
});

test('the student page works on a phone and is axe clean; the cell picker offers the next cell', async ({
  browser,
}) => {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await ctx.newPage();
  const errs = collectErrors(page);
  await page.goto(`./${SWEEP}#/sweep/cell`);
  await page.getByTestId('pick-next').click();
  await expect(page.getByTestId('cell-info')).toContainText('Cell 0 of 9');
  await axeClean(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  expect(errs.errors).toEqual([]);
  await ctx.close();
});

test('one browser runs a sweep in a queue and resumes after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const small = SWEEP.replace('sw.a=lr%3A0.001%2C0.003%2C0.01', 'sw.a=lr%3A0.003');
  await page.goto(`./${small}#/sweep`);
  await expect(page.getByTestId('sweep-summary')).toHaveAttribute('data-value', '3');
  await page.getByText('Run the whole sweep in this browser').click();
  await page.getByTestId('queue-start').click();
  await expect(page.getByTestId('queue-progress')).not.toHaveAttribute('data-value', '0', {
    timeout: 60_000,
  });
  await page.reload();
  // Saved cells survive the reload; Resume runs only the missing ones.
  await expect(page.getByTestId('queue-progress')).not.toHaveAttribute('data-value', '0');
  const saved = Number(await page.getByTestId('queue-progress').getAttribute('data-value'));
  expect(saved).toBeGreaterThanOrEqual(1);
  if (saved < 3) {
    await page.getByText('Run the whole sweep in this browser').click();
    await page.getByTestId('queue-start').click();
  }
  await expect(page.getByTestId('queue-status')).toHaveAttribute('data-value', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('runs-0')).toHaveAttribute('data-value', '3');
  await axeClean(page);
});
