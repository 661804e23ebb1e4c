/**
 * DQN (CleanRL dqn.py): ε-greedy acting with the online Q network's float32 forward pass in TypeScript, uniform
 * replay, a target network refreshed every `targetNetworkFrequency` env steps (hard copy at τ = 1, Polyak below),
 * the TD loss below with its hand-derived gradient, and Adam, all on the kernels (kernels/: one wasm memory holding
 * every weight, the SIMD matrix products). Switches: Double DQN, replay off (latest batch only), target network off
 * (the target uses the online weights). The loss is dqn-loss.ts's, which tests it against tf.grads; kernel-steps.test.ts
 * checks this trainer's step against it. With `shadow` on, a second Q network starts from the same weights and takes
 * its steps on the same minibatches with the other target (max ↔ Double); it never acts, and the readout evaluates
 * it on the same steps, so the maximisation bias is seen on identical data.
 *
 *   y_i = r_i + γ (1 − term_i) · max_a Q_target(s'_i, a)   (Double DQN: Q_target(s'_i, argmax_a Q(s'_i, a)))
 *   δ_i = Q(s_i, a_i) − y_i;  loss = mean δ² (CleanRL) or mean huber(δ);  ∂loss/∂Q(s_i, a_i) = 2δ_i/B or clip(δ_i)/B
 */
import type { DqnConfig } from './config';
import type { OffPolicyEnv } from './env';
import { initLinearTorch, paramCount, TsForward, type Sizes } from './net';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { OffPolicyLoop, type OffPolicyOptions } from './offpolicy-loop';
import { toMlpParams } from './net';
import { Adam, allFinite, polyakTs } from './kernels/adam';
import { Arena, type Buf, type Kernels } from './kernels/arena';
import { Mlp } from './kernels/mlp';

/** CleanRL's linear_schedule: from start to end over `duration` steps, then end. */
export function linearSchedule(start: number, end: number, duration: number, t: number): number {
  if (duration <= 0) return end;
  const slope = (end - start) / duration;
  return start < end ? Math.min(slope * t + start, end) : Math.max(slope * t + start, end);
}

/** A Q network on the arena with its gradient, target copy, optimiser and target rule: the online one, or the shadow. */
class QSet {
  readonly p: Buf;
  readonly g: Buf;
  readonly targetP: Buf;
  /** The network on s (loss, backward, readout), on s′ (Double DQN's argmax), and the target on s′. */
  readonly net: Mlp;
  readonly netNext: Mlp;
  readonly target: Mlp;
  private adam: Adam | null = null;

  constructor(
    arena: Arena,
    sizes: Sizes,
    B: number,
    readonly double: boolean,
  ) {
    const P = paramCount(sizes);
    this.p = arena.f32(P);
    this.g = arena.f32(P);
    this.targetP = arena.f32(P);
    this.net = new Mlp(arena, sizes, B, this.p, this.g);
    this.netNext = new Mlp(arena, sizes, B, this.p, null);
    this.target = new Mlp(arena, sizes, B, this.targetP, null);
  }

  /** After the arena is built: the passes bound, the weights set to `init`, the target a copy. */
  init(k: Kernels, init: Float32Array, learningRate: number): void {
    for (const m of [this.net, this.netNext, this.target]) m.bind(k);
    this.p.a.set(init);
    this.targetP.a.set(init);
    this.adam = new Adam(this.p.a, learningRate);
  }

  get opt(): Adam {
    return this.adam as Adam;
  }
}

export class DqnTrainer extends OffPolicyLoop {
  declare config: DqnConfig;
  private readonly sizes: Sizes;
  private readonly obsB: Buf;
  private readonly nextB: Buf;
  private readonly dOut: Float32Array;
  private readonly y: Float64Array;
  private readonly fwd: TsForward;
  private lastTargetUpdate: number;
  /** The online network, and the shadow that learns with the other target on the same minibatches (or none). */
  private readonly main: QSet;
  private readonly shadow: QSet | null;

  constructor(cfg: DqnConfig, env: OffPolicyEnv, opts: OffPolicyOptions = {}) {
    super(cfg, env, opts, 0);
    if (env.action.kind !== 'discrete') throw new Error('DQN needs a discrete action space');
    const A = env.action.n;
    const B = cfg.batchSize;
    this.sizes = [env.obsSize, cfg.hidden, cfg.hidden, A];
    const arena = new Arena();
    this.main = new QSet(arena, this.sizes, B, cfg.double);
    this.shadow = cfg.shadow ? new QSet(arena, this.sizes, B, !cfg.double) : null;
    this.obsB = arena.f32(B * env.obsSize);
    this.nextB = arena.f32(B * env.obsSize);
    const k = arena.build({ simd: opts.simd });
    // One seed: the online network's init first (the target starts as its copy), then env resets, then acting.
    // The shadow copies the same init and draws nothing, so the run is the same with or without it.
    const init = initLinearTorch(this.sizes, this.rng);
    this.main.init(k, init, cfg.learningRate);
    this.shadow?.init(k, init, cfg.learningRate);
    this.dOut = new Float32Array(B * A);
    this.y = new Float64Array(B);
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
    const q = this.fwd.run(this.main.p.a, obs, 1);
    let best = 0;
    for (let a = 1; a < A; a++) if (q[a] > q[best]) best = a;
    out[0] = best;
  }

  /** The action index of packed row r (its one-hot columns). */
  private actionOf(r: number): number {
    const o = r * this.width + this.obsSize;
    for (let a = 0; a < this.actCols; a++) if (this.batchBuf[o + a] === 1) return a;
    return 0;
  }

  /** One gradient step on the first n rows of `batchBuf`: the online network's, then the shadow's on the same rows. */
  private gradientStep(n: number): void {
    this.columns(this.obsB.a, n, 0, this.obsSize);
    this.columns(this.nextB.a, n, this.obsSize + this.actCols + 2, this.obsSize);
    this.recordCritic(...this.qStep(this.main, n));
    if (this.shadow) this.qStep(this.shadow, n);
    this.gradientStepsDone += 1;
  }

  /** One Adam step of `Q` toward its TD target on the n rows of obsB/nextB; returns [loss, mean |δ|, mean Q]. */
  private qStep(Q: QSet, n: number): [number, number, number] {
    const c = this.config;
    const d = this.obsSize;
    const A = this.actCols;
    const w = this.width;
    const bb = this.batchBuf;
    // target: without a target network the online weights value s′ (netNext reads the online weights)
    const qNext = (c.targetNetwork ? Q.target : Q.netNext).forward(this.nextB, n);
    const qPick = Q.double && c.targetNetwork ? Q.netNext.forward(this.nextB, n) : qNext;
    for (let r = 0; r < n; r++) {
      const o = r * A;
      let best = 0;
      for (let a = 1; a < A; a++) if (qPick[o + a] > qPick[o + best]) best = a;
      const next = Q.double ? qNext[o + best] : maxRow(qNext, o, A);
      const reward = bb[r * w + d + A];
      const term = bb[r * w + d + A + 1];
      this.y[r] = reward + c.gamma * (1 - term) * next;
    }
    const q = Q.net.forward(this.obsB, n);
    const huber = c.loss === 'huber';
    let loss = 0;
    let absSum = 0;
    let qSum = 0;
    this.dOut.fill(0, 0, n * A);
    for (let r = 0; r < n; r++) {
      const a = this.actionOf(r);
      const qa = q[r * A + a];
      const delta = qa - this.y[r];
      const ad = Math.abs(delta);
      qSum += qa;
      absSum += ad;
      if (huber) {
        loss += ad < 1 ? 0.5 * delta * delta : ad - 0.5;
        this.dOut[r * A + a] = Math.max(-1, Math.min(1, delta)) / n;
      } else {
        loss += delta * delta;
        this.dOut[r * A + a] = (2 * delta) / n;
      }
    }
    Q.net.backward(this.dOut);
    Q.opt.step(Q.g.a);
    return [loss / n, absSum / n, qSum / n];
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
      for (const Q of this.shadow ? [this.main, this.shadow] : [this.main])
        polyakTs(Q.targetP.a, Q.p.a, c.tau);
    }
    return true;
  }

  protected actingFinite(): boolean {
    return allFinite(this.main.p.a);
  }

  protected readoutQ(rows: Float32Array, count: number): number {
    return this.meanQ(this.main, rows, count);
  }

  protected override readoutShadow(rows: Float32Array, count: number): number {
    return this.shadow ? this.meanQ(this.shadow, rows, count) : NaN;
  }

  /** Mean Q(s_t, a_t) of `Q` over `count` rows of [obs | one-hot action], in chunks of the batch size. */
  private meanQ(Q: QSet, rows: Float32Array, count: number): number {
    const d = this.obsSize;
    const A = this.actCols;
    const rw = d + A;
    const B = this.config.batchSize;
    let sum = 0;
    for (let r0 = 0; r0 < count; r0 += B) {
      const n = Math.min(B, count - r0);
      for (let r = 0; r < n; r++) this.obsB.a.set(rows.subarray((r0 + r) * rw, (r0 + r) * rw + d), r * d);
      const q = Q.net.forward(this.obsB, n);
      for (let r = 0; r < n; r++)
        for (let a = 0; a < A; a++) sum += q[r * A + a] * rows[(r0 + r) * rw + d + a];
    }
    return sum / count;
  }

  protected extras() {
    return { epsilon: this.epsilonAt(this.steps), alpha: NaN, learningRate: this.main.opt.learningRate };
  }

  setLive(h: LiveHparams): void {
    if (h.learningRate !== undefined) {
      this.main.opt.learningRate = h.learningRate;
      if (this.shadow) this.shadow.opt.learningRate = h.learningRate;
    }
    // the schedule continues toward the new final ε (at once, once the decay is over)
    if (h.endE !== undefined) this.config.endE = h.endE;
  }

  /** A copy of the online Q network (the greedy policy). */
  actor(): MlpParams {
    return { ...toMlpParams(this.sizes, this.main.p.a.slice()), head: 'argmax' };
  }

  dispose(): void {
    // plain memory: nothing to free by hand
  }
}

function maxRow(q: Float32Array, o: number, A: number): number {
  let m = q[o];
  for (let a = 1; a < A; a++) if (q[o + a] > m) m = q[o + a];
  return m;
}
