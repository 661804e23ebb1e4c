import { describe, expect, it } from 'vitest';
import {
  createRng,
  evaluatePolicy,
  gae,
  gaeFromTrajectory,
  kStepAdvantage,
  meanAndVariance,
  pgEstimates,
  randomMDP,
  randomTheta,
  sampleDisagreements,
  sampleTrajectory,
  softmaxPolicy,
  softmaxPolicyGradient,
  maximalCoupling,
  independentCoupling,
  tvThreeWays,
} from './index';

describe('Monte Carlo policy-gradient estimators', () => {
  it('all four converge to the exact gradient (within 5 standard errors), baselines reduce variance', () => {
    const mdp = randomMDP(11, { states: 3, actions: 2, gamma: 0.8 });
    const theta = randomTheta(12, 3, 2);
    const pi = softmaxPolicy(theta);
    const exact = softmaxPolicyGradient(mdp, theta).flat();
    const { V, A } = evaluatePolicy(mdp, pi);
    const rng = createRng(13);
    const N = 4000;
    const est = {
      total: [] as Float64Array[],
      rewardToGo: [] as Float64Array[],
      baseline: [] as Float64Array[],
      advantage: [] as Float64Array[],
    };
    for (let i = 0; i < N; i++) {
      const g = pgEstimates(pi, sampleTrajectory(mdp, pi, rng), mdp.gamma, { baseline: V, advantage: A });
      est.total.push(g.total);
      est.rewardToGo.push(g.rewardToGo);
      est.baseline.push(g.baseline);
      est.advantage.push(g.advantage);
    }
    const variances: Record<string, number> = {};
    for (const [name, samples] of Object.entries(est)) {
      const { mean, variance } = meanAndVariance(samples);
      variances[name] = variance;
      exact.forEach((e, i) => {
        const vi = samples.reduce((acc, x) => acc + (x[i] - mean[i]) ** 2, 0) / (N - 1);
        expect(Math.abs(mean[i] - e), `${name}[${i}]`).toBeLessThanOrEqual(5 * Math.sqrt(vi / N) + 1e-6);
      });
    }
    expect(variances.rewardToGo).toBeLessThan(variances.total);
    expect(variances.baseline).toBeLessThan(variances.rewardToGo);
  });
});

describe('GAE', () => {
  it('lambda = 0 gives the TD residual and lambda = 1 the discounted return minus V; k-step forms telescope', () => {
    const mdp = randomMDP(21, { states: 4, actions: 2, gamma: 0.9 });
    const pi = softmaxPolicy(randomTheta(22, 4, 2));
    const traj = sampleTrajectory(mdp, pi, createRng(23), { horizon: 30 });
    const V = [0.3, -0.2, 1.1, 0.5];
    const g0 = gaeFromTrajectory(traj, V, mdp.gamma, 0);
    const g1 = gaeFromTrajectory(traj, V, mdp.gamma, 1);
    for (let t = 0; t < 30; t++) {
      expect(g0[t]).toBeCloseTo(kStepAdvantage(traj, V, mdp.gamma, t, 1), 12);
      // lambda = 1: sum of discounted rewards to the end plus the bootstrapped tail, minus V(s_t).
      let ret = 0;
      let g = 1;
      for (let u = t; u < 30; u++) {
        ret += g * traj.rewards[u];
        g *= mdp.gamma;
      }
      ret += g * V[traj.finalState];
      expect(g1[t]).toBeCloseTo(ret - V[traj.states[t]], 10);
    }
    // The exponentially weighted average of k-step estimators equals GAE (truncated sum, weights to the end).
    const lambda = 0.7;
    const gl = gaeFromTrajectory(traj, V, mdp.gamma, lambda);
    const t = 5;
    const K = 30 - t;
    let avg = 0;
    for (let k = 1; k < K; k++)
      avg += (1 - lambda) * lambda ** (k - 1) * kStepAdvantage(traj, V, mdp.gamma, t, k);
    avg += lambda ** (K - 1) * kStepAdvantage(traj, V, mdp.gamma, t, K);
    expect(gl[t]).toBeCloseTo(avg, 10);
  });

  it('bootstraps on truncation and not on termination, and stops at episode boundaries', () => {
    const base = {
      rewards: [1, 1, 1],
      values: [0.5, 0.5, 0.5],
      nextValues: [0.5, 0.5, 10],
      gamma: 0.9,
      lambda: 0.95,
    };
    const trunc = gae({ ...base, terminated: [0, 0, 0], truncated: [0, 0, 1] });
    const term = gae({ ...base, terminated: [0, 0, 1], truncated: [0, 0, 0] });
    expect(trunc.advantages[2]).toBeCloseTo(1 + 0.9 * 10 - 0.5, 12);
    expect(term.advantages[2]).toBeCloseTo(1 - 0.5, 12);
    // Episode boundary in the middle: step 0's advantage must not see step 1's episode.
    const split = gae({ ...base, terminated: [1, 0, 0], truncated: [0, 0, 1] });
    expect(split.advantages[0]).toBeCloseTo(0.5, 12);
    expect(split.returns[0]).toBeCloseTo(1, 12);
    // Two envs interleaved time-major give the same as each alone.
    const two = gae({
      rewards: [1, 2, 1, 2],
      values: [0, 0, 0, 0],
      nextValues: [0, 0, 3, 4],
      terminated: [0, 0, 0, 0],
      truncated: [0, 0, 1, 1],
      numEnvs: 2,
      gamma: 0.5,
      lambda: 1,
    });
    expect(two.advantages[0]).toBeCloseTo(1 + 0.5 * (1 + 0.5 * 3), 12);
    expect(two.advantages[1]).toBeCloseTo(2 + 0.5 * (2 + 0.5 * 4), 12);
  });
});

describe('couplings', () => {
  it('TV three ways agree; the sampled disagreement rate converges to TV under the maximal coupling only', () => {
    const p = [0.5, 0.3, 0.2, 0];
    const q = [0.1, 0.3, 0.3, 0.3];
    const tv = tvThreeWays(p, q);
    expect(tv.halfL1).toBeCloseTo(0.4, 14);
    expect(tv.maxEvent).toBeCloseTo(0.4, 14);
    expect(tv.coupling).toBeCloseTo(0.4, 14);
    expect(tv.event).toEqual([0]);
    const n = 20000;
    const rate = sampleDisagreements(maximalCoupling(p, q).joint, createRng(5), n) / n;
    expect(Math.abs(rate - 0.4)).toBeLessThan(5 * Math.sqrt((0.4 * 0.6) / n));
    const indep = independentCoupling(p, q);
    expect(indep.disagreement).toBeCloseTo(1 - (0.05 + 0.09 + 0.06), 14);
  });
});
