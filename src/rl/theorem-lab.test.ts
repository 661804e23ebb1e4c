/**
 * The "break this theorem" labs' exact core: the instance's URL form round-trips every bit and refuses or clamps bad
 * input; each statement's two sides agree with the book's own bound functions (bounds.ts, computed independently);
 * every corrected statement holds on random instances to 1e-12 relative (fast-check, the search's instances and
 * instances pushed to the boxes' corners); the notes' statements fall to the search; the search is deterministic.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from './rng';
import { mixtureBound, trpoBounds } from './bounds';
import { klMean } from './divergence';
import { evaluatePolicy } from './evaluate';
import { policyIteration } from './dp';
import {
  bounds,
  decodeInstance,
  encodeInstance,
  layout,
  parseInstance,
  randomInstance,
  type LabInstance,
} from './theorem-lab';
import { evaluateStatement, STATEMENT_IDS, STATEMENTS } from './theorem-lab-statements';
import { SEARCH_DEFAULTS, TheoremSearch } from './theorem-lab-search';

const arbInstance = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    S: fc.integer({ min: 2, max: 8 }),
    A: fc.integer({ min: 2, max: 3 }),
    gamma: fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.99), fc.double({ min: 0, max: 0.99, noNaN: true })),
    corner: fc.boolean(),
  })
  .map(({ seed, S, A, gamma, corner }): LabInstance => {
    const rng = createRng(seed);
    const inst = randomInstance(rng, S, A, gamma);
    if (corner) {
      // Push a random third of the coordinates to an end of their box: near-deterministic rows, w ∈ {0, 1}.
      const { lo, hi } = bounds(S, A);
      inst.x = inst.x.map((v, i) => (rng.uniform() < 1 / 3 ? (rng.uniform() < 0.5 ? lo[i] : hi[i]) : v));
    }
    return inst;
  });

describe('instance URL form', () => {
  it('round-trips every coordinate bit for bit', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const text = encodeInstance(inst);
        expect(text).toMatch(/^[0-9]\.[0-9]\.[0-9.e-]+\.[A-Za-z0-9_-]+$/);
        const back = parseInstance(text);
        if ('error' in back) throw new Error(back.error);
        expect(back.notices).toEqual([]);
        expect(back.instance.states).toBe(inst.states);
        expect(back.instance.gamma).toBe(inst.gamma);
        expect(back.instance.x).toEqual(inst.x);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses malformed text with a reason and clamps out-of-range numbers', () => {
    const inst = randomInstance(createRng(4), 3, 2, 0.9);
    const text = encodeInstance(inst);
    for (const bad of [
      '',
      'x',
      '9.2.0.9.AAAA',
      '3.4.0.9.AAAA',
      '3.2.0.9.AAAA',
      '3.2.zz.AAAA',
      text + '!',
      'a'.repeat(4000),
    ])
      expect('error' in parseInstance(bad)).toBe(true);
    const big = { ...inst, x: inst.x.map(() => 1e6) };
    const r = parseInstance(encodeInstance({ ...big, gamma: 0.999 }));
    if ('error' in r) throw new Error(r.error);
    expect(r.notices.length).toBe(2);
    expect(r.instance.gamma).toBe(0.99);
    const { hi } = bounds(3, 2);
    expect(r.instance.x).toEqual([...hi]);
    const nan = encodeInstance({ ...inst, x: inst.x.map((v, i) => (i === 5 ? NaN : v)) });
    expect(parseInstance(nan)).toEqual({ error: 'number 6 of the data is not finite' });
  });

  it('decodes to valid stochastic matrices and policies', () => {
    const inst = randomInstance(createRng(9), 5, 3, 0.8);
    const d = decodeInstance(inst);
    expect(() => evaluatePolicy(d.mdp, d.pi)).not.toThrow();
    expect(d.mdp.P[2][4].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(layout(5, 3).length).toBe(inst.x.length);
  });
});

describe('statements against the book’s bound functions', () => {
  it('TRPO: J, L, α, ε, C, KLs and every penalty', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const { mdp, pi, piNew } = decodeInstance(inst);
        const b = trpoBounds(mdp, pi, piNew);
        const tv = evaluateStatement('trpo-tv', 'corrected', inst).quantities;
        const close = (x: number, y: number) =>
          expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x), Math.abs(y)));
        close(tv.J, b.J);
        close(tv.L, b.L);
        close(tv.alpha, b.alpha);
        close(tv.epsMaxA, b.eps);
        close(tv.C, b.C);
        close(tv.bound, b.tvBound);
        close(evaluateStatement('trpo-kl', 'corrected', inst).quantities.bound, b.L - (b.C / 2) * b.klMax);
        const km = klMean(mdp, pi, piNew);
        close(tv.klMean, km);
        // Kakade–Langford's ε is mixtureBound's ε at any weight.
        close(tv.epsKL, mixtureBound(mdp, pi, piNew, 0.5).eps);
        close(evaluateStatement('trpo-tv', 'notes', inst).quantities.penalty, tv.Cnotes * b.alpha ** 2);
        close(evaluateStatement('trpo-mean-kl', 'notes', inst).quantities.penalty, tv.Cnotes * km);
        const g = mdp.gamma;
        close(
          evaluateStatement('trpo-mean-kl', 'corrected', inst).quantities.penalty,
          ((Math.SQRT2 * g * tv.epsKL) / (1 - g) ** 2) * Math.sqrt(km),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('Kakade–Langford and the optimality bound', () => {
    fc.assert(
      fc.property(arbInstance, (inst) => {
        const { mdp, pi, piNew, weight } = decodeInstance(inst);
        const m = mixtureBound(mdp, pi, piNew, weight);
        const q = evaluateStatement('kl-mixture', 'corrected', inst).quantities;
        expect(Math.abs(q.improvement - m.improvement)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(m.improvement)),
        );
        expect(Math.abs(q.bound - m.lowerBound)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(m.lowerBound)),
        );
        const o = evaluateStatement('cpi-optimality', 'corrected', inst).quantities;
        // J* by policy iteration from a different start: the optimum does not depend on it.
        const star = policyIteration(mdp, {
          pi0: pi.map((row) => row.map((_, a) => (a === row.length - 1 ? 1 : 0))),
        });
        const Jstar = mdp.rho0.reduce((acc, r, s) => acc + r * star.V[s], 0);
        expect(Math.abs(o.Jstar - Jstar)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(Jstar)));
        expect(o.gap).toBeGreaterThanOrEqual(-1e-12 * Math.max(1, Math.abs(Jstar)));
        expect(o.mismatch).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the corrected statements hold', () => {
  it('on random instances, to 1e-12 relative', () => {
    fc.assert(
      fc.property(arbInstance, fc.constantFrom(...STATEMENT_IDS), (inst, id) => {
        const v = evaluateStatement(id, 'corrected', inst);
        expect(v.slack).toBeGreaterThanOrEqual(-1e-12 * v.scale);
        expect(v.violated).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('at the tightest instances the search finds (no violation reported)', () => {
    for (const statement of STATEMENT_IDS) {
      const s = new TheoremSearch({
        ...SEARCH_DEFAULTS,
        statement,
        variant: 'corrected',
        seed: 3,
        censusSize: 200,
        restarts: 6,
      });
      while (s.advance(500));
      expect(s.state.firstViolation, statement).toBeNull();
      expect(s.state.censusViolations).toBe(0);
      expect(s.state.best!.value.relative).toBeGreaterThanOrEqual(-1e-12 * s.state.best!.value.scale);
    }
  });
});

describe('the notes’ statements fall', () => {
  it('the search finds a violation of each statement the notes get wrong, and it replays from its URL form', () => {
    for (const statement of STATEMENT_IDS) {
      if (!STATEMENTS[statement].notes) continue;
      const s = new TheoremSearch({ ...SEARCH_DEFAULTS, statement, variant: 'notes', seed: 1, restarts: 4 });
      while (s.advance(500));
      const found = s.state.firstViolation;
      expect(found, statement).not.toBeNull();
      const back = parseInstance(encodeInstance(found!.instance));
      if ('error' in back) throw new Error(back.error);
      const again = evaluateStatement(statement, 'notes', back.instance);
      expect(again.slack).toBe(found!.value.slack);
      expect(again.violated).toBe(true);
      // The same instance satisfies the corrected statement.
      expect(evaluateStatement(statement, 'corrected', back.instance).violated).toBe(false);
    }
  });
});

describe('the search', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const run = (seed: number) => {
      const s = new TheoremSearch({
        ...SEARCH_DEFAULTS,
        statement: 'trpo-tv',
        variant: 'corrected',
        seed,
        censusSize: 50,
        restarts: 2,
        budget: 100,
      });
      while (s.advance(37));
      return s.state;
    };
    const a = run(5);
    const b = run(5);
    expect(a.census).toEqual(b.census);
    expect(a.best!.instance).toEqual(b.best!.instance);
    expect(run(6).census).not.toEqual(a.census);
  });

  it('lowers the slack below the census minimum', () => {
    const s = new TheoremSearch({
      ...SEARCH_DEFAULTS,
      statement: 'trpo-tv',
      variant: 'corrected',
      seed: 2,
      censusSize: 200,
      restarts: 8,
    });
    while (s.advance(1000));
    const censusMin = Math.min(...s.state.census.filter(Number.isFinite));
    expect(s.state.best!.value.relative).toBeLessThan(censusMin);
  });

  it('refuses an invalid configuration', () => {
    expect(
      () =>
        new TheoremSearch({
          ...SEARCH_DEFAULTS,
          statement: 'trpo-tv',
          variant: 'corrected',
          seed: 1,
          maxStates: 9,
        }),
    ).toThrow(/maxStates/);
  });
});
