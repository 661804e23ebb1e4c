/**
 * SAC (CleanRL sac_continuous_action.py): twin soft Q critics with Polyak targets, a squashed Gaussian actor
 * sampled in TypeScript for acting (uniform random actions until `learningStarts`), the reparameterised actor loss
 * and automatic temperature (target entropy −dim(A)), all with hand-derived gradients (sac-loss.ts).
 *
 * As CleanRL: every `policyFrequency`-th gradient step runs `policyFrequency` actor (and temperature) updates on the
 * same batch, each with fresh noise, against the just-updated critics; the targets move every
 * `targetNetworkFrequency` gradient steps. Deviation: the temperature step uses the log π of the actor step's own
 * sample (before its update), as Stable-Baselines3 does, instead of a second actor forward pass after the update.
 */
import * as tf from '../tf';
import type { SacConfig } from './config';
import { criticLossAndGrads, criticsForward } from './critic-loss';
import { FlatNet } from './flat-net';
import type { OffPolicyEnv } from './env';
import { FlatVarAdam, polyak } from './flat-adam';
import { initLinearTorch, pack, TsForward, type Sizes } from './net';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { OffPolicyLoop, type OffPolicyOptions } from './offpolicy-loop';
import { toMlpParams } from './net';
import { alphaGrad, LOG_STD_MAX, LOG_STD_MIN, sacActorLossAndGrads, sacTarget } from './sac-loss';
import { Box, initCritics } from './td3';

export class SacTrainer extends OffPolicyLoop {
  declare readonly config: SacConfig;
  private readonly box: Box;
  private readonly actorSizes: Sizes;
  private readonly criticSizes: Sizes;
  private readonly actorNet: FlatNet;
  private readonly critics: FlatNet;
  private readonly criticTargets: FlatNet;
  private readonly logAlpha: tf.Variable;
  private readonly actorOpt: FlatVarAdam;
  private readonly criticOpt: FlatVarAdam;
  private readonly alphaOpt: FlatVarAdam;
  private readonly targetEntropy: number;
  private actorTs: Float32Array;
  private fwd: TsForward;

  constructor(cfg: SacConfig, env: OffPolicyEnv, opts: OffPolicyOptions = {}) {
    const m = env.action.kind === 'box' ? env.action.low.length : 0;
    // extra batch columns: the target's noise, then one noise block per actor update
    super(cfg, env, opts, m * (1 + cfg.policyFrequency));
    this.box = new Box(env);
    const d = env.obsSize;
    this.actorSizes = [d, cfg.hidden, cfg.hidden, 2 * m];
    this.criticSizes = [d + m, cfg.hidden, cfg.hidden, 1];
    this.actorTs = initLinearTorch(this.actorSizes, this.rng);
    const critics = initCritics(this.criticSizes, 2, this.rng);
    this.actorNet = new FlatNet(this.actorTs, this.actorSizes);
    this.critics = new FlatNet(critics, this.criticSizes, 2);
    this.criticTargets = new FlatNet(critics, this.criticSizes, 2, false);
    // log α = 0 (α = 1) to start when tuned, as CleanRL; else log of the fixed α
    this.logAlpha = tf.variable(tf.scalar(cfg.autotune ? 0 : Math.log(cfg.alpha)), true);
    this.actorOpt = new FlatVarAdam(this.actorNet, cfg.policyLr);
    this.criticOpt = new FlatVarAdam(this.critics, cfg.qLr);
    this.alphaOpt = new FlatVarAdam(this.logAlpha, cfg.qLr);
    this.targetEntropy = -m;
    this.fwd = new TsForward(this.actorSizes, 1);
  }

  protected selectAction(obs: Float32Array, t: number, out: Float32Array): void {
    if (t < this.config.learningStarts) {
      this.box.uniform(this.rng, out);
      return;
    }
    const o = this.fwd.run(this.actorTs, obs, 1);
    const m = out.length;
    const b = this.box;
    for (let k = 0; k < m; k++) {
      const logStd = LOG_STD_MIN + 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (Math.tanh(o[m + k]) + 1);
      const u = o[k] + Math.exp(logStd) * this.rng.normal();
      out[k] = Math.tanh(u) * b.scale[k] + b.bias[k];
    }
    b.clip(out);
  }

  protected train(): boolean {
    const c = this.config;
    const d = this.obsSize;
    const m = this.box.size;
    const P = c.policyFrequency;
    let actorChanged = false;
    for (let g = 0; g < c.gradientSteps; g++) {
      const n = this.sampleBatch();
      for (let r = 0; r < n; r++) {
        const o = r * this.width + 2 * d + m + 2;
        for (let k = 0; k < m * (1 + P); k++) this.batchBuf[o + k] = this.rng.normal();
      }
      const x = tf.tensor2d(this.batchBuf.subarray(0, n * this.width), [n, this.width]);
      const parts = tf.split(x, [d, m, 1, 1, d, m, ...new Array<number>(P).fill(m)], 1) as tf.Tensor2D[];
      const [obs, act, reward, terminated, nextObs, nextEps] = parts;
      const stats = tf.tidy(() => {
        const y = sacTarget(
          this.actorNet.weights(),
          this.criticTargets.members(),
          nextObs,
          tf.reshape(reward, [-1]),
          tf.reshape(terminated, [-1]),
          nextEps,
          tf.exp(this.logAlpha),
          this.box.tensors,
          c.gamma,
        );
        const { grad, stats } = criticLossAndGrads(this.critics.members(), obs, act, y);
        this.criticOpt.apply(grad);
        return stats;
      });
      this.critStats.push(stats);
      this.gradientStepsDone += 1;
      if (this.gradientStepsDone % P === 0) {
        for (let k = 0; k < P; k++) {
          const loss = tf.tidy(() => {
            const { grads, loss, logpMean } = sacActorLossAndGrads(
              this.actorNet.weights(),
              this.critics.members(),
              obs,
              parts[6 + k],
              tf.exp(this.logAlpha),
              this.box.tensors,
            );
            this.actorOpt.apply(pack(grads));
            if (c.autotune) this.alphaOpt.apply(alphaGrad(this.logAlpha, logpMean, this.targetEntropy));
            return loss;
          });
          this.actorStats.push(loss);
        }
        actorChanged = true;
      }
      if (this.gradientStepsDone % c.targetNetworkFrequency === 0)
        polyak(this.criticTargets, this.critics, c.tau);
      tf.dispose([x, ...parts]);
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
    return {
      epsilon: NaN,
      alpha: NaN,
      learningRate: this.actorOpt.learningRate,
      alphaTensor: tf.exp(this.logAlpha),
    };
  }

  actor(): MlpParams {
    return toMlpParams(this.actorSizes, this.actorTs);
  }

  setLive(h: LiveHparams): void {
    if (h.policyLr !== undefined) this.actorOpt.learningRate = h.policyLr;
    if (h.qLr !== undefined) {
      this.criticOpt.learningRate = h.qLr;
      this.alphaOpt.learningRate = h.qLr;
    }
    if (h.alpha !== undefined && h.alpha > 0) {
      const a = h.alpha;
      tf.tidy(() => this.logAlpha.assign(tf.scalar(Math.log(a))));
    }
  }

  /** The actor's parameters as the acting side sees them (flat; outputs: mean, raw log-std). */
  actorParams(): { sizes: Sizes; params: Float32Array } {
    return { sizes: this.actorSizes, params: this.actorTs };
  }

  dispose(): void {
    for (const n of [this.actorNet, this.critics, this.criticTargets]) n.dispose();
    this.logAlpha.dispose();
    this.actorOpt.dispose();
    this.criticOpt.dispose();
    this.alphaOpt.dispose();
    this.box.dispose();
  }
}
