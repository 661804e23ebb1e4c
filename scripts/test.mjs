// The whole test suite, as `npm test` runs it: static checks (types, lint, format: at once), unit tests, production
// build, end-to-end tests.
// Each step runs even when an earlier one failed, so one run shows every problem; the exit code is non-zero if
// any step failed. The last line is the plain summary 'tests: N passed, N failed' that CI reads.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runParallel, staticSteps } from './test-steps.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'proximal-test-'));
const unitJson = join(tmp, 'unit.json');
const e2eJson = join(tmp, 'e2e.json');

const steps = [
  {
    name: 'unit',
    cmd: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`],
  },
  { name: 'build', cmd: 'npx', args: ['vite', 'build'] },
  {
    name: 'e2e',
    cmd: 'npx',
    args: ['playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
    needs: 'build',
  },
];

const results = {};
let passed = 0;
let failed = 0;
let skipped = 0;

// The static checks are independent single-threaded processes: run them at once.
for (const [name, ok] of Object.entries(await runParallel(staticSteps))) {
  results[name] = ok;
  if (ok) passed += 1;
  else failed += 1;
}

for (const step of steps) {
  if (step.needs && !results[step.needs]) {
    console.log(`\n=== ${step.name}: not run (${step.needs} failed)`);
    results[step.name] = false;
    failed += 1;
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const ok = r.status === 0;
  results[step.name] = ok;
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (step.name === 'unit') {
    const counts = readUnit(unitJson);
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
      skipped += counts.skipped;
      if (!ok && counts.failed === 0) failed += 1;
    } else if (!ok) failed += 1;
  } else if (step.name === 'e2e') {
    const counts = readE2e(e2eJson);
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
      skipped += counts.skipped;
      if (!ok && counts.failed === 0) failed += 1;
    } else if (!ok) failed += 1;
  } else if (ok) passed += 1;
  else failed += 1;
}

rmSync(tmp, { recursive: true, force: true });
console.log(
  '\n' +
    Object.entries(results)
      .map(([k, v]) => `${k}: ${v ? 'ok' : 'FAILED'}`)
      .join(' | '),
);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(Object.values(results).every(Boolean) ? 0 : 1);

function readUnit(file) {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: j.numPassedTests,
      failed: j.numFailedTests,
      skipped: j.numPendingTests + (j.numTodoTests ?? 0),
    };
  } catch {
    return null;
  }
}

function readE2e(file) {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')).stats;
    return { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected, skipped: s.skipped };
  } catch {
    return null;
  }
}
