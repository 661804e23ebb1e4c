/**
 * The overestimation readout's data: the steps of the first half of recent episodes, each as a critic input row
 * `[obs | action columns]`, with its discounted Monte Carlo return-to-go G_t = Σ_k γ^k r_{t+k}.
 *
 * Why the first half: a truncated episode's return-to-go misses the rewards after the time limit, a bias of at most
 * γ^(T−t) times the tail's value; on the first half of a T-step episode it is at most γ^(T/2) of it (CartPole at
 * T = 500, γ = 0.99: 0.7%). Typed arrays throughout; the current episode grows by doubling.
 */
export class McReadout {
  private cur: Float32Array;
  private curR: Float64Array;
  private len = 0;
  readonly rows: Float32Array;
  readonly returns: Float64Array;
  /** Rows stored (≤ maxRows). */
  count = 0;
  private pos = 0;

  constructor(
    readonly width: number,
    private gamma: number,
    readonly maxRows = 256,
  ) {
    this.cur = new Float32Array(256 * width);
    this.curR = new Float64Array(256);
    this.rows = new Float32Array(maxRows * width);
    this.returns = new Float64Array(maxRows);
  }

  /** Appends one step of the running episode: `row` holds the critic input, `reward` the reward received. */
  record(row: ArrayLike<number>, reward: number): void {
    if (this.len === this.curR.length) {
      const c = new Float32Array(this.cur.length * 2);
      c.set(this.cur);
      this.cur = c;
      const r = new Float64Array(this.curR.length * 2);
      r.set(this.curR);
      this.curR = r;
    }
    const w = this.width;
    for (let k = 0; k < w; k++) this.cur[this.len * w + k] = row[k];
    this.curR[this.len] = reward;
    this.len += 1;
  }

  /** Closes the running episode: its first-half steps enter the ring with their returns-to-go. */
  endEpisode(): void {
    const w = this.width;
    const half = Math.ceil(this.len / 2);
    let g = 0;
    const G = new Float64Array(this.len);
    for (let t = this.len - 1; t >= 0; t--) {
      g = this.curR[t] + this.gamma * g;
      G[t] = g;
    }
    for (let t = 0; t < half; t++) {
      this.rows.set(this.cur.subarray(t * w, (t + 1) * w), this.pos * w);
      this.returns[this.pos] = G[t];
      this.pos = (this.pos + 1) % this.maxRows;
      if (this.count < this.maxRows) this.count += 1;
    }
    this.len = 0;
  }

  /** Mean return-to-go over the stored rows (NaN when empty). */
  meanReturn(): number {
    if (!this.count) return NaN;
    let s = 0;
    for (let k = 0; k < this.count; k++) s += this.returns[k];
    return s / this.count;
  }
}
