/**
 * Replay buffer: a ring of typed arrays (no object per transition), uniform sampling with replacement from the run
 * RNG (as Stable-Baselines3's ReplayBuffer, which CleanRL uses).
 *
 * Time limits: `nextObs` is the real next observation — on truncation the environment's final observation, not the
 * first observation of the next episode — and `terminated` is set only on a real termination, so the TD target
 * bootstraps through time-limit truncation (CleanRL's `real_next_obs` with `handle_timeout_termination=False`).
 */

export interface UniformRng {
  uniform(): number;
}

/** Transitions as flat arrays (row t of `obs` is `obs[t*obsSize .. (t+1)*obsSize)`): the offline-data format. */
export interface TransitionArrays {
  obs: Float32Array;
  actions: Float32Array;
  rewards: Float32Array;
  nextObs: Float32Array;
  terminated: Uint8Array;
}

export class ReplayBuffer {
  readonly obs: Float32Array;
  readonly nextObs: Float32Array;
  /** `actSize` floats per transition: the action index for a discrete space, the action vector for a box. */
  readonly actions: Float32Array;
  readonly rewards: Float32Array;
  readonly terminated: Uint8Array;
  /** Next slot to write. */
  private pos = 0;
  /** Number of stored transitions (≤ capacity). */
  size = 0;

  constructor(
    readonly capacity: number,
    readonly obsSize: number,
    readonly actSize: number,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error('capacity must be an integer ≥ 1');
    this.obs = new Float32Array(capacity * obsSize);
    this.nextObs = new Float32Array(capacity * obsSize);
    this.actions = new Float32Array(capacity * actSize);
    this.rewards = new Float32Array(capacity);
    this.terminated = new Uint8Array(capacity);
  }

  /** A full buffer holding `data` (offline RL: train from a logged dataset without acting). */
  static from(data: TransitionArrays, obsSize: number, actSize: number): ReplayBuffer {
    const n = data.rewards.length;
    const b = new ReplayBuffer(Math.max(1, n), obsSize, actSize);
    b.obs.set(data.obs.subarray(0, n * obsSize));
    b.nextObs.set(data.nextObs.subarray(0, n * obsSize));
    b.actions.set(data.actions.subarray(0, n * actSize));
    b.rewards.set(data.rewards.subarray(0, n));
    b.terminated.set(data.terminated.subarray(0, n));
    b.size = n;
    b.pos = n % b.capacity;
    return b;
  }

  /** Stores one transition, overwriting the oldest when full. */
  add(
    obs: ArrayLike<number>,
    action: ArrayLike<number>,
    reward: number,
    nextObs: ArrayLike<number>,
    terminated: boolean,
  ): void {
    const i = this.pos;
    const d = this.obsSize;
    const m = this.actSize;
    for (let k = 0; k < d; k++) {
      this.obs[i * d + k] = obs[k];
      this.nextObs[i * d + k] = nextObs[k];
    }
    for (let k = 0; k < m; k++) this.actions[i * m + k] = action[k];
    this.rewards[i] = reward;
    this.terminated[i] = terminated ? 1 : 0;
    this.pos = (i + 1) % this.capacity;
    if (this.size < this.capacity) this.size += 1;
  }

  /** `n` indices uniform over the stored transitions, with replacement. */
  sampleIndices(n: number, rng: UniformRng, out: Int32Array): Int32Array {
    if (this.size === 0) throw new Error('cannot sample from an empty replay buffer');
    for (let k = 0; k < n; k++) out[k] = Math.floor(rng.uniform() * this.size);
    return out;
  }

  /**
   * Writes the transitions `idx` as rows of `out` (row width `width`): `[obs | action | reward | terminated |
   * nextObs]`, the action one-hot over `oneHot` columns when given (discrete), else `actSize` columns. Columns after
   * these are left to the caller (noise for the TD3 and SAC updates). One matrix, so a batch is one upload.
   */
  pack(idx: Int32Array, n: number, out: Float32Array, width: number, oneHot = 0): void {
    const d = this.obsSize;
    const m = this.actSize;
    const aCols = oneHot > 0 ? oneHot : m;
    for (let r = 0; r < n; r++) {
      const i = idx[r];
      const o = r * width;
      for (let k = 0; k < d; k++) out[o + k] = this.obs[i * d + k];
      if (oneHot > 0) {
        for (let k = 0; k < oneHot; k++) out[o + d + k] = 0;
        out[o + d + this.actions[i * m]] = 1;
      } else for (let k = 0; k < m; k++) out[o + d + k] = this.actions[i * m + k];
      out[o + d + aCols] = this.rewards[i];
      out[o + d + aCols + 1] = this.terminated[i];
      const no = o + d + aCols + 2;
      for (let k = 0; k < d; k++) out[no + k] = this.nextObs[i * d + k];
    }
  }
}
