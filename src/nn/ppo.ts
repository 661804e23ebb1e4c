/**
 * PPO-clip, read top to bottom like CleanRL's ppo.py: vectorised rollout (float32 forward pass in TypeScript),
 * GAE with truncation bootstrapping, then `updateEpochs` passes of shuffled minibatches in tfjs with per-minibatch
 * advantage normalisation, the clipped surrogate, the clipped value loss, an entropy bonus, the hand-derived
 * gradient of both networks (ppo-grads.ts) and one fused Adam step with the global gradient-norm clip. Weights come
 * back to TypeScript once per update.
 *
 * Discrete actions: a categorical policy over the actor's logits. Box actions (CleanRL's ppo_continuous_action.py):
 * a diagonal Gaussian, the actor's outputs as means and a state-independent log-std (initialised at 0); the sample
 * is stored and scored unclipped, the env clips it to its box. Optional reward scaling (`normReward`) divides
 * rewards by the running std of the discounted return, as Gymnasium's NormalizeReward in CleanRL's script.
 */
import * as tf from './tf';
import type { LiveHparams, PpoConfig } from '@/spec';
import { gaeInPlace } from './gae';
import {
  EpisodeLog,
  explainedVariance,
  gaussianPolicyDistance,
  permutation,
  policyDistance,
  ratioHistogram,
  ratioHistogramOf,
  sampleRows,
  softmaxRows,
} from './policy-stats';
import { RewardScaler } from './reward-scale';
import { initMlp, MlpForward, type MlpParams } from './mlp';
import type { PpoMetrics } from './metrics';
import { makeRng, type RunRng } from './rl-bridge';
import { FlatAdam, syncParams, TfMlp } from './tf-net';
import { PPO_STATS, ppoLossAndGrads } from './ppo-grads';
import { applyLive, TrainingError, type Progress, type Trainer } from './trainer';
import { allocStep, type VecEnv, type VecStep } from './vec-env';
import { makeVecEnv } from './envs';

let logStdUid = 0;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class PpoTrainer implements Trainer {
  readonly config: PpoConfig;
  steps = 0;
  private updates = 0;
  private readonly numUpdates: number;
  private rng: RunRng;
  private env: VecEnv;
  private actorNet: TfMlp;
  private criticNet: TfMlp;
  private opt: FlatAdam;
  /** Box actions: the Gaussian's log-std (tfjs variable, and its TypeScript copy for the rollout). */
  private readonly box: boolean;
  private logStdVar: tf.Variable | null = null;
  private logStd: Float32Array;
  private scaler: RewardScaler | null;
  private fwdA: MlpForward;
  private fwdC: MlpForward;
  private fwdBatch: MlpForward;
  private log = new EpisodeLog();
  private live: { learningRate: number; entCoef: number; clipCoef: number };
  private progress: Progress = () => {};
  // Rollout storage, [numSteps][numEnvs] flattened.
  private obsBuf: Float32Array;
  private actBuf: Int32Array;
  /** Box actions: the unclipped samples, [B][A]. */
  private actBufF: Float32Array;
  private logpBuf: Float32Array;
  private probBuf: Float32Array;
  private rewBuf: Float32Array;
  private doneBuf: Uint8Array;
  private valBuf: Float32Array;
  private advBuf: Float32Array;
  private retBuf: Float32Array;
  private nextObs: Float32Array;
  private stepOut: VecStep;
  /** Box actions: each env's current ε (`noiseHold` > 1 keeps it for that many steps) and its steps left. */
  private heldEps: Float64Array;
  private holdLeft: Int32Array;

  constructor(cfg: PpoConfig, env?: VecEnv) {
    this.config = { ...cfg };
    this.rng = makeRng(cfg.seed);
    this.env = env ?? makeVecEnv(cfg.env, cfg.numEnvs, this.rng);
    const d = this.env.obsSize;
    const A = this.env.numActions;
    const N = cfg.numEnvs;
    const B = N * cfg.numSteps;
    this.numUpdates = Math.max(1, Math.floor(cfg.totalSteps / B));
    // One seed decides everything: init first, then env resets, then sampling and shuffles, in a fixed order.
    const actor = initMlp([d, cfg.hidden, cfg.hidden, A], 0.01, this.rng);
    const critic = initMlp([d, cfg.hidden, cfg.hidden, 1], 1, this.rng);
    this.actorNet = new TfMlp(actor, 'actor');
    this.criticNet = new TfMlp(critic, 'critic');
    this.box = this.env.actionKind === 'box';
    this.logStd = new Float32Array(A);
    const vars = [...this.actorNet.vars, ...this.criticNet.vars];
    if (this.box) {
      this.logStd.fill(cfg.logStdInit);
      this.logStdVar = tf.variable(tf.fill([A], cfg.logStdInit), true, `actor_logstd_${logStdUid++}`);
      vars.push(this.logStdVar);
    }
    this.opt = new FlatAdam(vars, cfg.learningRate);
    this.scaler = cfg.normReward ? new RewardScaler(N, cfg.gamma) : null;
    this.fwdA = new MlpForward(actor.sizes, N);
    this.fwdC = new MlpForward(critic.sizes, N);
    this.fwdBatch = new MlpForward(actor.sizes, B);
    this.live = { learningRate: cfg.learningRate, entCoef: cfg.entCoef, clipCoef: cfg.clipCoef };
    this.obsBuf = new Float32Array(B * d);
    this.actBuf = new Int32Array(B);
    this.actBufF = new Float32Array(this.box ? B * A : 0);
    this.logpBuf = new Float32Array(B);
    this.probBuf = new Float32Array(B * A);
    this.rewBuf = new Float32Array(B);
    this.doneBuf = new Uint8Array(B);
    this.valBuf = new Float32Array(B);
    this.advBuf = new Float32Array(B);
    this.retBuf = new Float32Array(B);
    this.nextObs = new Float32Array(N * d);
    this.stepOut = allocStep(this.env);
    this.heldEps = new Float64Array(this.box ? N * A : 0);
    this.holdLeft = new Int32Array(this.box ? N : 0);
    this.env.reset(this.nextObs);
  }

  setLive(h: LiveHparams): void {
    applyLive(this.live, h);
  }

  actor(): MlpParams {
    const p = this.actorNet.params;
    return this.box ? { ...p, head: 'gaussian', logStd: this.logStd } : p;
  }

  /** Rollout of numSteps × numEnvs with the current TypeScript weights; fills the buffers and the GAE. */
  private rollout(): { returns: number[]; lengths: number[] } {
    const cfg = this.config;
    const env = this.env;
    const N = cfg.numEnvs;
    const d = env.obsSize;
    const A = env.numActions;
    const actorP = this.actorNet.params;
    const criticP = this.criticNet.params;
    const probs = new Float32Array(N * A);
    const acts = new Int32Array(N);
    const actsF = new Float32Array(this.box ? N * A : 0);
    const std = Float32Array.from(this.logStd, Math.exp);
    // the Gaussian's log-density without the quadratic term: −Σ_k (ℓ_k + ½ log 2π)
    let logNorm = 0;
    for (let k = 0; k < A; k++) logNorm -= this.logStd[k] + 0.5 * Math.log(2 * Math.PI);
    const u = () => this.rng.uniform();
    const out = this.stepOut;
    const returns: number[] = [];
    const lengths: number[] = [];
    for (let t = 0; t < cfg.numSteps; t++) {
      this.progress('rollout', t, cfg.numSteps);
      const base = t * N;
      this.obsBuf.set(this.nextObs, base * d);
      const out1 = this.fwdA.run(actorP, this.nextObs, N);
      const values = this.fwdC.run(criticP, this.nextObs, N);
      if (this.box) {
        // a = μ + σ ε, log π(a) = −½ Σ ε² − Σ (ℓ + ½ log 2π); the means are kept (probBuf) for the KL readout
        // (with noiseHold > 1 an env redraws ε every noiseHold steps and at each episode start: the marginal law of
        // a given s is the same Gaussian, so the stored log-prob is unchanged; hold 1 draws as CleanRL does)
        for (let e = 0; e < N; e++) {
          const redraw = this.holdLeft[e] <= 0;
          if (redraw) this.holdLeft[e] = cfg.noiseHold;
          this.holdLeft[e] -= 1;
          let q = 0;
          for (let k = 0; k < A; k++) {
            if (redraw) this.heldEps[e * A + k] = this.rng.normal();
            const eps = this.heldEps[e * A + k];
            actsF[e * A + k] = out1[e * A + k] + std[k] * eps;
            q += eps * eps;
          }
          this.valBuf[base + e] = values[e];
          this.logpBuf[base + e] = -0.5 * q + logNorm;
        }
        this.probBuf.set(out1.subarray(0, N * A), base * A);
        this.actBufF.set(actsF, base * A);
        env.step(actsF, out);
      } else {
        softmaxRows(out1, N, A, probs);
        sampleRows(probs, N, A, u, acts);
        for (let e = 0; e < N; e++) {
          this.valBuf[base + e] = values[e];
          this.actBuf[base + e] = acts[e];
          this.logpBuf[base + e] = Math.log(probs[e * A + acts[e]]);
        }
        this.probBuf.set(probs, base * A);
        env.step(acts, out);
      }
      this.steps += N;
      this.scaler?.step(
        out.rewards,
        (e) => out.terminated[e] === 1 || out.truncated[e] === 1,
        this.rewBuf,
        base,
      );
      let anyTrunc = false;
      for (let e = 0; e < N; e++) {
        if (!this.scaler) this.rewBuf[base + e] = out.rewards[e];
        this.doneBuf[base + e] = out.terminated[e] || out.truncated[e] ? 1 : 0;
        if (out.truncated[e]) anyTrunc = true;
        if (out.terminated[e] || out.truncated[e]) {
          if (this.box) this.holdLeft[e] = 0;
          this.log.push(out.episodeReturn[e], out.episodeLength[e]);
          returns.push(out.episodeReturn[e]);
          lengths.push(out.episodeLength[e]);
        }
      }
      if (anyTrunc) {
        // Time-limit truncation is not a real end: bootstrap with gamma * V(final observation) folded into the
        // reward, then treat the step as done (the next observation belongs to a new episode).
        const fv = this.fwdC.run(criticP, out.finalObs, N);
        for (let e = 0; e < N; e++) if (out.truncated[e]) this.rewBuf[base + e] += cfg.gamma * fv[e];
      }
      this.nextObs.set(out.obs);
    }
    const lastValues = this.fwdC.run(criticP, this.nextObs, N);
    gaeInPlace(
      this.rewBuf,
      this.valBuf,
      this.doneBuf,
      lastValues,
      N,
      cfg.numSteps,
      cfg.gamma,
      cfg.gaeLambda,
      this.advBuf,
      this.retBuf,
    );
    return { returns, lengths };
  }

  async update(progress?: Progress): Promise<PpoMetrics> {
    this.progress = progress ?? (() => {});
    const cfg = this.config;
    const N = cfg.numEnvs;
    const B = N * cfg.numSteps;
    const d = this.env.obsSize;
    const A = this.env.numActions;
    this.updates += 1;
    const frac = cfg.annealLr ? Math.max(0, 1 - (this.updates - 1) / this.numUpdates) : 1;
    const lr = frac * this.live.learningRate;
    this.opt.learningRate = lr;
    const clip = this.live.clipCoef;
    const ent = this.live.entCoef;

    const t0 = now();
    const ep = this.rollout();
    const t1 = now();

    const mbSize = Math.floor(B / cfg.numMinibatches);
    // Everything a minibatch needs in one [B, d + A + 4] matrix, so a minibatch is one gather and one split.
    const W = d + A + 4;
    const packed = new Float32Array(B * W);
    for (let i = 0; i < B; i++) {
      const o = i * W;
      for (let k = 0; k < d; k++) packed[o + k] = this.obsBuf[i * d + k];
      if (this.box) for (let k = 0; k < A; k++) packed[o + d + k] = this.actBufF[i * A + k];
      else packed[o + d + this.actBuf[i]] = 1;
      packed[o + d + A] = this.logpBuf[i];
      packed[o + d + A + 1] = this.advBuf[i];
      packed[o + d + A + 2] = this.retBuf[i];
      packed[o + d + A + 3] = this.valBuf[i];
    }
    const batchT = tf.tensor2d(packed, [B, W]);
    const oldLogStd = this.logStd.slice();
    const logStdVar = this.logStdVar as tf.Tensor1D | null;
    const actorW = this.actorNet.vars;
    const criticW = this.criticNet.vars;
    const coefs = { clip, entCoef: ent, vfCoef: cfg.vfCoef, clipVloss: cfg.clipVloss };
    const statRows: tf.Tensor[] = [];
    const perm = new Int32Array(B);
    let epochs = 0;
    const numMb = Math.floor(B / mbSize);
    const klCol = PPO_STATS.indexOf('approxKl');
    try {
      for (let epoch = 0; epoch < cfg.updateEpochs; epoch++) {
        permutation(B, this.rng, perm);
        const epochStats: tf.Tensor[] = [];
        for (let start = 0; start + mbSize <= B; start += mbSize) {
          this.progress('learn', epoch * numMb + start / mbSize, cfg.updateEpochs * numMb);
          const idx = tf.tensor1d(perm.subarray(start, start + mbSize), 'int32');
          const row = tf.tidy(() => {
            const [obs, action, rest] = tf.split(tf.gather(batchT, idx) as tf.Tensor2D, [d, A, 4], 1);
            const [oldLogp, adv0, ret, oldVal] = tf.unstack(tf.transpose(rest)) as tf.Tensor1D[];
            let adv = adv0;
            if (cfg.normAdv) {
              const { mean, variance } = tf.moments(adv);
              // torch.std is the unbiased estimator
              const std = tf.sqrt(tf.mul(variance, mbSize / Math.max(1, mbSize - 1)));
              adv = tf.div(tf.sub(adv, mean), tf.add(std, 1e-8));
            }
            const { grads, stats } = ppoLossAndGrads(
              actorW,
              criticW,
              { obs: obs as tf.Tensor2D, action: action as tf.Tensor2D, oldLogp, adv, ret, oldVal },
              coefs,
              logStdVar ?? undefined,
            );
            const norm = this.opt.apply(grads, cfg.maxGradNorm);
            // One row per minibatch: the named statistics in PPO_STATS order, then the gradient norm.
            return tf.stack([...PPO_STATS.map((k) => stats[k]), norm]);
          });
          idx.dispose();
          epochStats.push(row);
        }
        epochs += 1;
        statRows.push(...epochStats);
        if (cfg.targetKl > 0 && epochStats.length) {
          // Early stop reads the epoch's mean approx KL: one small read-back per epoch, only when enabled.
          const kl = tf.tidy(() => tf.mean(tf.slice(tf.stack(epochStats), [0, klCol], [-1, 1])));
          const v = (await kl.data())[0];
          kl.dispose();
          if (v > cfg.targetKl) break;
        }
      }
    } finally {
      batchT.dispose();
    }
    const meanStats = tf.tidy(() => tf.mean(tf.stack(statRows), 0));
    for (const r of statRows) r.dispose();
    const stats = (await meanStats.data()) as Float32Array;
    meanStats.dispose();
    let finite = await syncParams([this.actorNet, this.criticNet]);
    if (this.logStdVar) {
      this.logStd.set((await this.logStdVar.data()) as Float32Array);
      finite &&= this.logStd.every(Number.isFinite);
    }
    const t2 = now();
    const st = Object.fromEntries(PPO_STATS.map((k, i) => [k, stats[i]])) as Record<
      (typeof PPO_STATS)[number],
      number
    >;
    const gradNorm = stats[PPO_STATS.length];
    const loss = st.loss;
    if (!finite || !Number.isFinite(loss)) {
      throw new TrainingError(
        `Numerical failure at update ${this.updates}: ${!finite ? 'a network weight became NaN or infinite' : `the loss is ${loss}`}. ` +
          'Try a smaller learning rate, keep gradient clipping on, or keep the surrogate clipped.',
      );
    }

    // Distances between the rollout policy and the updated policy on the batch's states (TypeScript, float32).
    const newOut = this.fwdBatch.run(this.actorNet.params, this.obsBuf, B);
    let dist: ReturnType<typeof policyDistance>;
    let hist: ReturnType<typeof ratioHistogram>;
    if (this.box) {
      const g = gaussianPolicyDistance(this.probBuf, oldLogStd, newOut, this.logStd, this.actBufF, B, A);
      dist = g.distance;
      hist = ratioHistogramOf(g.ratios);
    } else {
      const newProbs = new Float32Array(B * A);
      softmaxRows(newOut, B, A, newProbs);
      dist = policyDistance(this.probBuf, newProbs, B, A);
      hist = ratioHistogram(this.probBuf, newProbs, this.actBuf, B, A);
    }

    return {
      update: this.updates,
      steps: this.steps,
      episodeReturns: ep.returns,
      episodeLengths: ep.lengths,
      returnMean20: this.log.mean20(),
      episodes: this.log.count,
      policyLoss: st.policyLoss,
      valueLoss: st.valueLoss,
      entropy: st.entropy,
      approxKl: st.approxKl,
      clipFraction: Number.isFinite(clip) ? st.clipFraction : NaN,
      explainedVariance: explainedVariance(this.valBuf, this.retBuf),
      learningRate: lr,
      gradNorm,
      epochs,
      ...dist,
      ratioHist: hist,
      rolloutMs: t1 - t0,
      learnMs: t2 - t1,
    };
  }

  dispose(): void {
    this.logStdVar?.dispose();
    this.actorNet.dispose();
    this.criticNet.dispose();
    this.opt.dispose();
  }
}
