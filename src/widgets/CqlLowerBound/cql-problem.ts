/**
 * The CQL widget's problem, composed from src/rl: a random MDP, a behaviour policy and a policy to evaluate (all from
 * one seed), and either exact backups or backups estimated from N logged transitions. With a dataset, the evaluated
 * policy (and mu = pi) is restricted to the logged actions, as the theorems require supp mu ⊆ supp π̂_β.
 */
import {
  cqlBoundAnalysis,
  createRng,
  datasetCounts,
  empiricalMDP,
  randomMDP,
  randomPolicy,
  sampleDataset,
  type CqlBoundAnalysis,
  type CqlSetting,
  type CqlVariant,
  type MDP,
} from '@/rl';

export interface CqlProblemSettings {
  states: number;
  actions: number;
  gamma: number;
  variant: CqlVariant;
  backups: 'exact' | 'data';
  N: number;
  seed: number;
}

export interface CqlProblem {
  mdp: MDP;
  setting: CqlSetting;
  analysis: CqlBoundAnalysis;
  /** States where the evaluated policy had to be restricted to the logged actions. */
  restricted: number;
  /** (s, a) pairs never logged (data backups only). */
  unseen: number;
}

export function makeCqlProblem(o: CqlProblemSettings): CqlProblem {
  const rng = createRng(o.seed);
  const mdp = randomMDP(rng, { states: o.states, actions: o.actions, gamma: o.gamma });
  const piBeta = randomPolicy(rng, o.states, o.actions);
  let pi = randomPolicy(rng, o.states, o.actions);
  let setting: CqlSetting = { model: mdp, pi, mu: pi, piBeta, variant: o.variant };
  let restricted = 0;
  let unseen = 0;
  if (o.backups === 'data') {
    const counts = datasetCounts(sampleDataset(mdp, piBeta, o.N, o.seed + 1));
    pi = pi.map((row, s) => {
      if (counts.nState[s] === 0) return row;
      const w = row.map((p, a) => (counts.n[s][a] > 0 ? p : 0));
      if (w.some((x, a) => x !== row[a])) restricted++;
      const z = w.reduce((x, y) => x + y, 0);
      return w.map((x) => x / z);
    });
    unseen = counts.n.flat().filter((c) => c === 0).length;
    setting = {
      model: empiricalMDP(counts, o.gamma, mdp.rho0, mdp),
      pi,
      mu: pi,
      piBeta: counts.piBetaHat,
      variant: o.variant,
      dataStates: counts.nState.map((c) => c > 0),
    };
  }
  return { mdp, setting, analysis: cqlBoundAnalysis(mdp, setting), restricted, unseen };
}

/** Q̂_alpha = Q̂_0 − alpha h and V̂_alpha = V̂_0 − alpha k, read off the analysis (no new solve per alpha). */
export function atAlpha(an: CqlBoundAnalysis, alpha: number) {
  const Q = an.Q0.map((row, s) => row.map((q, a) => q - alpha * an.h[s][a]));
  const V = an.V0.map((v, s) => v - alpha * an.k[s]);
  const slackQ = Q.map((row, s) => row.map((q, a) => an.Qpi[s][a] - q));
  const slackV = V.map((v, s) => an.Vpi[s] - v);
  return { Q, V, slackQ, slackV, minSlackQ: Math.min(...slackQ.flat()), minSlackV: Math.min(...slackV) };
}
