/**
 * Reward scaling as the NormalizeReward wrapper of CleanRL's ppo_continuous_action.py (gym 0.23's vector wrapper,
 * then a clip to ±10): each environment keeps a discounted return G ← γ G + r; the running variance of all
 * environments' G is updated (RunningMeanStd: mean 0, var 1, count 1e-4 to start, batched over the environments);
 * rewards are divided by sqrt(var + 1e-8) and clipped to ±10; G restarts at 0 when an episode ends. Only the learner
 * sees scaled rewards: the episode returns the run reports are the env's own.
 */
export class RewardScaler {
  private readonly ret: Float64Array;
  private mean = 0;
  private var = 1;
  private count = 1e-4;

  constructor(
    readonly numEnvs: number,
    private readonly gamma: number,
    private readonly clip = 10,
    private readonly eps = 1e-8,
  ) {
    this.ret = new Float64Array(numEnvs);
  }

  /**
   * One vectorised step: `rewards[e]` of every env in, scaled rewards written to `out` from `offset`; `done[e]`
   * (terminated or truncated) restarts env e's discounted return.
   */
  step(rewards: ArrayLike<number>, done: (e: number) => boolean, out: Float32Array, offset: number): void {
    const n = this.numEnvs;
    for (let e = 0; e < n; e++) this.ret[e] = this.ret[e] * this.gamma + rewards[e];
    this.update();
    const s = 1 / Math.sqrt(this.var + this.eps);
    for (let e = 0; e < n; e++) {
      out[offset + e] = Math.max(-this.clip, Math.min(this.clip, rewards[e] * s));
      if (done(e)) this.ret[e] = 0;
    }
  }

  private update(): void {
    const n = this.numEnvs;
    let m = 0;
    for (let e = 0; e < n; e++) m += this.ret[e];
    m /= n;
    let v = 0;
    for (let e = 0; e < n; e++) v += (this.ret[e] - m) ** 2;
    v /= n;
    const delta = m - this.mean;
    const tot = this.count + n;
    this.mean += (delta * n) / tot;
    this.var = (this.var * this.count + v * n + (delta * delta * this.count * n) / tot) / tot;
    this.count = tot;
  }

  /** The running standard deviation of the discounted returns. */
  get std(): number {
    return Math.sqrt(this.var);
  }
}
