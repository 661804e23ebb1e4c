/**
 * DQN (CleanRL dqn.py): ε-greedy acting with the online Q network's float32 forward pass in TypeScript, uniform
 * replay, a target network refreshed every `targetNetworkFrequency` env steps (hard copy at τ = 1, Polyak below),
 * the TD loss of dqn-loss.ts with its hand-derived gradient and Adam on one flat vector. Switches: Double DQN,
 * replay off (latest batch only), target network off (the target uses the online weights).
 */
import * as tf from '../tf';
import type { DqnConfig } from './config';
import type { OffPolicyEnv } from './env';
import { FlatVarAdam, polyak } from './flat-adam';
import { dqnLossAndGrads, dqnTarget, type DqnBatch } from './dqn-loss';
import { FlatNet } from './flat-net';
import { forward, initLinearTorch, pack, TsForward, type Sizes } from './net';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { OffPolicyLoop, type OffPolicyOptions } from './offpolicy-loop';
import { toMlpParams } from './net';

/** CleanRL's linear_schedule: from start to end over `duration` steps, then end. */
export function linearSchedule(start: number, end: number, duration: number, t: number): number {
  if (duration <= 0) return end;
  const slope = (end - start) / duration;
  return start < end ? Math.min(slope * t + start, end) : Math.max(slope * t + start, end);
}

export class DqnTrainer extends OffPolicyLoop {
  declare config: DqnConfig;
  private readonly sizes: Sizes;
  private readonly q: FlatNet;
  private readonly qTarget: FlatNet;
  private readonly opt: FlatVarAdam;
  /** The acting copy of the online weights (read back after each training block). */
  private qTs: Float32Array;
  private fwd: TsForward;
  private lastTargetUpdate: number;

  constructor(cfg: DqnConfig, env: OffPolicyEnv, opts: OffPolicyOptions = {}) {
    super(cfg, env, opts, 0);
    if (env.action.kind !== 'discrete') throw new Error('DQN needs a discrete action space');
    this.sizes = [env.obsSize, cfg.hidden, cfg.hidden, env.action.n];
    // One seed: the online network's init first (the target starts as its copy), then env resets, then acting.
    this.qTs = initLinearTorch(this.sizes, this.rng);
    this.q = new FlatNet(this.qTs, this.sizes);
    this.qTarget = new FlatNet(this.qTs, this.sizes, 1, false);
    this.opt = new FlatVarAdam(this.q, cfg.learningRate);
    this.fwd = new TsForward(this.sizes, 1);
    this.lastTargetUpdate = Math.floor(cfg.learningStarts / cfg.targetNetworkFrequency);
  }

  protected override bufferCapacity(): number {
    return this.config.replay ? this.config.bufferSize : this.config.batchSize;
  }

  epsilonAt(t: number): number {
    const c = this.config;
    return linearSchedule(c.startE, c.endE, c.explorationFraction * c.totalSteps, t);
  }

  protected selectAction(obs: Float32Array, t: number, out: Float32Array): void {
    const A = this.sizes[3];
    if (this.rng.uniform() < this.epsilonAt(t)) {
      out[0] = Math.floor(this.rng.uniform() * A);
      return;
    }
    const q = this.fwd.run(this.qTs, obs, 1);
    let best = 0;
    for (let a = 1; a < A; a++) if (q[a] > q[best]) best = a;
    out[0] = best;
  }

  /** Splits a packed batch tensor into the DQN batch. */
  private batch(x: tf.Tensor2D): DqnBatch {
    const d = this.obsSize;
    const A = this.actCols;
    const [obs, oneHot, reward, terminated, nextObs] = tf.split(x, [d, A, 1, 1, d], 1);
    return {
      obs: obs as tf.Tensor2D,
      oneHot: oneHot as tf.Tensor2D,
      reward: tf.reshape(reward, [-1]) as tf.Tensor1D,
      terminated: tf.reshape(terminated, [-1]) as tf.Tensor1D,
      nextObs: nextObs as tf.Tensor2D,
    };
  }

  /** One gradient step on the batch in `batchBuf` (n rows). */
  private gradientStep(n: number): void {
    const c = this.config;
    const stats = tf.tidy(() => {
      const b = this.batch(tf.tensor2d(this.batchBuf.subarray(0, n * this.width), [n, this.width]));
      const w = this.q.weights();
      const wt = c.targetNetwork ? this.qTarget.weights() : w;
      const y = dqnTarget(w, wt, b, c.gamma, c.double);
      const { grads, stats } = dqnLossAndGrads(w, b, y, c.loss === 'huber');
      this.opt.apply(pack(grads));
      return stats;
    });
    this.critStats.push(stats);
    this.gradientStepsDone += 1;
  }

  protected train(t: number): boolean {
    const c = this.config;
    for (let k = 0; k < c.gradientSteps; k++) this.gradientStep(this.sampleBatch(!c.replay));
    // CleanRL: `if global_step % target_network_frequency == 0` inside the learning branch.
    // Training runs every `trainFrequency` steps, so the copy happens at the first training step at or after each
    // multiple of the target frequency (exactly CleanRL's steps when one divides the other).
    const due = Math.floor(t / c.targetNetworkFrequency);
    if (c.targetNetwork && due !== this.lastTargetUpdate) {
      this.lastTargetUpdate = due;
      polyak(this.qTarget, this.q, c.tau);
    }
    return true;
  }

  protected async syncActing(): Promise<boolean> {
    const v = (await this.q.v.data()) as Float32Array;
    let ok = true;
    for (let k = 0; k < v.length; k++) if (!Number.isFinite(v[k])) ok = false;
    this.qTs = v;
    return ok;
  }

  protected readoutQ(rows: tf.Tensor2D): tf.Tensor {
    const d = this.obsSize;
    const [obs, oneHot] = tf.split(rows, [d, this.actCols], 1);
    return tf.mean(tf.sum(tf.mul(forward(this.q.weights(), obs as tf.Tensor2D).out, oneHot), 1));
  }

  protected extras() {
    return { epsilon: this.epsilonAt(this.steps), alpha: NaN, learningRate: this.opt.learningRate };
  }

  setLive(h: LiveHparams): void {
    if (h.learningRate !== undefined) this.opt.learningRate = h.learningRate;
    // the schedule continues toward the new final ε (at once, once the decay is over)
    if (h.endE !== undefined) this.config.endE = h.endE;
  }

  actor(): MlpParams {
    return { ...toMlpParams(this.sizes, this.qTs), head: 'argmax' };
  }

  /** The online Q network's parameters as the acting side sees them (flat, see net.ts). */
  qParams(): { sizes: Sizes; params: Float32Array } {
    return { sizes: this.sizes, params: this.qTs };
  }

  dispose(): void {
    this.q.dispose();
    this.qTarget.dispose();
    this.opt.dispose();
  }
}
