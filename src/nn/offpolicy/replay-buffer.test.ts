import { describe, expect, it } from 'vitest';
import { makeRng } from '../rl-bridge';
import { ReplayBuffer } from './replay-buffer';

const obsOf = (t: number) => [t, t + 0.5];

function filled(capacity: number, n: number): ReplayBuffer {
  const b = new ReplayBuffer(capacity, 2, 1);
  for (let t = 0; t < n; t++) b.add(obsOf(t), [t % 3], t * 10, obsOf(t + 1), t % 7 === 6);
  return b;
}

describe('ReplayBuffer', () => {
  it('stores transitions row by row and overwrites the oldest when full (a ring)', () => {
    const b = filled(5, 8); // t = 0..7; slots hold t = 5, 6, 7, 3, 4
    expect(b.size).toBe(5);
    const ts = Array.from({ length: 5 }, (_, i) => b.rewards[i] / 10);
    expect(ts).toEqual([5, 6, 7, 3, 4]);
    for (let i = 0; i < 5; i++) {
      const t = ts[i];
      expect(Array.from(b.obs.subarray(2 * i, 2 * i + 2))).toEqual(obsOf(t));
      expect(Array.from(b.nextObs.subarray(2 * i, 2 * i + 2))).toEqual(obsOf(t + 1));
      expect(b.actions[i]).toBe(t % 3);
      expect(b.terminated[i]).toBe(t % 7 === 6 ? 1 : 0);
    }
  });

  it('samples uniformly over the stored transitions only, reproducibly from the seed', () => {
    const b = filled(100, 10);
    const idx = new Int32Array(20_000);
    b.sampleIndices(idx.length, makeRng(3), idx);
    const counts = new Array(10).fill(0);
    for (const i of idx) counts[i] += 1;
    expect(Math.max(...idx)).toBe(9);
    // each of 10 slots ~2000 ± 3 sd (sd ≈ 42)
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(130);
    const again = new Int32Array(20_000);
    b.sampleIndices(again.length, makeRng(3), again);
    expect(again).toEqual(idx);
  });

  it('packs [obs | one-hot action | reward | terminated | nextObs] rows for one upload', () => {
    const b = filled(10, 10);
    const out = new Float32Array(2 * 11).fill(-1);
    b.pack(Int32Array.from([6, 2]), 2, out, 11, 3);
    expect(Array.from(out.subarray(0, 10))).toEqual([6, 6.5, 1, 0, 0, 60, 1, 7, 7.5, -1]);
    expect(Array.from(out.subarray(11, 21))).toEqual([2, 2.5, 0, 0, 1, 20, 0, 3, 3.5, -1]);
  });

  it('refuses to sample when empty; builds a full buffer from offline arrays', () => {
    expect(() => new ReplayBuffer(4, 2, 1).sampleIndices(1, makeRng(1), new Int32Array(1))).toThrow(/empty/);
    const src = filled(10, 4);
    const b = ReplayBuffer.from(
      {
        obs: src.obs,
        actions: src.actions,
        rewards: src.rewards.subarray(0, 4),
        nextObs: src.nextObs,
        terminated: src.terminated,
      },
      2,
      1,
    );
    expect(b.size).toBe(4);
    expect(Array.from(b.rewards)).toEqual([0, 10, 20, 30]);
  });
});
