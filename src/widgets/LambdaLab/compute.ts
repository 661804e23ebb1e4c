/**
 * The Lambda lab's model and its Monte Carlo. A 5-state MDP, a softmax policy and an approximate critic
 * V̂ = V^π + noise · z (z standard normal per state, seeded). Each sample draws (s_0, a_0) ~ d_π(s) π(a|s), rolls
 * the policy out for a horizon H with γ^H ≤ 1e-6 (so cutting the trajectory and bootstrapping from V̂ changes
 * nothing visible), and computes the GAE estimate at t = 0 for every λ on the grid from the same trajectory.
 * Errors are grouped by (s_0, a_0): the bias of a group is its mean error, its variance the spread around it.
 */
import {
  createRng,
  defaultHorizon,
  evaluatePolicy,
  gaeFromTrajectory,
  gaeTarget,
  sampleTrajectory,
  type Evaluation,
  type GaeErrorRow,
  type GaeTarget,
  type MDP,
  type Policy,
} from '@/rl';
import { randomProblem } from '@/widgets/common/random-problem';

export const LAMBDAS = Array.from({ length: 21 }, (_, i) => i / 20);
const STATES = 5;
const ACTIONS = 2;

export interface LabModel {
  mdp: MDP;
  pi: Policy;
  ev: Evaluation;
  Vhat: number[];
  /** What each estimate is compared with, per (s, a). */
  tgt: number[][];
}

export function makeModel(seed: number, noise: number, gamma: number, target: GaeTarget): LabModel {
  const { mdp, pi } = randomProblem({ seed, states: STATES, actions: ACTIONS, gamma });
  const ev = evaluatePolicy(mdp, pi);
  const noiseRng = createRng(seed + 2);
  const Vhat = ev.V.map((v) => v + noise * noiseRng.normal());
  return { mdp, pi, ev, Vhat, tgt: gaeTarget(ev.A, ev.V, Vhat, target) };
}

export interface LambdaSampler {
  /** Draws `count` more trajectories. */
  step(count: number): void;
  readonly n: number;
  /** Sampled bias², variance and MSE for every λ of LAMBDAS (NaN before the first sample). */
  rows(): GaeErrorRow[];
}

/** Seeded: the k-th sample depends only on `seed`, never on how the work was split into chunks. */
export function createLambdaSampler(model: LabModel, seed: number): LambdaSampler {
  const { mdp, pi, Vhat, tgt } = model;
  // Start states from the normalised discounted visitation, where the gradient evaluates advantages.
  const fromD: MDP = { ...mdp, rho0: model.ev.d };
  const horizon = defaultHorizon(mdp.gamma);
  const rng = createRng(seed + 3);
  const groups = STATES * ACTIONS;
  const cnt = new Float64Array(groups);
  const sum = LAMBDAS.map(() => new Float64Array(groups));
  const sq = LAMBDAS.map(() => new Float64Array(groups));
  let n = 0;
  return {
    step(count) {
      for (let i = 0; i < count; i++) {
        const tr = sampleTrajectory(fromD, pi, rng, { horizon });
        const s = tr.states[0];
        const a = tr.actions[0];
        const g = s * ACTIONS + a;
        cnt[g]++;
        for (let j = 0; j < LAMBDAS.length; j++) {
          const e = gaeFromTrajectory(tr, Vhat, mdp.gamma, LAMBDAS[j])[0] - tgt[s][a];
          sum[j][g] += e;
          sq[j][g] += e * e;
        }
        n++;
      }
    },
    get n() {
      return n;
    },
    rows() {
      return LAMBDAS.map((lambda, j) => {
        if (n === 0) return { lambda, bias2: NaN, variance: NaN, mse: NaN };
        let bias2 = 0;
        let mse = 0;
        for (let g = 0; g < groups; g++) {
          if (!cnt[g]) continue;
          const m = sum[j][g] / cnt[g];
          bias2 += cnt[g] * m * m;
          mse += sq[j][g];
        }
        bias2 /= n;
        mse /= n;
        return { lambda, bias2, variance: mse - bias2, mse };
      });
    },
  };
}

/** The λ of the grid with the smallest MSE (first one on ties). */
export function argminMse(rows: GaeErrorRow[]): GaeErrorRow {
  return rows.reduce((best, r) => (r.mse < best.mse ? r : best));
}
