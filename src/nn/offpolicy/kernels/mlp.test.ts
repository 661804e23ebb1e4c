import * as tf from '../../tf';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { forwardPlain, initLinearTorch, layerShapes, paramCount, unpack, type Sizes } from '../net';
import { Arena } from './arena';
import { Mlp } from './mlp';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function rng(seed: number) {
  let s = seed;
  return { uniform: () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 };
}

describe('Mlp on the kernels', () => {
  it.each([
    [[3, 64, 64, 1], 37, true],
    [[4, 16, 16, 2], 9, true],
    [[5, 12, 12, 2], 6, false], // widths not multiples of 8: TypeScript products only
    [[3, 64, 64, 2], 256, false],
  ] as [Sizes, number, boolean][])(
    'sizes %j, %i rows, simd %s: forward and every gradient (weights and input) equal tf.grads',
    (sizes, n, simd) => {
      const r = rng(sizes[1] * 7 + n);
      const P = paramCount(sizes);
      const init = initLinearTorch(sizes, r);
      const x = Float32Array.from({ length: n * sizes[0] }, () => 2 * r.uniform() - 1);
      const c = Float32Array.from({ length: n * sizes[3] }, () => 2 * r.uniform() - 1);
      const arena = new Arena();
      const p = arena.f32(P);
      const g = arena.f32(P);
      const xb = arena.f32(n * sizes[0]);
      const net = new Mlp(arena, sizes, n, p, g);
      net.bind(arena.build({ simd }));
      p.a.set(init);
      xb.a.set(x);
      const out = net.forward(xb, n);
      const dX = new Float32Array(n * sizes[0]);
      // loss = Σ c ⊙ out, so ∂loss/∂out = c
      net.backward(c, { dX });
      const ref = tf.tidy(() => {
        const w = unpack(tf.tensor1d(init), sizes);
        const xt = tf.tensor2d(x, [n, sizes[0]]);
        const ct = tf.tensor2d(c, [n, sizes[3]]);
        const f = (...vs: tf.Tensor[]) =>
          tf.sum(tf.mul(forwardPlain(vs.slice(0, 6), vs[6] as tf.Tensor2D), ct));
        const grads = tf.grads(f)([...w, xt]);
        return {
          out: forwardPlain(w, xt).dataSync(),
          gw: tf.concat(grads.slice(0, 6).map((t) => tf.reshape(t, [-1]))).dataSync(),
          gx: grads[6].dataSync(),
        };
      });
      const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
        expect(a.length).toBe(b.length);
        let scale = 1e-3;
        for (let k = 0; k < b.length; k++) scale = Math.max(scale, Math.abs(b[k]));
        for (let k = 0; k < b.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(2e-5 * scale);
      };
      close(out.subarray(0, n * sizes[3]), ref.out);
      close(g.a, ref.gw);
      close(dX, ref.gx);
      // accumulate adds; weights: false leaves the gradient alone
      const before = Float32Array.from(g.a);
      net.backward(c, { accumulate: true });
      close(
        g.a,
        before.map((v) => 2 * v),
      );
      net.backward(c, { weights: false });
      close(
        g.a,
        before.map((v) => 2 * v),
      );
      expect(layerShapes(sizes).length).toBe(6);
    },
  );
});
