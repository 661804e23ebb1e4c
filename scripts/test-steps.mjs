// The checks that `npm test` (scripts/test.mjs) and `npm run test:fast` (scripts/test-fast.mjs) share, in one place.
// The static checks keep their caches under node_modules/.cache/proximal, keyed by file content (a fresh clone or a
// branch switch changes mtimes, not content): a second run re-checks only what changed.
import { spawn } from 'node:child_process';

export const CACHE = 'node_modules/.cache/proximal';

export const staticSteps = [
  {
    name: 'typecheck',
    cmd: 'npx',
    args: [
      'tsc',
      '--noEmit',
      '-p',
      'tsconfig.json',
      '--incremental',
      '--tsBuildInfoFile',
      `${CACHE}/tsbuildinfo`,
    ],
  },
  {
    name: 'lint',
    cmd: 'npx',
    args: [
      'eslint',
      '.',
      '--max-warnings=0',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      `${CACHE}/eslint/`,
    ],
  },
  {
    name: 'format',
    cmd: 'npx',
    args: [
      'prettier',
      '--check',
      '.',
      '--log-level=warn',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      `${CACHE}/prettier`,
    ],
  },
];

/**
 * Runs the steps at once, each with its output captured, and prints each step's output as one block when it ends
 * (a line for a step that passed quietly, its whole output otherwise), so parallel output never interleaves.
 * Resolves to { name: ok }.
 */
export function runParallel(steps) {
  return Promise.all(
    steps.map(
      (step) =>
        new Promise((resolve) => {
          const t0 = Date.now();
          const child = spawn(step.cmd, step.args, {
            env: { ...process.env, ...step.env, FORCE_COLOR: '1' },
          });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          const end = (ok, extra = '') => {
            const s = ((Date.now() - t0) / 1000).toFixed(1);
            // A passing step shows only the lines its `summary` pattern picks (none by default).
            const lines = ok ? out.split('\n').filter((l) => step.summary?.test(l)) : [out.trimEnd()];
            const body = lines
              .filter((l) => l.trim())
              .map((l) => `${l}\n`)
              .join('');
            process.stdout.write(`${body}=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${s} s${extra}\n`);
            resolve([step.name, ok]);
          };
          child.on('error', (e) => end(false, ` (${e.message})`));
          child.on('close', (code) => end(code === 0));
        }),
    ),
  ).then(Object.fromEntries);
}
