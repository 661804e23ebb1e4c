import { describe, expect, it } from 'vitest';
import {
  evaluatePolicy,
  gridWorld,
  performanceDifference,
  policyIteration,
  randomMDP,
  randomTheta,
  softmaxJ,
  softmaxPolicy,
  softmaxPolicyGradient,
  softmaxNaturalGradient,
  surrogate,
  validateMDP,
  validatePolicy,
  valueIteration,
  type MDP,
} from './index';

/** pymdptoolbox's mdptoolbox.example.forest(S=3, r1=4, r2=2, p=0.1): action 0 = wait, 1 = cut. */
function forest(): MDP {
  const p = 0.1;
  return {
    P: [
      [
        [p, 1 - p, 0],
        [p, 0, 1 - p],
        [p, 0, 1 - p],
      ],
      [
        [1, 0, 0],
        [1, 0, 0],
        [1, 0, 0],
      ],
    ],
    R: [
      [0, 0],
      [0, 1],
      [4, 2],
    ],
    rho0: [1, 0, 0],
    gamma: 0.9,
  };
}

describe('known answers', () => {
  it('forest management at gamma 0.9: V* = (26.244, 29.484, 33.484) with the all-wait policy', () => {
    const pi = policyIteration(forest());
    expect(pi.policy).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    [26.244, 29.484, 33.484].forEach((v, s) => expect(pi.V[s]).toBeCloseTo(v, 9));
    const vi = valueIteration(forest(), { tol: 1e-12 });
    vi.V.forEach((v, s) => expect(v).toBeCloseTo(pi.V[s], 8));
    expect(vi.policy).toEqual(pi.policy);
  });

  it('a two-state chain evaluated by hand', () => {
    // State 0 pays 1 and moves to 1; state 1 pays 0 and stays. V1 = 0, V0 = 1; rho = (1, gamma/(1-gamma)).
    const mdp: MDP = {
      P: [
        [
          [0, 1],
          [0, 1],
        ],
      ],
      R: [[1], [0]],
      rho0: [1, 0],
      gamma: 0.5,
    };
    const ev = evaluatePolicy(mdp, [[1], [1]]);
    expect(ev.V).toEqual([1, 0]);
    expect(ev.rho[0]).toBeCloseTo(1, 14);
    expect(ev.rho[1]).toBeCloseTo(1, 14);
    expect(ev.J).toBe(1);
  });

  it('a two-state, two-action MDP: the greedy policy and its values solved by hand', () => {
    // Action 0 stays (reward 0 in s0, 1 in s1), action 1 switches (reward 0). Optimal: go to s1 and stay.
    const mdp: MDP = {
      P: [
        [
          [1, 0],
          [0, 1],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ],
      R: [
        [0, 0],
        [1, 0],
      ],
      rho0: [0.5, 0.5],
      gamma: 0.9,
    };
    const pi = policyIteration(mdp);
    expect(pi.policy).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(pi.V[1]).toBeCloseTo(10, 10);
    expect(pi.V[0]).toBeCloseTo(9, 10);
  });

  it('gridworld: the goal is worth its reward and values decrease with distance', () => {
    const g = gridWorld({
      width: 4,
      height: 3,
      walls: [5],
      goals: [3],
      pits: [7],
      start: 8,
      gamma: 0.9,
      stepReward: 0,
    });
    const { V } = valueIteration(g.mdp, { tol: 1e-12 });
    expect(V[2]).toBeCloseTo(1, 10); // one step from the goal: the entry reward
    expect(V[1]).toBeCloseTo(0.9, 10);
    expect(V[0]).toBeCloseTo(0.81, 10);
    expect(V[3]).toBe(0); // absorbing after entry
    expect(g.stateAt(...g.coords(6))).toBe(6);
    expect(g.cells[5]).toBe('wall');
  });

  it('gridworld: slip spreads mass uniformly, walls block, and bad specs are rejected', () => {
    const g = gridWorld({ width: 3, height: 1, goal: 2, slip: 0.4, stepReward: 0 });
    // From cell 0 choosing right: 0.6 + 0.1 right; up, down, left bump into the border and stay.
    expect(g.mdp.P[1][0][1]).toBeCloseTo(0.7, 15);
    expect(g.mdp.P[1][0][0]).toBeCloseTo(0.3, 15);
    expect(g.cells[2]).toBe('goal');
    expect(() => gridWorld({ width: 2, height: 2, pits: [4] })).toThrow(/cell 4 is outside the 2 × 2 grid/);
    expect(() => gridWorld({ width: 2, height: 2, slip: 2 })).toThrow(/slip = 2 is outside/);
  });
});

describe('validation', () => {
  it('rejects bad input with clear messages', () => {
    const good = forest();
    expect(() => validateMDP({ ...good, gamma: 1 })).toThrow(/gamma = 1 is outside \[0, 1\)/);
    expect(() => validateMDP({ ...good, rho0: [0.5, 0.5, 0.5] })).toThrow(/rho0 sums to 1.5/);
    expect(() => validateMDP({ ...good, R: [[0, 0]] })).toThrow(/R has 1 rows but there are 3 states/);
    const P = structuredClone(good.P);
    P[1][2][0] = Number.NaN;
    expect(() => validateMDP({ ...good, P })).toThrow(/P\[1\]\[2\]\[0\] is not a number/);
    P[1][2] = [1.5, -0.5, 0];
    expect(() => validateMDP({ ...good, P })).toThrow(/is negative/);
    expect(() => validatePolicy([[1, 0]], 3, 2)).toThrow(/should have 3 rows/);
    expect(() =>
      evaluatePolicy(good, [
        [0.5, 0.6],
        [1, 0],
        [1, 0],
      ]),
    ).toThrow(/pi\[0\] sums to 1.1/);
    expect(() =>
      validatePolicy(
        [
          [1, 0],
          [Number.NaN, 1],
          [1, 0],
        ],
        3,
        2,
      ),
    ).toThrow(/pi\[1\]\[0\] is not a number/);
    expect(() => validatePolicy([[1], [1], [1]], 3, 2)).toThrow(/pi\[0\] should have 2 entries/);
    expect(() => validateMDP({ ...good, gamma: -0.1 })).toThrow(/outside \[0, 1\)/);
    expect(() => validateMDP({ ...good, gamma: Number.NaN })).toThrow(/outside \[0, 1\)/);
  });
});

describe('policy gradient', () => {
  it('the exact gradient agrees with central finite differences to 1e-6', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const mdp = randomMDP(seed, { states: 6, actions: 3, gamma: 0.9 });
      const theta = randomTheta(seed + 100, 6, 3);
      const g = softmaxPolicyGradient(mdp, theta);
      const h = 1e-5;
      for (let s = 0; s < 6; s++) {
        for (let a = 0; a < 3; a++) {
          const tp = theta.map((r) => r.slice());
          const tm = theta.map((r) => r.slice());
          tp[s][a] += h;
          tm[s][a] -= h;
          const fd = (softmaxJ(mdp, tp) - softmaxJ(mdp, tm)) / (2 * h);
          expect(Math.abs(fd - g[s][a])).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('the performance difference lemma holds to 1e-9, in every form of its proof', () => {
    const mdp = randomMDP(7, { states: 10, actions: 4, gamma: 0.95 });
    const pi = softmaxPolicy(randomTheta(1, 10, 4));
    const piNew = softmaxPolicy(randomTheta(2, 10, 4));
    const r = performanceDifference(mdp, pi, piNew);
    for (const v of [r.rhs, r.returnMinusValue, r.telescoping, r.qForm, r.normalisedForm]) {
      expect(Math.abs(v - r.lhs)).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.lhs)));
    }
    expect(surrogate(mdp, pi, pi)).toBeCloseTo(evaluatePolicy(mdp, pi).J, 12);
  });
});

describe('natural gradient', () => {
  it('for the tabular softmax it is the advantage / (1 - gamma), centred per state', () => {
    const mdp = randomMDP(31, { states: 5, actions: 3, gamma: 0.9 });
    const theta = randomTheta(32, 5, 3);
    const ng = softmaxNaturalGradient(mdp, theta);
    const { A } = evaluatePolicy(mdp, softmaxPolicy(theta));
    A.forEach((row, s) => {
      const mean = row.reduce((u, v) => u + v, 0) / row.length;
      row.forEach((x, a) => expect(ng[s][a]).toBeCloseTo((x - mean) / (1 - mdp.gamma), 5));
    });
  });
});
