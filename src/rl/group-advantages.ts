/**
 * GRPO's group-relative advantages (chapter 12): G responses to one prompt, advantage = (reward − group mean),
 * divided by the group's standard deviation unless that normalisation is off (Dr. GRPO). Also the exact expected
 * update these advantages produce for a softmax policy, by enumerating every group, and its closed form for
 * binary (verifiable) rewards, w_G(p) ∇p.
 */
import { RLInputError } from './validate';

export interface GroupAdvantageOptions {
  /** Divide by the group's standard deviation (GRPO) or not (Dr. GRPO). Default true. */
  normalizeStd?: boolean;
  /** 'sample' (Bessel's correction, torch's default std, as in TRL) or 'population'. Default 'sample'. */
  std?: 'sample' | 'population';
  /** Added to the standard deviation before dividing (TRL uses 1e-4). Default 1e-4. */
  eps?: number;
}

function stdOf(mean: number, sumSq: number, G: number, kind: 'sample' | 'population') {
  const ss = Math.max(0, sumSq - G * mean * mean);
  return Math.sqrt(ss / (kind === 'sample' ? Math.max(1, G - 1) : G));
}

/** A_i = (r_i − mean(r)) / (std(r) + eps), or r_i − mean(r) without the normalisation. */
export function groupAdvantages(rewards: readonly number[], opts: GroupAdvantageOptions = {}): number[] {
  const { normalizeStd = true, std = 'sample', eps = 1e-4 } = opts;
  const G = rewards.length;
  if (G === 0) throw new RLInputError('an empty group');
  const mean = rewards.reduce((a, b) => a + b, 0) / G;
  if (!normalizeStd) return rewards.map((r) => r - mean);
  const sumSq = rewards.reduce((a, b) => a + b * b, 0);
  const s = stdOf(mean, sumSq, G, std) + eps;
  return rewards.map((r) => (r - mean) / s);
}

/**
 * The exact expectation, over groups o_1..o_G drawn i.i.d. from π, of Σ_i A_i ∇_θ log π(o_i) for the softmax
 * policy π = softmax(θ) (∇_θ log π(y) = e_y − π), by enumerating all K^G groups. Kept for checks (K^G ≤ 10^6).
 */
export function expectedGroupUpdate(
  pi: readonly number[],
  reward: readonly number[],
  G: number,
  opts: GroupAdvantageOptions = {},
): number[] {
  const K = pi.length;
  if (K ** G > 1e6) throw new RLInputError(`K^G = ${K ** G} groups is too many to enumerate`);
  const u = new Array<number>(K).fill(0);
  const o = new Array<number>(G).fill(0);
  for (;;) {
    let prob = 1;
    for (const y of o) prob *= pi[y];
    if (prob > 0) {
      const A = groupAdvantages(
        o.map((y) => reward[y]),
        opts,
      );
      for (let i = 0; i < G; i++) {
        for (let b = 0; b < K; b++) u[b] += prob * A[i] * ((b === o[i] ? 1 : 0) - pi[b]);
      }
    }
    let i = 0;
    while (i < G && ++o[i] === K) o[i++] = 0;
    if (i === G) break;
  }
  return u;
}

function binomialPmf(n: number, p: number): number[] {
  const out = new Array<number>(n + 1).fill(0);
  let c = 1;
  for (let k = 0; k <= n; k++) {
    out[k] = c * p ** k * (1 - p) ** (n - k);
    c = (c * (n - k)) / (k + 1);
  }
  return out;
}

/**
 * For rewards in {0, 1} and success probability p = P_{y∼π}(r(y) = 1), the expected update is w_G(p) ∇_θ p for
 * every parametrisation (prop-ch12-grpo-weight), with w_G(p) = G (E[a₁(1 + K′)] − E[a₀(K′)]), K′ ∼ Bin(G − 1, p),
 * where a₁(k) and a₀(k) are the advantages of a correct and a wrong answer in a group with k correct.
 * Without the std normalisation w_G(p) = G − 1 for every p.
 */
export function grpoBinaryWeight(p: number, G: number, opts: GroupAdvantageOptions = {}): number {
  if (!(G >= 1) || !Number.isInteger(G))
    throw new RLInputError(`group size must be a positive integer (got ${G})`);
  if (!(p >= -1e-12 && p <= 1 + 1e-12)) throw new RLInputError(`p must be in [0, 1] (got ${p})`);
  p = Math.min(1, Math.max(0, p));
  const adv = (k: number) => {
    const r = Array.from({ length: G }, (_, i) => (i < k ? 1 : 0));
    const A = groupAdvantages(r, opts);
    return { a1: k > 0 ? A[0] : 0, a0: k < G ? A[G - 1] : 0 };
  };
  const pmf = binomialPmf(G - 1, p);
  let w = 0;
  for (let k = 0; k <= G - 1; k++) w += pmf[k] * (adv(k + 1).a1 - adv(k).a0);
  return G * w;
}
