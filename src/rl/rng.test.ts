import { describe, expect, it } from 'vitest';
import { createRng, maximalCoupling, sampleCoupling } from './index';

describe('createRng', () => {
  it('is deterministic per seed, and different seeds give different streams', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });

  it('uniform, normal and categorical have the right moments (5 standard errors)', () => {
    const rng = createRng(1);
    const n = 40000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    const counts = [0, 0, 0];
    const p = [0.2, 0.5, 0.3];
    for (let i = 0; i < n; i++) {
      su += rng.uniform();
      const z = rng.normal();
      sn += z;
      sn2 += z * z;
      counts[rng.categorical(p)]++;
    }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sn / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    p.forEach((pi, i) =>
      expect(Math.abs(counts[i] / n - pi)).toBeLessThan(5 * Math.sqrt((pi * (1 - pi)) / n)),
    );
  });

  it('int, shuffle, fork and split', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    const arr = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(rng.shuffle(arr).slice().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const [s1, s2] = createRng(9).split(2);
    const [t1] = createRng(9).split(1);
    const x1 = s1.uniform();
    expect(t1.uniform()).toBe(x1); // split is deterministic
    expect(s2.uniform()).not.toBe(x1); // and the streams differ
  });

  it('sampleCoupling draws pairs from the joint', () => {
    const c = maximalCoupling([0.5, 0.5], [0.5, 0.5]);
    expect(c.tv).toBe(0);
    const rng = createRng(2);
    for (let i = 0; i < 200; i++) {
      const [x, y] = sampleCoupling(c.joint, rng);
      expect(x).toBe(y);
    }
  });
});
