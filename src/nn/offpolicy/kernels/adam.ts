/**
 * torch.optim.Adam (CleanRL's optimiser for DQN, DDPG, TD3, SAC: eps 1e-8, no gradient clipping) and the Polyak
 * target update, on flat float32 arrays (the kernels' engine; flat-adam.ts is the same on tfjs variables).
 */
export class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;

  constructor(
    private readonly param: Float32Array,
    public learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.m = new Float32Array(param.length);
    this.v = new Float32Array(param.length);
  }

  /** One step against the gradient `g` (same length as the parameter). */
  step(g: Float32Array): void {
    this.t += 1;
    const { beta1: b1, beta2: b2, eps, m, v, param: p } = this;
    const bc1 = 1 - b1 ** this.t;
    const sqrtBc2 = Math.sqrt(1 - b2 ** this.t);
    const lr = this.learningRate / bc1;
    for (let k = 0; k < p.length; k++) {
      const gk = g[k];
      const mk = b1 * m[k] + (1 - b1) * gk;
      const vk = b2 * v[k] + (1 - b2) * gk * gk;
      m[k] = mk;
      v[k] = vk;
      // torch: p -= lr/bc1 · m / (sqrt(v)/sqrt(bc2) + eps)
      p[k] -= (lr * m[k]) / (Math.sqrt(v[k]) / sqrtBc2 + eps);
    }
  }
}

/** target ← τ·source + (1 − τ)·target (τ ≥ 1: a copy). */
export function polyakTs(target: Float32Array, source: Float32Array, tau: number): void {
  if (tau >= 1) {
    target.set(source);
    return;
  }
  for (let k = 0; k < target.length; k++) target[k] = tau * source[k] + (1 - tau) * target[k];
}

/** Whether every entry is finite. */
export function allFinite(a: Float32Array): boolean {
  for (let k = 0; k < a.length; k++) if (!Number.isFinite(a[k])) return false;
  return true;
}
