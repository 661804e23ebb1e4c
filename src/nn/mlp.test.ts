import * as tf from './tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { initMlp, MlpForward, orthogonal } from './mlp';
import { makeRng } from './rl-bridge';
import { TfMlp, syncParams } from './tf-net';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('orthogonal init', () => {
  it.each([
    [4, 8, 1],
    [8, 4, Math.SQRT2],
    [6, 6, 0.01],
  ])('a %i×%i matrix has orthonormal short-side vectors times the gain %f', (rows, cols, gain) => {
    const w = orthogonal(rows, cols, gain, makeRng(3));
    const m = Math.min(rows, cols);
    // Gram matrix of the short-side vectors = gain^2 I
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        let d = 0;
        for (let k = 0; k < Math.max(rows, cols); k++) {
          const x = rows >= cols ? w[k * cols + a] : w[a * cols + k];
          const y = rows >= cols ? w[k * cols + b] : w[b * cols + k];
          d += x * y;
        }
        expect(d).toBeCloseTo(a === b ? gain * gain : 0, 5);
      }
    }
  });

  it('is a function of the seed', () => {
    expect(Array.from(orthogonal(4, 4, 1, makeRng(1)))).toEqual(Array.from(orthogonal(4, 4, 1, makeRng(1))));
    expect(Array.from(orthogonal(4, 4, 1, makeRng(1)))).not.toEqual(
      Array.from(orthogonal(4, 4, 1, makeRng(2))),
    );
  });
});

describe('TypeScript forward pass', () => {
  it('matches the tfjs forward pass and survives a sync round trip', async () => {
    const rng = makeRng(5);
    const p = initMlp([4, 16, 16, 3], 1, rng);
    // Non-zero biases so they are exercised too.
    p.tensors[1].fill(0.1);
    p.tensors[5].fill(-0.2);
    const net = new TfMlp(p, 'test');
    const n = 7;
    const x = new Float32Array(n * 4).map(() => rng.normal());
    const ours = new MlpForward(p.sizes, 2).run(p, x, n).slice();
    const theirs = tf.tidy(() => net.apply(tf.tensor2d(x, [n, 4])).dataSync());
    for (let k = 0; k < ours.length; k++) expect(ours[k]).toBeCloseTo(theirs[k], 5);
    const before = p.tensors.map((t) => Array.from(t));
    expect(await syncParams([net])).toBe(true);
    expect(p.tensors.map((t) => Array.from(t))).toEqual(before);
    net.dispose();
  });
});
