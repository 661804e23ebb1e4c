/**
 * One implementation of each environment's dynamics, shared by its scalar and vectorised forms: a kernel works on a
 * slice of a flat float64 state buffer and allocates nothing, so `VecKernelEnv` steps n copies without garbage and
 * steps exactly like n scalar envs (tested).
 */
import type { Rng } from './rng';
import {
  actionSize,
  obsSize,
  type Action,
  type Env,
  type EnvSpec,
  type StepResult,
  type VecEnv,
} from './env-spec';

/** Written by `EnvKernel.step` (one reusable object, so stepping allocates nothing). */
export interface Transition {
  reward: number;
  terminated: boolean;
}

export interface EnvKernel {
  readonly spec: EnvSpec;
  readonly stateSize: number;
  /** Writes a start state into `s[o …]`, drawing from `rng` in Gymnasium's order. */
  reset(rng: Rng, s: Float64Array, o: number): void;
  /**
   * Advances `s[o …]` by one step. Discrete: `a[ao]` is the action index. Box: `a[ao …]` the action (clipped here,
   * as Gymnasium does), with `f32` saying it is float32 (a Float32Array) rather than float64.
   */
  step(s: Float64Array, o: number, a: ArrayLike<number>, ao: number, f32: boolean, out: Transition): void;
  /** Writes the float32 observation of `s[o …]` into `obs[oo …]`. */
  observe(s: Float64Array, o: number, obs: Float32Array, oo: number): void;
  /** Throws a clear message if `action` is not a valid action (scalar envs only; the vector form trusts its caller). */
  check(action: unknown): ArrayLike<number>;
}

/** The scalar form of a kernel: `new Acrobot()`, `reset(rng)`, `step(action)`, with the TimeLimit of the spec. */
export class KernelEnv implements Env {
  readonly spec: EnvSpec;
  state: Float64Array;
  steps = 0;
  protected readonly kernel: EnvKernel;
  private readonly out: Transition = { reward: 0, terminated: false };

  constructor(kernel: EnvKernel) {
    this.kernel = kernel;
    this.spec = kernel.spec;
    this.state = new Float64Array(kernel.stateSize);
  }

  reset(rng: Rng): Float32Array {
    this.kernel.reset(rng, this.state, 0);
    this.steps = 0;
    return this.observe();
  }

  step(action: Action): StepResult {
    const a = this.kernel.check(action);
    this.kernel.step(this.state, 0, a, 0, a instanceof Float32Array, this.out);
    this.steps++;
    return {
      obs: this.observe(),
      reward: this.out.reward,
      terminated: this.out.terminated,
      // TimeLimit: true on exactly the limit-th step (also when that step terminates, as Gymnasium reports it).
      truncated: this.steps >= this.spec.maxEpisodeSteps,
    };
  }

  private observe(): Float32Array {
    const obs = new Float32Array(obsSize(this.spec));
    this.kernel.observe(this.state, 0, obs, 0);
    return obs;
  }
}

/** n copies of a kernel stepped together with auto-reset, into flat buffers (see `VecEnv`). */
export class VecKernelEnv implements VecEnv {
  readonly spec: EnvSpec;
  readonly n: number;
  readonly state: Float64Array;
  readonly obs: Float32Array;
  readonly finalObs: Float32Array;
  readonly rewards: Float32Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  readonly steps: Int32Array;
  readonly episodeReturn: Float64Array;
  finished: Array<{ env: number; return: number; length: number }> = [];
  private readonly kernel: EnvKernel;
  private readonly rng: Rng;
  private readonly out: Transition = { reward: 0, terminated: false };
  private readonly d: number;
  private readonly k: number;

  constructor(kernel: EnvKernel, n: number, rng: Rng) {
    this.kernel = kernel;
    this.spec = kernel.spec;
    this.n = n;
    this.rng = rng;
    this.d = obsSize(kernel.spec);
    this.k = kernel.stateSize;
    this.state = new Float64Array(this.k * n);
    this.obs = new Float32Array(this.d * n);
    this.finalObs = new Float32Array(this.d * n);
    this.rewards = new Float32Array(n);
    this.terminated = new Uint8Array(n);
    this.truncated = new Uint8Array(n);
    this.steps = new Int32Array(n);
    this.episodeReturn = new Float64Array(n);
    for (let e = 0; e < n; e++) this.resetEnv(e);
  }

  private resetEnv(e: number) {
    this.kernel.reset(this.rng, this.state, this.k * e);
    this.kernel.observe(this.state, this.k * e, this.obs, this.d * e);
    this.steps[e] = 0;
    this.episodeReturn[e] = 0;
  }

  step(actions: ArrayLike<number>): void {
    this.finished = [];
    const f32 = actions instanceof Float32Array;
    const m = actionSize(this.spec);
    const { d, k, out } = this;
    for (let e = 0; e < this.n; e++) {
      this.kernel.step(this.state, k * e, actions, m * e, f32, out);
      this.steps[e]++;
      const term = out.terminated;
      const trunc = !term && this.steps[e] >= this.spec.maxEpisodeSteps;
      this.rewards[e] = out.reward;
      this.episodeReturn[e] += out.reward;
      this.terminated[e] = term ? 1 : 0;
      this.truncated[e] = trunc ? 1 : 0;
      this.kernel.observe(this.state, k * e, this.obs, d * e);
      if (term || trunc) {
        for (let i = 0; i < d; i++) this.finalObs[d * e + i] = this.obs[d * e + i];
        this.finished.push({ env: e, return: this.episodeReturn[e], length: this.steps[e] });
        this.resetEnv(e);
      }
    }
  }
}
