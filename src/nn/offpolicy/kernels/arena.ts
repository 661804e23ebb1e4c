/**
 * One WebAssembly memory per learner, laid out once: every network's parameters, gradients, optimiser moments and
 * scratch activations are float32 arrays inside it, so the SIMD matrix kernel (gemm.wat) and TypeScript read and
 * write the same bytes with no copies. Two phases: `f32`/`sub` reserve arrays, `build` creates the memory (it never
 * grows afterwards, so no view is ever detached) and fills in each array's `a`.
 */
import { GEMM_WASM_BASE64 } from './gemm-wasm';

/** A float32 array inside an arena: `a` for TypeScript, `ptr` (its byte offset) for the wasm kernel. */
export interface Buf {
  readonly ptr: number;
  readonly len: number;
  a: Float32Array;
}

/** C[M×N] = A[M×K] · B[K×N] (+ C when `acc`), row-major, arrays of one arena. */
export type Gemm = (A: Buf, B: Buf, C: Buf, M: number, K: number, N: number, acc: boolean) => void;

export interface Kernels {
  gemm: Gemm;
  /** Whether gemm runs the wasm SIMD kernel (false: the TypeScript fallback, for engines without wasm SIMD). */
  simd: boolean;
}

const EMPTY = new Float32Array(0);

let wasmModule: WebAssembly.Module | null | undefined;

function decode(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) out[k] = bin.charCodeAt(k);
  return out;
}

/** The compiled kernel, or null where wasm SIMD is missing (validated, never assumed). */
export function gemmModule(): WebAssembly.Module | null {
  if (wasmModule === undefined) {
    const bytes = decode(GEMM_WASM_BASE64);
    wasmModule =
      typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes)
        ? new WebAssembly.Module(bytes)
        : null;
  }
  return wasmModule;
}

/** The TypeScript gemm (the fallback, and the reference the kernel is tested against). */
export const gemmTs: Gemm = (A, B, C, M, K, N, acc) => {
  const a = A.a;
  const b = B.a;
  const c = C.a;
  for (let i = 0; i < M; i++) {
    const co = i * N;
    if (!acc) c.fill(0, co, co + N);
    const ao = i * K;
    for (let k = 0; k < K; k++) {
      const av = a[ao + k];
      if (av === 0) continue;
      const bo = k * N;
      for (let j = 0; j < N; j++) c[co + j] += av * b[bo + j];
    }
  }
};

export class Arena {
  private bytes = 0;
  private readonly bufs: Buf[] = [];
  private kernels: Kernels | null = null;

  /** Reserves `len` floats (16-byte aligned, zero-filled at build). */
  f32(len: number): Buf {
    this.assertOpen();
    const b: Buf = { ptr: this.bytes, len, a: EMPTY };
    this.bytes += Math.ceil((len * 4) / 16) * 16;
    this.bufs.push(b);
    return b;
  }

  /** `len` floats of `parent` from float `offset` on (a view: same bytes). */
  sub(parent: Buf, offset: number, len: number): Buf {
    this.assertOpen();
    if (offset < 0 || offset + len > parent.len) throw new Error('Arena.sub: out of range');
    const b: Buf = { ptr: parent.ptr + 4 * offset, len, a: EMPTY };
    this.bufs.push(b);
    return b;
  }

  /** Creates the memory and the kernel; `simd: false` forces the TypeScript gemm. */
  build(opts: { simd?: boolean } = {}): Kernels {
    this.assertOpen();
    const pages = Math.max(1, Math.ceil(this.bytes / 65536));
    const mod = opts.simd === false ? null : gemmModule();
    let memory: ArrayBuffer;
    let gemm: Gemm = gemmTs;
    if (mod) {
      const mem = new WebAssembly.Memory({ initial: pages });
      const inst = new WebAssembly.Instance(mod, { env: { memory: mem } });
      const k = inst.exports.gemm as (
        a: number,
        b: number,
        c: number,
        M: number,
        K: number,
        N: number,
        acc: number,
      ) => void;
      memory = mem.buffer;
      // The kernel needs N to be a multiple of 8; narrower products (output layers, inputs) are tiny.
      gemm = (A, B, C, M, K, N, acc) =>
        N % 8 === 0 ? k(A.ptr, B.ptr, C.ptr, M, K, N, acc ? 1 : 0) : gemmTs(A, B, C, M, K, N, acc);
    } else memory = new ArrayBuffer(pages * 65536);
    for (const b of this.bufs) b.a = new Float32Array(memory, b.ptr, b.len);
    this.kernels = { gemm, simd: mod !== null };
    return this.kernels;
  }

  private assertOpen(): void {
    if (this.kernels) throw new Error('Arena: already built');
  }
}
