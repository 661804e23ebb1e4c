/**
 * Logging an offline dataset (chapter 11): a behaviour policy acts in an environment of src/rl's registry, with a
 * uniformly random action instead of its own with probability ε, and every transition is stored the way the replay
 * buffer stores it: the real next observation (the final one on truncation), `terminated` only on termination.
 * `DatasetLogger.run(n)` logs at most n more transitions, so a widget can log in small slices (the main thread never
 * blocks); `dataset()` returns what was logged. Seeded: same policy, ε, size and RNG, same dataset.
 */
import { envs, type Action, type EnvId, type Rng } from '@/rl';
import { DATASET_MAX_TRANSITIONS, ENV_SPECS, type OfflineDataset } from '@/spec';

export interface LoggerOptions {
  env: EnvId;
  /** The behaviour policy's action for an observation (a discrete action index). */
  act: (obs: ArrayLike<number>) => Action;
  epsilon: number;
  size: number;
  rng: Rng;
  label: string;
}

export class DatasetLogger {
  private readonly d: OfflineDataset;
  private readonly env;
  private readonly nA: number;
  private readonly obsSize: number;
  private obs: Float32Array;
  private n = 0;
  private epRet = 0;
  private returns: number[] = [];

  constructor(private readonly o: LoggerOptions) {
    const spec = ENV_SPECS[o.env];
    if (spec.action.kind !== 'discrete') throw new Error('datasets hold discrete actions only');
    if (!(Number.isInteger(o.size) && o.size >= 1 && o.size <= DATASET_MAX_TRANSITIONS))
      throw new Error(`a dataset holds 1 to ${DATASET_MAX_TRANSITIONS} transitions`);
    this.nA = spec.action.n;
    this.obsSize = spec.observation.low.length;
    this.env = envs[o.env].make();
    const n = o.size;
    this.d = {
      env: o.env,
      size: 0,
      obs: new Float32Array(n * this.obsSize),
      nextObs: new Float32Array(n * this.obsSize),
      actions: new Float32Array(n),
      rewards: new Float32Array(n),
      terminated: new Uint8Array(n),
      behaviour: { label: o.label, epsilon: o.epsilon, episodes: 0, meanReturn: NaN },
    };
    this.obs = Float32Array.from(this.env.reset(o.rng));
  }

  get logged(): number {
    return this.n;
  }

  get done(): boolean {
    return this.n >= this.o.size;
  }

  /** Logs up to `steps` more transitions; returns whether the dataset is complete. */
  run(steps: number): boolean {
    const { rng, epsilon, act } = this.o;
    const d = this.obsSize;
    const end = Math.min(this.o.size, this.n + steps);
    for (; this.n < end; this.n++) {
      const a = rng.uniform() < epsilon ? rng.int(this.nA) : Number(act(this.obs));
      const r = this.env.step(a);
      const i = this.n;
      this.d.obs.set(this.obs, i * d);
      for (let k = 0; k < d; k++) this.d.nextObs[i * d + k] = r.obs[k];
      this.d.actions[i] = a;
      this.d.rewards[i] = r.reward;
      this.d.terminated[i] = r.terminated ? 1 : 0;
      this.epRet += r.reward;
      if (r.terminated || r.truncated) {
        this.returns.push(this.epRet);
        this.epRet = 0;
        this.obs = Float32Array.from(this.env.reset(rng));
      } else this.obs = Float32Array.from(r.obs);
    }
    return this.done;
  }

  /** The transitions logged so far, with the behaviour's episode count and mean return. */
  dataset(): OfflineDataset {
    const n = this.n;
    const d = this.obsSize;
    const rs = this.returns;
    return {
      ...this.d,
      size: n,
      obs: this.d.obs.slice(0, n * d),
      nextObs: this.d.nextObs.slice(0, n * d),
      actions: this.d.actions.slice(0, n),
      rewards: this.d.rewards.slice(0, n),
      terminated: this.d.terminated.slice(0, n),
      behaviour: {
        ...this.d.behaviour,
        episodes: rs.length,
        meanReturn: rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : NaN,
      },
    };
  }
}
