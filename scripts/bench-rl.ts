// Timings of the exact core (run: npx tsx scripts/bench-rl.ts). One JSON object per line.
import { performance } from 'node:perf_hooks';
import {
  createRng,
  evaluatePolicy,
  randomMDP,
  randomPolicy,
  trpoBounds,
  valueIteration,
  CartPole,
  VecCartPole,
} from '../src/rl/index';

function stats(samples: number[]) {
  const s = samples.slice().sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median_ms: +q(0.5).toFixed(4), p95_ms: +q(0.95).toFixed(4) };
}

for (const [states, actions] of [
  [10, 3],
  [20, 6],
  [50, 5],
  [100, 5],
]) {
  const mdp = randomMDP(1, { states, actions, gamma: 0.95 });
  const pi = randomPolicy(2, states, actions);
  const piNew = randomPolicy(3, states, actions);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    evaluatePolicy(mdp, pi);
    trpoBounds(mdp, pi, piNew);
    times.push(performance.now() - t0);
  }
  console.log(
    JSON.stringify({
      bench: 'evaluatePolicy+trpoBounds',
      states,
      actions,
      ...stats(times.slice(50)),
      goal_ms: states === 50 ? 2 : undefined,
    }),
  );
  const vi: number[] = [];
  let iterations = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    iterations = valueIteration(mdp, { tol: 1e-8 }).iterations;
    vi.push(performance.now() - t0);
  }
  console.log(
    JSON.stringify({ bench: 'valueIteration tol 1e-8', states, actions, iterations, ...stats(vi.slice(5)) }),
  );
}

{
  const env = new CartPole();
  const rng = createRng(1);
  env.reset(rng);
  const n = 1_000_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = env.step(rng.uniform() < 0.5 ? 0 : 1);
    if (r.terminated || r.truncated) env.reset(rng);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ bench: 'CartPole scalar', steps: n, steps_per_s: Math.round(n / s) }));
}
{
  const vec = new VecCartPole(16, createRng(2));
  const actions = new Uint8Array(16);
  const rng = createRng(3);
  const iters = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < iters; i++) {
    for (let e = 0; e < 16; e++) actions[e] = rng.uniform() < 0.5 ? 0 : 1;
    vec.step(actions);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      bench: 'VecCartPole x16',
      steps: iters * 16,
      steps_per_s: Math.round((iters * 16) / s),
    }),
  );
}
