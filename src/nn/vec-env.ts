/**
 * Vectorised environments with auto-reset, writing into flat Float32Arrays so the rollout loop allocates nothing
 * per step. The engine only sees this interface: it does not care which environment it trains on.
 */
import type { EnvSpec } from '@/spec';
import type { RlVec, RunRng, SingleEnv } from './rl-bridge';

export interface VecEnv {
  readonly numEnvs: number;
  readonly obsSize: number;
  /** Discrete: the number of actions (the policy's logits). Box: the action's dimension (the policy's means). */
  readonly numActions: number;
  /** Discrete actions are indices; box actions are `numEnvs × numActions` values, clipped by the env. */
  readonly actionKind: 'discrete' | 'box';
  /** Resets every environment; writes `numEnvs * obsSize` observations into `obs`. */
  reset(obs: Float32Array): void;
  /**
   * Steps every environment with `actions`. Finished environments are reset at once: `obs` then holds the first
   * observation of the new episode and `finalObs` the last observation of the old one (needed to bootstrap on
   * truncation). `episodeReturn`/`episodeLength` are set for environments whose episode just ended.
   */
  step(actions: ArrayLike<number>, out: VecStep): void;
}

export interface VecStep {
  obs: Float32Array;
  rewards: Float32Array;
  terminated: Uint8Array;
  truncated: Uint8Array;
  finalObs: Float32Array;
  episodeReturn: Float64Array;
  episodeLength: Int32Array;
}

export function allocStep(env: VecEnv): VecStep {
  return {
    obs: new Float32Array(env.numEnvs * env.obsSize),
    rewards: new Float32Array(env.numEnvs),
    terminated: new Uint8Array(env.numEnvs),
    truncated: new Uint8Array(env.numEnvs),
    finalObs: new Float32Array(env.numEnvs * env.obsSize),
    episodeReturn: new Float64Array(env.numEnvs),
    episodeLength: new Int32Array(env.numEnvs),
  };
}

/** Vectorises any Gymnasium-style single environment with discrete actions. */
export class SyncVecEnv implements VecEnv {
  readonly actionKind = 'discrete';
  private envs: SingleEnv[];
  private ret: Float64Array;
  private len: Int32Array;

  constructor(
    make: () => SingleEnv,
    readonly numEnvs: number,
    readonly obsSize: number,
    readonly numActions: number,
    private rng: RunRng,
  ) {
    this.envs = Array.from({ length: numEnvs }, make);
    this.ret = new Float64Array(numEnvs);
    this.len = new Int32Array(numEnvs);
  }

  reset(obs: Float32Array): void {
    for (let e = 0; e < this.numEnvs; e++) {
      const o = this.envs[e].reset(this.rng);
      for (let k = 0; k < this.obsSize; k++) obs[e * this.obsSize + k] = o[k];
      this.ret[e] = 0;
      this.len[e] = 0;
    }
  }

  step(actions: ArrayLike<number>, out: VecStep): void {
    const d = this.obsSize;
    for (let e = 0; e < this.numEnvs; e++) {
      const r = this.envs[e].step(actions[e]);
      out.rewards[e] = r.reward;
      out.terminated[e] = r.terminated ? 1 : 0;
      out.truncated[e] = r.truncated && !r.terminated ? 1 : 0;
      this.ret[e] += r.reward;
      this.len[e] += 1;
      if (r.terminated || r.truncated) {
        for (let k = 0; k < d; k++) out.finalObs[e * d + k] = r.obs[k];
        out.episodeReturn[e] = this.ret[e];
        out.episodeLength[e] = this.len[e];
        this.ret[e] = 0;
        this.len[e] = 0;
        const o = this.envs[e].reset(this.rng);
        for (let k = 0; k < d; k++) out.obs[e * d + k] = o[k];
      } else {
        out.episodeReturn[e] = NaN;
        out.episodeLength[e] = 0;
        for (let k = 0; k < d; k++) out.obs[e * d + k] = r.obs[k];
      }
    }
  }
}

/**
 * An environment of src/rl's registry (discrete or box actions), vectorised by its allocation-free kernel
 * (Gymnasium's dynamics, auto-reset with the final observation kept), seen through the engine's `VecEnv` interface.
 * The kernel is built (and so reset, from the run RNG) at `reset`, after the networks' initialisation: the same
 * order of draws as `SyncVecEnv` over single environments.
 */
export class RlVecEnv implements VecEnv {
  readonly obsSize: number;
  readonly numActions: number;
  readonly actionKind: 'discrete' | 'box';
  private vec: RlVec | null = null;

  constructor(
    private readonly make: (n: number, rng: RunRng) => RlVec,
    spec: EnvSpec,
    readonly numEnvs: number,
    private rng: RunRng,
  ) {
    this.obsSize = spec.observation.low.length;
    this.actionKind = spec.action.kind;
    this.numActions = spec.action.kind === 'discrete' ? spec.action.n : spec.action.low.length;
  }

  reset(obs: Float32Array): void {
    this.vec = this.make(this.numEnvs, this.rng);
    obs.set(this.vec.obs);
  }

  step(actions: ArrayLike<number>, out: VecStep): void {
    const v = this.vec;
    if (!v) throw new Error('RlVecEnv.step before reset');
    const d = this.obsSize;
    v.step(actions);
    out.obs.set(v.obs);
    out.rewards.set(v.rewards);
    out.terminated.set(v.terminated);
    out.truncated.set(v.truncated);
    out.episodeReturn.fill(NaN);
    out.episodeLength.fill(0);
    for (const f of v.finished) {
      out.episodeReturn[f.env] = f.return;
      out.episodeLength[f.env] = f.length;
      for (let k = 0; k < d; k++) out.finalObs[f.env * d + k] = v.finalObs[f.env * d + k];
    }
  }
}
