/**
 * Coupled rollouts (chapter 8, back to chapter 5): the widget's model (two softmax policies a step apart on a random
 * MDP) and its seeded Monte Carlo. The exact curves (state laws, disagreement of the maximal and independent
 * couplings, the bound 1 − (1 − α)^t) are `coupledRolloutCurves` of src/rl/coupled-rollouts.ts.
 */
import {
  createRng,
  maximalCoupling,
  sampleCouplingPair,
  softmaxPolicy,
  tvMax,
  type MDP,
  type Policy,
} from '@/rl';
import { randomProblem } from '@/widgets/common/random-problem';

export interface CoupledModel {
  mdp: MDP;
  pi: Policy;
  piNew: Policy;
  alpha: number;
}

export function makeModel(seed: number, step: number): CoupledModel {
  const states = 6;
  const actions = 3;
  const { mdp, theta, pi, otherTheta } = randomProblem({ seed, states, actions, gamma: 0.9, branching: 3 });
  const dir = otherTheta();
  const piNew = softmaxPolicy(theta.map((row, s) => row.map((x, a) => x + step * dir[s][a])));
  return { mdp, pi, piNew, alpha: tvMax(pi, piNew) };
}

/**
 * Seeded sampler of coupled rollouts: counts, for every t ≤ horizon, the pairs whose actions first disagreed
 * before t. The k-th rollout depends only on the seed.
 */
export function createCoupledSampler(model: CoupledModel, horizon: number, seed: number) {
  const { mdp, pi, piNew } = model;
  const joints = pi.map((row, s) => maximalCoupling(row, piNew[s]).joint);
  const rng = createRng(seed + 11);
  const firstDisagreement = new Float64Array(horizon + 2); // index horizon + 1: never within the horizon
  let n = 0;
  return {
    step(count: number) {
      for (let i = 0; i < count; i++) {
        let s = rng.categorical(mdp.rho0);
        let t = 0;
        for (; t < horizon; t++) {
          const [a, a2] = sampleCouplingPair(joints[s], rng);
          if (a !== a2) break;
          s = rng.categorical(mdp.P[a][s]);
        }
        firstDisagreement[t < horizon ? t : horizon + 1]++;
        n++;
      }
    },
    get n() {
      return n;
    },
    /** Fraction of pairs that disagreed on some action before t, for t = 0..horizon. */
    disagreed(): number[] {
      const out: number[] = [];
      let cum = 0;
      for (let t = 0; t <= horizon; t++) {
        out.push(n ? cum / n : NaN);
        cum += firstDisagreement[t];
      }
      return out;
    },
  };
}
