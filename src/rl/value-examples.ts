/**
 * The classic small problems of value-based learning (Sutton & Barto 2018, chapters 6, 7 and 11), as tabular tasks
 * with their terminal states explicit (see ./tabular-task.ts):
 * - `randomWalk(n)`: n states in a row between two terminal ends (Example 6.2 with n = 5, Fig. 7.2 with n = 19).
 * - `cliffWalking()`: the 4 × 12 grid of Example 6.6, laid out and paid exactly as Gymnasium's CliffWalking-v1.
 * - `maximisationBias(k)`: the two-state task of Example 6.7 (Fig. 6.5).
 * - `bairdCounterexample()`: the seven-state star of Example 11.1 with its linear features.
 */
import {
  policyTransitions,
  stationaryDistribution,
  type LinearTarget,
  type LinearTDProblem,
} from './linear-td';
import type { MDP, Policy } from './types';
import type { TabularTask } from './tabular-task';
import { RLInputError } from './validate';

const zeros = (n: number) => new Array<number>(n).fill(0);
const unit = (n: number, i: number) => zeros(n).map((_, j) => (j === i ? 1 : 0));

/**
 * Random walk: states 0 and n + 1 are terminal (the left and right ends), 1 … n are the walk, the start is the
 * middle state ⌈n/2⌉. Action 0 moves left, action 1 moves right; entering the left end pays `leftReward`, the right
 * end `rightReward`, every other move 0; γ = 1. Under the uniform policy V(i) = left + (right − left) · i / (n + 1).
 * Defaults: the 5-state walk A … E of Example 6.2 (rewards 0 and 1, V = 1/6 … 5/6); the 19-state walk of
 * Figure 7.2 uses rewards −1 and +1.
 */
export function randomWalk(n = 5, { leftReward = 0, rightReward = 1 } = {}): TabularTask {
  if (!Number.isInteger(n) || n < 1) throw new RLInputError(`a random walk needs n ≥ 1 states, got ${n}`);
  const S = n + 2;
  const P = [0, 1].map((a) =>
    Array.from({ length: S }, (_, s) =>
      s === 0 || s === S - 1 ? unit(S, s) : unit(S, a === 0 ? s - 1 : s + 1),
    ),
  );
  const R = Array.from({ length: S }, (_, s) => [s === 1 ? leftReward : 0, s === n ? rightReward : 0]);
  const letters = n <= 26 ? Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i)) : null;
  return {
    mdp: { P, R, rho0: unit(S, Math.ceil(n / 2)), gamma: 1 },
    terminal: Array.from({ length: S }, (_, s) => s === 0 || s === S - 1),
    stateNames: Array.from({ length: S }, (_, s) =>
      s === 0 ? 'left end' : s === S - 1 ? 'right end' : (letters?.[s - 1] ?? String(s)),
    ),
  };
}

/** The uniform policy of a task's arrays (2 actions for the random walk). */
export const uniformOver = (states: number, actions: number): Policy =>
  Array.from({ length: states }, () => new Array<number>(actions).fill(1 / actions));

export const CLIFF = {
  width: 12,
  height: 4,
  start: 36,
  goal: 47,
  cliffReward: -100,
  stepReward: -1,
} as const;

/**
 * Cliff walking (Example 6.6; Gymnasium CliffWalking-v1, not slippery): states are cells, index row · 12 + col;
 * actions 0 … 3 = up, right, down, left (Gymnasium's order); moves off the grid leave the agent in place. Every step
 * pays −1, except a step into the cliff (row 3, columns 1 … 10), which pays −100 and puts the agent back on the
 * start (3, 0) without ending the episode. Entering the goal (3, 11) ends it. γ = 1. The cliff cells are never
 * occupied; they are marked terminal only so that the exact solvers' linear systems stay well posed.
 */
export function cliffWalking(): TabularTask {
  const { width: W, height: H, start, goal, cliffReward, stepReward } = CLIFF;
  const S = W * H;
  const isCliff = (s: number) => Math.floor(s / W) === H - 1 && s % W >= 1 && s % W <= W - 2;
  const moves = [
    [-1, 0],
    [0, 1],
    [1, 0],
    [0, -1],
  ];
  const P: number[][][] = moves.map(() => []);
  const R: number[][] = [];
  for (let s = 0; s < S; s++) {
    const row = Math.floor(s / W);
    const col = s % W;
    R.push([]);
    moves.forEach(([dr, dc], a) => {
      const r2 = Math.min(H - 1, Math.max(0, row + dr));
      const c2 = Math.min(W - 1, Math.max(0, col + dc));
      const s2 = r2 * W + c2;
      const terminalHere = s === goal || isCliff(s);
      P[a].push(unit(S, terminalHere ? s : isCliff(s2) ? start : s2));
      R[s].push(terminalHere ? 0 : isCliff(s2) ? cliffReward : stepReward);
    });
  }
  return {
    mdp: { P, R, rho0: unit(S, start), gamma: 1 },
    terminal: Array.from({ length: S }, (_, s) => s === goal || isCliff(s)),
  };
}

/**
 * The maximisation-bias task (Example 6.7): state 0 = A (the start), 1 = B, 2 = the end (terminal). In A, action
 * 0 (left) leads to B and action 1 (right) ends the episode, both paying 0. In B each of the k actions ends the
 * episode with reward N(mean, std²). γ = 1. Every left path is worth `mean` < 0, so right is optimal; an ε-greedy
 * learner that knows this still goes left with probability ε/2.
 */
export function maximisationBias(k = 10, { mean = -0.1, std = 1 } = {}): TabularTask {
  if (!Number.isInteger(k) || k < 1) throw new RLInputError(`B needs k ≥ 1 actions, got ${k}`);
  const nA = Math.max(2, k);
  const P = Array.from({ length: nA }, (_, a) => [unit(3, a === 0 ? 1 : 2), unit(3, 2), unit(3, 2)]);
  const R = [zeros(nA), new Array<number>(nA).fill(mean), zeros(nA)];
  const rewardStd = [zeros(nA), new Array<number>(nA).fill(std), zeros(nA)];
  return {
    mdp: { P, R, rho0: [1, 0, 0], gamma: 1 },
    terminal: [false, false, true],
    actionCounts: [2, k, 1],
    rewardStd,
    stateNames: ['A', 'B', 'end'],
  };
}

export interface Baird {
  mdp: MDP;
  /** Feature matrix, 7 states × 8 weights: v(s) = features[s] · w. */
  features: number[][];
  /** The initial weights of Sutton & Barto's figure: (1, 1, 1, 1, 1, 1, 10, 1). */
  w0: number[];
  /** Behaviour policy: dashed (action 0) with probability 6/7, solid (action 1) with 1/7. */
  behaviour: Policy;
  /** Target policy: always solid. */
  target: Policy;
}

/**
 * Baird's counterexample (Baird 1995; Sutton & Barto Example 11.1): states 0 … 5 are the upper states, 6 the lower
 * one. The dashed action (0) moves to one of the six upper states uniformly, the solid action (1) to the lower
 * state. Rewards are 0, so V^π = 0 for every policy and the weights w = 0 represent it exactly. γ = 0.99.
 * Features: upper state i has v = 2 w_i + w_7, the lower state v = w_6 + 2 w_7 (0-based weights).
 */
export function bairdCounterexample(gamma = 0.99): Baird {
  const S = 7;
  const upper = [1, 1, 1, 1, 1, 1, 0].map((x) => x / 6);
  const P = [Array.from({ length: S }, () => upper.slice()), Array.from({ length: S }, () => unit(S, 6))];
  const features = Array.from({ length: S }, (_, s) => {
    const x = zeros(8);
    if (s < 6) {
      x[s] = 2;
      x[7] = 1;
    } else {
      x[6] = 1;
      x[7] = 2;
    }
    return x;
  });
  return {
    mdp: { P, R: Array.from({ length: S }, () => [0, 0]), rho0: new Array<number>(S).fill(1 / S), gamma },
    features,
    w0: [1, 1, 1, 1, 1, 1, 10, 1],
    behaviour: Array.from({ length: S }, () => [6 / 7, 1 / 7]),
    target: Array.from({ length: S }, () => [0, 1]),
  };
}

export type BairdMode = 'off-policy' | 'on-policy' | 'monte-carlo';
export const BAIRD_MODES: readonly BairdMode[] = ['off-policy', 'on-policy', 'monte-carlo'];

/**
 * The expected-update problem of Baird's counterexample for the target policy (always solid):
 * - 'off-policy': states weighted by the behaviour policy's stationary distribution (uniform over the seven
 *   states), bootstrapped TD targets: Sutton & Barto's semi-gradient DP of Figure 11.2, which diverges;
 * - 'on-policy': states weighted by the target policy's own stationary distribution (all mass on the lower state);
 * - 'monte-carlo': uniform weights as off-policy, but the target is V^π itself (no bootstrapping).
 */
export function bairdProblem(b: Baird, mode: BairdMode): { problem: LinearTDProblem; target: LinearTarget } {
  const Ppi = policyTransitions(b.mdp.P, b.target);
  const mu =
    mode === 'on-policy'
      ? stationaryDistribution(Ppi)
      : stationaryDistribution(policyTransitions(b.mdp.P, b.behaviour));
  return {
    problem: { features: b.features, Ppi, rpi: new Array<number>(7).fill(0), mu, gamma: b.mdp.gamma },
    target: mode === 'monte-carlo' ? 'mc' : 'td',
  };
}

/**
 * Baird's expected off-policy TD dynamics in closed form. With μ uniform and the target always solid, the update
 * moves every value towards γ v_L (v_L the lower state's value); in terms of the mean upper value ū and v_L,
 *   (ū, v_L) ← (ū, v_L) + (α/7) B (ū, v_L),   B = [[−10, 12γ − 2], [−12, 17γ − 5]],
 * while the upper values' deviations from ū shrink by the factor 1 − 4α/7 each sweep. trace B = 17γ − 15 and
 * det B = 26(1 − γ) > 0, so both eigenvalues of B have positive real part exactly when γ > 15/17: then every start
 * with (ū, v_L) ≠ 0 diverges for every step size α > 0 (for small α, at the rate 1 + α·λ_max/7 per sweep).
 */
export function bairdValueDynamics(gamma: number): {
  B: [[number, number], [number, number]];
  trace: number;
  det: number;
  /** Eigenvalues of B as [re, im], the one with the larger real part first. */
  eigenvalues: [[number, number], [number, number]];
  /** The discount above which the expected update diverges: 15/17. */
  threshold: number;
} {
  const B: [[number, number], [number, number]] = [
    [-10, 12 * gamma - 2],
    [-12, 17 * gamma - 5],
  ];
  const trace = B[0][0] + B[1][1];
  const det = B[0][0] * B[1][1] - B[0][1] * B[1][0];
  const disc = trace * trace - 4 * det;
  const eigenvalues: [[number, number], [number, number]] =
    disc >= 0
      ? [
          [(trace + Math.sqrt(disc)) / 2, 0],
          [(trace - Math.sqrt(disc)) / 2, 0],
        ]
      : [
          [trace / 2, Math.sqrt(-disc) / 2],
          [trace / 2, -Math.sqrt(-disc) / 2],
        ];
  return { B, trace, det, eigenvalues, threshold: 15 / 17 };
}
