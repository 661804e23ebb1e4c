import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CODE_BACKENDS,
  CURVE_POINTS,
  compareResults,
  crc32,
  curveOnGrid,
  decodeResult,
  encodeResult,
  quantise,
  type CellResult,
} from './sweep-code';

const sample: CellResult = {
  sweep: 0xdeadbeef,
  config: 0x12345678,
  cell: 7,
  seed: 3,
  backend: 'wasm',
  stepsToSolve: 38_912,
  finalReturn: 476.35,
  curve: [
    NaN,
    NaN,
    14.2,
    18.5,
    22.05,
    31,
    45.5,
    60,
    88.25,
    120,
    150.5,
    190,
    240,
    260,
    300,
    320,
    350,
    380,
    400,
    420,
    430,
    445,
    450,
    455,
    460,
    462,
    470,
    471,
    472,
    474,
    475,
    476.35,
  ],
};

describe('result codes', () => {
  it('round-trips (values rounded to tenths) and stays short', () => {
    const code = encodeResult(sample);
    expect(code.startsWith('PX1-')).toBe(true);
    const d = decodeResult(code);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.result).toEqual(quantise(sample));
    expect(compareResults(d.result, sample)).toBeNull();
    // A 32-point CartPole curve: measured 74 characters; the bound keeps it scannable as a small QR code.
    expect(code.length).toBeLessThan(110);
  });

  it('the CRC-32 is the standard one', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips any result (property)', () => {
    const val = fc.integer({ min: -50_000, max: 50_000 }).map((x) => x / 10);
    fc.assert(
      fc.property(
        fc.record({
          sweep: fc.nat({ max: 0xffffffff }),
          config: fc.nat({ max: 0xffffffff }),
          cell: fc.nat({ max: 119 }),
          seed: fc.nat({ max: 2 ** 31 - 1 }),
          backend: fc.constantFrom(...CODE_BACKENDS),
          stepsToSolve: fc.option(fc.nat({ max: 10_000_000 }), { nil: null }),
          finalReturn: val,
          lead: fc.nat({ max: 5 }),
          curve: fc.array(val, { minLength: 1, maxLength: 40 }),
        }),
        ({ lead, ...r }) => {
          const res = { ...r, curve: [...Array(lead).fill(NaN), ...r.curve] };
          const d = decodeResult(encodeResult(res));
          expect(d.ok && d.result).toEqual(res);
        },
      ),
    );
  });

  it('rejects tampered, cut, foreign and future codes with a reason', () => {
    const code = encodeResult(sample);
    const flip = (i: number) => code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    for (const i of [5, 12, 20, code.length - 10, code.length - 1]) {
      const d = decodeResult(flip(i));
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reason).toMatch(/checksum|cut|readable/);
    }
    expect(decodeResult(code.slice(0, -3))).toMatchObject({ ok: false });
    expect(decodeResult('')).toEqual({ ok: false, reason: 'empty code' });
    expect(decodeResult('hello')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a Proximal/),
    });
    expect(decodeResult('PX2-AAAA')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/format PX2/),
    });
    expect(decodeResult('PX1-<script>')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/characters/),
    });
    // Line breaks from a chat or an e-mail are ignored.
    expect(decodeResult(code.slice(0, 30) + '\n ' + code.slice(30)).ok).toBe(true);
  });

  it('rejects a code of another version even with a valid checksum', () => {
    // Rebuild the bytes with version 2 and a correct CRC: the version check must fire, not the checksum.
    const b64 = encodeResult(sample).slice(4).replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const body = bytes.slice(0, -4);
    body[0] = 2;
    const sum = crc32(body);
    const all = [...body, sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255];
    const forged =
      'PX1-' +
      btoa(String.fromCharCode(...all))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    expect(decodeResult(forged)).toEqual({ ok: false, reason: 'code version 2 is not supported' });
  });

  it('compareResults names the first difference', () => {
    expect(
      compareResults(sample, { ...sample, curve: sample.curve.map((v, k) => (k === 5 ? v + 1 : v)) }),
    ).toBe('curve point 6: 31 against 32');
    expect(compareResults(sample, { ...sample, stepsToSolve: null })).toMatch(/steps to solve/);
    expect(compareResults(sample, { ...sample, backend: 'cpu' })).toMatch(/backend/);
  });

  it('curveOnGrid takes the last update at or before each grid step; the end is the last update', () => {
    const pts = [
      { steps: 128, value: NaN },
      { steps: 256, value: 20 },
      { steps: 384, value: 25 },
      { steps: 512, value: 40 },
    ];
    expect(curveOnGrid(pts, 1000, 4)).toEqual([NaN, 25, 40, 40]);
    expect(curveOnGrid(pts, 512, 4)).toEqual([NaN, 20, 25, 40]);
    expect(curveOnGrid([], 512, 2)).toEqual([NaN, NaN]);
    expect(curveOnGrid(pts, 512).length).toBe(CURVE_POINTS);
  });
});
