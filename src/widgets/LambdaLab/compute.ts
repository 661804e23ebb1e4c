/**
 * Bias, variance and mean squared error of GAE(γ, λ) on a small MDP, with an approximate critic V̂ = V + noise.
 * The target of Â_t is Q(s_t, a_t) − V̂(s_t): the exact advantage up to a function of the state, which is all the
 * policy gradient sees (chapter 2's baselines).
 */
import {
  createRng,
  evaluatePolicy,
  gaeFromTrajectory,
  randomMDP,
  randomTheta,
  sampleTrajectory,
  softmaxPolicy,
} from '@/rl';

export type LambdaRow = {
  lambda: number;
  bias2: number;
  variance: number;
  mse: number;
};

export function lambdaSweep(seed: number, noise: number, trajectories: number, gamma = 0.9): LambdaRow[] {
  const states = 5;
  const mdp = randomMDP(seed, { states, actions: 2, gamma });
  const pi = softmaxPolicy(randomTheta(seed + 1, states, 2));
  const { V, A } = evaluatePolicy(mdp, pi);
  const noiseRng = createRng(seed + 2);
  const Vhat = V.map((v) => v + noise * noiseRng.normal());
  const rng = createRng(seed + 3);
  const horizon = 80;
  const lookAt = 10; // estimate A(s_t, a_t) for t < 10, far from the bootstrapped end of the trajectory
  const trajs = Array.from({ length: trajectories }, () => sampleTrajectory(mdp, pi, rng, { horizon }));
  const lambdas = Array.from({ length: 21 }, (_, i) => i / 20);
  return lambdas.map((lambda) => {
    // Errors grouped by (s, a): bias is the mean error of a pair, variance the spread around it.
    const sum = new Float64Array(states * 2);
    const sq = new Float64Array(states * 2);
    const cnt = new Float64Array(states * 2);
    for (const tr of trajs) {
      const est = gaeFromTrajectory(tr, Vhat, gamma, lambda);
      for (let t = 0; t < lookAt; t++) {
        const k = tr.states[t] * 2 + tr.actions[t];
        // Target Q(s,a) − V̂(s): an error that depends on the state alone acts as a baseline and does not bias
        // the policy gradient, so only the rest counts (this is what makes λ = 1 unbiased for any V̂).
        const s = tr.states[t];
        const e = est[t] - (A[s][tr.actions[t]] + V[s] - Vhat[s]);
        sum[k] += e;
        sq[k] += e * e;
        cnt[k] += 1;
      }
    }
    let total = 0;
    let bias2 = 0;
    let mse = 0;
    for (let k = 0; k < sum.length; k++) {
      if (!cnt[k]) continue;
      const m = sum[k] / cnt[k];
      bias2 += cnt[k] * m * m;
      mse += sq[k];
      total += cnt[k];
    }
    bias2 /= total;
    mse /= total;
    return { lambda, bias2, variance: mse - bias2, mse };
  });
}
