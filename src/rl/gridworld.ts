/**
 * GridWorld as an MDP. Cells are states (row-major, index = row * width + col); actions 0..3 = up, right, down,
 * left. With probability 1 - slip the agent moves as chosen, with probability slip in a uniformly random direction;
 * moving into a wall or off the grid leaves it in place. Goal and pit cells are absorbing with reward 0 after
 * entry; entering them pays goalReward / pitReward, every other move pays stepReward. Wall cells are states too
 * (so indices stay simple) but are unreachable and absorbing.
 */
import type { MDP } from './types';
import { RLInputError } from './validate';

export type CellKind = 'empty' | 'wall' | 'goal' | 'pit' | 'start';

export interface GridWorldSpec {
  width: number;
  height: number;
  walls?: number[];
  goals?: number[];
  /** A single goal cell (shorthand for `goals: [goal]`). */
  goal?: number;
  pits?: number[];
  start?: number;
  slip?: number;
  stepReward?: number;
  goalReward?: number;
  pitReward?: number;
  gamma?: number;
}

export interface GridWorld {
  mdp: MDP;
  width: number;
  height: number;
  cells: CellKind[];
  /** State (cell index) → [row, col]. */
  coords: (s: number) => [number, number];
  /** [row, col] → state (cell index, row-major): the inverse of `coords`. */
  stateAt: (row: number, col: number) => number;
  actionNames: readonly string[];
  /** Unit moves [dRow, dCol] of the actions. */
  moves: ReadonlyArray<readonly [number, number]>;
}

export const GRID_ACTIONS = ['up', 'right', 'down', 'left'] as const;
const MOVES = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
] as const;

export function gridWorld(spec: GridWorldSpec): GridWorld {
  const {
    width,
    height,
    walls = [],
    goals: goalList = [],
    pits = [],
    slip = 0,
    stepReward = -0.04,
    goalReward = 1,
    pitReward = -1,
    gamma = 0.95,
  } = spec;
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0)) {
    throw new RLInputError(
      `gridWorld: width and height must be positive integers (got ${width} × ${height})`,
    );
  }
  if (!(slip >= 0 && slip <= 1)) throw new RLInputError(`gridWorld: slip = ${slip} is outside [0, 1]`);
  const goals = spec.goal === undefined ? goalList : [...goalList, spec.goal];
  const n = width * height;
  for (const c of [...walls, ...goals, ...pits, spec.start ?? 0]) {
    if (!(Number.isInteger(c) && c >= 0 && c < n)) {
      throw new RLInputError(`gridWorld: cell ${c} is outside the ${width} × ${height} grid (0..${n - 1})`);
    }
  }
  const start = spec.start ?? 0;
  const cells: CellKind[] = Array.from({ length: n }, () => 'empty');
  for (const w of walls) cells[w] = 'wall';
  for (const g of goals) cells[g] = 'goal';
  for (const p of pits) cells[p] = 'pit';
  if (cells[start] === 'empty') cells[start] = 'start';
  const absorbing = (s: number) => cells[s] === 'goal' || cells[s] === 'pit' || cells[s] === 'wall';
  const target = (s: number, a: number) => {
    const r = Math.floor(s / width) + MOVES[a][0];
    const c = (s % width) + MOVES[a][1];
    if (r < 0 || r >= height || c < 0 || c >= width) return s;
    const t = r * width + c;
    return cells[t] === 'wall' ? s : t;
  };
  const entryReward = (t: number) =>
    cells[t] === 'goal' ? goalReward : cells[t] === 'pit' ? pitReward : stepReward;
  const P = Array.from({ length: 4 }, () => Array.from({ length: n }, () => new Array<number>(n).fill(0)));
  const R = Array.from({ length: n }, () => new Array<number>(4).fill(0));
  for (let s = 0; s < n; s++) {
    for (let a = 0; a < 4; a++) {
      if (absorbing(s)) {
        P[a][s][s] = 1;
        continue;
      }
      for (let b = 0; b < 4; b++) {
        const p = (b === a ? 1 - slip : 0) + slip / 4;
        if (p === 0) continue;
        const t = target(s, b);
        P[a][s][t] += p;
        R[s][a] += p * entryReward(t);
      }
    }
  }
  const rho0 = new Array<number>(n).fill(0);
  rho0[cells[start] === 'wall' ? 0 : start] = 1;
  return {
    mdp: { P, R, rho0, gamma },
    width,
    height,
    cells,
    coords: (s) => [Math.floor(s / width), s % width],
    stateAt: (row, col) => row * width + col,
    actionNames: GRID_ACTIONS,
    moves: MOVES,
  };
}
