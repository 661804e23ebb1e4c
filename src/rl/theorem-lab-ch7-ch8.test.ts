/**
 * Chapters 7 and 8's "break this theorem" statements against independent computations: GAE's bias by the theorem's
 * series over forward state laws (no linear solve), the two-step estimator by two matrix products, the coupled
 * rollouts by `coupledRolloutCurves`, the divergences by `tvDistance` / `klDivergence` and the maximal coupling by
 * its joint. Then the corrected statements hold on random instances, close policy pairs included (fast-check), the
 * bounds are attained or approached where the chapters say (GAE's bound by a constant critic error, Pinsker near
 * π′ = π), and the searches report no violation of a correct statement and find the notes' wrong ones.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from './rng';
import { evaluatePolicy } from './evaluate';
import { klDivergence, tvDistance } from './divergence';
import { coupledRolloutCurves } from './coupled-rollouts';
import { decodeInstance, layout, randomInstance, type LabInstance } from './theorem-lab';
import { evaluateStatement, STATEMENTS, type StatementId } from './theorem-lab-statements';
import { SEARCH_DEFAULTS, TheoremSearch } from './theorem-lab-search';
import { COUPLING_HORIZON } from './theorem-lab-coupling';

const NEW: StatementId[] = [
  'gae-bias',
  'two-step-bias',
  'maximal-coupling',
  'coupled-trajectories',
  'coupled-state-tv',
  'pinsker',
];

const arbInstance = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    S: fc.integer({ min: 2, max: 8 }),
    A: fc.integer({ min: 2, max: 3 }),
    gamma: fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.99), fc.double({ min: 0, max: 0.99, noNaN: true })),
    /** 0: as drawn; 1: π′ within 10^−k of π; 2: λ ∈ {0, 1} and a constant critic error. */
    kind: fc.integer({ min: 0, max: 2 }),
    k: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ seed, S, A, gamma, kind, k }): LabInstance => {
    const rng = createRng(seed);
    const inst = randomInstance(rng, S, A, gamma);
    const L = layout(S, A);
    if (kind === 1)
      for (let i = 0; i < S * A; i++) inst.x[L.thetaNew + i] = inst.x[L.theta + i] + 10 ** -k * rng.normal();
    if (kind === 2) {
      inst.x[L.lambda] = rng.uniform() < 0.5 ? 0 : 1;
      for (let s = 0; s < S; s++) inst.x[L.critic + s] = inst.x[L.critic];
    }
    return inst;
  });

const close = (x: number, y: number, tol: number) =>
  expect(Math.abs(x - y)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(x), Math.abs(y)));

/** The theorem's series: b(s, a) = γ(1 − λ) Σ_{l ≥ 1} (γλ)^{l−1} E[e(s_{t+l}) | s, a], by forward state laws. */
function seriesBias(inst: LabInstance): number {
  const { mdp, pi, lambda, critic } = decodeInstance(inst);
  const n = pi.length;
  const g = mdp.gamma;
  let worst = 0;
  for (let s = 0; s < n; s++)
    for (let a = 0; a < pi[s].length; a++) {
      let law = mdp.P[a][s].slice();
      let sum = 0;
      let w = 1;
      for (let l = 1; l < 5000 && w > 1e-18; l++) {
        sum += w * law.reduce((acc, p, s2) => acc + p * critic[s2], 0);
        w *= g * lambda;
        const next = new Array<number>(n).fill(0);
        for (let s1 = 0; s1 < n; s1++)
          for (let b = 0; b < pi[s1].length; b++)
            for (let s2 = 0; s2 < n; s2++) next[s2] += law[s1] * pi[s1][b] * mdp.P[b][s1][s2];
        law = next;
      }
      worst = Math.max(worst, Math.abs(g * (1 - lambda) * sum));
    }
  return worst;
}

describe('chapter 7 and 8 statements against independent computations', () => {
  it('GAE bias: the estimator’s exact mean agrees with the theorem’s series', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const q = evaluateStatement('gae-bias', 'corrected', inst).quantities;
        close(q.maxBias, seriesBias(inst), 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('two-step estimator: the book’s form has the proposition’s bias; the note’s misprint adds γ(1 − γ)E[V_π(s_{t+2})]', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const { mdp, pi, critic } = decodeInstance(inst);
        const { V, A } = evaluatePolicy(mdp, pi);
        const g = mdp.gamma;
        const n = pi.length;
        // E[f(s_{t+2}) | s, a] by two matrix products.
        const twoAhead = (s: number, a: number, f: number[]) => {
          let acc = 0;
          for (let s1 = 0; s1 < n; s1++)
            for (let b = 0; b < pi[s1].length; b++)
              for (let s2 = 0; s2 < n; s2++) acc += mdp.P[a][s][s1] * pi[s1][b] * mdp.P[b][s1][s2] * f[s2];
          return acc;
        };
        let book = 0;
        let notes = 0;
        for (let s = 0; s < n; s++)
          for (let a = 0; a < pi[s].length; a++) {
            book = Math.max(book, Math.abs(g * g * twoAhead(s, a, critic)));
            const extra = g * (1 - g) * twoAhead(s, a, V) + g * twoAhead(s, a, critic);
            notes = Math.max(notes, Math.abs(extra));
          }
        void A;
        close(evaluateStatement('two-step-bias', 'corrected', inst).quantities.maxBias, book, 1e-10);
        close(evaluateStatement('two-step-bias', 'notes', inst).quantities.maxBias, notes, 1e-10);
      }),
      { numRuns: 60 },
    );
  });

  it('coupled rollouts: the lab’s recursion agrees with coupledRolloutCurves', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const { mdp, pi, piNew } = decodeInstance(inst);
        const rows = coupledRolloutCurves(mdp, pi, piNew, COUPLING_HORIZON);
        const tr = evaluateStatement('coupled-trajectories', 'corrected', inst).quantities;
        const ind = evaluateStatement('coupled-trajectories', 'notes', inst).quantities;
        const st = evaluateStatement('coupled-state-tv', 'corrected', inst).quantities;
        const at = (t: number) => rows[t];
        close(tr.bound, at(tr.t).bound, 1e-12);
        close(tr.disagreeBefore, at(tr.t).disagreeMaximal, 1e-12);
        close(ind.disagreeBefore, at(ind.t).disagreeIndependent, 1e-12);
        close(st.tvState, at(st.t).tvState, 1e-12);
        // The lab picks the step where each statement is tightest.
        // (Only where the reference resolves it: its 1 − Σ masses is rounded relative to 1, not to the bound.)
        for (const r of rows.slice(1)) {
          if (r.bound < 1e-4) continue;
          expect((r.bound - r.disagreeMaximal) / r.bound).toBeGreaterThanOrEqual(
            (tr.bound - tr.disagreeBefore) / tr.bound - 1e-9,
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('divergences from the logits agree with tvDistance and klDivergence; the maximal coupling disagrees with probability D_TV', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const { pi, piNew } = decodeInstance(inst);
        const p = evaluateStatement('pinsker', 'corrected', inst).quantities;
        const s = p.state;
        expect(Math.abs(p.tv - tvDistance(pi[s], piNew[s]))).toBeLessThanOrEqual(1e-13);
        expect(Math.abs(p.kl - klDivergence(pi[s], piNew[s]))).toBeLessThanOrEqual(1e-13);
        const m = evaluateStatement('maximal-coupling', 'corrected', inst);
        expect(Math.abs(m.quantities.disagree - m.quantities.tv)).toBeLessThanOrEqual(1e-14);
        close(m.quantities.m, 1 - m.quantities.tv, 1e-14);
        // The note's Pr(X ≠ Y) = m holds only where D_TV ≥ 1/2.
        const notes = evaluateStatement('maximal-coupling', 'notes', inst);
        const minTv = Math.min(...pi.map((row, k) => tvDistance(row, piNew[k])));
        expect(notes.violated).toBe(minTv < 0.5 - 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the corrected statements of chapters 7 and 8 hold', () => {
  it('on random instances, near-equal policies, λ ∈ {0, 1} and constant critic errors included, to 1e-12 relative', () => {
    fc.assert(
      fc.property(arbInstance, fc.constantFrom(...NEW), (inst, id) => {
        const v = evaluateStatement(id, 'corrected', inst);
        expect(v.slack).toBeGreaterThanOrEqual(-1e-12 * v.scale);
        expect(v.violated).toBe(false);
      }),
      { numRuns: 600 },
    );
  });

  it('GAE’s bound is attained by a constant critic error (relative slack 0 to rounding)', () => {
    const inst = randomInstance(createRng(7), 4, 2, 0.9);
    const L = layout(4, 2);
    inst.x[L.lambda] = 0.5;
    for (let s = 0; s < 4; s++) inst.x[L.critic + s] = 0.7;
    const v = evaluateStatement('gae-bias', 'corrected', inst);
    expect(Math.abs(v.relative)).toBeLessThan(1e-12);
  });

  it('Pinsker is tight near equal distributions: the ratio tends to 1 for an even split (p = ½ ± ε)', () => {
    const inst = randomInstance(createRng(3), 2, 2, 0.9);
    const L = layout(2, 2);
    for (const eps of [1e-1, 1e-3, 1e-5]) {
      // π(·|0) = (½, ½); π′(·|0) = (½ + ε, ½ − ε).
      inst.x.fill(0, L.theta, L.thetaNew + 4);
      inst.x[L.thetaNew + 1] = Math.log((0.5 - eps) / (0.5 + eps));
      const q = evaluateStatement('pinsker', 'corrected', inst).quantities;
      expect(q.state).toBe(0);
      expect(q.tv).toBeCloseTo(eps, 14);
      // D_KL(π‖π′) = −½ log(1 − 4ε²) = 2ε² + O(ε⁴), so D_TV/√(D_KL/2) = 1 − O(ε²).
      const exact = eps / Math.sqrt(-Math.log1p(-4 * eps * eps) / 4);
      expect(Math.abs(q.ratio - exact)).toBeLessThan(1e-12);
      expect(1 - q.ratio).toBeLessThan(1.1 * eps * eps);
    }
  });

  it('the searches report no violation and reach the tight cases', () => {
    for (const statement of NEW) {
      const s = new TheoremSearch({
        ...SEARCH_DEFAULTS,
        statement,
        variant: 'corrected',
        seed: 4,
        censusSize: 200,
        restarts: 6,
      });
      while (s.advance(500));
      expect(s.state.firstViolation, statement).toBeNull();
      expect(s.state.censusViolations).toBe(0);
      const best = s.state.best!.value;
      expect(best.relative, statement).toBeGreaterThanOrEqual(-1e-12 * best.scale);
      if (statement === 'pinsker') expect(best.quantities.ratio).toBeGreaterThan(1 - 1e-6);
      if (statement === 'gae-bias') expect(best.relative).toBeLessThan(1e-6);
    }
  });
});

describe('the notes’ statements of chapters 7 and 8 fall', () => {
  it('within the first few evaluations of the census', () => {
    for (const statement of NEW) {
      if (!STATEMENTS[statement].notes) continue;
      const s = new TheoremSearch({ ...SEARCH_DEFAULTS, statement, variant: 'notes', seed: 1, restarts: 0 });
      while (s.advance(500));
      expect(s.state.firstViolation, statement).not.toBeNull();
      expect(s.state.firstViolation!.evaluations).toBeLessThan(50);
      expect(evaluateStatement(statement, 'corrected', s.state.firstViolation!.instance).violated).toBe(
        false,
      );
    }
  });
});
