/**
 * Seeded randomness: one seed drives everything random in a run. sfc32 (a small, fast, well-tested 32-bit
 * generator from PractRand's suite) seeded through splitmix32, so nearby seeds give unrelated streams.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller; caches the second value). */
  normal(): number;
  /** Uniform integer in {0, …, n-1}. */
  int(n: number): number;
  /** Index drawn with probabilities `p` (need not be exactly normalised). */
  categorical(p: ArrayLike<number>): number;
  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T>(arr: T[] | Int32Array | Uint32Array | Float64Array): typeof arr;
  /** An independent generator derived from this one's stream (for separate sources: env, init, sampling…). */
  fork(): Rng;
  /** k independent generators at once (k successive forks): e.g. one stream per environment. */
  split(k: number): Rng[];
}

function splitmix32(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(Number.isFinite(seed) ? Math.floor(seed) : 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32();
  let spare: number | null = null;

  const rng: Rng = {
    // 53 random bits, so every double in [0, 1) on the 2^-53 grid is reachable.
    uniform: () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = rng.uniform();
      const v = rng.uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(rng.uniform() * n),
    categorical(p) {
      let total = 0;
      for (let i = 0; i < p.length; i++) total += p[i];
      let u = rng.uniform() * total;
      for (let i = 0; i < p.length; i++) {
        u -= p[i];
        if (u < 0) return i;
      }
      // Rounding left a sliver: return the last action with positive probability.
      for (let i = p.length - 1; i >= 0; i--) if (p[i] > 0) return i;
      return p.length - 1;
    },
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = arr[i];
        arr[i] = arr[j];
        arr[j] = t;
      }
      return arr;
    },
    fork: () => createRng(next32()),
    split: (k) => Array.from({ length: k }, () => rng.fork()),
  };
  return rng;
}
