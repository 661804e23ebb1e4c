/**
 * The offline learner of chapter 11 (src/spec/offline.ts): DQN, CQL(H) or IQL trained on a fixed dataset of
 * discrete-action transitions, never acting during training, evaluated online after every report with the greedy
 * policy. Losses and their hand-derived gradients: dqn-loss.ts (DQN's target and squared TD loss) and
 * offline-losses.ts (CQL's conservative term; IQL's expectile value loss, its target r + γV(s'), advantage-weighted
 * regression).
 *
 * One gradient step:
 *   dqn  y = r + γ(1 − term) max_b Q̄(s', b);  minimise mean (Q(s, a) − y)²
 *   cql  the same plus α mean [logsumexp_b Q(s, b) − Q(s, a)]
 *   iql  q̂ = Q̄(s, a);  V ← expectile step on q̂;  Q ← squared error to r + γ(1 − term) V(s') (the updated V);
 *        π ← AWR step with weights min(exp(β(q̂ − V(s))), 100)   (the order of IQL's reference code)
 * then Q̄ ← τQ + (1 − τ)Q̄. Evaluation: `evalEpisodes` episodes with argmax Q (IQL: argmax of π's logits), in
 * TypeScript on the read-back weights; their steps feed the overestimation readout (Q on the first half of each
 * episode against its discounted return-to-go), which is where naive offline DQN shows its error.
 *
 * One seed: the networks' init (Q, then V and π for IQL), the batch indices, then the evaluation resets, all from
 * one RNG in that order. `steps` counts gradient steps (the handler's budget and the charts' x axis).
 */
import * as tf from '../tf';
import type { OfflineConfig, OfflineDataset } from '@/spec';
import { checkDataset } from '@/spec';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { EpisodeLog } from '../policy-stats';
import { makeRng, type RunRng } from '../rl-bridge';
import { TrainingError, type Trainer } from '../trainer';
import { dqnLossAndGrads, dqnTarget, type DqnBatch } from './dqn-loss';
import type { OffPolicyEnv } from './env';
import { FlatVarAdam, polyak } from './flat-adam';
import { FlatNet } from './flat-net';
import { McReadout } from './mc-readout';
import type { OffPolicyMetrics } from './metrics';
import { forward, initLinearTorch, pack, toMlpParams, TsForward, type Sizes } from './net';
import { awrLossAndGrads, cqlLossAndGrads, iqlTarget, iqlValueLossAndGrads } from './offline-losses';
import { ReplayBuffer } from './replay-buffer';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
/** AWR's weight clip (IQL's reference code clips exp(β A) at 100). */
const AWR_MAX_WEIGHT = 100;
/** An evaluation episode stops here even if the env has no time limit of its own. */
const EVAL_MAX_STEPS = 10_000;

export class OfflineTrainer implements Trainer {
  readonly config: OfflineConfig;
  /** Gradient steps so far (an offline learner takes no environment steps while it learns). */
  steps = 0;
  private calls = 0;
  private readonly rng: RunRng;
  private readonly buffer: ReplayBuffer;
  private readonly obsSize: number;
  private readonly nA: number;
  private readonly width: number;
  private readonly batchBuf: Float32Array;
  private readonly idx: Int32Array;
  private readonly sizes: Sizes;
  private readonly q: FlatNet;
  private readonly qTarget: FlatNet;
  private readonly optQ: FlatVarAdam;
  private readonly v: FlatNet | null = null;
  private readonly optV: FlatVarAdam | null = null;
  private readonly pi: FlatNet | null = null;
  private readonly optPi: FlatVarAdam | null = null;
  /** The greedy policy's network as TypeScript reads it (Q, or IQL's policy logits). */
  private actTs: Float32Array;
  private readonly fwd: TsForward;
  private readonly readout: McReadout;
  private readonly log = new EpisodeLog();
  private stats: tf.Tensor[] = [];

  constructor(
    cfg: OfflineConfig,
    private readonly env: OffPolicyEnv,
    data: OfflineDataset | null | undefined,
  ) {
    this.config = { ...cfg };
    if (!data) throw new Error('there is no dataset to learn from: log one or import one first');
    const errs = checkDataset(data, cfg.env);
    if (errs.length) throw new Error(`the dataset does not fit: ${errs.join('; ')}`);
    if (env.action.kind !== 'discrete') throw new Error('offline training handles discrete actions only');
    this.obsSize = env.obsSize;
    this.nA = env.action.n;
    this.buffer = ReplayBuffer.from(data, this.obsSize, 1);
    this.width = 2 * this.obsSize + this.nA + 2;
    this.batchBuf = new Float32Array(cfg.batchSize * this.width);
    this.idx = new Int32Array(cfg.batchSize);
    this.rng = makeRng(cfg.seed);
    this.sizes = [this.obsSize, cfg.hidden, cfg.hidden, this.nA];
    const qInit = initLinearTorch(this.sizes, this.rng);
    this.q = new FlatNet(qInit, this.sizes);
    this.qTarget = new FlatNet(qInit, this.sizes, 1, false);
    this.optQ = new FlatVarAdam(this.q, cfg.learningRate);
    this.actTs = qInit;
    if (cfg.method === 'iql') {
      const vSizes: Sizes = [this.obsSize, cfg.hidden, cfg.hidden, 1];
      this.v = new FlatNet(initLinearTorch(vSizes, this.rng), vSizes);
      this.optV = new FlatVarAdam(this.v, cfg.learningRate);
      const piInit = initLinearTorch(this.sizes, this.rng);
      this.pi = new FlatNet(piInit, this.sizes);
      this.optPi = new FlatVarAdam(this.pi, cfg.learningRate);
      this.actTs = piInit;
    }
    this.fwd = new TsForward(this.sizes, 1);
    this.readout = new McReadout(this.obsSize + this.nA, cfg.gamma);
  }

  private batch(x: tf.Tensor2D): DqnBatch {
    const d = this.obsSize;
    const [obs, oneHot, reward, terminated, nextObs] = tf.split(x, [d, this.nA, 1, 1, d], 1);
    return {
      obs: obs as tf.Tensor2D,
      oneHot: oneHot as tf.Tensor2D,
      reward: tf.reshape(reward, [-1]) as tf.Tensor1D,
      terminated: tf.reshape(terminated, [-1]) as tf.Tensor1D,
      nextObs: nextObs as tf.Tensor2D,
    };
  }

  /** One gradient step of the configured method on a fresh uniform batch; its [loss, mean |δ|, mean Q] kept. */
  private gradientStep(): void {
    const c = this.config;
    const n = c.batchSize;
    this.buffer.sampleIndices(n, this.rng, this.idx);
    this.buffer.pack(this.idx, n, this.batchBuf, this.width, this.nA);
    const stats = tf.tidy(() => {
      const b = this.batch(tf.tensor2d(this.batchBuf.subarray(0, n * this.width), [n, this.width]));
      const w = this.q.weights();
      if (c.method === 'iql') return this.iqlStep(b);
      const y = dqnTarget(w, this.qTarget.weights(), b, c.gamma, false);
      if (c.method === 'dqn') {
        const { grads, stats } = dqnLossAndGrads(w, b, y, false);
        this.optQ.apply(pack(grads));
        return stats;
      }
      const { grads, stats } = cqlLossAndGrads(w, b, y, c.cqlAlpha);
      this.optQ.apply(pack(grads));
      return tf.concat([tf.slice(stats, [0], [1]), tf.slice(stats, [3], [2])]);
    });
    polyak(this.qTarget, this.q, c.tau);
    this.stats.push(stats);
    this.steps += 1;
  }

  private iqlStep(b: DqnBatch): tf.Tensor {
    const c = this.config;
    const v = this.v as FlatNet;
    const pi = this.pi as FlatNet;
    const qHat = tf.sum(tf.mul(forward(this.qTarget.weights(), b.obs).out, b.oneHot), 1) as tf.Tensor1D;
    const vStep = iqlValueLossAndGrads(v.weights(), b.obs, qHat, c.expectile);
    this.optV?.apply(pack(vStep.grads));
    const vNow = tf.reshape(forward(v.weights(), b.obs).out, [-1]);
    const advantage = tf.sub(qHat, vNow) as tf.Tensor1D;
    const aw = awrLossAndGrads(pi.weights(), b.obs, b.oneHot, advantage, c.beta, AWR_MAX_WEIGHT);
    this.optPi?.apply(pack(aw.grads));
    const y = iqlTarget(v.weights(), b, c.gamma);
    const { grads, stats } = dqnLossAndGrads(this.q.weights(), b, y, false);
    this.optQ.apply(pack(grads));
    return stats;
  }

  private greedy(obs: Float32Array): number {
    const out = this.fwd.run(this.actTs, obs, 1);
    let best = 0;
    for (let a = 1; a < this.nA; a++) if (out[a] > out[best]) best = a;
    return best;
  }

  /** Evaluation episodes online with the greedy policy; returns their returns and lengths. */
  private evaluate(): { returns: number[]; lengths: number[] } {
    const returns: number[] = [];
    const lengths: number[] = [];
    const d = this.obsSize;
    const obs = new Float32Array(d);
    const row = new Float32Array(d + this.nA);
    const act = new Float32Array(1);
    for (let e = 0; e < this.config.evalEpisodes; e++) {
      obs.set(Array.from(this.env.reset(this.rng)));
      let ret = 0;
      let len = 0;
      for (;;) {
        const a = this.greedy(obs);
        act[0] = a;
        const r = this.env.step(act);
        row.set(obs);
        row.fill(0, d);
        row[d + a] = 1;
        this.readout.record(row, r.reward);
        ret += r.reward;
        len += 1;
        if (r.terminated || r.truncated || len >= EVAL_MAX_STEPS) break;
        for (let k = 0; k < d; k++) obs[k] = r.obs[k];
      }
      this.readout.endEpisode();
      this.log.push(ret, len);
      returns.push(ret);
      lengths.push(len);
    }
    return { returns, lengths };
  }

  async update(): Promise<OffPolicyMetrics> {
    const c = this.config;
    this.calls += 1;
    const g0 = this.steps;
    const t0 = now();
    const todo = Math.min(c.chunkSteps, Math.max(1, c.totalSteps - this.steps));
    for (let k = 0; k < todo; k++) this.gradientStep();
    // One read-back: the acting network, the step statistics, Q on the readout's rows.
    const acting = (this.pi ?? this.q).v;
    const flat = tf.tidy(() => {
      const mean = tf.mean(tf.stack(this.stats), 0);
      return tf.concat([mean, acting]);
    });
    for (const t of this.stats) t.dispose();
    this.stats = [];
    const v = (await flat.data()) as Float32Array;
    flat.dispose();
    const [qLoss, tdError, qMean] = Array.from(v.subarray(0, 3));
    const weights = v.slice(3);
    for (let k = 0; k < weights.length; k++)
      if (!Number.isFinite(weights[k])) this.fail('a network weight became NaN or infinite');
    if (!(Number.isFinite(qLoss) && Number.isFinite(qMean)))
      this.fail(`the critic loss is ${qLoss} and the mean Q ${qMean}`);
    this.actTs = weights;
    const learnMs = now() - t0;
    const te = now();
    const { returns, lengths } = this.evaluate();
    const rolloutMs = now() - te;
    const qEpisodes = await this.readoutQ();
    const wall = now() - t0;
    return {
      update: this.calls,
      steps: this.steps,
      episodes: this.log.count,
      episodeReturns: returns,
      episodeLengths: lengths,
      rolloutMs,
      learnMs,
      returnMean20: this.log.mean20(),
      qLoss,
      tdError,
      qMean,
      qEpisodes,
      qShadow: NaN,
      mcReturn: this.readout.meanReturn(),
      actorLoss: NaN,
      epsilon: NaN,
      alpha: NaN,
      learningRate: this.optQ.learningRate,
      updatesPerSec: wall > 0 ? ((this.steps - g0) / wall) * 1000 : 0,
      gradientSteps: this.steps,
      sampleMs: 0,
    };
  }

  /** Mean Q(s, a) over the readout's rows (the evaluation episodes' first halves), NaN when there are none. */
  private async readoutQ(): Promise<number> {
    const n = this.readout.count;
    if (!n) return NaN;
    const w = this.readout.width;
    const t = tf.tidy(() => {
      const rows = tf.tensor2d(this.readout.rows.subarray(0, n * w), [n, w]);
      const [obs, oneHot] = tf.split(rows, [this.obsSize, this.nA], 1);
      return tf.mean(tf.sum(tf.mul(forward(this.q.weights(), obs as tf.Tensor2D).out, oneHot), 1));
    });
    const x = (await t.data())[0];
    t.dispose();
    return x;
  }

  setLive(h: LiveHparams): void {
    if (h.learningRate === undefined) return;
    for (const o of [this.optQ, this.optV, this.optPi]) if (o) o.learningRate = h.learningRate;
  }

  /** The greedy policy's network: Q values (argmax) or, for IQL, the policy's logits (argmax too). */
  actor(): MlpParams {
    return { ...toMlpParams(this.sizes, this.actTs), head: 'argmax' };
  }

  private fail(what: string): never {
    throw new TrainingError(
      `Numerical failure after ${this.steps} gradient steps: ${what}. Try a smaller learning rate.`,
    );
  }

  dispose(): void {
    for (const t of this.stats) t.dispose();
    this.stats = [];
    this.q.dispose();
    this.qTarget.dispose();
    this.optQ.dispose();
    this.v?.dispose();
    this.optV?.dispose();
    this.pi?.dispose();
    this.optPi?.dispose();
  }
}
