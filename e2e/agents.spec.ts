import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { collectErrors } from './helpers';

/**
 * Keeping agents in real Chromium: an agent file is imported (a bad one is refused with a clear message), listed,
 * watched and evaluated; exported to a file, deleted, imported again from that file and watched.
 */

/** An Acrobot agent whose network applies torque along the second joint's velocity (tanh(θ̇2) → ±10 logits). */
function acrobotAgent() {
  const [i, h] = [6, 4];
  const W1 = new Array(i * h).fill(0);
  W1[5 * h + 0] = 1; // obs[5] = θ̇2 → hidden unit 0
  const W2 = new Array(h * h).fill(0);
  W2[0] = 3;
  const W3 = new Array(h * 3).fill(0);
  W3[0 * 3 + 0] = -10;
  W3[0 * 3 + 2] = 10;
  return {
    format: 'proximal-agent',
    version: 1,
    name: 'pump',
    env: 'Acrobot-v1',
    algo: 'ppo',
    seed: 1,
    backend: 'wasm',
    config: {},
    returns: { mean20: -90, recent: [-90], episodes: 40, steps: 20000 },
    policy: {
      kind: 'categorical',
      sizes: [i, h, h, 3],
      tensors: [W1, new Array(h).fill(0), W2, new Array(h).fill(0), W3, [0, 0, 0]],
    },
    savedAt: '2026-11-30T16:00:00.000Z',
  };
}

const file = (name: string, body: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

async function num(page: Page, testId: string): Promise<number> {
  const v = await page.getByTestId(testId).first().getAttribute('data-value');
  return v === null ? NaN : Number(v);
}

test('an agent is imported (bad files refused), watched, evaluated, exported and imported again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { errors } = collectErrors(page);
  await page.goto('./#/widget/AgentLibrary');
  await expect(page.getByTestId('agent-empty')).toBeVisible();

  // A network of the wrong shape for its env is refused, saying why.
  const wrong = { ...acrobotAgent(), env: 'CartPole-v1' };
  await page.getByTestId('agent-import').setInputFiles(file('wrong.json', wrong));
  await expect(page.getByTestId('agent-import-errors')).toContainText(
    'Wrong shape: the network takes 6 inputs but CartPole-v1 observations have 4.',
  );
  await page.getByTestId('agent-import').setInputFiles(file('broken.json', '{"format": "proximal-agent", '));
  await expect(page.getByTestId('agent-import-errors')).toContainText('not valid JSON');

  await page.getByTestId('agent-import').setInputFiles(file('pump.json', acrobotAgent()));
  await expect(page.getByTestId('agent-message')).toContainText('Imported "pump" (Acrobot-v1)');
  await expect(page.locator('tr[data-agent-env="Acrobot-v1"]')).toHaveCount(1);

  // Watch it: the imported agent plays Acrobot.
  const canvas = page.getByTestId('play-canvas');
  await expect(canvas).toHaveAttribute('data-env', 'Acrobot-v1');
  await page.getByTestId('play-run').click();
  await expect.poll(() => num(page, 'play-steps')).toBeGreaterThan(5);

  // Evaluate over 3 episodes: it swings up well before the 500-step limit.
  await page.getByRole('slider', { name: 'Evaluation episodes' }).fill('3');
  await page.getByRole('button', { name: 'Evaluate pump' }).click();
  await expect(page.getByTestId('agent-eval-done')).toHaveAttribute('data-value', 'true', {
    timeout: 60_000,
  });
  expect(await num(page, 'agent-eval-mean')).toBeGreaterThan(-300);

  // Export, delete, import the exported file, watch again.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export pump' }).click();
  const path = await (await download).path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.policy.tensors).toEqual(acrobotAgent().policy.tensors);
  await page.getByRole('button', { name: 'Delete pump' }).click();
  await expect(page.getByTestId('agent-empty')).toBeVisible();
  await page.getByTestId('agent-import').setInputFiles(path);
  await expect(page.locator('tr[data-agent-env="Acrobot-v1"]')).toHaveCount(1);
  await page.getByTestId('play-run').click();
  await expect.poll(() => num(page, 'play-steps')).toBeGreaterThan(5);

  // Kept across a reload (IndexedDB).
  await page.reload();
  await expect(page.locator('tr[data-agent-env="Acrobot-v1"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
