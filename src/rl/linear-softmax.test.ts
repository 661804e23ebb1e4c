/**
 * Softmax over linear features (linear-softmax.ts) on random MDPs and random features: the gradient against
 * central differences of J, the Fisher matrix against its score-outer-product form, and the two update rules'
 * guarantees (the penalty step never lowers J; the trust-region step keeps mean KL ≤ δ and only moves when L
 * improves).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  evaluatePolicy,
  klMean,
  linearSoftmaxFisher,
  linearSoftmaxGradient,
  linearSoftmaxNaturalGradient,
  linearSoftmaxPolicy,
  penaltyStep,
  surrogate,
  trpoBounds,
  trustRegionStep,
  type Features,
} from './index';
import { arbCase } from './test-utils';

const arbLinear = (maxStates = 8, maxActions = 4, maxGamma = 0.95) =>
  fc
    .tuple(
      arbCase(maxStates, maxActions, maxGamma),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 1e6 }),
    )
    .map(([c, D, seed]) => {
      const rng = createRng(seed);
      const phi: Features = c.mdp.R.map((row) =>
        row.map(() => Array.from({ length: D }, () => rng.normal())),
      );
      const w = Array.from({ length: D }, () => rng.normal());
      return { mdp: c.mdp, phi, w };
    });

describe('softmax over linear features', () => {
  it('∇_w J equals central differences of J(π_w)', () => {
    fc.assert(
      fc.property(arbLinear(), ({ mdp, phi, w }) => {
        const g = linearSoftmaxGradient(mdp, phi, w);
        const J = (v: number[]) => evaluatePolicy(mdp, linearSoftmaxPolicy(phi, v)).J;
        const h = 1e-5;
        const scale = Math.max(1, ...g.map(Math.abs)) / (1 - mdp.gamma);
        w.forEach((_, i) => {
          const fd =
            (J(w.map((x, j) => (j === i ? x + h : x))) - J(w.map((x, j) => (j === i ? x - h : x)))) / (2 * h);
          expect(Math.abs(fd - g[i])).toBeLessThanOrEqual(1e-5 * scale);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('F_w = E_{s∼d, a∼π}[∇log π ∇log πᵀ] (+ ridge), and F_w · natural = ∇J', () => {
    fc.assert(
      fc.property(arbLinear(), ({ mdp, phi, w }) => {
        const D = w.length;
        const pi = linearSoftmaxPolicy(phi, w);
        const { d } = evaluatePolicy(mdp, pi);
        const F = linearSoftmaxFisher(mdp, phi, w, 0);
        // Score form: ∇_w log π(a|s) = φ(s, a) − Σ_b π(b|s) φ(s, b).
        const ref = Array.from({ length: D }, () => new Array<number>(D).fill(0));
        pi.forEach((p, s) =>
          p.forEach((q, a) => {
            const score = phi[s][a].map((f, i) => f - p.reduce((acc, r, b) => acc + r * phi[s][b][i], 0));
            for (let i = 0; i < D; i++)
              for (let j = 0; j < D; j++) ref[i][j] += d[s] * q * score[i] * score[j];
          }),
        );
        const fScale = Math.max(1, ...ref.flat().map(Math.abs));
        F.forEach((row, i) =>
          row.forEach((x, j) => expect(Math.abs(x - ref[i][j])).toBeLessThanOrEqual(1e-9 * fScale)),
        );
        // The natural gradient solves (F + 1e-8 I) x = ∇J.
        const x = linearSoftmaxNaturalGradient(mdp, phi, w);
        const Fr = linearSoftmaxFisher(mdp, phi, w);
        const g = linearSoftmaxGradient(mdp, phi, w);
        const res = Fr.map((row, i) => row.reduce((acc, f, j) => acc + f * x[j], 0) - g[i]);
        const xScale = Math.max(1, ...Fr.flat().map(Math.abs)) * Math.max(1, ...x.map(Math.abs));
        res.forEach((r) => expect(Math.abs(r)).toBeLessThanOrEqual(1e-9 * xScale));
      }),
      { numRuns: 200 },
    );
  });

  it('the penalty step never lowers J, and J(new) ≥ L − C·KLmax ≥ J(old) (minorise–maximise)', () => {
    fc.assert(
      fc.property(arbLinear(6, 3, 0.9), ({ mdp, phi, w }) => {
        const slack = 1e-9 / (1 - mdp.gamma) ** 2;
        const pi = linearSoftmaxPolicy(phi, w);
        const J0 = evaluatePolicy(mdp, pi).J;
        const next = penaltyStep(mdp, phi, w);
        const b = trpoBounds(mdp, pi, linearSoftmaxPolicy(phi, next));
        expect(b.L - b.C * b.klMax).toBeGreaterThanOrEqual(J0 - slack);
        expect(b.J).toBeGreaterThanOrEqual(b.L - b.C * b.klMax - slack);
        expect(b.J).toBeGreaterThanOrEqual(J0 - slack);
      }),
      { numRuns: 100 },
    );
  });

  it('the trust-region step keeps mean KL ≤ δ, and moves only when the surrogate improves on J', () => {
    fc.assert(
      fc.property(
        arbLinear(6, 3, 0.9),
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        ({ mdp, phi, w }, delta) => {
          const pi = linearSoftmaxPolicy(phi, w);
          const next = trustRegionStep(mdp, phi, w, delta);
          const q = linearSoftmaxPolicy(phi, next);
          expect(klMean(mdp, pi, q)).toBeLessThanOrEqual(delta * (1 + 1e-9));
          if (next !== w) expect(surrogate(mdp, pi, q)).toBeGreaterThan(evaluatePolicy(mdp, pi).J);
        },
      ),
      { numRuns: 100 },
    );
  });
});
