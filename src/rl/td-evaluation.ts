/**
 * Sample-based policy evaluation on tabular tasks (Sutton & Barto 2018, §5.1, §6.1, §7.1): first-visit and
 * every-visit Monte Carlo (sample averages or a constant step size) and n-step TD (n = 1 is TD(0)), each one seeded
 * run returning its learning curve: the RMS error over the non-terminal states after every episode.
 */
import { createRng, type Rng } from './rng';
import { actionsIn, validateTask, type TabularTask } from './tabular-task';
import type { Policy } from './types';
import { RLInputError, validatePolicy } from './validate';

/** A step size: a constant, or a function of n = how many times this entry has been updated, this time included. */
export type StepSize = number | ((n: number) => number);
export const stepSizeAt = (alpha: StepSize, n: number) => (typeof alpha === 'number' ? alpha : alpha(n));
/** α_n = c / n^power: satisfies Robbins–Monro (Σα = ∞, Σα² < ∞) for 1/2 < power ≤ 1. */
export const harmonicStepSize =
  (c = 1, power = 1): ((n: number) => number) =>
  (n) =>
    c / Math.pow(n, power);

/** Safety cap on episode length when the task sets none (a policy that never terminates would loop forever). */
export const DEFAULT_EPISODE_CAP = 100_000;
const episodeCap = (task: TabularTask) => task.maxEpisodeSteps ?? DEFAULT_EPISODE_CAP;

/** One sampled reward: the mean R[s][a] plus Gaussian noise of the task's standard deviation. */
export function sampleReward(task: TabularTask, s: number, a: number, rng: Rng): number {
  const sd = task.rewardStd?.[s][a] ?? 0;
  return task.mdp.R[s][a] + (sd > 0 ? sd * rng.normal() : 0);
}

export interface Episode {
  states: number[];
  actions: number[];
  rewards: number[];
  /** The state the episode stopped in (terminal, or where it was truncated). */
  finalState: number;
  /** True if it ended by entering a terminal state, false if truncated. */
  terminated: boolean;
}

export function sampleEpisode(task: TabularTask, pi: Policy, rng: Rng, cap = episodeCap(task)): Episode {
  const { P } = task.mdp;
  const states: number[] = [];
  const actions: number[] = [];
  const rewards: number[] = [];
  let s = rng.categorical(task.mdp.rho0);
  while (!task.terminal[s] && states.length < cap) {
    const a = rng.categorical(pi[s]);
    states.push(s);
    actions.push(a);
    rewards.push(sampleReward(task, s, a, rng));
    s = rng.categorical(P[a][s]);
  }
  return { states, actions, rewards, finalState: s, terminated: task.terminal[s] };
}

/** RMS of V − Vtrue over the non-terminal states (uniform weights, as Sutton & Barto's figures). */
export function rmsError(task: TabularTask, V: ArrayLike<number>, Vtrue: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let s = 0; s < task.terminal.length; s++) {
    if (task.terminal[s]) continue;
    sum += (V[s] - Vtrue[s]) ** 2;
    n++;
  }
  return n ? Math.sqrt(sum / n) : 0;
}

export interface EvaluationOptions {
  episodes: number;
  seed: number;
  /** Initial estimate: a constant for every non-terminal state or a full vector. Default 0. */
  V0?: number | number[];
  /** Exact values, for the RMS learning curve. */
  Vtrue?: number[];
}

export interface EvaluationRun {
  V: number[];
  /** RMS error over non-terminal states: rms[0] before learning, rms[k] after episode k (needs Vtrue). */
  rms: number[];
  /** How many times each state's estimate was updated. */
  counts: number[];
  steps: number;
}

function initialV(task: TabularTask, V0: number | number[] = 0): Float64Array {
  const n = task.terminal.length;
  if (Array.isArray(V0)) {
    if (V0.length !== n) throw new RLInputError(`V0 should have ${n} entries`);
    return Float64Array.from(V0, (x, s) => (task.terminal[s] ? 0 : x));
  }
  return Float64Array.from({ length: n }, (_, s) => (task.terminal[s] ? 0 : V0));
}

function checkInputs(task: TabularTask, pi: Policy, episodes: number) {
  const { states, actions } = validateTask(task);
  validatePolicy(pi, states, actions);
  for (let s = 0; s < states; s++)
    for (let a = actionsIn(task, s); a < actions; a++)
      if (pi[s][a] > 0)
        throw new RLInputError(`pi[${s}][${a}] > 0 but action ${a} does not exist in state ${s}`);
  if (!Number.isInteger(episodes) || episodes < 0)
    throw new RLInputError(`episodes = ${episodes} is not a count`);
}

/**
 * Monte Carlo evaluation. `visit`: 'first' uses the return after the first visit to s in each episode, 'every' the
 * return after every visit. `alpha`: 'average' (default) makes V(s) the sample mean of the returns used so far
 * (step 1/N(s)); a number or schedule gives the incremental update V(s) += α (G − V(s)), an exponentially weighted
 * average for constant α. Returns are discounted from the visit on; a truncated episode's returns miss their tail.
 */
export function mcEvaluation(
  task: TabularTask,
  pi: Policy,
  opts: EvaluationOptions & { visit?: 'first' | 'every'; alpha?: StepSize | 'average' },
): EvaluationRun {
  const { episodes, seed, Vtrue, visit = 'first', alpha = 'average' } = opts;
  checkInputs(task, pi, episodes);
  const rng = createRng(seed);
  const V = initialV(task, opts.V0);
  const N = new Float64Array(V.length);
  const gamma = task.mdp.gamma;
  const rms: number[] = Vtrue ? [rmsError(task, V, Vtrue)] : [];
  let steps = 0;
  for (let e = 0; e < episodes; e++) {
    const ep = sampleEpisode(task, pi, rng);
    const T = ep.states.length;
    steps += T;
    // Returns backwards: G_t = r_t + γ G_{t+1}.
    const G = new Float64Array(T);
    let g = 0;
    for (let t = T - 1; t >= 0; t--) G[t] = g = ep.rewards[t] + gamma * g;
    const seen = visit === 'first' ? new Set<number>() : null;
    for (let t = 0; t < T; t++) {
      const s = ep.states[t];
      if (seen) {
        if (seen.has(s)) continue;
        seen.add(s);
      }
      N[s]++;
      const step = alpha === 'average' ? 1 / N[s] : stepSizeAt(alpha, N[s]);
      V[s] += step * (G[t] - V[s]);
    }
    if (Vtrue) rms.push(rmsError(task, V, Vtrue));
  }
  return { V: Array.from(V), rms, counts: Array.from(N), steps };
}

/**
 * n-step TD (Sutton & Barto §7.1), online: after step t the state visited at τ = t − n + 1 moves towards
 * G = r_τ + γ r_{τ+1} + … + γ^{n−1} r_{τ+n−1} + γ^n V(s_{τ+n}), the sum cut at the end of the episode (a terminal
 * state contributes 0; a truncated episode bootstraps from the state it stopped in). n = 1 is TD(0). `alpha` is a
 * constant or a schedule in the number of updates of that state. With `steps`, the run stops after that many
 * transitions (continuing tasks: one endless episode), otherwise after `episodes` episodes.
 */
export function tdEvaluation(
  task: TabularTask,
  pi: Policy,
  opts: EvaluationOptions & { n?: number; alpha: StepSize; steps?: number },
): EvaluationRun {
  const { episodes, seed, Vtrue, n = 1, alpha, steps: maxSteps = Infinity } = opts;
  checkInputs(task, pi, episodes);
  if (!Number.isInteger(n) || n < 1) throw new RLInputError(`n = ${n} should be a positive integer`);
  const rng = createRng(seed);
  const V = initialV(task, opts.V0);
  const N = new Float64Array(V.length);
  const { P, gamma } = task.mdp;
  const cap = episodeCap(task);
  const rms: number[] = Vtrue ? [rmsError(task, V, Vtrue)] : [];
  const gammaPow = Array.from({ length: n + 1 }, (_, k) => Math.pow(gamma, k));
  let steps = 0;
  const S: number[] = [];
  const Rw: number[] = [];
  // With γ = 1 the reward part of G is a difference of prefix sums (O(1) per update); otherwise an O(n) loop.
  const C: number[] = [0];
  const update = (tau: number, end: number, bootstrap: boolean) => {
    // G over rewards tau … end − 1, plus γ^(end − tau) V(s_end) if bootstrapping.
    let G = 0;
    if (gamma === 1) G = C[end] - C[tau];
    else for (let i = end - 1; i >= tau; i--) G = Rw[i] + gamma * G;
    if (bootstrap) G += gammaPow[end - tau] * V[S[end]];
    const s = S[tau];
    N[s]++;
    V[s] += stepSizeAt(alpha, N[s]) * (G - V[s]);
  };
  const endless = maxSteps < Infinity;
  for (let e = 0; endless ? steps < maxSteps : e < episodes; e++) {
    S.length = 0;
    Rw.length = 0;
    C.length = 1;
    let s = rng.categorical(task.mdp.rho0);
    S.push(s);
    let t = 0; // index of the current state in the buffers
    let len = 0; // transitions in this episode
    while (!task.terminal[s] && len < cap && steps < maxSteps) {
      const a = rng.categorical(pi[s]);
      const r = sampleReward(task, s, a, rng);
      Rw.push(r);
      C.push(C[C.length - 1] + r);
      s = rng.categorical(P[a][s]);
      S.push(s);
      t++;
      len++;
      steps++;
      const tau = t - n;
      if (tau >= 0) update(tau, t, !task.terminal[s]);
      // Keep the buffers short on endless runs: only the last n transitions matter.
      if (endless && S.length > 4 * n + 64) {
        const drop = S.length - n - 1;
        S.splice(0, drop);
        Rw.splice(0, drop);
        C.splice(0, drop);
        t -= drop;
      }
    }
    // The episode ended (or was truncated, or the step budget ran out): flush the pending states.
    if (task.terminal[s] || len >= cap) {
      const bootstrap = !task.terminal[s];
      for (let tau = Math.max(0, t - n + 1); tau < t; tau++) update(tau, t, bootstrap);
    }
    if (Vtrue) rms.push(rmsError(task, V, Vtrue));
  }
  return { V: Array.from(V), rms, counts: Array.from(N), steps };
}
