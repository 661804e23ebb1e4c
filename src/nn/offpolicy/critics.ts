/**
 * The Q(s, a) critics of DDPG, TD3 and SAC on the kernels: K critics (1 for DDPG, 2 for TD3 and SAC) on one flat
 * parameter vector with one Adam (torch's one optimiser over qf1 and qf2 is the same, elementwise), their Polyak
 * targets, the TD loss and its gradient, and ∂Q/∂a for the actor. critic-loss.ts is the same on tfjs, tested
 * against tf.grads; kernel-steps.test.ts checks these steps against it.
 *
 *   loss = Σ_k mean_i (Q_k(s_i, a_i) − y_i)²     (CleanRL: qf1_loss + qf2_loss, F.mse_loss each)
 *   ∂loss/∂Q_k(s_i, a_i) = 2 (Q_k − y_i) / B,   y held constant.
 */
import { initLinearTorch, paramCount, type Sizes } from './net';
import { Adam, polyakTs } from './kernels/adam';
import type { Arena, Buf, Kernels } from './kernels/arena';
import { Mlp } from './kernels/mlp';

export class Critics {
  readonly params: Buf;
  private readonly grads: Buf;
  private readonly targetParams: Buf;
  /** Critic inputs [s | a] for the loss and the actor, and [s′ | a′] for the target. */
  readonly x: Buf;
  readonly xNext: Buf;
  readonly nets: Mlp[];
  private readonly targets: Mlp[];
  private opt: Adam | null = null;
  private readonly dOut: Float32Array;
  private readonly dX: Float32Array;

  constructor(
    arena: Arena,
    readonly sizes: Sizes,
    readonly K: number,
    readonly rows: number,
  ) {
    const P = paramCount(sizes);
    this.params = arena.f32(K * P);
    this.grads = arena.f32(K * P);
    this.targetParams = arena.f32(K * P);
    this.x = arena.f32(rows * sizes[0]);
    this.xNext = arena.f32(rows * sizes[0]);
    const part = (b: Buf, k: number) => arena.sub(b, k * P, P);
    this.nets = Array.from(
      { length: K },
      (_, k) => new Mlp(arena, sizes, rows, part(this.params, k), part(this.grads, k)),
    );
    this.targets = Array.from(
      { length: K },
      (_, k) => new Mlp(arena, sizes, rows, part(this.targetParams, k), null),
    );
    this.dOut = new Float32Array(rows);
    this.dX = new Float32Array(rows * sizes[0]);
  }

  /**
   * After the arena is built: the critics' init from `rng`, one after the other; the targets copy them. `first`
   * (a shadow's): the first critic copies these weights instead of drawing.
   */
  init(k: Kernels, rng: { uniform(): number }, learningRate: number, first?: Float32Array): void {
    for (const m of [...this.nets, ...this.targets]) m.bind(k);
    const P = paramCount(this.sizes);
    for (let c = 0; c < this.K; c++)
      this.params.a.set(c === 0 && first ? first.subarray(0, P) : initLinearTorch(this.sizes, rng), c * P);
    this.targetParams.a.set(this.params.a);
    this.opt = new Adam(this.params.a, learningRate);
  }

  get learningRate(): number {
    return (this.opt as Adam).learningRate;
  }

  set learningRate(v: number) {
    (this.opt as Adam).learningRate = v;
  }

  /** min_k Q_target,k(s′, a′) of the n rows of `xNext` into `out` (one critic: itself). */
  targetMin(n: number, out: Float64Array): void {
    const q0 = this.targets[0].forward(this.xNext, n);
    for (let r = 0; r < n; r++) out[r] = q0[r];
    for (let k = 1; k < this.K; k++) {
      const q = this.targets[k].forward(this.xNext, n);
      for (let r = 0; r < n; r++) if (q[r] < out[r]) out[r] = q[r];
    }
  }

  /**
   * One Adam step of every critic toward `y` on the n rows of `x`. Returns [mean over critics of the MSE, mean |δ|
   * of the first critic, mean Q_1 on the batch].
   */
  step(y: Float64Array, n: number): [number, number, number] {
    let lossSum = 0;
    let abs1 = 0;
    let q1 = 0;
    for (let k = 0; k < this.K; k++) {
      const q = this.nets[k].forward(this.x, n);
      let l = 0;
      for (let r = 0; r < n; r++) {
        const delta = q[r] - y[r];
        l += delta * delta;
        this.dOut[r] = (2 * delta) / n;
        if (k === 0) {
          abs1 += Math.abs(delta);
          q1 += q[r];
        }
      }
      lossSum += l / n;
      this.nets[k].backward(this.dOut);
    }
    (this.opt as Adam).step(this.grads.a);
    return [lossSum / this.K, abs1 / n, q1 / n];
  }

  /** Q_k(s, a) of the n rows of `x` (the activations stay for `actionGrad`). */
  forward(k: number, n: number): Float32Array {
    return this.nets[k].forward(this.x, n);
  }

  /**
   * dA[r][j] += ∂(Σ_r dq[r] Q_k(s_r, a_r))/∂a_j after `forward(k, n)`: the actor's path through critic k (its
   * weights get no gradient). `m` action columns follow the `d` observation columns of the input.
   */
  addActionGrad(k: number, dq: Float32Array, n: number, d: number, m: number, dA: Float32Array): void {
    const w = d + m;
    this.nets[k].backward(dq, { weights: false, dX: this.dX });
    for (let r = 0; r < n; r++) for (let j = 0; j < m; j++) dA[r * m + j] += this.dX[r * w + d + j];
  }

  /** targets ← τ·critics + (1 − τ)·targets. */
  polyak(tau: number): void {
    polyakTs(this.targetParams.a, this.params.a, tau);
  }

  /** Mean Q_1 over `count` rows of [obs | action] (the overestimation readout), in chunks of the batch size. */
  meanQ1(rows: Float32Array, count: number): number {
    const w = this.sizes[0];
    let sum = 0;
    for (let r0 = 0; r0 < count; r0 += this.rows) {
      const n = Math.min(this.rows, count - r0);
      this.x.a.set(rows.subarray(r0 * w, (r0 + n) * w));
      const q = this.nets[0].forward(this.x, n);
      for (let r = 0; r < n; r++) sum += q[r];
    }
    return sum / count;
  }
}
