/**
 * The offline problem of the distribution-shift widget, composed from src/rl: a 5 × 5 GridWorld, a behaviour policy
 * (optimal, with a coverage fraction of uniformly random actions), N logged transitions, and fitted Q-iteration on
 * them with both targets. Pure functions of the settings, so the chart over coverage reuses them.
 */
import {
  behaviourPolicy,
  createRng,
  datasetCounts,
  evaluatePolicy,
  fittedQIteration,
  greedyPolicy,
  gridWorld,
  pairCoverage,
  qFromV,
  sampleDataset,
  terminalStates,
  valueIteration,
  type DatasetCounts,
} from '@/rl';

export const WORLD = gridWorld({ width: 5, height: 5, goal: 24, pits: [7, 12, 17], slip: 0.1, gamma: 0.95 });
const OPTIMAL = valueIteration(WORLD.mdp, { tol: 1e-12 });
export const Q_STAR = qFromV(WORLD.mdp, OPTIMAL.V);
export const J_STAR = evaluatePolicy(WORLD.mdp, OPTIMAL.policy).J;
export const TERMINAL = terminalStates(WORLD.mdp);

export interface OfflineSettings {
  coverage: number;
  N: number;
  qmax: number;
  seed: number;
}

export interface OfflineRun {
  counts: DatasetCounts;
  Qnaive: number[][];
  Qdata: number[][];
  /** Greedy over all actions (naive) and over the logged actions (in-support). */
  naivePolicy: number[][];
  dataPolicy: number[][];
  Jbehaviour: number;
  Jnaive: number;
  Jdata: number;
  coverageOfPairs: number;
  /** Largest Q̂ − Q* over the non-terminal pairs, and how many pairs are overestimated, logged or not. */
  maxOver: number;
  overUnseen: number;
  overSeen: number;
  unseen: number;
  /** States whose naive greedy action was never logged there. */
  greedyUnseen: number;
}

/** Greedy over the logged actions only (all actions at a state with no data). */
function inSupportGreedy(Q: number[][], counts: DatasetCounts): number[][] {
  return greedyPolicy(
    Q.map((row, s) => row.map((q, a) => (counts.nState[s] === 0 || counts.n[s][a] > 0 ? q : -Infinity))),
  );
}

export function runOffline({ coverage, N, qmax, seed }: OfflineSettings): OfflineRun {
  const { mdp } = WORLD;
  const piBeta = behaviourPolicy(OPTIMAL.policy, coverage);
  const counts = datasetCounts(sampleDataset(mdp, piBeta, N, seed), TERMINAL);
  // Initial values: arbitrary, here uniform on [0, qmax] from the same seed (a network's outputs before training).
  const rng = createRng(seed + 7919);
  const Q0 = counts.n.map((row) => row.map(() => qmax * rng.uniform()));
  const naive = fittedQIteration(counts, mdp.gamma, { Q0 });
  const data = fittedQIteration(counts, mdp.gamma, { Q0, maxOver: 'data' });
  const naivePolicy = greedyPolicy(naive.Q);
  const dataPolicy = inSupportGreedy(data.Q, counts);
  let maxOver = -Infinity;
  let overUnseen = 0;
  let overSeen = 0;
  let unseen = 0;
  let greedyUnseen = 0;
  naive.Q.forEach((row, s) => {
    if (TERMINAL[s]) return;
    row.forEach((q, a) => {
      const d = q - Q_STAR[s][a];
      maxOver = Math.max(maxOver, d);
      const seen = counts.n[s][a] > 0;
      if (!seen) unseen++;
      if (d > 1e-9) {
        if (seen) overSeen++;
        else overUnseen++;
      }
    });
    if (counts.n[s][naivePolicy[s].indexOf(1)] === 0) greedyUnseen++;
  });
  return {
    counts,
    Qnaive: naive.Q,
    Qdata: data.Q,
    naivePolicy,
    dataPolicy,
    Jbehaviour: evaluatePolicy(mdp, piBeta).J,
    Jnaive: evaluatePolicy(mdp, naivePolicy).J,
    Jdata: evaluatePolicy(mdp, dataPolicy).J,
    coverageOfPairs: pairCoverage(counts),
    maxOver,
    overUnseen,
    overSeen,
    unseen,
    greedyUnseen,
  };
}
