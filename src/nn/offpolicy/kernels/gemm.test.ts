import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { compileWat } from '../../../../scripts/compile-wat.mjs';
import { Arena, gemmModule } from './arena';
import { GEMM_WASM_BASE64 } from './gemm-wasm';

const here = 'src/nn/offpolicy/kernels';

describe('gemm kernel', () => {
  it('the embedded bytes are gemm.wat compiled (run `node scripts/compile-wat.mjs` after editing it)', async () => {
    const bytes: Buffer = await compileWat(`${here}/gemm.wat`);
    expect(bytes.toString('base64')).toBe(GEMM_WASM_BASE64);
    expect(readFileSync(`${here}/gemm-wasm.ts`, 'utf8')).toContain(`${bytes.length} bytes`);
  });

  it('validates and compiles here (wasm SIMD)', () => {
    expect(gemmModule()).not.toBeNull();
  });

  it.each([
    [1, 1, 8],
    [4, 3, 8],
    [5, 3, 16],
    [7, 64, 16],
    [128, 64, 64],
    [64, 130, 32],
    [3, 5, 3], // N not a multiple of 8: the TypeScript path
  ])('M=%i K=%i N=%i equals the float64 product, with and without accumulation', (M, K, N) => {
    let seed = M * 1000 + K * 10 + N;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (const simd of [true, false]) {
      const arena = new Arena();
      const A = arena.f32(M * K);
      const B = arena.f32(K * N);
      const C = arena.f32(M * N);
      const k = arena.build({ simd });
      expect(k.simd).toBe(simd);
      A.a.forEach((_, i) => (A.a[i] = rand()));
      B.a.forEach((_, i) => (B.a[i] = rand()));
      const C0 = Float32Array.from({ length: M * N }, () => rand());
      const ref = new Float64Array(M * N);
      for (let i = 0; i < M; i++)
        for (let kk = 0; kk < K; kk++)
          for (let j = 0; j < N; j++) ref[i * N + j] += A.a[i * K + kk] * B.a[kk * N + j];
      C.a.fill(123);
      k.gemm(A, B, C, M, K, N, false);
      for (let i = 0; i < M * N; i++) expect(Math.abs(C.a[i] - ref[i])).toBeLessThan(1e-5 * Math.sqrt(K));
      C.a.set(C0);
      k.gemm(A, B, C, M, K, N, true);
      for (let i = 0; i < M * N; i++)
        expect(Math.abs(C.a[i] - C0[i] - ref[i])).toBeLessThan(1e-5 * Math.sqrt(K));
    }
  });
});
