/**
 * The numbers the second edition's errata and corrections quote (the chapters' `<Erratum>` blocks), each recomputed
 * here in float64 so that the prose cannot drift from the code.
 */
import { describe, expect, it } from 'vitest';
import {
  createRng,
  evaluatePolicy,
  greedyPolicy,
  gridWorld,
  randomMDP,
  randomTheta,
  softmaxPolicy,
  softmaxPolicyGradient,
  valueIteration,
} from './index';
import { clipDrift } from './clip-drift';
import { normalCdf, simpson } from './normal';
import type { MDP } from './types';

describe('chapter 4: a policy advantage of zero is not optimality on the visited states', () => {
  // Actions: 0 = stay (state 0) / bad (state 1), 1 = go (state 0) / good (state 1).
  const mdp: MDP = {
    P: [
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0, 1],
        [0, 1],
      ],
    ],
    R: [
      [0, 0],
      [-1, 1],
    ],
    rho0: [1, 0],
    gamma: 0.9,
  };
  const pi = [
    [1, 0],
    [1, 0],
  ];
  it('policy advantage 0, yet V*(0) = 9 at the only visited state', () => {
    const ev = evaluatePolicy(mdp, pi);
    expect(ev.V[0]).toBeCloseTo(0, 12);
    expect(ev.V[1]).toBeCloseTo(-10, 12);
    expect(ev.A[0][1]).toBeCloseTo(-9, 12);
    expect(ev.d).toEqual([1, 0]);
    const greedy = greedyPolicy(ev.Q);
    let policyAdvantage = 0;
    for (let s = 0; s < 2; s++)
      for (let a = 0; a < 2; a++) policyAdvantage += ev.d[s] * greedy[s][a] * ev.A[s][a];
    expect(policyAdvantage).toBe(0);
    expect(Math.max(...ev.A[1])).toBeCloseTo(2, 12); // the improvement sits at the unvisited state
    const vi = valueIteration(mdp, { tol: 1e-13 });
    expect(vi.V[0]).toBeCloseTo(9, 9);
    expect(vi.V[0] - ev.V[0]).toBeCloseTo(9, 9);
  });
});

describe('chapter 6: the clip is not a trust region (one shared parameter)', () => {
  const rows = clipDrift({ piOld: [0.01, 0.9], advantage: [1, 1], eps: 0.2, lr: 1, epochs: 100 });
  it('the s2 sample never clips, and drags the s1 ratio far past 1 + ε', () => {
    for (const r of rows) {
      expect(r.ratio[1]).toBeLessThan(1 / 0.9);
      expect(r.active[1]).toBe(true);
    }
    expect(rows[1].active[0]).toBe(false);
    expect(rows[1].ratio[0]).toBeCloseTo(1.7122, 4);
    expect(rows[10].ratio[0]).toBeCloseTo(2.2016, 4);
    expect(rows[100].ratio[0]).toBeCloseTo(7.0816, 4);
    expect(rows[100].ratio[1]).toBeCloseTo(1.095, 3);
    // The ratio keeps growing: every step after the first is driven by the s2 sample alone.
    for (let k = 2; k <= 100; k++) expect(rows[k].ratio[0]).toBeGreaterThan(rows[k - 1].ratio[0]);
  });
});

describe('chapter 1: the figures of value iteration on the default grid and of the Bellman check', () => {
  const cells = [...'eeeegeweepeeeeeeseee'];
  const where = (k: string) => cells.flatMap((c, i) => (c === k ? [i] : []));
  const world = gridWorld({
    width: 5,
    height: 4,
    walls: where('w'),
    goals: where('g'),
    pits: where('p'),
    start: cells.indexOf('s'),
    slip: 0.1,
    stepReward: -0.04,
    gamma: 0.9,
  });
  const exact = valueIteration(world.mdp, { tol: 1e-13, maxIter: 20000 });
  const vi = valueIteration(world.mdp, { tol: 0, maxIter: 60, keepHistory: true });
  const err = vi.history!.map((V) => Math.max(...V.map((v, i) => Math.abs(v - exact.V[i]))));
  it('the 43rd sweep is the first that changes nothing', () => {
    expect(vi.iterations).toBe(43);
    expect(vi.residuals[41]).toBeGreaterThan(0); // sweep 42 still moved a value
    expect(vi.residuals[42]).toBe(0); // sweep 43 did not
  });
  it('0.342 is the asymptotic rate; single sweeps alternate around it', () => {
    expect((err[9] / err[8]).toFixed(3)).toBe('0.274');
    expect((err[10] / err[9]).toFixed(3)).toBe('0.516');
    expect((err[29] / err[28]).toFixed(3)).toBe('0.330');
    expect((err[30] / err[29]).toFixed(3)).toBe('0.351');
    expect(Math.pow(err[32] / err[8], 1 / 24).toFixed(3)).toBe('0.346');
  });
  it('the Bellman check at γ = 0.99: r_max/(1 − γ) = 76.9', () => {
    const mdp = randomMDP(4, { states: 5, actions: 2, gamma: 0.99 });
    const rmax = Math.max(...mdp.R.flat().map(Math.abs));
    expect(rmax.toFixed(3)).toBe('0.769');
    expect((rmax / (1 - 0.99)).toFixed(1)).toBe('76.9');
  });
});

describe("chapter 3: note 001's surrogate on the surrogate widget's default MDP", () => {
  it('slope of J 1.077; (J − J(π) − 𝔸)/t → 0.969 = γ × slope', () => {
    const gamma = 0.9;
    const mdp = randomMDP(6, { states: 6, actions: 3, gamma });
    const theta = randomTheta(7, 6, 3);
    const rng = createRng(8);
    const dir = theta.map((r) => r.map(() => rng.normal()));
    const pi = softmaxPolicy(theta);
    const ev = evaluatePolicy(mdp, pi);
    const g = softmaxPolicyGradient(mdp, theta);
    const slope = g.reduce((acc, r, s) => acc + r.reduce((b, x, a) => b + x * dir[s][a], 0), 0);
    expect(slope.toFixed(3)).toBe('1.077');
    const noteGap = (t: number) => {
      const q = softmaxPolicy(theta.map((r, s) => r.map((x, a) => x + t * dir[s][a])));
      let adv = 0; // note 001's policy advantage, an expectation under the normalised d_π
      for (let s = 0; s < 6; s++) for (let a = 0; a < 3; a++) adv += ev.d[s] * q[s][a] * ev.A[s][a];
      return (evaluatePolicy(mdp, q).J - ev.J - adv) / t;
    };
    expect(noteGap(1e-6).toFixed(3)).toBe('0.969');
    expect(Math.abs(noteGap(1e-6) - gamma * slope)).toBeLessThan(1e-5);
  });
});

describe('chapter 5: total variation between Gaussians with a common variance', () => {
  it('equals 2Φ(Δ/2) − 1, checked by quadrature of ½∫|p − q|', () => {
    const pdf = (x: number, m: number, s: number) =>
      Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
    for (const [m1, m2, s] of [
      [0, 1, 1],
      [0.3, -0.2, 0.5],
      [2, 5, 2],
    ]) {
      const mid = (m1 + m2) / 2; // the densities cross here; split the integral there
      const lo = Math.min(m1, m2) - 12 * s;
      const hi = Math.max(m1, m2) + 12 * s;
      const f = (x: number) => 0.5 * Math.abs(pdf(x, m1, s) - pdf(x, m2, s));
      const tv = simpson(f, lo, mid, 4000) + simpson(f, mid, hi, 4000);
      expect(Math.abs(tv - (2 * normalCdf(Math.abs(m1 - m2) / (2 * s)) - 1))).toBeLessThan(1e-10);
    }
  });
});
