/**
 * DDPG and TD3 (CleanRL ddpg_continuous_action.py, td3_continuous_action.py) as one learner: uniform random actions
 * until `learningStarts`, then μ(s) + N(0, (scale · explorationNoise)²) clipped to the box, computed in TypeScript
 * from the live actor weights. Each gradient step updates the critics; every `policyFrequency`-th gradient step
 * also updates the actor and Polyak-averages all targets (CleanRL counts env steps for that; with one gradient step
 * per env step the two counts differ only by the learning-start offset). TD3's three fixes are switches:
 * `clippedDoubleQ` (two critics, min target), `policyFrequency` (delay), `targetSmoothing`. With `shadow` on, a second
 * set of critics with the other rule (one critic ↔ two with the min) starts from the same first critic's weights and
 * steps on the same minibatches and target actions; it never trains the actor, and the readout evaluates it on the
 * same steps, so DDPG's overestimation and TD3's cure are seen on identical data.
 *
 * Everything runs on the kernels (kernels/, critics.ts). td3-loss.ts is the same target and actor loss on tfjs,
 * tested against tf.grads; kernel-steps.test.ts checks this trainer's steps against it.
 *   a′ = clip(μ_target(s′) + clip(σ ε, −c, c) · scale, low, high);  y = r + γ (1 − term) · min_k Q_target,k(s′, a′)
 *   actor loss = −mean_i Q_1(s_i, μ(s_i));  ∂/∂μ_raw = (∂(−Q_1)/∂a) · scale · (1 − tanh²(μ_raw)) / B
 */
import type { DdpgConfig, Td3Config } from './config';
import { Critics } from './critics';
import type { OffPolicyEnv } from './env';
import { initLinearTorch, paramCount, TsForward, type Sizes } from './net';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { OffPolicyLoop, type OffPolicyOptions } from './offpolicy-loop';
import { toMlpParams } from './net';
import { Adam, allFinite, polyakTs } from './kernels/adam';
import { Arena, type Buf, type Kernels } from './kernels/arena';
import { Mlp } from './kernels/mlp';
import { makeRng } from '../rl-bridge';

/** The box of an environment: bounds, scale = (high − low)/2 and bias = (high + low)/2. */
export class Box {
  readonly low: Float32Array;
  readonly high: Float32Array;
  readonly scale: Float32Array;
  readonly bias: Float32Array;

  constructor(env: OffPolicyEnv) {
    if (env.action.kind !== 'box') throw new Error('this learner needs a box (continuous) action space');
    const { low, high } = env.action;
    this.low = Float32Array.from(low);
    this.high = Float32Array.from(high);
    this.scale = this.low.map((l, k) => (high[k] - l) / 2);
    this.bias = this.low.map((l, k) => (high[k] + l) / 2);
  }

  get size(): number {
    return this.low.length;
  }

  clip(a: Float32Array): void {
    for (let k = 0; k < a.length; k++) a[k] = Math.min(Math.max(a[k], this.low[k]), this.high[k]);
  }

  uniform(rng: { uniform(): number }, out: Float32Array | Float64Array): void {
    for (let k = 0; k < out.length; k++) out[k] = this.low[k] + (this.high[k] - this.low[k]) * rng.uniform();
  }
}

/**
 * Acting draws kept for `hold` environment steps (`noiseHold`): redrawn at the first step, every `hold` steps after,
 * and at `learningStarts` (where the uniform warm-up action gives way to the policy's noise). Float64, as the fresh
 * draws were, so hold 1 acts bit for bit as before the option existed.
 */
export class HeldDraws {
  readonly draws: Float64Array;
  private left = 0;

  constructor(
    size: number,
    private readonly hold: number,
    private readonly learningStarts: number,
  ) {
    this.draws = new Float64Array(size);
  }

  /** Whether step t needs new draws (then the caller fills `draws`); counts the step. */
  due(t: number): boolean {
    const redraw = this.left <= 0 || t === this.learningStarts;
    if (redraw) this.left = this.hold;
    this.left -= 1;
    return redraw;
  }
}

/** An actor network with its gradient, optimiser and (optionally) a Polyak target, on an arena. */
export class ActorNet {
  readonly params: Buf;
  private readonly grads: Buf;
  readonly targetParams: Buf | null;
  readonly net: Mlp;
  /** The target actor (SAC, which has none: the current actor again, a second read of it). */
  readonly target: Mlp;
  readonly obs: Buf;
  readonly nextObs: Buf;
  opt: Adam | null = null;

  constructor(
    arena: Arena,
    readonly sizes: Sizes,
    rows: number,
    withTarget: boolean,
  ) {
    const P = paramCount(sizes);
    this.params = arena.f32(P);
    this.grads = arena.f32(P);
    this.targetParams = withTarget ? arena.f32(P) : null;
    this.obs = arena.f32(rows * sizes[0]);
    this.nextObs = arena.f32(rows * sizes[0]);
    this.net = new Mlp(arena, sizes, rows, this.params, this.grads);
    // without a target network (SAC), the current actor reads s′ through a second instance
    this.target = new Mlp(arena, sizes, rows, this.targetParams ?? this.params, null);
  }

  /** After the arena is built: the torch init from the run RNG; the target copies it. */
  init(k: Kernels, rng: { uniform(): number }, learningRate: number): void {
    this.net.bind(k);
    this.target.bind(k);
    this.params.a.set(initLinearTorch(this.sizes, rng));
    this.targetParams?.a.set(this.params.a);
    this.opt = new Adam(this.params.a, learningRate);
  }

  /** One Adam step after `net.backward`. */
  step(): void {
    (this.opt as Adam).step(this.grads.a);
  }

  polyak(tau: number): void {
    if (this.targetParams) polyakTs(this.targetParams.a, this.params.a, tau);
  }
}

export class Td3Trainer extends OffPolicyLoop {
  declare readonly config: Td3Config | DdpgConfig;
  private readonly box: Box;
  private readonly actorNet: ActorNet;
  private readonly critics: Critics;
  private readonly shadow: Critics | null;
  private readonly yShadow: Float64Array;
  private readonly y: Float64Array;
  private readonly dq: Float32Array;
  private readonly dA: Float32Array;
  private readonly dRaw: Float32Array;
  private fwd: TsForward;
  private explorationNoise: number;
  private readonly hold: HeldDraws;

  constructor(cfg: Td3Config | DdpgConfig, env: OffPolicyEnv, opts: OffPolicyOptions = {}) {
    const m = env.action.kind === 'box' ? env.action.low.length : 0;
    super(cfg, env, opts, m);
    this.box = new Box(env);
    const d = env.obsSize;
    const B = cfg.batchSize;
    const arena = new Arena();
    this.actorNet = new ActorNet(arena, [d, cfg.hidden, cfg.hidden, m], B, true);
    const cSizes: Sizes = [d + m, cfg.hidden, cfg.hidden, 1];
    this.critics = new Critics(arena, cSizes, cfg.clippedDoubleQ ? 2 : 1, B);
    this.shadow = cfg.shadow ? new Critics(arena, cSizes, cfg.clippedDoubleQ ? 1 : 2, B) : null;
    const k = arena.build({ simd: opts.simd });
    // CleanRL's order: actor, then the critics; the targets start as copies.
    this.actorNet.init(k, this.rng, cfg.learningRate);
    this.critics.init(k, this.rng, cfg.learningRate);
    // The shadow's first critic copies the first critic; a second one (DDPG's shadow) draws from its own stream, so
    // the run's RNG, and with it the run, is the same with or without the shadow.
    this.shadow?.init(k, makeRng(cfg.seed + 0x5eed), cfg.learningRate, this.critics.params.a);
    this.yShadow = new Float64Array(B);
    this.y = new Float64Array(B);
    this.dq = new Float32Array(B).fill(-1 / B);
    this.dA = new Float32Array(B * m);
    this.dRaw = new Float32Array(B * m);
    this.fwd = new TsForward(this.actorNet.sizes, 1);
    this.explorationNoise = cfg.explorationNoise;
    this.hold = new HeldDraws(m, cfg.noiseHold, cfg.learningStarts);
  }

  protected selectAction(obs: Float32Array, t: number, out: Float32Array): void {
    const b = this.box;
    const h = this.hold;
    if (t < this.config.learningStarts) {
      if (h.due(t)) b.uniform(this.rng, h.draws);
      out.set(h.draws);
      return;
    }
    const raw = this.fwd.run(this.actorNet.params.a, obs, 1);
    if (h.due(t)) for (let k = 0; k < out.length; k++) h.draws[k] = this.rng.normal();
    for (let k = 0; k < out.length; k++)
      out[k] = Math.tanh(raw[k]) * b.scale[k] + b.bias[k] + h.draws[k] * b.scale[k] * this.explorationNoise;
    b.clip(out);
  }

  protected train(): boolean {
    const c = this.config;
    const d = this.obsSize;
    const m = this.box.size;
    const w = this.width;
    const bb = this.batchBuf;
    const { scale, bias, low, high } = this.box;
    const A = this.actorNet;
    const C = this.critics;
    let actorChanged = false;
    for (let g = 0; g < c.gradientSteps; g++) {
      const n = this.sampleBatch();
      // target smoothing noise, standard normal, from the run RNG
      if (c.targetSmoothing)
        for (let r = 0; r < n; r++) {
          const o = r * w + 2 * d + m + 2;
          for (let k = 0; k < m; k++) bb[o + k] = this.rng.normal();
        }
      // the target: a′ from the target actor on s′, then min_k Q_target,k(s′, a′)
      this.columns(A.nextObs.a, n, d + m + 2, d);
      const raw = A.target.forward(A.nextObs, n);
      const xn = C.xNext.a;
      for (let r = 0; r < n; r++) {
        const ro = r * w;
        for (let k = 0; k < d; k++) xn[r * (d + m) + k] = bb[ro + d + m + 2 + k];
        for (let k = 0; k < m; k++) {
          let a = Math.tanh(raw[r * m + k]) * scale[k] + bias[k];
          if (c.targetSmoothing) {
            const eps = Math.min(
              Math.max(bb[ro + 2 * d + m + 2 + k] * c.policyNoise, -c.noiseClip),
              c.noiseClip,
            );
            a = Math.min(Math.max(a + eps * scale[k], low[k]), high[k]);
          }
          xn[r * (d + m) + d + k] = a;
        }
      }
      this.columns(C.x.a, n, 0, d + m);
      this.recordCritic(...this.criticStep(C, this.y, n));
      if (this.shadow) {
        this.shadow.xNext.a.set(xn.subarray(0, n * (d + m)));
        this.shadow.x.a.set(C.x.a.subarray(0, n * (d + m)));
        this.criticStep(this.shadow, this.yShadow, n);
      }
      this.gradientStepsDone += 1;
      if (this.gradientStepsDone % c.policyFrequency === 0) {
        this.actorStep(n);
        A.polyak(c.tau);
        C.polyak(c.tau);
        this.shadow?.polyak(c.tau);
        actorChanged = true;
      }
    }
    return actorChanged;
  }

  /** y = r + γ (1 − term) · min_k Q_target,k(s′, a′) from `C.xNext`, then one step of `C` on `C.x`. */
  private criticStep(C: Critics, y: Float64Array, n: number): [number, number, number] {
    const d = this.obsSize;
    const m = this.box.size;
    const w = this.width;
    const bb = this.batchBuf;
    C.targetMin(n, y);
    for (let r = 0; r < n; r++) {
      const ro = r * w;
      y[r] = bb[ro + d + m] + this.config.gamma * (1 - bb[ro + d + m + 1]) * y[r];
    }
    return C.step(y, n);
  }

  /** −mean Q_1(s, μ(s)) on the batch's observations, one Adam step of the actor. */
  private actorStep(n: number): void {
    const d = this.obsSize;
    const m = this.box.size;
    const { scale, bias } = this.box;
    const A = this.actorNet;
    const C = this.critics;
    this.columns(A.obs.a, n, 0, d);
    const raw = A.net.forward(A.obs, n);
    const x = C.x.a; // the critic input's observation columns already hold s; the action columns get μ(s)
    const t = this.dRaw; // tanh(μ_raw), kept for the backward pass below (then overwritten by ∂/∂μ_raw)
    for (let r = 0; r < n; r++)
      for (let k = 0; k < m; k++) {
        t[r * m + k] = Math.tanh(raw[r * m + k]);
        x[r * (d + m) + d + k] = t[r * m + k] * scale[k] + bias[k];
      }
    const q = C.forward(0, n);
    let loss = 0;
    for (let r = 0; r < n; r++) loss -= q[r];
    this.dq.fill(-1 / n, 0, n);
    this.dA.fill(0, 0, n * m);
    C.addActionGrad(0, this.dq, n, d, m, this.dA);
    for (let r = 0; r < n; r++)
      for (let k = 0; k < m; k++) {
        const i = r * m + k;
        t[i] = this.dA[i] * scale[k] * (1 - t[i] * t[i]);
      }
    A.net.backward(t);
    A.step();
    this.recordActor(loss / n);
  }

  protected actingFinite(): boolean {
    return allFinite(this.actorNet.params.a);
  }

  protected readoutQ(rows: Float32Array, count: number): number {
    return this.critics.meanQ1(rows, count);
  }

  protected override readoutShadow(rows: Float32Array, count: number): number {
    return this.shadow ? this.shadow.meanQ1(rows, count) : NaN;
  }

  protected extras() {
    return { epsilon: NaN, alpha: NaN, learningRate: (this.actorNet.opt as Adam).learningRate };
  }

  /** A copy of the actor: a = tanh(out) · scale + bias. */
  actor(): MlpParams {
    return toMlpParams(this.actorNet.sizes, this.actorNet.params.a.slice());
  }

  setLive(h: LiveHparams): void {
    if (h.learningRate !== undefined) {
      (this.actorNet.opt as Adam).learningRate = h.learningRate;
      this.critics.learningRate = h.learningRate;
      if (this.shadow) this.shadow.learningRate = h.learningRate;
    }
    if (h.explorationNoise !== undefined) this.explorationNoise = h.explorationNoise;
  }

  dispose(): void {
    // plain memory: nothing to free by hand
  }
}
