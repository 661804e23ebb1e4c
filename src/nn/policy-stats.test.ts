import { describe, expect, it } from 'vitest';
import {
  EpisodeLog,
  explainedVariance,
  permutation,
  policyDistance,
  ratioHistogram,
  sampleRows,
  softmaxRows,
} from './policy-stats';
import { gaeInPlace } from './gae';
import { makeRng } from './rl-bridge';

describe('policy statistics', () => {
  it('softmax rows sum to one and sampling follows the probabilities', () => {
    const logits = Float32Array.from([0, Math.log(3), 2, 2]);
    const p = new Float32Array(4);
    softmaxRows(logits, 2, 2, p);
    expect(p[0]).toBeCloseTo(0.25, 6);
    expect(p[2]).toBeCloseTo(0.5, 6);
    const rng = makeRng(1);
    const acts = new Int32Array(1);
    let ones = 0;
    for (let k = 0; k < 20000; k++) {
      sampleRows(p, 1, 2, () => rng.uniform(), acts);
      ones += acts[0];
    }
    expect(ones / 20000).toBeGreaterThan(0.73);
    expect(ones / 20000).toBeLessThan(0.77);
  });

  it('TV and KL between consecutive policies: hand values, mean and max', () => {
    const oldP = Float32Array.from([0.5, 0.5, 0.9, 0.1]);
    const newP = Float32Array.from([0.5, 0.5, 0.6, 0.4]);
    const d = policyDistance(oldP, newP, 2, 2);
    expect(d.tvMax).toBeCloseTo(0.3, 6);
    expect(d.tvMean).toBeCloseTo(0.15, 6);
    const kl = 0.9 * Math.log(0.9 / 0.6) + 0.1 * Math.log(0.1 / 0.4);
    expect(d.klMax).toBeCloseTo(kl, 5);
    expect(d.klMean).toBeCloseTo(kl / 2, 5);
    // Pinsker: TV ≤ sqrt(KL / 2) on each state
    expect(d.tvMax).toBeLessThanOrEqual(Math.sqrt(d.klMax / 2) + 1e-6);
  });

  it('ratio histogram puts every sample in exactly one bin', () => {
    const oldP = Float32Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const newP = Float32Array.from([0.1, 0.9, 0.5, 0.5, 0.9, 0.1]);
    const h = ratioHistogram(oldP, newP, Int32Array.from([0, 0, 0]), 3, 2);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(h.counts[0]).toBe(1); // ratio 0.2
    expect(h.counts[h.counts.length - 1]).toBe(1); // ratio 1.8
    expect(h.counts[1 + 10]).toBe(1); // ratio 1.0 in [1.0, 1.05)
  });

  it('explained variance is 1 for perfect predictions and 0 for the mean', () => {
    const y = Float32Array.from([1, 2, 3, 4]);
    expect(explainedVariance(y, y)).toBeCloseTo(1, 9);
    expect(explainedVariance(Float32Array.from([2.5, 2.5, 2.5, 2.5]), y)).toBeCloseTo(0, 6);
  });

  it('permutation is a permutation', () => {
    const rng = makeRng(9);
    const p = Array.from(permutation(50, rng)).sort((a, b) => a - b);
    expect(p).toEqual(Array.from({ length: 50 }, (_, k) => k));
  });

  it('episode log keeps the last 20 returns', () => {
    const log = new EpisodeLog();
    for (let k = 1; k <= 30; k++) log.push(k, k);
    expect(log.count).toBe(30);
    expect(log.mean20()).toBe((11 + 30) / 2);
  });
});

describe('GAE', () => {
  it('matches the definition on a two-env rollout with an episode end', () => {
    // env 0: ends at t = 1; env 1: runs through. numSteps 3, numEnvs 2, layout [t][e].
    const rewards = Float32Array.from([1, 1, 1, 1, 1, 1]);
    const values = Float32Array.from([0.5, 0.2, 0.4, 0.1, 0.3, 0.6]);
    const done = Uint8Array.from([0, 0, 1, 0, 0, 0]);
    const last = Float32Array.from([0.7, 0.8]);
    const g = 0.9;
    const l = 0.8;
    const adv = new Float32Array(6);
    const ret = new Float32Array(6);
    gaeInPlace(rewards, values, done, last, 2, 3, g, l, adv, ret);
    // env 0 by hand
    const d2 = 1 + g * 0.7 - 0.3; // t=2 (new episode), bootstraps from last value
    const d1 = 1 - 0.4; // t=1 terminal
    const d0 = 1 + g * 0.4 - 0.5;
    expect(adv[4]).toBeCloseTo(d2, 6);
    expect(adv[2]).toBeCloseTo(d1, 6);
    expect(adv[0]).toBeCloseTo(d0 + g * l * d1, 6);
    // env 1 by hand
    const e2 = 1 + g * 0.8 - 0.6;
    const e1 = 1 + g * 0.6 - 0.1;
    const e0 = 1 + g * 0.1 - 0.2;
    expect(adv[5]).toBeCloseTo(e2, 6);
    expect(adv[3]).toBeCloseTo(e1 + g * l * e2, 6);
    expect(adv[1]).toBeCloseTo(e0 + g * l * (e1 + g * l * e2), 6);
    for (let k = 0; k < 6; k++) expect(ret[k]).toBeCloseTo(adv[k] + values[k], 6);
  });
});

describe('GAE agrees with src/rl', () => {
  it('the rollout convention (γ·V(final obs) folded into a truncated step) equals rl.gae with its flags', async () => {
    const { gae } = await import('@/rl');
    const rng = makeRng(11);
    const N = 3;
    const T = 40;
    const n = N * T;
    const rewards = new Float32Array(n).map(() => rng.uniform());
    const values = new Float32Array(n).map(() => rng.normal());
    const term = new Uint8Array(n).map(() => (rng.uniform() < 0.08 ? 1 : 0));
    const trunc = new Uint8Array(n).map((_, i) => (!term[i] && rng.uniform() < 0.05 ? 1 : 0));
    const finalV = new Float32Array(n).map(() => rng.normal()); // V(final obs) where truncated
    const lastV = new Float32Array(N).map(() => rng.normal());
    const gamma = 0.97;
    const lambda = 0.9;
    // rl.gae wants V(s_{t+1}) of the true next observation per step.
    const nextValues = new Float64Array(n);
    for (let t = 0; t < T; t++)
      for (let e = 0; e < N; e++) {
        const i = t * N + e;
        nextValues[i] = trunc[i] ? finalV[i] : t === T - 1 ? lastV[e] : values[i + N];
      }
    const ref = gae({
      rewards,
      values,
      nextValues,
      terminated: term,
      truncated: trunc,
      numEnvs: N,
      gamma,
      lambda,
    });
    const folded = rewards.map((r, i) => (trunc[i] ? r + gamma * finalV[i] : r));
    const done = term.map((x, i) => (x || trunc[i] ? 1 : 0));
    const adv = new Float32Array(n);
    const ret = new Float32Array(n);
    gaeInPlace(folded, values, done, lastV, N, T, gamma, lambda, adv, ret);
    for (let i = 0; i < n; i++) {
      expect(adv[i]).toBeCloseTo(ref.advantages[i], 4);
      expect(ret[i]).toBeCloseTo(ref.returns[i], 4);
    }
  });
});
