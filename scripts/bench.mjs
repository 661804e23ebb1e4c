// `npm run bench`: every figure the project reports, printed as JSON lines so anyone can rerun them.
// 1. the exact core (src/rl) timings, 2. the site (per chapter: first-view JS, time to interactive, longest load
// task), 3. training (time to solve, steps/s, main-thread long tasks). Builds the site first unless --no-build.
// `--only rl|site|train` runs one part; the training flags (--algo, --env, --backend, --seeds, --quick) pass through.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1] : null;
if (only && !['rl', 'site', 'train'].includes(only)) {
  console.error(`bench: --only takes rl, site or train (got ${only})`);
  process.exit(2);
}
const passThrough = onlyAt >= 0 ? argv.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : argv;
const wants = (part) => !only || only === part;
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) console.log(JSON.stringify({ bench: args.join(' '), error: `exit ${r.status}` }));
  return r.status === 0;
};

if (wants('rl')) run('npx', ['tsx', 'scripts/bench-rl.ts']);
if (wants('site')) {
  if (!argv.includes('--no-build')) run('npx', ['vite', 'build']);
  if (existsSync('dist/index.html')) run('npx', ['tsx', 'scripts/bench-site.mjs']);
  else console.log(JSON.stringify({ bench: 'site', error: 'no build in dist/' }));
}
// Builds its own copy with the benchmark page (dist-bench) unless --no-build.
if (wants('train')) run('node', ['scripts/bench-train.mjs', ...passThrough]);
