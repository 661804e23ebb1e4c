/**
 * DDPG and TD3 (CleanRL ddpg_continuous_action.py, td3_continuous_action.py) as one learner: uniform random actions
 * until `learningStarts`, then μ(s) + N(0, (scale · explorationNoise)²) clipped to the box, computed in TypeScript
 * from the last read-back actor weights. Each gradient step updates the critics; every `policyFrequency`-th gradient
 * step also updates the actor and Polyak-averages all targets (CleanRL counts env steps for that; with one gradient
 * step per env step the two counts differ only by the learning-start offset). TD3's three fixes are switches:
 * `clippedDoubleQ` (two critics, min target), `policyFrequency` (delay), `targetSmoothing`.
 */
import * as tf from '../tf';
import type { DdpgConfig, Td3Config } from './config';
import { criticLossAndGrads, criticsForward } from './critic-loss';
import { FlatNet } from './flat-net';
import type { OffPolicyEnv } from './env';
import { FlatVarAdam, polyak } from './flat-adam';
import { initLinearTorch, pack, paramCount, TsForward, type Sizes } from './net';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { OffPolicyLoop, type OffPolicyOptions } from './offpolicy-loop';
import { toMlpParams } from './net';
import { boxTensors, td3ActorLossAndGrads, td3Target, type BoxTensors } from './td3-loss';

/** The box of an environment, as numbers (TypeScript side) and tensors (tfjs side). */
export class Box {
  readonly low: Float32Array;
  readonly high: Float32Array;
  readonly scale: Float32Array;
  readonly bias: Float32Array;
  readonly tensors: BoxTensors;

  constructor(env: OffPolicyEnv) {
    if (env.action.kind !== 'box') throw new Error('this learner needs a box (continuous) action space');
    const { low, high } = env.action;
    this.low = Float32Array.from(low);
    this.high = Float32Array.from(high);
    this.scale = this.low.map((l, k) => (high[k] - l) / 2);
    this.bias = this.low.map((l, k) => (high[k] + l) / 2);
    this.tensors = boxTensors(low, high);
  }

  get size(): number {
    return this.low.length;
  }

  clip(a: Float32Array): void {
    for (let k = 0; k < a.length; k++) a[k] = Math.min(Math.max(a[k], this.low[k]), this.high[k]);
  }

  uniform(rng: { uniform(): number }, out: Float32Array): void {
    for (let k = 0; k < out.length; k++) out[k] = this.low[k] + (this.high[k] - this.low[k]) * rng.uniform();
  }

  dispose(): void {
    for (const t of Object.values(this.tensors)) t.dispose();
  }
}

/** The variables of K critics on one flat vector, initialised one after the other from the run RNG. */
export function initCritics(sizes: Sizes, K: number, rng: { uniform(): number }): Float32Array {
  const P = paramCount(sizes);
  const flat = new Float32Array(K * P);
  for (let k = 0; k < K; k++) flat.set(initLinearTorch(sizes, rng), k * P);
  return flat;
}

export class Td3Trainer extends OffPolicyLoop {
  declare readonly config: Td3Config | DdpgConfig;
  private readonly box: Box;
  private readonly K: number;
  private readonly actorSizes: Sizes;
  private readonly criticSizes: Sizes;
  private readonly actorNet: FlatNet;
  private readonly actorTarget: FlatNet;
  private readonly critics: FlatNet;
  private readonly criticTargets: FlatNet;
  private readonly actorOpt: FlatVarAdam;
  private readonly criticOpt: FlatVarAdam;
  private actorTs: Float32Array;
  private fwd: TsForward;
  private explorationNoise: number;

  constructor(cfg: Td3Config | DdpgConfig, env: OffPolicyEnv, opts: OffPolicyOptions = {}) {
    const m = env.action.kind === 'box' ? env.action.low.length : 0;
    super(cfg, env, opts, m);
    this.box = new Box(env);
    this.K = cfg.clippedDoubleQ ? 2 : 1;
    const d = env.obsSize;
    this.actorSizes = [d, cfg.hidden, cfg.hidden, m];
    this.criticSizes = [d + m, cfg.hidden, cfg.hidden, 1];
    // CleanRL's order: actor, then the critics; the targets start as copies.
    this.actorTs = initLinearTorch(this.actorSizes, this.rng);
    const critics = initCritics(this.criticSizes, this.K, this.rng);
    this.actorNet = new FlatNet(this.actorTs, this.actorSizes);
    this.actorTarget = new FlatNet(this.actorTs, this.actorSizes, 1, false);
    this.critics = new FlatNet(critics, this.criticSizes, this.K);
    this.criticTargets = new FlatNet(critics, this.criticSizes, this.K, false);
    this.actorOpt = new FlatVarAdam(this.actorNet, cfg.learningRate);
    this.criticOpt = new FlatVarAdam(this.critics, cfg.learningRate);
    this.fwd = new TsForward(this.actorSizes, 1);
    this.explorationNoise = cfg.explorationNoise;
  }

  protected selectAction(obs: Float32Array, t: number, out: Float32Array): void {
    if (t < this.config.learningStarts) {
      this.box.uniform(this.rng, out);
      return;
    }
    const raw = this.fwd.run(this.actorTs, obs, 1);
    const b = this.box;
    for (let k = 0; k < out.length; k++)
      out[k] =
        Math.tanh(raw[k]) * b.scale[k] + b.bias[k] + this.rng.normal() * b.scale[k] * this.explorationNoise;
    b.clip(out);
  }

  protected train(): boolean {
    const c = this.config;
    const d = this.obsSize;
    const m = this.box.size;
    let actorChanged = false;
    for (let g = 0; g < c.gradientSteps; g++) {
      const n = this.sampleBatch();
      // target smoothing noise, standard normal, from the run RNG
      if (c.targetSmoothing)
        for (let r = 0; r < n; r++) {
          const o = r * this.width + 2 * d + m + 2;
          for (let k = 0; k < m; k++) this.batchBuf[o + k] = this.rng.normal();
        }
      const x = tf.tensor2d(this.batchBuf.subarray(0, n * this.width), [n, this.width]);
      const [obs, act, reward, terminated, nextObs, noise] = tf.split(
        x,
        [d, m, 1, 1, d, m],
        1,
      ) as tf.Tensor2D[];
      const stats = tf.tidy(() => {
        const y = td3Target(
          this.actorTarget.weights(),
          this.criticTargets.members(),
          nextObs,
          tf.reshape(reward, [-1]),
          tf.reshape(terminated, [-1]),
          noise,
          this.box.tensors,
          {
            gamma: c.gamma,
            smoothing: c.targetSmoothing,
            policyNoise: c.policyNoise,
            noiseClip: c.noiseClip,
          },
        );
        const { grad, stats } = criticLossAndGrads(this.critics.members(), obs, act, y);
        this.criticOpt.apply(grad);
        return stats;
      });
      this.critStats.push(stats);
      this.gradientStepsDone += 1;
      if (this.gradientStepsDone % c.policyFrequency === 0) {
        const loss = tf.tidy(() => {
          const { grads, loss } = td3ActorLossAndGrads(
            this.actorNet.weights(),
            this.critics.members(),
            obs,
            this.box.tensors,
          );
          this.actorOpt.apply(pack(grads));
          return loss;
        });
        this.actorStats.push(loss);
        polyak(this.actorTarget, this.actorNet, c.tau);
        polyak(this.criticTargets, this.critics, c.tau);
        actorChanged = true;
      }
      tf.dispose([x, obs, act, reward, terminated, nextObs, noise]);
    }
    return actorChanged;
  }

  protected async syncActing(): Promise<boolean> {
    const v = (await this.actorNet.v.data()) as Float32Array;
    let ok = true;
    for (let k = 0; k < v.length; k++) if (!Number.isFinite(v[k])) ok = false;
    this.actorTs = v;
    return ok;
  }

  protected readoutQ(rows: tf.Tensor2D): tf.Tensor {
    const [obs, act] = tf.split(rows, [this.obsSize, this.box.size], 1) as tf.Tensor2D[];
    const critics = this.critics.members();
    return tf.mean(criticsForward([critics[0]], obs, act)[0].out);
  }

  protected extras() {
    return { epsilon: NaN, alpha: NaN, learningRate: this.actorOpt.learningRate };
  }

  actor(): MlpParams {
    return toMlpParams(this.actorSizes, this.actorTs);
  }

  setLive(h: LiveHparams): void {
    if (h.learningRate !== undefined) {
      this.actorOpt.learningRate = h.learningRate;
      this.criticOpt.learningRate = h.learningRate;
    }
    if (h.explorationNoise !== undefined) this.explorationNoise = h.explorationNoise;
  }

  /** The actor's parameters as the acting side sees them (flat, see net.ts): a = tanh(out) · scale + bias. */
  actorParams(): { sizes: Sizes; params: Float32Array } {
    return { sizes: this.actorSizes, params: this.actorTs };
  }

  dispose(): void {
    for (const n of [this.actorNet, this.actorTarget, this.critics, this.criticTargets]) n.dispose();
    this.actorOpt.dispose();
    this.criticOpt.dispose();
    this.box.dispose();
  }
}
