// `npm run test:fast`: everyday checks without a build — types, lint, format, and the unit and property tests — run
// at once (each is one process; vitest spreads its files over the cores). The whole suite, build and end-to-end
// tests included, is `npm test`.
import { CACHE, runParallel, staticSteps } from './test-steps.mjs';

const t0 = Date.now();
const results = await runParallel([
  ...staticSteps,
  {
    name: 'unit',
    cmd: 'npx',
    // The module cache keeps vitest's transforms between runs (keyed by file content); CI's `npm test` runs without.
    args: [
      'vitest',
      'run',
      '--experimental.fsModuleCache',
      `--experimental.fsModuleCachePath=${CACHE}/vitest`,
    ],
    summary: /Test Files|Tests |Duration/,
  },
]);
const failed = Object.entries(results).filter(([, ok]) => !ok);
console.log(
  `\ntest:fast: ${failed.length ? `FAILED (${failed.map(([k]) => k).join(', ')})` : 'all passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
process.exit(failed.length ? 1 : 0);
