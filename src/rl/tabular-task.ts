/**
 * Episodic tabular tasks: an MDP plus the facts that sample-based learning needs and the exact core does not.
 *
 * - `terminal[s]`: entering s ends the episode. A terminal state has value 0 by definition; its rows of P and R are
 *   never used by the learners and the exact solvers drop it from the linear system, so γ = 1 is allowed (the
 *   undiscounted random walk and cliff walking) as long as the policy reaches a terminal state with probability one.
 * - `actionCounts[s]`: only actions 0 … actionCounts[s] − 1 exist in s (the maximisation-bias task has 2 actions in
 *   A and many in B). The arrays still have one entry per action everywhere (copies of action 0), so the `MDP` type
 *   is unchanged; maxima, ε-greedy choices and expectations range over the existing actions only.
 * - `rewardStd[s][a]`: the reward is R[s][a] + rewardStd[s][a] · N(0, 1); the exact solvers see only the mean.
 * - `maxEpisodeSteps`: an episode that reaches this many steps is truncated: the state it stops in is not terminal,
 *   so the learners bootstrap through it (chapter 7, truncated episodes). Infinity for continuing tasks.
 */
import { luFactor, luSolve } from './linalg';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

export interface TabularTask {
  mdp: MDP;
  terminal: boolean[];
  actionCounts?: number[];
  rewardStd?: number[][];
  maxEpisodeSteps?: number;
  /** Display names of the states (optional). */
  stateNames?: string[];
}

/** Number of actions available in state s. */
export const actionsIn = (task: TabularTask, s: number) => task.actionCounts?.[s] ?? task.mdp.P.length;

/** Checks the task; γ may be 1 (then termination must be certain under the policies one evaluates). */
export function validateTask(task: TabularTask): { states: number; actions: number } {
  const { mdp } = task;
  if (typeof mdp?.gamma !== 'number' || !(mdp.gamma >= 0 && mdp.gamma <= 1)) {
    throw new RLInputError(`gamma = ${mdp?.gamma} is outside [0, 1]`);
  }
  // validateMDP insists on γ < 1 (it solves infinite-horizon problems); the shapes are checked with γ set aside.
  const sizes = validateMDP({ ...mdp, gamma: 0 });
  if (task.terminal.length !== sizes.states) {
    throw new RLInputError(`terminal should have ${sizes.states} entries (one per state)`);
  }
  if (task.actionCounts) {
    if (task.actionCounts.length !== sizes.states)
      throw new RLInputError(`actionCounts should have ${sizes.states} entries`);
    task.actionCounts.forEach((k, s) => {
      if (!Number.isInteger(k) || k < 1 || k > sizes.actions)
        throw new RLInputError(`actionCounts[${s}] = ${k} is not in 1 … ${sizes.actions}`);
    });
  }
  if (task.rewardStd) {
    task.rewardStd.forEach((row, s) =>
      row.forEach((x, a) => {
        if (!(x >= 0)) throw new RLInputError(`rewardStd[${s}][${a}] = ${x} should be ≥ 0`);
      }),
    );
  }
  return sizes;
}

/** A continuing task (no terminal states, no truncation) from an MDP with γ < 1. */
export function continuingTask(mdp: MDP): TabularTask {
  validateMDP(mdp);
  return { mdp, terminal: new Array<boolean>(mdp.rho0.length).fill(false), maxEpisodeSteps: Infinity };
}

/**
 * Exact V^π and Q^π of a task: V = 0 on terminal states and (I − γ P_π) V = r_π on the others, with the
 * transitions into terminal states contributing nothing. Throws if the system is singular (γ = 1 and π does not
 * terminate with probability one).
 */
export function evaluateTask(task: TabularTask, pi: Policy): { V: number[]; Q: number[][] } {
  const { states, actions } = validateTask(task);
  validatePolicy(pi, states, actions);
  for (let s = 0; s < states; s++)
    for (let a = actionsIn(task, s); a < actions; a++)
      if (pi[s][a] > 0)
        throw new RLInputError(`pi[${s}][${a}] > 0 but action ${a} does not exist in state ${s}`);
  const { P, R, gamma } = task.mdp;
  const idx: number[] = [];
  const pos = new Array<number>(states).fill(-1);
  for (let s = 0; s < states; s++) if (!task.terminal[s]) pos[s] = idx.push(s) - 1;
  const n = idx.length;
  const M = new Float64Array(n * n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = idx[i];
    M[i * n + i] += 1;
    for (let a = 0; a < actionsIn(task, s); a++) {
      const w = pi[s][a];
      if (w === 0) continue;
      b[i] += w * R[s][a];
      for (let t = 0; t < states; t++) if (pos[t] >= 0) M[i * n + pos[t]] -= gamma * w * P[a][s][t];
    }
  }
  const Vn = n > 0 ? luSolve(luFactor(M, n), b) : new Float64Array(0);
  if (Array.from(Vn).some((x) => !Number.isFinite(x)))
    throw new RLInputError('the policy does not reach a terminal state with probability one (γ = 1)');
  const V = new Array<number>(states).fill(0);
  idx.forEach((s, i) => (V[s] = Vn[i]));
  return { V, Q: taskQFromV(task, V) };
}

/** Q(s, a) = r(s, a) + γ Σ_s' P(s'|s,a) V(s') with V = 0 on terminal states (Q = 0 in terminal states). */
export function taskQFromV(task: TabularTask, V: ArrayLike<number>): number[][] {
  const { P, R, gamma } = task.mdp;
  const states = task.terminal.length;
  const nA = P.length;
  return Array.from({ length: states }, (_, s) =>
    Array.from({ length: nA }, (_, a) => {
      if (task.terminal[s] || a >= actionsIn(task, s)) return 0;
      let ev = 0;
      for (let t = 0; t < states; t++) if (!task.terminal[t]) ev += P[a][s][t] * V[t];
      return R[s][a] + gamma * ev;
    }),
  );
}

/**
 * Q* and V* of a task by value iteration (terminal states fixed at 0), to sup-norm change ≤ tol. With γ = 1 this
 * converges when every policy terminates or improper policies have cost growing without bound (cliff walking).
 */
export function optimalTask(
  task: TabularTask,
  { tol = 1e-12, maxIter = 100_000 } = {},
): { V: number[]; Q: number[][]; iterations: number } {
  const { states } = validateTask(task);
  let V = new Array<number>(states).fill(0);
  for (let k = 1; k <= maxIter; k++) {
    const Q = taskQFromV(task, V);
    let change = 0;
    const next = Q.map((q, s) => {
      if (task.terminal[s]) return 0;
      let best = -Infinity;
      for (let a = 0; a < actionsIn(task, s); a++) best = Math.max(best, q[a]);
      change = Math.max(change, Math.abs(best - V[s]));
      return best;
    });
    V = next;
    if (change <= tol) return { V, Q: taskQFromV(task, V), iterations: k };
  }
  throw new RLInputError(`value iteration did not converge in ${maxIter} sweeps`);
}

/** The greedy deterministic policy of Q over the available actions (ties to the lowest index). */
export function taskGreedyPolicy(task: TabularTask, Q: number[][]): Policy {
  return Q.map((q, s) => {
    let best = 0;
    for (let a = 1; a < actionsIn(task, s); a++) if (q[a] > q[best]) best = a;
    return q.map((_, a) => (a === best ? 1 : 0));
  });
}

/** The ε-greedy policy of Q: ε spread uniformly over the available actions, 1 − ε over the maximisers. */
export function epsilonGreedyPolicy(task: TabularTask, Q: number[][], epsilon: number): Policy {
  return Q.map((q, s) => epsilonGreedyRow(q, actionsIn(task, s), epsilon));
}

export function epsilonGreedyRow(q: ArrayLike<number>, k: number, epsilon: number): number[] {
  let best = -Infinity;
  let ties = 0;
  for (let a = 0; a < k; a++) {
    if (q[a] > best) {
      best = q[a];
      ties = 1;
    } else if (q[a] === best) ties++;
  }
  const row = new Array<number>(q.length).fill(0);
  for (let a = 0; a < k; a++) row[a] = epsilon / k + (q[a] === best ? (1 - epsilon) / ties : 0);
  return row;
}
