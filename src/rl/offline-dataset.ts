/**
 * Offline datasets on tabular MDPs: a behaviour policy with a coverage parameter, N logged transitions drawn from
 * it (seeded), their counts, and the empirical model (r̂, P̂, π̂_β) the counts define.
 *
 * Logging: episodes start from rho0 and follow pi_beta; an episode ends when it enters a terminal state (absorbing
 * with reward 0 under every action: its value is known to be 0, and datasets flag it as `done`) and otherwise is
 * restarted with probability 1 - gamma after each step, so the states of a long log are distributed as
 * d_{pi_beta} = (1 - gamma) rho_{pi_beta} when there are no terminal states.
 */
import { createRng } from './rng';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

export interface LoggedTransition {
  s: number;
  a: number;
  r: number;
  s2: number;
  /** s2 is terminal: no bootstrapping from it. */
  done: boolean;
}

export interface OfflineDataset {
  states: number;
  actions: number;
  transitions: LoggedTransition[];
}

/** Counts of a dataset and the empirical model they define. */
export interface DatasetCounts {
  /** n(s, a) */
  n: number[][];
  /** n(s) = sum_a n(s, a) */
  nState: number[];
  /** r̂(s, a): mean logged reward (0 where n(s, a) = 0). */
  rHat: number[][];
  /** P̂(s2 | s, a) as pHat[a][s][s2] (all zeros where n(s, a) = 0). */
  pHat: number[][][];
  /** π̂_β(a | s) = n(s, a) / n(s) (uniform where n(s) = 0, a convention: such states carry no data). */
  piBetaHat: Policy;
  /** Terminal states (flagged `done` when entered). */
  terminal: boolean[];
}

/** States that are absorbing with reward 0 under every action: their value is 0 under every policy. */
export function terminalStates(mdp: MDP): boolean[] {
  const n = mdp.rho0.length;
  return Array.from({ length: n }, (_, s) => mdp.P.every((Pa, a) => Pa[s][s] === 1 && mdp.R[s][a] === 0));
}

/** pi_beta = (1 - coverage) base + coverage · uniform: coverage is the probability of a uniformly random action. */
export function behaviourPolicy(base: Policy, coverage: number): Policy {
  if (!(coverage >= 0 && coverage <= 1))
    throw new RLInputError(`behaviourPolicy: coverage = ${coverage} is outside [0, 1]`);
  return base.map((row) => row.map((p) => (1 - coverage) * p + coverage / row.length));
}

/** N transitions logged by pi_beta on the MDP (see the file comment for the episode rule); one seed drives all. */
export function sampleDataset(mdp: MDP, piBeta: Policy, N: number, seed: number): OfflineDataset {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(piBeta, states, actions, 'piBeta');
  if (!(Number.isInteger(N) && N >= 0))
    throw new RLInputError(`sampleDataset: N = ${N} must be an integer >= 0`);
  const rng = createRng(seed);
  const terminal = terminalStates(mdp);
  const transitions: LoggedTransition[] = [];
  const start = () => rng.categorical(mdp.rho0);
  let s = start();
  while (transitions.length < N) {
    if (terminal[s]) {
      s = start();
      if (terminal[s]) throw new RLInputError('sampleDataset: rho0 puts mass on a terminal state only');
      continue;
    }
    const a = rng.categorical(piBeta[s]);
    const s2 = rng.categorical(mdp.P[a][s]);
    const done = terminal[s2];
    transitions.push({ s, a, r: mdp.R[s][a], s2, done });
    s = done || rng.uniform() >= mdp.gamma ? start() : s2;
  }
  return { states, actions, transitions };
}

export function datasetCounts(data: OfflineDataset, terminal?: boolean[]): DatasetCounts {
  const { states: nS, actions: nA, transitions } = data;
  const n = Array.from({ length: nS }, () => new Array<number>(nA).fill(0));
  const rSum = Array.from({ length: nS }, () => new Array<number>(nA).fill(0));
  const pHat = Array.from({ length: nA }, () =>
    Array.from({ length: nS }, () => new Array<number>(nS).fill(0)),
  );
  const term = terminal ? [...terminal] : new Array<boolean>(nS).fill(false);
  for (const { s, a, r, s2, done } of transitions) {
    n[s][a]++;
    rSum[s][a] += r;
    pHat[a][s][s2]++;
    if (done) term[s2] = true;
  }
  const nState = n.map((row) => row.reduce((x, y) => x + y, 0));
  for (let s = 0; s < nS; s++) {
    for (let a = 0; a < nA; a++) {
      if (n[s][a] > 0) for (let t = 0; t < nS; t++) pHat[a][s][t] /= n[s][a];
    }
  }
  const rHat = rSum.map((row, s) => row.map((x, a) => (n[s][a] > 0 ? x / n[s][a] : 0)));
  const piBetaHat = n.map((row, s) => row.map((c) => (nState[s] > 0 ? c / nState[s] : 1 / nA)));
  return { n, nState, rHat, pHat, piBetaHat, terminal: term };
}

/**
 * The empirical MDP of the counts: r̂ and P̂ where n(s, a) > 0; at pairs the data never saw, the row of `fallback`
 * (the true MDP, so that the only error left is the sampling error at the seen pairs) or, without one, a self-loop
 * with reward 0.
 */
export function empiricalMDP(counts: DatasetCounts, gamma: number, rho0: number[], fallback?: MDP): MDP {
  const nS = counts.n.length;
  const nA = counts.n[0].length;
  const P = Array.from({ length: nA }, (_, a) =>
    Array.from({ length: nS }, (_, s) => {
      if (counts.n[s][a] > 0) return [...counts.pHat[a][s]];
      if (fallback) return [...fallback.P[a][s]];
      return Array.from({ length: nS }, (_, t) => (t === s ? 1 : 0));
    }),
  );
  const R = Array.from({ length: nS }, (_, s) =>
    Array.from({ length: nA }, (_, a) =>
      counts.n[s][a] > 0 ? counts.rHat[s][a] : fallback ? fallback.R[s][a] : 0,
    ),
  );
  return { P, R, rho0: [...rho0], gamma };
}

/** Fraction of the non-terminal (s, a) pairs that appear at least once in the data. */
export function pairCoverage(counts: DatasetCounts): number {
  let seen = 0;
  let total = 0;
  counts.n.forEach((row, s) => {
    if (counts.terminal[s]) return;
    for (const c of row) {
      total++;
      if (c > 0) seen++;
    }
  });
  return total === 0 ? 1 : seen / total;
}

/**
 * The counts of "infinitely much data" on a given support: at every pair with `seen[s][a]` the empirical model is the
 * true one (r̂ = r, P̂ = P), n(s, a) = 1 marks the pair as seen, and pi_beta_hat is uniform on the seen actions.
 * This separates the two failures of offline learning: missing pairs (here) and sampling error (sampleDataset).
 */
export function idealCounts(mdp: MDP, seen: boolean[][]): DatasetCounts {
  const nS = mdp.rho0.length;
  const nA = mdp.P.length;
  const terminal = terminalStates(mdp);
  const n = seen.map((row, s) => row.map((v): number => (v && !terminal[s] ? 1 : 0)));
  const nState = n.map((row) => row.reduce((x, y) => x + y, 0));
  return {
    n,
    nState,
    rHat: mdp.R.map((row, s) => row.map((r, a) => (n[s][a] > 0 ? r : 0))),
    pHat: mdp.P.map((Pa, a) => Pa.map((row, s) => (n[s][a] > 0 ? [...row] : new Array<number>(nS).fill(0)))),
    piBetaHat: n.map((row, s) => row.map((c) => (nState[s] > 0 ? c / nState[s] : 1 / nA))),
    terminal,
  };
}
