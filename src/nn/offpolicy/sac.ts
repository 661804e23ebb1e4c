/**
 * SAC (CleanRL sac_continuous_action.py): twin soft Q critics with Polyak targets, a squashed Gaussian actor
 * sampled in TypeScript for acting (uniform random actions until `learningStarts`), the reparameterised actor loss
 * and automatic temperature (target entropy −dim(A)), all with hand-derived gradients on the kernels (kernels/,
 * critics.ts). sac-loss.ts is the same on tfjs, tested against tf.grads of CleanRL's formulas; kernel-steps.test.ts
 * checks this trainer's steps against it.
 *
 * As CleanRL: every `policyFrequency`-th gradient step runs `policyFrequency` actor (and temperature) updates on the
 * same batch, each with fresh noise, against the just-updated critics; the targets move every
 * `targetNetworkFrequency` gradient steps. Deviation: the temperature step uses the log π of the actor step's own
 * sample (before its update), as Stable-Baselines3 does, instead of a second actor forward pass after the update.
 *
 *   log σ = MIN + ½ (MAX − MIN)(tanh(raw) + 1),  u = mean + σ ε,  y = tanh(u),  a = y · scale + bias
 *   log π = Σ_j [−½ ε_j² − log σ_j − ½ log 2π − log(scale_j (1 − y_j²) + 1e−6)]
 *   ∂L/∂u = (∂L/∂a) · scale (1 − y²) + (α/B) · 2y · scale (1 − y²) / (scale (1 − y²) + 1e−6)
 *   ∂L/∂log σ = ∂L/∂u · σ ε − α/B,   ∂L/∂raw = ∂L/∂log σ · ½ (MAX − MIN)(1 − tanh²(raw))
 */
import type { SacConfig } from './config';
import { Critics } from './critics';
import type { OffPolicyEnv } from './env';
import { TsForward } from './net';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { OffPolicyLoop, type OffPolicyOptions } from './offpolicy-loop';
import { toMlpParams } from './net';
import { Adam, allFinite } from './kernels/adam';
import { Arena } from './kernels/arena';
import { LOG_STD_MAX, LOG_STD_MIN } from './sac-loss';
import { ActorNet, Box, HeldDraws } from './td3';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export class SacTrainer extends OffPolicyLoop {
  declare readonly config: SacConfig;
  private readonly box: Box;
  private readonly actorNet: ActorNet;
  private readonly critics: Critics;
  private readonly logAlpha = new Float32Array(1);
  private readonly alphaGrad = new Float32Array(1);
  private readonly alphaOpt: Adam;
  private readonly targetEntropy: number;
  private readonly y: Float64Array;
  private readonly logp: Float64Array;
  /** Per row and action of the last sample: y, σ, tanh(raw), ε (four blocks of B·m). */
  private readonly sq: Float32Array;
  private readonly dq: Float32Array[];
  private readonly dA: Float32Array;
  private readonly dOut: Float32Array;
  private fwd: TsForward;
  private readonly hold: HeldDraws;

  constructor(cfg: SacConfig, env: OffPolicyEnv, opts: OffPolicyOptions = {}) {
    const m = env.action.kind === 'box' ? env.action.low.length : 0;
    // extra batch columns: the target's noise, then one noise block per actor update
    super(cfg, env, opts, m * (1 + cfg.policyFrequency));
    this.box = new Box(env);
    const d = env.obsSize;
    const B = cfg.batchSize;
    const arena = new Arena();
    this.actorNet = new ActorNet(arena, [d, cfg.hidden, cfg.hidden, 2 * m], B, false);
    this.critics = new Critics(arena, [d + m, cfg.hidden, cfg.hidden, 1], 2, B);
    const k = arena.build({ simd: opts.simd });
    this.actorNet.init(k, this.rng, cfg.policyLr);
    this.critics.init(k, this.rng, cfg.qLr);
    // log α = 0 (α = 1) to start when tuned, as CleanRL; else log of the fixed α
    this.logAlpha[0] = cfg.autotune ? 0 : Math.log(cfg.alpha);
    this.alphaOpt = new Adam(this.logAlpha, cfg.qLr);
    this.targetEntropy = -m;
    this.y = new Float64Array(B);
    this.logp = new Float64Array(B);
    this.sq = new Float32Array(4 * B * m);
    this.dq = [new Float32Array(B), new Float32Array(B)];
    this.dA = new Float32Array(B * m);
    this.dOut = new Float32Array(B * 2 * m);
    this.fwd = new TsForward(this.actorNet.sizes, 1);
    this.hold = new HeldDraws(m, cfg.noiseHold, cfg.learningStarts);
  }

  private get alpha(): number {
    return Math.exp(this.logAlpha[0]);
  }

  protected selectAction(obs: Float32Array, t: number, out: Float32Array): void {
    const b = this.box;
    const h = this.hold;
    if (t < this.config.learningStarts) {
      if (h.due(t)) b.uniform(this.rng, h.draws);
      out.set(h.draws);
      return;
    }
    const o = this.fwd.run(this.actorNet.params.a, obs, 1);
    const m = out.length;
    const redraw = h.due(t);
    for (let k = 0; k < m; k++) {
      const logStd = LOG_STD_MIN + 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (Math.tanh(o[m + k]) + 1);
      if (redraw) h.draws[k] = this.rng.normal();
      const u = o[k] + Math.exp(logStd) * h.draws[k];
      out[k] = Math.tanh(u) * b.scale[k] + b.bias[k];
    }
    b.clip(out);
  }

  /**
   * a = f(s, ε) for the actor's outputs `out` ([n][2m]) and the noise at batch column `epsCol`: writes the action
   * into the action columns of the critic input `x` ([n][d + m]), log π into `this.logp`, and keeps y, σ, tanh(raw)
   * and ε for the backward pass.
   */
  private sample(out: Float32Array, n: number, epsCol: number, x: Float32Array): void {
    const d = this.obsSize;
    const m = this.box.size;
    const { scale, bias } = this.box;
    const bb = this.batchBuf;
    const w = this.width;
    const sq = this.sq;
    const S = n * m;
    for (let r = 0; r < n; r++) {
      let lp = 0;
      for (let k = 0; k < m; k++) {
        const mean = out[r * 2 * m + k];
        const tRaw = Math.tanh(out[r * 2 * m + m + k]);
        const logStd = LOG_STD_MIN + 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (tRaw + 1);
        const std = Math.exp(logStd);
        const eps = bb[r * w + epsCol + k];
        const y = Math.tanh(mean + std * eps);
        x[r * (d + m) + d + k] = y * scale[k] + bias[k];
        lp -= 0.5 * eps * eps + logStd + Math.log((1 - y * y) * scale[k] + 1e-6) + HALF_LOG_2PI;
        const i = r * m + k;
        sq[i] = y;
        sq[S + i] = std;
        sq[2 * S + i] = tRaw;
        sq[3 * S + i] = eps;
      }
      this.logp[r] = lp;
    }
  }

  protected train(): boolean {
    const c = this.config;
    const d = this.obsSize;
    const m = this.box.size;
    const P = c.policyFrequency;
    const w = this.width;
    const bb = this.batchBuf;
    const A = this.actorNet;
    const C = this.critics;
    let actorChanged = false;
    for (let g = 0; g < c.gradientSteps; g++) {
      const n = this.sampleBatch();
      for (let r = 0; r < n; r++) {
        const o = r * w + 2 * d + m + 2;
        for (let k = 0; k < m * (1 + P); k++) bb[o + k] = this.rng.normal();
      }
      // soft target with the current actor on s′ (fresh noise)
      this.columns(A.nextObs.a, n, d + m + 2, d);
      const outNext = A.target.forward(A.nextObs, n);
      const xn = C.xNext.a;
      for (let r = 0; r < n; r++) for (let k = 0; k < d; k++) xn[r * (d + m) + k] = bb[r * w + d + m + 2 + k];
      this.sample(outNext, n, 2 * d + m + 2, xn);
      C.targetMin(n, this.y);
      const alpha = this.alpha;
      for (let r = 0; r < n; r++) {
        const ro = r * w;
        this.y[r] = bb[ro + d + m] + c.gamma * (1 - bb[ro + d + m + 1]) * (this.y[r] - alpha * this.logp[r]);
      }
      this.columns(C.x.a, n, 0, d + m);
      const [loss, abs, q] = C.step(this.y, n);
      this.recordCritic(loss, abs, q);
      this.gradientStepsDone += 1;
      if (this.gradientStepsDone % P === 0) {
        this.columns(A.obs.a, n, 0, d);
        for (let k = 0; k < P; k++) this.actorStep(n, 2 * d + 2 * m + 2 + k * m);
        actorChanged = true;
      }
      if (this.gradientStepsDone % c.targetNetworkFrequency === 0) C.polyak(c.tau);
    }
    return actorChanged;
  }

  /** L = mean[α log π(a|s) − min_k Q_k(s, a)], reparameterised with the noise at `epsCol`; then the temperature. */
  private actorStep(n: number, epsCol: number): void {
    const d = this.obsSize;
    const m = this.box.size;
    const { scale } = this.box;
    const A = this.actorNet;
    const C = this.critics;
    const alpha = this.alpha;
    const out = A.net.forward(A.obs, n);
    this.sample(out, n, epsCol, C.x.a);
    const q0 = C.forward(0, n); // each critic keeps its own activations for its backward pass
    const q1 = C.forward(1, n);
    // ∂L/∂Q_k: −1/B on the rows where critic k is the minimum (ties to Q_1, as tf.minimum's gradient)
    let loss = 0;
    let logpSum = 0;
    for (let r = 0; r < n; r++) {
      const first = q0[r] <= q1[r];
      loss += alpha * this.logp[r] - (first ? q0[r] : q1[r]);
      logpSum += this.logp[r];
      this.dq[0][r] = first ? -1 / n : 0;
      this.dq[1][r] = first ? 0 : -1 / n;
    }
    this.dA.fill(0, 0, n * m);
    C.addActionGrad(0, this.dq[0], n, d, m, this.dA);
    C.addActionGrad(1, this.dq[1], n, d, m, this.dA);
    const S = n * m;
    const sq = this.sq;
    const aB = alpha / n;
    const half = 0.5 * (LOG_STD_MAX - LOG_STD_MIN);
    for (let r = 0; r < n; r++)
      for (let k = 0; k < m; k++) {
        const i = r * m + k;
        const y = sq[i];
        const sj = (1 - y * y) * scale[k];
        const dU = this.dA[i] * sj + (aB * 2 * y * sj) / (sj + 1e-6);
        const dLogStd = dU * sq[S + i] * sq[3 * S + i] - aB;
        const tRaw = sq[2 * S + i];
        this.dOut[r * 2 * m + k] = dU;
        this.dOut[r * 2 * m + m + k] = dLogStd * half * (1 - tRaw * tRaw);
      }
    A.net.backward(this.dOut);
    A.step();
    if (this.config.autotune) {
      // ∂/∂ log α of mean(−α (log π + target entropy)), log π held constant
      this.alphaGrad[0] = -alpha * (logpSum / n + this.targetEntropy);
      this.alphaOpt.step(this.alphaGrad);
    }
    this.recordActor(loss / n);
  }

  protected actingFinite(): boolean {
    return allFinite(this.actorNet.params.a) && Number.isFinite(this.logAlpha[0]);
  }

  protected readoutQ(rows: Float32Array, count: number): number {
    return this.critics.meanQ1(rows, count);
  }

  protected extras() {
    return { epsilon: NaN, alpha: this.alpha, learningRate: (this.actorNet.opt as Adam).learningRate };
  }

  /** A copy of the actor (outputs: mean, raw log-std). */
  actor(): MlpParams {
    return toMlpParams(this.actorNet.sizes, this.actorNet.params.a.slice());
  }

  setLive(h: LiveHparams): void {
    if (h.policyLr !== undefined) (this.actorNet.opt as Adam).learningRate = h.policyLr;
    if (h.qLr !== undefined) {
      this.critics.learningRate = h.qLr;
      this.alphaOpt.learningRate = h.qLr;
    }
    if (h.alpha !== undefined && h.alpha > 0) this.logAlpha[0] = Math.log(h.alpha);
  }

  dispose(): void {
    // plain memory: nothing to free by hand
  }
}
