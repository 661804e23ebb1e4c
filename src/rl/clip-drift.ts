/**
 * Chapter 6's exercise "the clip is not a trust region", simulated exactly: one shared parameter θ, two states, and
 * in each the probability of the sampled action is σ(θ + c_s) with c_s = logit(π_old(a | s)), so θ = 0 is π_old.
 * Both samples have positive advantages. Full-batch gradient ascent on the mean clipped objective
 * min(r A, clip(r, 1 − ε, 1 + ε) A) (./ppo-clip.ts) for a number of epochs, recording each ratio r_s = π_θ / π_old.
 * When π_old(a | s) ≥ 1/(1 + ε) the ratio of that sample can never reach 1 + ε, so its gradient never switches off,
 * and the shared θ keeps moving the other state's ratio past the clip range.
 */
import { clippedGradient } from './ppo-clip';

export interface ClipDriftSetting {
  /** π_old of the sampled action in each state. */
  piOld: number[];
  /** The advantage of each sample. */
  advantage: number[];
  eps: number;
  /** Step size of plain gradient ascent on θ. */
  lr: number;
  epochs: number;
}

export interface ClipDriftRow {
  epoch: number;
  theta: number;
  /** r_s after `epoch` steps. */
  ratio: number[];
  /** Whether each sample still has a non-zero gradient (its clipped term is not flat). */
  active: boolean[];
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const logit = (p: number) => Math.log(p / (1 - p));

/** Rows for epochs 0 … epochs (row 0 is π_old, all ratios 1). */
export function clipDrift({ piOld, advantage, eps, lr, epochs }: ClipDriftSetting): ClipDriftRow[] {
  const c = piOld.map(logit);
  const n = piOld.length;
  let theta = 0;
  const rows: ClipDriftRow[] = [];
  for (let k = 0; ; k++) {
    const p = c.map((cs) => sigmoid(theta + cs));
    const ratio = p.map((ps, s) => ps / piOld[s]);
    const grads = ratio.map((r, s) => clippedGradient(r, advantage[s], eps));
    rows.push({ epoch: k, theta, ratio, active: grads.map((g) => g !== 0) });
    if (k === epochs) return rows;
    // d r_s / dθ = σ'(θ + c_s) / π_old(s) = p_s (1 − p_s) / π_old(s).
    let g = 0;
    for (let s = 0; s < n; s++) g += (grads[s] * p[s] * (1 - p[s])) / piOld[s];
    theta += (lr * g) / n;
  }
}
