// `npm run bench`: every figure the project reports, printed as JSON lines so anyone can rerun them.
// 1. the exact core (src/rl) timings, 2. the site (bundle sizes, first paint), 3. training (time to solve, steps/s,
// main-thread long tasks). Builds the site first unless --no-build. Pass --quick for a short training run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const argv = process.argv.slice(2);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) console.log(JSON.stringify({ bench: args.join(' '), error: `exit ${r.status}` }));
  return r.status === 0;
};

run('npx', ['tsx', 'scripts/bench-rl.ts']);
if (!argv.includes('--no-build')) run('npx', ['vite', 'build']);
if (existsSync('dist/index.html')) {
  run('node', ['scripts/bench-site.mjs']);
  // Builds its own copy with the benchmark page (dist-bench) unless --no-build.
  run('node', ['scripts/bench-train.mjs', ...argv]);
}
