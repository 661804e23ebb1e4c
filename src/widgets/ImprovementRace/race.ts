/**
 * Three ways to improve a policy with exact quantities (chapter 5). The policy is a softmax over linear features,
 * logits(s, a) = φ(s, a)·w with 3 shared parameters, so that, as with neural networks, one step moves every state
 * at once (with a tabular softmax, huge gradient steps approach policy iteration and never hurt):
 * (a) the penalty method with the theoretical C: the natural-gradient step maximising L − C·KLmax;
 * (b) the trust region: the largest natural-gradient step with mean KL ≤ δ, backtracked until L improves;
 * (c) vanilla gradient ascent w ← w + η∇J, which can overshoot and fall.
 */
import {
  createRng,
  evaluatePolicy,
  klMean,
  randomMDP,
  softmaxPolicy,
  softmaxPolicyGradient,
  trpoBounds,
  type MDP,
} from '@/rl';

const D = 3;
type Features = number[][][]; // [s][a][i]

const logits = (phi: Features, w: number[]) =>
  phi.map((row) => row.map((f) => f.reduce((acc, x, i) => acc + x * w[i], 0)));
const policy = (phi: Features, w: number[]) => softmaxPolicy(logits(phi, w));

function gradW(mdp: MDP, phi: Features, w: number[]): number[] {
  const g = softmaxPolicyGradient(mdp, logits(phi, w));
  const out = new Array<number>(D).fill(0);
  g.forEach((row, s) => row.forEach((x, a) => phi[s][a].forEach((f, i) => (out[i] += x * f))));
  return out;
}

/** F_w⁻¹ ∇J with F_w = Σ_s d(s) Cov_{a∼π(·|s)}[φ(s, a)] (a tiny ridge keeps it invertible). */
function naturalW(mdp: MDP, phi: Features, w: number[]): number[] {
  const pi = policy(phi, w);
  const { d } = evaluatePolicy(mdp, pi);
  const F = Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (i === j ? 1e-8 : 0)));
  pi.forEach((p, s) => {
    const mean = new Array<number>(D).fill(0);
    p.forEach((q, a) => phi[s][a].forEach((f, i) => (mean[i] += q * f)));
    p.forEach((q, a) => {
      for (let i = 0; i < D; i++)
        for (let j = 0; j < D; j++) F[i][j] += d[s] * q * (phi[s][a][i] - mean[i]) * (phi[s][a][j] - mean[j]);
    });
  });
  const b = gradW(mdp, phi, w);
  // Gaussian elimination on the 3×3 system.
  for (let c = 0; c < D; c++) {
    for (let r = c + 1; r < D; r++) {
      const f = F[r][c] / F[c][c];
      for (let k = c; k < D; k++) F[r][k] -= f * F[c][k];
      b[r] -= f * b[c];
    }
  }
  const x = new Array<number>(D).fill(0);
  for (let r = D - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < D; k++) s -= F[r][k] * x[k];
    x[r] = s / F[r][r];
  }
  return x;
}

const step = (w: number[], d: number[], t: number) => w.map((x, i) => x + t * d[i]);

function penaltyStep(mdp: MDP, phi: Features, w: number[]): number[] {
  const pi = policy(phi, w);
  const d = naturalW(mdp, phi, w);
  let best = { t: 0, value: evaluatePolicy(mdp, pi).J };
  for (let i = 0; i <= 60; i++) {
    const t = 1e-4 * 10 ** (i / 10);
    const b = trpoBounds(mdp, pi, policy(phi, step(w, d, t)));
    const value = b.L - b.C * b.klMax;
    if (value > best.value) best = { t, value };
  }
  return step(w, d, best.t);
}

function trustRegionStep(mdp: MDP, phi: Features, w: number[], delta: number): number[] {
  const pi = policy(phi, w);
  const d = naturalW(mdp, phi, w);
  let lo = 0;
  let hi = 1;
  while (klMean(mdp, pi, policy(phi, step(w, d, hi))) < delta && hi < 1e4) hi *= 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (klMean(mdp, pi, policy(phi, step(w, d, mid))) <= delta) lo = mid;
    else hi = mid;
  }
  // Backtracking line search on the surrogate, as TRPO does.
  const J0 = evaluatePolicy(mdp, pi).J;
  let t = lo;
  for (let i = 0; i < 10; i++, t /= 2)
    if (trpoBounds(mdp, pi, policy(phi, step(w, d, t))).L > J0) return step(w, d, t);
  return w;
}

export type RaceRow = {
  iteration: number;
  penalty: number;
  trust: number;
  vanilla: number;
};

export function race(seed: number, gamma: number, delta: number, eta: number, iterations = 30): RaceRow[] {
  const mdp = randomMDP(seed, { states: 6, actions: 3, gamma });
  const rng = createRng(seed + 1);
  const phi: Features = Array.from({ length: 6 }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: D }, () => rng.normal())),
  );
  const start = Array.from({ length: D }, () => rng.normal());
  let a = start;
  let b = start;
  let c = start;
  const J = (w: number[]) => evaluatePolicy(mdp, policy(phi, w)).J;
  const rows: RaceRow[] = [{ iteration: 0, penalty: J(a), trust: J(b), vanilla: J(c) }];
  for (let k = 1; k <= iterations; k++) {
    a = penaltyStep(mdp, phi, a);
    b = trustRegionStep(mdp, phi, b, delta);
    c = step(c, gradW(mdp, phi, c), eta);
    rows.push({ iteration: k, penalty: J(a), trust: J(b), vanilla: J(c) });
  }
  return rows;
}
