import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveDense } from './linalg';
import { softmax } from './softmax';

describe('solveDense', () => {
  it('needs its pivoting: a zero on the diagonal is not a singular matrix', () => {
    // Without row exchanges the first step divides by A[0][0] = 0.
    const x = solveDense(
      [
        [0, 2, 1],
        [1, 1, 0],
        [3, 0, 1],
      ],
      [5, 3, 4],
    );
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
    expect(x[2]).toBeCloseTo(1, 12);
  });
  it('solves random well-conditioned systems to 1e-9, leaving its arguments alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 72, maxLength: 72 }),
        (n, r) => {
          // Diagonally dominant, so the system is well conditioned.
          const A = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => r[i * n + j] + (i === j ? n + 1 : 0)),
          );
          const b = Array.from({ length: n }, (_, i) => r[64 + (i % 8)]);
          const copy = JSON.stringify([A, b]);
          const x = solveDense(A, b);
          expect(JSON.stringify([A, b])).toBe(copy);
          for (let i = 0; i < n; i++) {
            const ax = A[i].reduce((s, a, j) => s + a * x[j], 0);
            expect(Math.abs(ax - b[i])).toBeLessThan(1e-9);
          }
        },
      ),
    );
  });
});

describe('softmax', () => {
  it('does not overflow and gives -Infinity logits probability 0', () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    const p = softmax([0, -Infinity, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 15);
    expect(p[1]).toBe(0);
    expect(p[2]).toBeCloseTo(0.75, 15);
  });
  it('is invariant to adding a constant and sums to one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (l, c) => {
          const p = softmax(l);
          const q = softmax(l.map((x) => x + c));
          expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
          p.forEach((v, i) => expect(Math.abs(v - q[i])).toBeLessThan(1e-9));
        },
      ),
    );
  });
});
