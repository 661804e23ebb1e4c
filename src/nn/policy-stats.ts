/** Float32 policy math in plain TypeScript: sampling, distances between consecutive policies, ratio histograms. */
import type { Rng } from '@/rl';
import { RATIO_EDGES } from '@/spec';

/** Softmax of `numActions` logits per row, in place into `probs`. */
export function softmaxRows(logits: Float32Array, n: number, numActions: number, probs: Float32Array): void {
  for (let r = 0; r < n; r++) {
    const o = r * numActions;
    let m = -Infinity;
    for (let a = 0; a < numActions; a++) if (logits[o + a] > m) m = logits[o + a];
    let s = 0;
    for (let a = 0; a < numActions; a++) {
      const e = Math.exp(logits[o + a] - m);
      probs[o + a] = e;
      s += e;
    }
    for (let a = 0; a < numActions; a++) probs[o + a] /= s;
  }
}

/** Samples one action per row by inversion with `u()` uniform in [0, 1). */
export function sampleRows(
  probs: Float32Array,
  n: number,
  numActions: number,
  u: () => number,
  actions: Int32Array,
): void {
  for (let r = 0; r < n; r++) {
    const x = u();
    let c = 0;
    let a = 0;
    for (; a < numActions - 1; a++) {
      c += probs[r * numActions + a];
      if (x < c) break;
    }
    actions[r] = a;
  }
}

export interface PolicyDistance {
  tvMean: number;
  tvMax: number;
  klMean: number;
  klMax: number;
}

/** TV and KL(old || new) between two categorical policies on each of `n` states; mean and max. */
export function policyDistance(
  oldP: Float32Array,
  newP: Float32Array,
  n: number,
  numActions: number,
): PolicyDistance {
  let tvS = 0;
  let tvM = 0;
  let klS = 0;
  let klM = 0;
  for (let r = 0; r < n; r++) {
    let tv = 0;
    let kl = 0;
    for (let a = 0; a < numActions; a++) {
      const p = oldP[r * numActions + a];
      const q = newP[r * numActions + a];
      tv += Math.abs(p - q);
      if (p > 0) kl += p * (Math.log(p) - Math.log(Math.max(q, 1e-30)));
    }
    tv /= 2;
    kl = Math.max(kl, 0);
    tvS += tv;
    klS += kl;
    if (tv > tvM) tvM = tv;
    if (kl > klM) klM = kl;
  }
  return { tvMean: n ? tvS / n : NaN, tvMax: tvM, klMean: n ? klS / n : NaN, klMax: klM };
}

/** Histogram of new/old probabilities of the taken actions. Bins: (<0.5), [0.5,0.55), …, [1.45,1.5), (≥1.5). */
export function ratioHistogram(
  oldP: Float32Array,
  newP: Float32Array,
  actions: Int32Array,
  n: number,
  numActions: number,
): { edges: number[]; counts: number[] } {
  const ratios = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const a = actions[r];
    ratios[r] = newP[r * numActions + a] / oldP[r * numActions + a];
  }
  return ratioHistogramOf(ratios);
}

/** The histogram of `ratioHistogram` over given ratios. */
export function ratioHistogramOf(ratios: ArrayLike<number>): { edges: number[]; counts: number[] } {
  const edges = RATIO_EDGES;
  const counts = new Array<number>(edges.length + 1).fill(0);
  const lo = edges[0];
  const w = edges[1] - edges[0];
  for (let r = 0; r < ratios.length; r++) {
    const ratio = ratios[r];
    let bin: number;
    if (!(ratio >= lo)) bin = 0;
    else if (ratio >= edges[edges.length - 1]) bin = edges.length;
    // the 1e-9 keeps ratio = 1 exactly (an unchanged policy) in the [1, 1.05) bin despite rounding
    else bin = 1 + Math.min(edges.length - 2, Math.floor((ratio - lo) / w + 1e-9));
    counts[bin] += 1;
  }
  return { edges, counts };
}

/**
 * Two diagonal Gaussian policies (means `[n][A]`, state-independent log-stds) on `n` states: KL(old ‖ new) in
 * closed form per state (mean and max) and the ratios π_new(a|s)/π_old(a|s) of the taken actions. TV between
 * Gaussians of different widths has no closed form in general: it is reported as NaN.
 */
export function gaussianPolicyDistance(
  oldMean: Float32Array,
  oldLogStd: ArrayLike<number>,
  newMean: Float32Array,
  newLogStd: ArrayLike<number>,
  actions: Float32Array,
  n: number,
  A: number,
): { distance: PolicyDistance; ratios: Float64Array } {
  const ratios = new Float64Array(n);
  let klS = 0;
  let klM = 0;
  for (let r = 0; r < n; r++) {
    let kl = 0;
    let logRatio = 0;
    for (let k = 0; k < A; k++) {
      const so = Math.exp(oldLogStd[k]);
      const sn = Math.exp(newLogStd[k]);
      const mo = oldMean[r * A + k];
      const mn = newMean[r * A + k];
      const dm = mo - mn;
      kl += newLogStd[k] - oldLogStd[k] + (so * so + dm * dm) / (2 * sn * sn) - 0.5;
      const zo = (actions[r * A + k] - mo) / so;
      const zn = (actions[r * A + k] - mn) / sn;
      logRatio += -0.5 * zn * zn - newLogStd[k] + 0.5 * zo * zo + oldLogStd[k];
    }
    kl = Math.max(kl, 0);
    klS += kl;
    if (kl > klM) klM = kl;
    ratios[r] = Math.exp(logRatio);
  }
  return { distance: { tvMean: NaN, tvMax: NaN, klMean: n ? klS / n : NaN, klMax: klM }, ratios };
}

/** 1 - Var[y - yhat] / Var[y] (NaN if Var[y] = 0), as in CleanRL. */
export function explainedVariance(yhat: Float32Array, y: Float32Array): number {
  const n = y.length;
  let my = 0;
  let md = 0;
  for (let k = 0; k < n; k++) {
    my += y[k];
    md += y[k] - yhat[k];
  }
  my /= n;
  md /= n;
  let vy = 0;
  let vd = 0;
  for (let k = 0; k < n; k++) {
    vy += (y[k] - my) ** 2;
    vd += (y[k] - yhat[k] - md) ** 2;
  }
  return vy === 0 ? NaN : 1 - vd / vy;
}

/** A uniformly random permutation of 0..n-1 (the run RNG's Fisher-Yates shuffle), into `out` if given. */
export function permutation(n: number, rng: Pick<Rng, 'shuffle'>, out?: Int32Array): Int32Array {
  const p = out ?? new Int32Array(n);
  for (let k = 0; k < n; k++) p[k] = k;
  rng.shuffle(p);
  return p;
}

/** Running record of finished episodes; `mean20` is the solve criterion's statistic. */
export class EpisodeLog {
  readonly returns: number[] = [];
  readonly lengths: number[] = [];
  count = 0;
  push(ret: number, len: number): void {
    this.returns.push(ret);
    this.lengths.push(len);
    if (this.returns.length > 20) {
      this.returns.shift();
      this.lengths.shift();
    }
    this.count += 1;
  }
  mean20(): number {
    if (!this.returns.length) return NaN;
    return this.returns.reduce((a, b) => a + b, 0) / this.returns.length;
  }
}
