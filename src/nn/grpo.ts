/**
 * Chapter 12's verifiable-reward task, trained in the worker: a problem is two digits (a, b), one-hot encoded; the
 * answer is one of the 19 sums 0..18; the reward is 1 for a + b and 0 otherwise. The policy is a two-hidden-layer
 * tanh MLP in tfjs. The reference plays the supervised model: the network after `sftSteps` full-batch Adam steps
 * of cross-entropy towards q(s | a, b) ∝ exp(−|s − (a + b)| / sftTemperature), an adder that knows roughly how
 * big the sum is (about a quarter of its answers are right). From a uniform start, most groups would be all wrong
 * and teach nothing.
 * Three learners start from the same weights and see the same problems each update:
 *   - 'grpo': group-relative advantages (mean and sample std of the group's rewards, eps 1e-4, as TRL),
 *   - 'grpo-nostd': the same without the division (Dr. GRPO),
 *   - 'ppo-critic': PPO's advantage r − V_φ(x) from a learned critic, normalised over the batch.
 * All three maximise the clipped surrogate minus β·k3 (the KL penalty to the reference, differentiated as GRPO
 * does), with `epochs` full-batch Adam steps per batch. Answers are single tokens, so GRPO's 1/|y_i| is 1.
 */
import * as tf from './tf';
import { initMlp, type MlpParams } from './mlp';
import { groupAdvantages, type Rng } from '@/rl';
import {
  GRPO_VARIANTS,
  type GrpoConfig,
  type GrpoEval,
  type GrpoPoint,
  type GrpoStats,
  type GrpoVariant,
} from '@/spec';

export const DIGITS = 10;
export const ANSWERS = 19;
const IN = 2 * DIGITS;

/** One-hot rows for problems (a, b). */
export function encodeProblems(problems: readonly (readonly [number, number])[]): Float32Array {
  const x = new Float32Array(problems.length * IN);
  problems.forEach(([a, b], i) => {
    x[i * IN + a] = 1;
    x[i * IN + DIGITS + b] = 1;
  });
  return x;
}

/** All 100 problems, in the order a = 0..9, b = 0..9. */
export const ALL_PROBLEMS: [number, number][] = Array.from({ length: 100 }, (_, i) => [
  Math.floor(i / 10),
  i % 10,
]);

type Vars = tf.Variable[];

/** The values of a tensor, which is then disposed. */
function readOnce(t: tf.Tensor): Float32Array {
  const d = t.dataSync() as Float32Array;
  t.dispose();
  return d;
}

function toVars(p: MlpParams): Vars {
  const shapes = [
    [p.sizes[0], p.sizes[1]],
    [p.sizes[1]],
    [p.sizes[1], p.sizes[2]],
    [p.sizes[2]],
    [p.sizes[2], p.sizes[3]],
    [p.sizes[3]],
  ];
  return p.tensors.map((t, i) => tf.variable(tf.tensor(t, shapes[i])));
}

function mlp(v: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D {
  const h1 = tf.tanh(tf.add(tf.matMul(x, v[0] as tf.Tensor2D), v[1]));
  const h2 = tf.tanh(tf.add(tf.matMul(h1, v[2] as tf.Tensor2D), v[3]));
  return tf.add(tf.matMul(h2, v[4] as tf.Tensor2D), v[5]);
}

/** One learner: policy (and critic for PPO), its optimiser and its own sampling stream. */
export class GrpoLearner {
  readonly variant: GrpoVariant;
  private cfg: GrpoConfig;
  private rng: Rng;
  private policy: Vars;
  private critic: Vars | null;
  private opt: tf.Optimizer;
  private criticOpt: tf.Optimizer | null;
  private refAll: Float32Array;
  private xAll: tf.Tensor2D;

  constructor(
    cfg: GrpoConfig,
    variant: GrpoVariant,
    init: MlpParams,
    critic: MlpParams,
    rng: Rng,
    refAll: Float32Array,
  ) {
    this.cfg = cfg;
    this.variant = variant;
    this.rng = rng;
    this.policy = toVars(init);
    this.critic = variant === 'ppo-critic' ? toVars(critic) : null;
    this.opt = tf.train.adam(cfg.lr, 0.9, 0.999, 1e-5);
    this.criticOpt = this.critic ? tf.train.adam(cfg.lr, 0.9, 0.999, 1e-5) : null;
    this.refAll = refAll;
    this.xAll = tf.tensor2d(encodeProblems(ALL_PROBLEMS), [100, IN]);
  }

  /** Probabilities of every answer for `x` (rows), read back once. */
  private probs(x: tf.Tensor2D): Float32Array {
    return readOnce(tf.tidy(() => tf.softmax(mlp(this.policy, x))));
  }

  /** Sample, score, compute advantages, then `epochs` Adam steps. Throws on a non-finite loss. */
  update(problems: readonly (readonly [number, number])[]): Pick<GrpoStats, 'batchReward' | 'flatGroups'> {
    const { cfg } = this;
    const B = problems.length;
    const G = cfg.groupSize;
    const N = B * G;
    const xB = tf.tensor2d(encodeProblems(problems), [B, IN]);
    const pB = this.probs(xB);
    const refB = problems.map(([a, b]) =>
      this.refAll.subarray((a * 10 + b) * ANSWERS, (a * 10 + b + 1) * ANSWERS),
    );
    const actions = new Int32Array(N);
    const rewards = new Float32Array(N);
    const oldLogp = new Float32Array(N);
    const refLogp = new Float32Array(N);
    const rowOf = new Int32Array(N);
    let flat = 0;
    let total = 0;
    for (let i = 0; i < B; i++) {
      const row = pB.subarray(i * ANSWERS, (i + 1) * ANSWERS);
      const [a, b] = problems[i];
      let correct = 0;
      for (let g = 0; g < G; g++) {
        const n = i * G + g;
        const y = this.rng.categorical(row);
        actions[n] = y;
        rewards[n] = y === a + b ? 1 : 0;
        oldLogp[n] = Math.log(row[y]);
        refLogp[n] = Math.log(refB[i][y]);
        rowOf[n] = i;
        correct += rewards[n];
      }
      total += correct;
      if (correct === 0 || correct === G) flat++;
    }
    const adv = this.advantages(xB, rewards, B, G);
    const xN = tf.tidy(() => tf.gather(xB, tf.tensor1d(rowOf, 'int32')));
    const act = tf.tidy(() => tf.oneHot(tf.tensor1d(actions, 'int32'), ANSWERS));
    const advT = tf.tensor1d(adv);
    const oldT = tf.tensor1d(oldLogp);
    const refT = tf.tensor1d(refLogp);
    const rewT = tf.tensor1d(rewards);
    for (let e = 0; e < cfg.epochs; e++) {
      const loss = this.opt.minimize(
        () =>
          tf.tidy(() => {
            const logp = tf.sum(tf.mul(tf.logSoftmax(mlp(this.policy, xN as tf.Tensor2D)), act), 1);
            const ratio = tf.exp(tf.sub(logp, oldT));
            const surr = tf.minimum(
              tf.mul(ratio, advT),
              tf.mul(tf.clipByValue(ratio, 1 - cfg.clip, 1 + cfg.clip), advT),
            );
            const logRefOverPi = tf.sub(refT, logp);
            const k3 = tf.sub(tf.sub(tf.exp(logRefOverPi), 1), logRefOverPi);
            return tf.add(tf.neg(tf.mean(surr)), tf.mul(cfg.klCoef, tf.mean(k3))) as tf.Scalar;
          }),
        true,
        this.policy,
      );
      const value = loss!.dataSync()[0];
      loss!.dispose();
      if (!Number.isFinite(value)) {
        tf.dispose([xB, xN, act, advT, oldT, refT, rewT]);
        throw new Error(`${this.variant}: the loss became ${value} (try a smaller learning rate)`);
      }
      if (this.critic && this.criticOpt) {
        const critic = this.critic;
        this.criticOpt.minimize(
          () =>
            tf.tidy(() => tf.mean(tf.square(tf.sub(tf.squeeze(mlp(critic, xN as tf.Tensor2D), [1]), rewT)))),
          false,
          critic,
        );
      }
    }
    tf.dispose([xB, xN, act, advT, oldT, refT, rewT]);
    return { batchReward: total / N, flatGroups: flat / B };
  }

  private advantages(xB: tf.Tensor2D, rewards: Float32Array, B: number, G: number): Float32Array {
    const adv = new Float32Array(B * G);
    if (this.variant === 'ppo-critic' && this.critic) {
      const critic = this.critic;
      const v = readOnce(tf.tidy(() => mlp(critic, xB)));
      let mean = 0;
      for (let n = 0; n < B * G; n++) mean += adv[n] = rewards[n] - v[Math.floor(n / G)];
      mean /= B * G;
      let ss = 0;
      for (let n = 0; n < B * G; n++) ss += (adv[n] - mean) ** 2;
      const std = Math.sqrt(ss / Math.max(1, B * G - 1));
      for (let n = 0; n < B * G; n++) adv[n] = (adv[n] - mean) / (std + 1e-8);
      return adv;
    }
    for (let i = 0; i < B; i++) {
      const A = groupAdvantages(Array.from(rewards.subarray(i * G, (i + 1) * G)), {
        normalizeStd: this.variant === 'grpo',
      });
      adv.set(A, i * G);
    }
    return adv;
  }

  /** Exact accuracy, greedy accuracy and mean KL to the reference over all 100 problems. */
  evaluate(): GrpoEval {
    const p = this.probs(this.xAll);
    let acc = 0;
    let greedy = 0;
    let kl = 0;
    ALL_PROBLEMS.forEach(([a, b], i) => {
      const row = p.subarray(i * ANSWERS, (i + 1) * ANSWERS);
      const ref = this.refAll.subarray(i * ANSWERS, (i + 1) * ANSWERS);
      acc += row[a + b];
      let best = 0;
      for (let y = 0; y < ANSWERS; y++) {
        if (row[y] > row[best]) best = y;
        if (row[y] > 0) kl += row[y] * Math.log(row[y] / ref[y]);
      }
      if (best === a + b) greedy++;
    });
    return { accuracy: acc / 100, greedy: greedy / 100, kl: Math.max(0, kl / 100) };
  }

  dispose() {
    tf.dispose([...this.policy, ...(this.critic ?? []), this.xAll]);
    this.opt.dispose();
    this.criticOpt?.dispose();
  }
}

/** The three learners in lock-step on the same problems. */
export class GrpoRun {
  readonly cfg: GrpoConfig;
  private learners: GrpoLearner[];
  private problemRng: Rng;
  private t = 0;

  constructor(cfg: GrpoConfig, rng: Rng) {
    this.cfg = cfg;
    const initRng = rng.fork();
    this.problemRng = rng.fork();
    const init = supervisedReference(cfg, initMlp([IN, cfg.hidden, cfg.hidden, ANSWERS], 0.01, initRng));
    const critic = initMlp([IN, cfg.hidden, cfg.hidden, 1], 1, initRng);
    const refAll = tf.tidy(() =>
      tf.softmax(mlp(toVarsTensors(init), tf.tensor2d(encodeProblems(ALL_PROBLEMS), [100, IN]))),
    );
    const ref = readOnce(refAll);
    this.learners = GRPO_VARIANTS.map((v) => new GrpoLearner(cfg, v, init, critic, rng.fork(), ref));
  }

  get update() {
    return this.t;
  }

  get done() {
    return this.t >= this.cfg.updates;
  }

  /** One update of every learner on the same fresh problems. */
  step(): GrpoPoint {
    const problems = Array.from(
      { length: this.cfg.problems },
      () => [this.problemRng.int(DIGITS), this.problemRng.int(DIGITS)] as const,
    );
    const stats = {} as Record<GrpoVariant, GrpoStats>;
    for (const l of this.learners) stats[l.variant] = { ...l.update(problems), ...l.evaluate() };
    this.t++;
    return { update: this.t, samples: this.t * this.cfg.problems * this.cfg.groupSize, stats };
  }

  /** The learners' state before any update (the reference). */
  initial(): GrpoPoint {
    const stats = {} as Record<GrpoVariant, GrpoStats>;
    for (const l of this.learners) stats[l.variant] = { batchReward: NaN, flatGroups: NaN, ...l.evaluate() };
    return { update: 0, samples: 0, stats };
  }

  dispose() {
    for (const l of this.learners) l.dispose();
  }
}

function toVarsTensors(p: MlpParams): tf.Tensor[] {
  const [i, h1, h2, o] = p.sizes;
  const shapes = [[i, h1], [h1], [h1, h2], [h2], [h2, o], [o]];
  return p.tensors.map((t, k) => tf.tensor(t, shapes[k]));
}

/** The reference's target: q(s | a, b) ∝ exp(−|s − (a + b)| / T), rows for ALL_PROBLEMS. */
export function referenceTarget(T: number): Float32Array {
  const q = new Float32Array(100 * ANSWERS);
  ALL_PROBLEMS.forEach(([a, b], i) => {
    let z = 0;
    for (let s = 0; s < ANSWERS; s++) z += q[i * ANSWERS + s] = Math.exp(-Math.abs(s - a - b) / T);
    for (let s = 0; s < ANSWERS; s++) q[i * ANSWERS + s] /= z;
  });
  return q;
}

/** Fits the network to `referenceTarget` by full-batch Adam on the cross-entropy; returns the fitted weights. */
function supervisedReference(cfg: GrpoConfig, init: MlpParams): MlpParams {
  const vars = toVars(init);
  const opt = tf.train.adam(0.01);
  const x = tf.tensor2d(encodeProblems(ALL_PROBLEMS), [100, IN]);
  const q = tf.tensor2d(referenceTarget(cfg.sftTemperature), [100, ANSWERS]);
  for (let k = 0; k < cfg.sftSteps; k++) {
    opt.minimize(
      () => tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(q, tf.logSoftmax(mlp(vars, x))), 1))) as tf.Scalar),
      false,
      vars,
    );
  }
  const out: MlpParams = { sizes: init.sizes, tensors: vars.map((v) => v.dataSync() as Float32Array) };
  out.tensors = out.tensors.map((t) => Float32Array.from(t));
  tf.dispose([...vars, x, q]);
  opt.dispose();
  return out;
}
