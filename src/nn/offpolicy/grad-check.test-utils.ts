/** Test helper: two gradient lists agree to 2e-5 relative to each tensor's largest entry. */
import { expect } from 'vitest';
import type * as tf from '../tf';

export function expectGradsClose(mine: tf.Tensor[], ref: tf.Tensor[], tol = 2e-5): void {
  expect(mine.length).toBe(ref.length);
  ref.forEach((g, k) => {
    const a = g.dataSync();
    const b = mine[k].dataSync();
    expect(b.length).toBe(a.length);
    const scale = Math.max(1e-3, ...Array.from(a, Math.abs));
    let worst = 0;
    for (let j = 0; j < a.length; j++) worst = Math.max(worst, Math.abs(a[j] - b[j]) / scale);
    expect(worst, `gradient ${k}`).toBeLessThan(tol);
  });
}
