import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bradleyTerryMle,
  createRng,
  dpoLoss,
  dpoPopulationLoss,
  implicitReward,
  klRegularizedOptimum,
  randomDistribution,
  rewardModelLoss,
  sigmoid,
  winRate,
  type Preference,
  type Rng,
} from './index';

/** Random prompts with K responses each, a reference policy, a hidden reward and preference pairs. */
const arbData = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    X: fc.integer({ min: 1, max: 4 }),
    K: fc.integer({ min: 2, max: 6 }),
    N: fc.integer({ min: 1, max: 40 }),
    beta: fc.double({ min: 0.05, max: 5, noNaN: true }),
  })
  .map(({ seed, X, K, N, beta }) => {
    const rng = createRng(seed);
    const ref = Array.from({ length: X }, () => randomDistribution(rng, K).map((p) => 0.9 * p + 0.1 / K));
    const rStar = Array.from({ length: X }, () => Array.from({ length: K }, () => 2 * rng.normal()));
    const theta = Array.from({ length: X }, () => Array.from({ length: K }, () => rng.normal()));
    const pairs: Preference[] = Array.from({ length: N }, () => samplePair(rng, X, K, rStar));
    return { rng, X, K, ref, rStar, theta, pairs, beta };
  });

function samplePair(rng: Rng, X: number, K: number, r: number[][]): Preference {
  const x = rng.int(X);
  const a = rng.int(K);
  const b = (a + 1 + rng.int(K - 1)) % K;
  return rng.uniform() < sigmoid(r[x][a] - r[x][b]) ? { x, w: a, l: b } : { x, w: b, l: a };
}

function finiteDifference(f: (t: number[][]) => number, t: number[][], h = 1e-6): number[][] {
  return t.map((row, x) =>
    row.map((_, y) => {
      const plus = t.map((r) => r.slice());
      const minus = t.map((r) => r.slice());
      plus[x][y] += h;
      minus[x][y] -= h;
      return (f(plus) - f(minus)) / (2 * h);
    }),
  );
}

const maxDiff = (a: number[][], b: number[][]) =>
  Math.max(...a.flatMap((row, x) => row.map((v, y) => Math.abs(v - b[x][y]))));

describe('Bradley–Terry reward model', () => {
  it('the negative log-likelihood has the stated gradient (finite differences)', () => {
    fc.assert(
      fc.property(arbData, ({ rStar, theta, pairs }) => {
        const { grad } = rewardModelLoss(theta, pairs);
        const fd = finiteDifference((t) => rewardModelLoss(t, pairs).loss, theta);
        expect(maxDiff(grad, fd)).toBeLessThan(1e-7);
        expect(rewardModelLoss(rStar, pairs).loss).toBeGreaterThan(0);
      }),
    );
  });

  it('is unchanged by adding a constant per prompt: rewards are identified only up to c(x)', () => {
    fc.assert(
      fc.property(arbData, ({ theta, pairs, rng }) => {
        const shifted = theta.map((row) => {
          const c = 10 * rng.normal();
          return row.map((v) => v + c);
        });
        expect(
          Math.abs(rewardModelLoss(shifted, pairs).loss - rewardModelLoss(theta, pairs).loss),
        ).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('DPO', () => {
  it('its gradient is −(β/N) σ(ĥ_l − ĥ_w)(e_w − e_l) per pair (finite differences)', () => {
    fc.assert(
      fc.property(arbData, ({ theta, ref, pairs, beta }) => {
        const { grad } = dpoLoss(theta, ref, pairs, beta);
        const fd = finiteDifference((t) => dpoLoss(t, ref, pairs, beta).loss, theta);
        expect(maxDiff(grad, fd)).toBeLessThan(1e-7 * Math.max(1, beta));
      }),
    );
  });

  it('is the reward model’s loss evaluated at the implicit reward β log(π_θ/π_ref)', () => {
    fc.assert(
      fc.property(arbData, ({ theta, ref, pairs, beta }) => {
        const h = implicitReward(theta, ref, beta);
        expect(Math.abs(dpoLoss(theta, ref, pairs, beta).loss - rewardModelLoss(h, pairs).loss)).toBeLessThan(
          1e-12,
        );
      }),
    );
  });

  it('at π = π*_r the implicit reward is r − β log Z(x): the same Bradley–Terry probabilities as r', () => {
    fc.assert(
      fc.property(arbData, ({ ref, rStar, beta }) => {
        const opt = ref.map((row, x) => klRegularizedOptimum(row, rStar[x], beta));
        const theta = opt.map((o) => o.pi.map(Math.log));
        const h = implicitReward(theta, ref, beta);
        h.forEach((row, x) =>
          row.forEach((v, y) => expect(Math.abs(v - (rStar[x][y] - beta * opt[x].logZ))).toBeLessThan(1e-9)),
        );
      }),
    );
  });

  it('the population loss has its minimum at π*: zero gradient there, and higher loss at perturbed logits', () => {
    fc.assert(
      fc.property(arbData, ({ ref, rStar, beta, theta: noise, K, X }) => {
        // Every ordered pair of distinct responses compared with equal weight.
        const weight = Array.from({ length: X }, () =>
          Array.from({ length: K }, (_, a) => Array.from({ length: K }, (_, b) => (a === b ? 0 : 1))),
        );
        const star = ref.map((row, x) => row.map((p, y) => Math.log(p) + rStar[x][y] / beta));
        const at = dpoPopulationLoss(star, ref, rStar, weight, beta);
        expect(Math.max(...at.grad.flat().map(Math.abs))).toBeLessThan(1e-9 * Math.max(1, beta) * K * K);
        const moved = star.map((row, x) => row.map((v, y) => v + 0.1 * noise[x][y]));
        // Moving every logit of a prompt by the same amount changes nothing; anything else costs.
        const spread = noise.some((row) => Math.max(...row) - Math.min(...row) > 1e-3);
        if (spread) expect(dpoPopulationLoss(moved, ref, rStar, weight, beta).loss).toBeGreaterThan(at.loss);
        const fd = finiteDifference((t) => dpoPopulationLoss(t, ref, rStar, weight, beta).loss, moved);
        expect(maxDiff(dpoPopulationLoss(moved, ref, rStar, weight, beta).grad, fd)).toBeLessThan(
          1e-6 * K * K,
        );
      }),
    );
  });
});

describe('win rate against the reference', () => {
  it('is 1/2 for π_ref itself and at least 1/2 for π* (rewards tilted towards the better responses)', () => {
    fc.assert(
      fc.property(arbData, ({ ref, rStar, beta }) => {
        expect(Math.abs(winRate(ref[0], ref[0], rStar[0]) - 0.5)).toBeLessThan(1e-12);
        const o = klRegularizedOptimum(ref[0], rStar[0], beta);
        expect(winRate(o.pi, ref[0], rStar[0])).toBeGreaterThanOrEqual(0.5 - 1e-12);
      }),
    );
  });
});

describe('Bradley–Terry maximum likelihood', () => {
  const winsOf = (pairs: Preference[], x: number, K: number) => {
    const w = Array.from({ length: K }, () => new Array<number>(K).fill(0));
    for (const p of pairs) if (p.x === x) w[p.w][p.l]++;
    return w;
  };

  it('when it exists, the DPO gradient on the data vanishes at π*_{r̂}: DPO’s minimiser on a finite dataset', () => {
    fc.assert(
      fc.property(arbData, ({ ref, rStar, rng, X, K, beta }) => {
        const pairs = Array.from({ length: 60 * K }, () => samplePair(rng, X, K, rStar));
        const mles = ref.map((_, x) => bradleyTerryMle(winsOf(pairs, x, K)));
        fc.pre(mles.every((m) => m.finite && m.compared.every(Boolean)));
        const theta = ref.map((row, x) => row.map((p, y) => Math.log(p) + mles[x].reward[y] / beta));
        const { grad } = dpoLoss(theta, ref, pairs, beta);
        expect(Math.max(...grad.flat().map(Math.abs))).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('approaches the hidden reward (centred) as the data grow, and does not exist when one response wins every comparison', () => {
    const rng = createRng(7);
    const rStar = [[0.5, -1, 1.5, 0]];
    const pairs = Array.from({ length: 40000 }, () => samplePair(rng, 1, 4, rStar));
    const m = bradleyTerryMle(winsOf(pairs, 0, 4));
    const centred = rStar[0].map((v) => v - 0.25);
    m.reward.forEach((v, y) => expect(Math.abs(v - centred[y])).toBeLessThan(0.05));
    const sweep = [
      [0, 3, 2],
      [0, 0, 1],
      [0, 1, 0],
    ]; // response 0 never loses
    expect(bradleyTerryMle(sweep).finite).toBe(false);
  });
});
