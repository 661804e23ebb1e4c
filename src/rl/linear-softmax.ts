/**
 * Softmax policies over linear features (chapter 5's improvement race): logits(s, a) = φ(s, a) · w with a few
 * shared parameters, so that, as with neural networks, one step moves every state at once. Exact gradient
 * (the policy gradient theorem through the chain rule), natural gradient F_w⁻¹ ∇J with
 * F_w = Σ_s d_π(s) Cov_{a∼π(·|s)}[φ(s, a)], and the two exact update rules the race compares:
 *  - `penaltyStep`: along the natural direction, the step (from a log grid, or none) maximising L − C·KLmax with
 *    TRPO's theoretical C; since J ≥ L − C·KLmax and the empty step scores J, J never decreases;
 *  - `trustRegionStep`: the largest natural step with mean KL ≤ δ (bisection), backtracked until L improves.
 */
import { trpoBounds } from './bounds';
import { klMean } from './divergence';
import { evaluatePolicy } from './evaluate';
import { solveDense } from './linalg';
import { softmaxPolicy, softmaxPolicyGradient } from './softmax';
import type { MDP, Policy } from './types';

/** Features φ[s][a][i]. */
export type Features = number[][][];

/** logits(s, a) = φ(s, a) · w. */
export const linearLogits = (phi: Features, w: number[]): number[][] =>
  phi.map((row) => row.map((f) => f.reduce((acc, x, i) => acc + x * w[i], 0)));

/** π_w = softmax(φ · w). */
export const linearSoftmaxPolicy = (phi: Features, w: number[]): Policy =>
  softmaxPolicy(linearLogits(phi, w));

/** ∇_w J(π_w) = Σ_{s,a} ∂J/∂logit(s, a) φ(s, a). */
export function linearSoftmaxGradient(mdp: MDP, phi: Features, w: number[]): number[] {
  const g = softmaxPolicyGradient(mdp, linearLogits(phi, w));
  const out = new Array<number>(w.length).fill(0);
  g.forEach((row, s) => row.forEach((x, a) => phi[s][a].forEach((f, i) => (out[i] += x * f))));
  return out;
}

/** F_w = Σ_s d_π(s) Cov_{a∼π(·|s)}[φ(s, a)] + ridge · I. */
export function linearSoftmaxFisher(mdp: MDP, phi: Features, w: number[], ridge = 1e-8): number[][] {
  const D = w.length;
  const pi = linearSoftmaxPolicy(phi, w);
  const { d } = evaluatePolicy(mdp, pi);
  const F = Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (i === j ? ridge : 0)));
  pi.forEach((p, s) => {
    const mean = new Array<number>(D).fill(0);
    p.forEach((q, a) => phi[s][a].forEach((f, i) => (mean[i] += q * f)));
    p.forEach((q, a) => {
      for (let i = 0; i < D; i++)
        for (let j = 0; j < D; j++) F[i][j] += d[s] * q * (phi[s][a][i] - mean[i]) * (phi[s][a][j] - mean[j]);
    });
  });
  return F;
}

/** F_w⁻¹ ∇J (a tiny ridge keeps F invertible). */
export function linearSoftmaxNaturalGradient(mdp: MDP, phi: Features, w: number[], ridge = 1e-8): number[] {
  return solveDense(linearSoftmaxFisher(mdp, phi, w, ridge), linearSoftmaxGradient(mdp, phi, w));
}

const step = (w: number[], d: number[], t: number) => w.map((x, i) => x + t * d[i]);

/**
 * The penalty method with TRPO's theoretical C: along the natural direction, the step t ∈ {0} ∪ {1e-4 · 10^(i/10),
 * i = 0..60} maximising L_π(π_t) − C·KLmax(π, π_t). Returns the new parameters (w itself when no step beats J).
 */
export function penaltyStep(mdp: MDP, phi: Features, w: number[]): number[] {
  const pi = linearSoftmaxPolicy(phi, w);
  const d = linearSoftmaxNaturalGradient(mdp, phi, w);
  let best = { t: 0, value: evaluatePolicy(mdp, pi).J };
  for (let i = 0; i <= 60; i++) {
    const t = 1e-4 * 10 ** (i / 10);
    const b = trpoBounds(mdp, pi, linearSoftmaxPolicy(phi, step(w, d, t)));
    const value = b.L - b.C * b.klMax;
    if (value > best.value) best = { t, value };
  }
  return step(w, d, best.t);
}

/**
 * The trust region: the largest natural step with mean KL (over d_π) at most δ, found by doubling then 40
 * bisections, then TRPO's backtracking line search (10 halvings) until the surrogate L exceeds J(π); w itself if
 * none does.
 */
export function trustRegionStep(mdp: MDP, phi: Features, w: number[], delta: number): number[] {
  const pi = linearSoftmaxPolicy(phi, w);
  const d = linearSoftmaxNaturalGradient(mdp, phi, w);
  let lo = 0;
  let hi = 1;
  while (klMean(mdp, pi, linearSoftmaxPolicy(phi, step(w, d, hi))) < delta && hi < 1e4) hi *= 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (klMean(mdp, pi, linearSoftmaxPolicy(phi, step(w, d, mid))) <= delta) lo = mid;
    else hi = mid;
  }
  const J0 = evaluatePolicy(mdp, pi).J;
  let t = lo;
  for (let i = 0; i < 10; i++, t /= 2)
    if (trpoBounds(mdp, pi, linearSoftmaxPolicy(phi, step(w, d, t))).L > J0) return step(w, d, t);
  return w;
}
