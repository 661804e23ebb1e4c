/**
 * The experiments of chapter 9's widgets, one seeded run at a time (so a widget can spread many runs over frames
 * and average them): Monte Carlo against TD on the 5-state random walk, n-step TD on the 19-state walk, SARSA
 * against Q-learning on the cliff, Q-learning against double Q-learning on the maximisation-bias task. The settings
 * follow Sutton & Barto (2018), Figures 6.2, 7.2, 6.4 and 6.5. Run k of an experiment with seed `seed` uses the
 * k-th number of `runSeeds(seed, runs)`, so the same seed reproduces the same averages.
 */
import { createRng } from './rng';
import { evaluateTask, taskGreedyPolicy, type TabularTask } from './tabular-task';
import { createControlLearner, tdControl, type ControlLearner, type ControlMethod } from './td-control';
import { mcEvaluation, tdEvaluation } from './td-evaluation';
import { CLIFF, cliffWalking, maximisationBias, randomWalk, uniformOver } from './value-examples';

/** Independent seeds for the runs of an experiment. */
export function runSeeds(seed: number, runs: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: runs }, () => rng.int(2 ** 31 - 1));
}

export interface WalkSeries {
  key: string;
  method: 'td' | 'mc';
  alpha: number;
}

/** Figure 6.2's series: TD(0) at α = 0.05, 0.1, 0.15 and constant-α (every-visit) Monte Carlo at 0.01 … 0.04. */
export const WALK_SERIES: readonly WalkSeries[] = [
  { key: 'td05', method: 'td', alpha: 0.05 },
  { key: 'td10', method: 'td', alpha: 0.1 },
  { key: 'td15', method: 'td', alpha: 0.15 },
  { key: 'mc01', method: 'mc', alpha: 0.01 },
  { key: 'mc02', method: 'mc', alpha: 0.02 },
  { key: 'mc03', method: 'mc', alpha: 0.03 },
  { key: 'mc04', method: 'mc', alpha: 0.04 },
];

const walk5 = randomWalk(5);
const walk5Pi = uniformOver(7, 2);
const walk5V = evaluateTask(walk5, walk5Pi).V;

/** RMS error (over A … E) after each of `episodes` episodes of one run, from V = 0.5; rms[0] is the start. */
export function walkRun(series: WalkSeries, runSeed: number, episodes: number): number[] {
  const opts = { episodes, seed: runSeed, V0: 0.5, Vtrue: walk5V, alpha: series.alpha };
  return series.method === 'td'
    ? tdEvaluation(walk5, walk5Pi, opts).rms
    : mcEvaluation(walk5, walk5Pi, { ...opts, visit: 'every' }).rms;
}

export const NSTEP_NS: readonly number[] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
export const NSTEP_ALPHAS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
export const NSTEP_EPISODES = 10;

const walk19 = randomWalk(19, { leftReward: -1, rightReward: 1 });
const walk19Pi = uniformOver(21, 2);
const walk19V = evaluateTask(walk19, walk19Pi).V;

/** Figure 7.2's measure for one run: the RMS error over the 19 states, averaged over the first 10 episodes. */
export function nStepRun(n: number, alpha: number, runSeed: number): number {
  const { rms } = tdEvaluation(walk19, walk19Pi, {
    episodes: NSTEP_EPISODES,
    seed: runSeed,
    n,
    alpha,
    Vtrue: walk19V,
  });
  let s = 0;
  for (let e = 1; e <= NSTEP_EPISODES; e++) s += rms[e];
  return s / NSTEP_EPISODES;
}

export const cliffTask: TabularTask = cliffWalking();

/** The cells visited by the greedy policy of Q from the start, until the goal, a repeat or `maxLength` moves. */
export function greedyPath(task: TabularTask, Q: number[][], maxLength = 100): number[] {
  const pi = taskGreedyPolicy(task, Q);
  let s = task.mdp.rho0.indexOf(1);
  const path = [s];
  const seen = new Set(path);
  while (!task.terminal[s] && path.length <= maxLength) {
    const a = pi[s].indexOf(1);
    s = task.mdp.P[a][s].indexOf(1);
    path.push(s);
    if (seen.has(s)) break;
    seen.add(s);
  }
  return path;
}

export const CLIFF_DEFAULTS = { episodes: 500, epsilon: 0.1, alpha: 0.5 };

/** A cliff-walking run that a widget can advance a few episodes at a time (same numbers as `cliffRun`). */
export function cliffLearner(method: ControlMethod, runSeed: number, opts = CLIFF_DEFAULTS): ControlLearner {
  return createControlLearner(cliffTask, { method, seed: runSeed, ...opts });
}

/** One cliff-walking run: the return of every episode and the greedy path at the end. */
export function cliffRun(
  method: ControlMethod,
  runSeed: number,
  { episodes, epsilon, alpha } = CLIFF_DEFAULTS,
): { returns: number[]; path: number[]; reachesGoal: boolean } {
  const run = tdControl(cliffTask, { method, seed: runSeed, episodes, epsilon, alpha });
  const path = greedyPath(cliffTask, run.Q);
  return { returns: run.returns, path, reachesGoal: path[path.length - 1] === CLIFF.goal };
}

/** One maximisation-bias run: 1 where the episode's first action was left, 0 otherwise. */
export function maxBiasRun(
  method: ControlMethod,
  runSeed: number,
  { episodes = 300, epsilon = 0.1, alpha = 0.1, actionsInB = 10 } = {},
): number[] {
  const task = maximisationBias(actionsInB);
  const run = tdControl(task, { method, seed: runSeed, episodes, epsilon, alpha });
  return run.firstActions.map((a) => (a === 0 ? 1 : 0));
}
