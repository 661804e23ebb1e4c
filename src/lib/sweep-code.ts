/**
 * The result code of one sweep cell: what a student's browser hands the instructor, as short text to paste or a QR
 * code to scan. Data, never code (CONTRIBUTING.md, threat model): decoded byte by byte with every length and range
 * checked, and rejected with a reason when anything is off.
 *
 * Format, version 1: `PX1-` + base64url of
 *   u8 version · u32 sweep hash · u32 configuration hash · varint cell · varint seed · u8 backend ·
 *   varint steps-to-solve (0 = not solved, else steps + 1) · zigzag varint final return in tenths ·
 *   varint K (curve points) · varint leading points without a value · zigzag varint deltas of the curve in tenths ·
 *   u32 CRC-32 of everything before it.
 * The curve is the run's mean return of the last 20 episodes on a grid of K step counts, quantised to 0.1 and
 * delta-coded: returns move little from one grid point to the next, so most deltas take one or two bytes (a
 * general-purpose compressor such as deflate gains nothing on ~60 bytes and costs a dependency). Typical length:
 * about 90 characters for K = 32 (measured in sweep-code.test.ts).
 *
 * The CRC detects a mistyped or truncated code and naive edits. It is not a signature: anyone can recompute it for
 * a forged code. The real check is the re-run (same configuration, seed and backend reproduce the same curve), which
 * the instructor's page offers for any code.
 */

export const CODE_PREFIX = 'PX1-';
export const CODE_VERSION = 1;
/** Curve points on the step grid. */
export const CURVE_POINTS = 32;
const MAX_POINTS = 64;
/** Largest |return| a code may carry (every environment's returns are far inside it). */
const MAX_ABS_RETURN = 1e6;
export const CODE_BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
export type CodeBackend = (typeof CODE_BACKENDS)[number];

export interface CellResult {
  /** Hash of the sweep (its configurations and seeds). */
  sweep: number;
  /** Hash of the cell's configuration without its seed. */
  config: number;
  cell: number;
  seed: number;
  backend: CodeBackend;
  /** Environment steps when the solve threshold was reached, or null. */
  stepsToSolve: number | null;
  /** Mean return of the last 20 episodes at the end of the run. */
  finalReturn: number;
  /** Mean return of the last 20 episodes on the step grid (NaN before the first episode ended). */
  curve: number[];
}

export type Decoded = { ok: true; result: CellResult } | { ok: false; reason: string };

// --- CRC-32 (IEEE 802.3, the one of zip and PNG) ---
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** FNV-1a, 32 bits, of a string's UTF-16 code units: the hashes of configurations and sweeps. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// --- bytes ---
class Writer {
  readonly bytes: number[] = [];
  u8(x: number) {
    this.bytes.push(x & 0xff);
  }
  u32(x: number) {
    for (let k = 3; k >= 0; k--) this.u8(x >>> (8 * k));
  }
  varint(x: number) {
    if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw new Error(`varint out of range: ${x}`);
    while (x >= 0x80) {
      this.u8((x % 0x80) | 0x80);
      x = Math.floor(x / 0x80);
    }
    this.u8(x);
  }
  zigzag(x: number) {
    this.varint(x >= 0 ? 2 * x : -2 * x - 1);
  }
}

class Reader {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}
  get left() {
    return this.b.length - this.pos;
  }
  u8(): number {
    if (this.pos >= this.b.length) throw new CodeError('the code is cut short');
    return this.b[this.pos++];
  }
  u32(): number {
    let x = 0;
    for (let k = 0; k < 4; k++) x = x * 256 + this.u8();
    return x;
  }
  varint(): number {
    let x = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      x += (b & 0x7f) * scale;
      if (!(b & 0x80)) return x;
      scale *= 0x80;
    }
    throw new CodeError('a number in the code is too long');
  }
  zigzag(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}

class CodeError extends Error {}

const tenths = (x: number) => Math.round(x * 10);

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const s = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The values as a code carries them: returns rounded to tenths (what `encodeResult` keeps). */
export function quantise(r: CellResult): CellResult {
  return {
    ...r,
    finalReturn: tenths(r.finalReturn) / 10,
    curve: r.curve.map((v) => (Number.isNaN(v) ? NaN : tenths(v) / 10)),
  };
}

export function encodeResult(r: CellResult): string {
  const K = r.curve.length;
  if (K < 1 || K > MAX_POINTS) throw new Error(`curve of ${K} points`);
  let lead = 0;
  while (lead < K && Number.isNaN(r.curve[lead])) lead++;
  if (r.curve.slice(lead).some((v) => !Number.isFinite(v)))
    throw new Error('curve value not finite after its start');
  const w = new Writer();
  w.u8(CODE_VERSION);
  w.u32(r.sweep);
  w.u32(r.config);
  w.varint(r.cell);
  w.varint(r.seed);
  w.u8(CODE_BACKENDS.indexOf(r.backend));
  w.varint(r.stepsToSolve === null ? 0 : r.stepsToSolve + 1);
  w.zigzag(Number.isFinite(r.finalReturn) ? tenths(r.finalReturn) : 0);
  w.varint(K);
  w.varint(lead);
  let prev = 0;
  for (let k = lead; k < K; k++) {
    const q = tenths(r.curve[k]);
    w.zigzag(q - prev);
    prev = q;
  }
  const body = Uint8Array.from(w.bytes);
  const tail = new Writer();
  tail.u32(crc32(body));
  return CODE_PREFIX + toBase64Url(Uint8Array.from([...body, ...tail.bytes]));
}

/** Decodes and checks a code; a reason names what is wrong. Whitespace around or inside (line breaks) is ignored. */
export function decodeResult(code: string): Decoded {
  const text = code.replace(/\s+/g, '');
  if (!text) return { ok: false, reason: 'empty code' };
  if (!text.startsWith('PX')) return { ok: false, reason: 'not a Proximal result code (it starts with PX)' };
  if (!text.startsWith(CODE_PREFIX))
    return {
      ok: false,
      reason: `code format ${text.slice(0, 3)} is not supported (this page reads ${CODE_PREFIX})`,
    };
  const payload = text.slice(CODE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload))
    return { ok: false, reason: 'the code has characters a code never has' };
  if (payload.length > 400) return { ok: false, reason: 'the code is too long' };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    return { ok: false, reason: 'the code is not readable (broken base64)' };
  }
  if (bytes.length < 5) return { ok: false, reason: 'the code is cut short' };
  const body = bytes.subarray(0, bytes.length - 4);
  const sum = new Reader(bytes.subarray(bytes.length - 4)).u32();
  if (crc32(body) !== sum)
    return { ok: false, reason: 'checksum mismatch: the code was mistyped, cut or edited' };
  try {
    const rd = new Reader(body);
    const version = rd.u8();
    if (version !== CODE_VERSION) return { ok: false, reason: `code version ${version} is not supported` };
    const sweep = rd.u32();
    const config = rd.u32();
    const cell = rd.varint();
    const seed = rd.varint();
    if (seed >= 2 ** 31) throw new CodeError('seed out of range');
    const b = rd.u8();
    if (b >= CODE_BACKENDS.length) throw new CodeError('unknown backend');
    const solve = rd.varint();
    const finalReturn = rd.zigzag() / 10;
    const K = rd.varint();
    if (K < 1 || K > MAX_POINTS) throw new CodeError(`a curve of ${K} points`);
    const lead = rd.varint();
    if (lead > K) throw new CodeError('more empty curve points than points');
    const curve: number[] = Array(lead).fill(NaN);
    let q = 0;
    for (let k = lead; k < K; k++) {
      q += rd.zigzag();
      curve.push(q / 10);
    }
    if (rd.left) throw new CodeError('extra bytes after the curve');
    if ([finalReturn, ...curve].some((v) => Math.abs(v) > MAX_ABS_RETURN))
      throw new CodeError('a return out of range');
    return {
      ok: true,
      result: {
        sweep,
        config,
        cell,
        seed,
        backend: CODE_BACKENDS[b],
        stepsToSolve: solve === 0 ? null : solve - 1,
        finalReturn,
        curve,
      },
    };
  } catch (e) {
    if (e instanceof CodeError) return { ok: false, reason: e.message };
    throw e;
  }
}

/** One point per update: environment steps so far and the mean return of the last 20 episodes (NaN before one). */
export interface CurvePoint {
  steps: number;
  value: number;
}

/**
 * The curve on the grid g_k = totalSteps · (k + 1) / K: the value of the last update at or before g_k (NaN when
 * there is none or no episode had ended); the last grid point is the run's last update (a solved run stops early and
 * its last value carries to the end of the grid).
 */
export function curveOnGrid(points: readonly CurvePoint[], totalSteps: number, K = CURVE_POINTS): number[] {
  const out: number[] = [];
  let j = -1;
  for (let k = 0; k < K; k++) {
    const g = (totalSteps * (k + 1)) / K;
    while (j + 1 < points.length && points[j + 1].steps <= g) j++;
    out.push(k === K - 1 && points.length ? points[points.length - 1].value : j >= 0 ? points[j].value : NaN);
  }
  return out;
}

/** Where two results of the same cell differ (a re-run against a code), or null when they agree. */
export function compareResults(a: CellResult, b: CellResult): string | null {
  const qa = quantise(a);
  const qb = quantise(b);
  if (qa.backend !== qb.backend) return `backend ${qa.backend} against ${qb.backend}`;
  if (qa.stepsToSolve !== qb.stepsToSolve)
    return `steps to solve ${qa.stepsToSolve ?? 'never'} against ${qb.stepsToSolve ?? 'never'}`;
  if (qa.curve.length !== qb.curve.length) return 'curves of different lengths';
  for (let k = 0; k < qa.curve.length; k++)
    if (qa.curve[k] !== qb.curve[k] && !(Number.isNaN(qa.curve[k]) && Number.isNaN(qb.curve[k])))
      return `curve point ${k + 1}: ${qa.curve[k]} against ${qb.curve[k]}`;
  if (qa.finalReturn !== qb.finalReturn) return `final return ${qa.finalReturn} against ${qb.finalReturn}`;
  return null;
}
