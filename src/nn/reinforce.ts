/**
 * REINFORCE on whole episodes. The weight of log pi(a_t|s_t) is the total return R(tau), the reward-to-go G_t, or
 * G_t - V(s_t) with a learned critic; optionally normalised over the batch. One policy-gradient step per batch.
 * Vectorised environments step in lock-step; once the batch has `batchSteps` steps an environment stops
 * contributing after its current episode ends (its later lock-step steps are discarded and not counted).
 * Box actions: the diagonal Gaussian head of PPO (means from the actor, a state-independent log-std, the unclipped
 * sample scored, the env clips), its gradient by tf.variableGrads like the rest of this learner.
 */
import * as tf from './tf';
import type { LiveHparams, ReinforceConfig } from '@/spec';
import {
  EpisodeLog,
  explainedVariance,
  policyDistance,
  gaussianPolicyDistance,
  ratioHistogramOf,
  sampleRows,
  softmaxRows,
  ratioHistogram,
} from './policy-stats';
import { initMlp, MlpForward, type MlpParams } from './mlp';
import type { ReinforceMetrics } from './metrics';
import { makeRng, type RunRng } from './rl-bridge';
import { FlatAdam, syncParams, TfMlp } from './tf-net';
import { applyLive, TrainingError, type Progress, type Trainer } from './trainer';
import { allocStep, type VecEnv } from './vec-env';
import { makeVecEnv } from './envs';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

let rfUid = 0;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export class ReinforceTrainer implements Trainer {
  readonly config: ReinforceConfig;
  steps = 0;
  private updates = 0;
  private rng: RunRng;
  private env: VecEnv;
  private actorNet: TfMlp;
  private criticNet: TfMlp | null;
  private opt: FlatAdam;
  private log = new EpisodeLog();
  private live: { learningRate: number; entCoef: number };
  /** Box actions: the diagonal Gaussian's state-independent log-std (as PPO's; tfjs variable and TS copy). */
  private readonly box: boolean;
  private logStdVar: tf.Variable | null = null;
  private logStd: Float32Array;

  constructor(cfg: ReinforceConfig, env?: VecEnv) {
    this.config = { ...cfg };
    this.rng = makeRng(cfg.seed);
    this.env = env ?? makeVecEnv(cfg.env, cfg.numEnvs, this.rng);
    const d = this.env.obsSize;
    const actor = initMlp([d, cfg.hidden, cfg.hidden, this.env.numActions], 0.01, this.rng);
    const critic = initMlp([d, cfg.hidden, cfg.hidden, 1], 1, this.rng);
    this.actorNet = new TfMlp(actor, 'pi');
    this.criticNet = cfg.variant === 'reward-to-go-baseline' ? new TfMlp(critic, 'v') : null;
    this.box = this.env.actionKind === 'box';
    this.logStd = new Float32Array(this.env.numActions);
    if (this.box) this.logStdVar = tf.variable(tf.zeros([this.env.numActions]), true, `pi_logstd_${rfUid++}`);
    this.opt = new FlatAdam(this.policyVars(), cfg.learningRate);
    this.live = { learningRate: cfg.learningRate, entCoef: cfg.entCoef };
  }

  setLive(h: LiveHparams): void {
    applyLive(this.live, h);
  }

  private policyVars(): tf.Variable[] {
    return this.logStdVar ? [...this.actorNet.vars, this.logStdVar] : this.actorNet.vars;
  }

  actor(): MlpParams {
    const p = this.actorNet.params;
    return this.box ? { ...p, head: 'gaussian', logStd: this.logStd } : p;
  }

  async update(progress?: Progress): Promise<ReinforceMetrics> {
    const cfg = this.config;
    const env = this.env;
    const N = env.numEnvs;
    const d = env.obsSize;
    const A = env.numActions;
    this.updates += 1;
    const numUpdatesGuess = Math.max(1, Math.floor(cfg.totalSteps / cfg.batchSteps));
    const lr =
      (cfg.annealLr ? Math.max(0, 1 - (this.updates - 1) / numUpdatesGuess) : 1) * this.live.learningRate;
    this.opt.learningRate = lr;
    const t0 = now();

    // ---- rollout: complete episodes only
    const fwd = new MlpForward(this.actorNet.params.sizes, N);
    const obs = new Float32Array(N * d);
    env.reset(obs);
    const out = allocStep(env);
    const probs = new Float32Array(N * A);
    const acts = new Int32Array(N);
    const actsF = new Float32Array(this.box ? N * A : 0);
    const std = Float32Array.from(this.logStd, Math.exp);
    const epObs: number[][] = Array.from({ length: N }, () => []);
    const epAct: number[][] = Array.from({ length: N }, () => []);
    const epRew: number[][] = Array.from({ length: N }, () => []);
    const epProb: number[][] = Array.from({ length: N }, () => []);
    const bObs: number[] = [];
    const bAct: number[] = [];
    const bW: number[] = [];
    const bG: number[] = [];
    const bProb: number[] = [];
    const returns: number[] = [];
    const lengths: number[] = [];
    const active = new Uint8Array(N).fill(1);
    let collected = 0;
    let nActive = N;
    const u = () => this.rng.uniform();
    while (nActive > 0) {
      progress?.('rollout', Math.min(collected, cfg.batchSteps), cfg.batchSteps);
      const logits = fwd.run(this.actorNet.params, obs, N);
      if (this.box) {
        // a = μ + σ ε (unclipped; the env clips); the means stand in for the probabilities (KL readout)
        for (let i = 0; i < N * A; i++) {
          probs[i] = logits[i];
          actsF[i] = logits[i] + std[i % A] * this.rng.normal();
        }
      } else {
        softmaxRows(logits, N, A, probs);
        sampleRows(probs, N, A, u, acts);
      }
      for (let e = 0; e < N; e++) {
        if (!active[e]) continue;
        for (let k = 0; k < d; k++) epObs[e].push(obs[e * d + k]);
        if (this.box) for (let a = 0; a < A; a++) epAct[e].push(actsF[e * A + a]);
        else epAct[e].push(acts[e]);
        for (let a = 0; a < A; a++) epProb[e].push(probs[e * A + a]);
      }
      env.step(this.box ? actsF : acts, out);
      for (let e = 0; e < N; e++) {
        if (!active[e]) continue;
        this.steps += 1;
        collected += 1;
        epRew[e].push(out.rewards[e]);
        if (out.terminated[e] || out.truncated[e]) {
          const rew = epRew[e];
          const T = rew.length;
          this.log.push(out.episodeReturn[e], out.episodeLength[e]);
          returns.push(out.episodeReturn[e]);
          lengths.push(out.episodeLength[e]);
          let total = 0;
          for (let t = 0; t < T; t++) total += rew[t] * cfg.gamma ** t;
          let g = 0;
          const rtg = new Array<number>(T);
          for (let t = T - 1; t >= 0; t--) {
            g = rew[t] + cfg.gamma * g;
            rtg[t] = g;
          }
          for (let t = 0; t < T; t++) {
            bW.push(cfg.variant === 'total-return' ? total : rtg[t]);
            bG.push(rtg[t]);
          }
          bObs.push(...epObs[e]);
          bAct.push(...epAct[e]);
          bProb.push(...epProb[e]);
          epObs[e] = [];
          epAct[e] = [];
          epRew[e] = [];
          epProb[e] = [];
          if (collected >= cfg.batchSteps) {
            active[e] = 0;
            nActive -= 1;
          }
        }
      }
      obs.set(out.obs);
    }
    // Steps of episodes cut off by the end of the batch are not counted: subtract them.
    const M = this.box ? bAct.length / A : bAct.length;
    this.steps -= collected - M;
    const t1 = now();

    // ---- learning
    progress?.('learn', 0, 1);
    const obsArr = Float32Array.from(bObs);
    const wArr = Float32Array.from(bW);
    const gArr = Float32Array.from(bG);
    const actArr = Int32Array.from(this.box ? [] : bAct);
    const actArrF = Float32Array.from(this.box ? bAct : []);
    const oldProbs = Float32Array.from(bProb);
    let values = new Float32Array(M);
    if (this.criticNet)
      values = new MlpForward(this.criticNet.params.sizes, M).run(this.criticNet.params, obsArr, M).slice();
    const weights = new Float32Array(M);
    for (let k = 0; k < M; k++) weights[k] = wArr[k] - (this.criticNet ? values[k] : 0);
    if (cfg.normalizeReturns && M > 1) {
      let m = 0;
      for (const w of weights) m += w;
      m /= M;
      let v = 0;
      for (const w of weights) v += (w - m) ** 2;
      const s = Math.sqrt(v / (M - 1)) + 1e-8;
      for (let k = 0; k < M; k++) weights[k] = (weights[k] - m) / s;
    }
    const ent = this.live.entCoef;
    const oldLogStd = this.logStd.slice();
    const logStdVar = this.logStdVar;
    const obsT = tf.tensor2d(obsArr, [M, d]);
    const gT = tf.tensor1d(gArr);
    const statsT = tf.tidy(() => {
      const wT = tf.tensor1d(weights);
      const oneHot = this.box ? null : tf.oneHot(tf.tensor1d(actArr, 'int32'), A);
      const actF = this.box ? tf.tensor2d(actArrF, [M, A]) : null;
      let stats: tf.Tensor | null = null;
      const { value, grads } = tf.variableGrads(() => {
        let logp: tf.Tensor;
        let entropy: tf.Tensor;
        if (logStdVar && actF) {
          // diagonal Gaussian: log π = Σ_k (−½ ((a − μ)/σ)² − ℓ − ½ log 2π), H = Σ_k (ℓ + ½ + ½ log 2π)
          const z = tf.div(tf.sub(actF, this.actorNet.apply(obsT)), tf.exp(logStdVar));
          logp = tf.sub(tf.mul(tf.sum(tf.square(z), 1), -0.5), tf.add(tf.sum(logStdVar), A * HALF_LOG_2PI));
          entropy = tf.add(tf.sum(logStdVar), A * (0.5 + HALF_LOG_2PI));
        } else {
          const logpAll = tf.logSoftmax(this.actorNet.apply(obsT));
          logp = tf.sum(tf.mul(logpAll, oneHot!), 1);
          entropy = tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logpAll), logpAll), 1)));
        }
        const pg = tf.neg(tf.mean(tf.mul(logp, wT)));
        const loss = tf.sub(pg, tf.mul(ent, entropy)) as tf.Scalar;
        stats = tf.keep(tf.stack([pg, entropy, loss]));
        return loss;
      }, this.policyVars());
      const norm = this.opt.apply(
        this.policyVars().map((v) => grads[v.name]),
        cfg.maxGradNorm,
      );
      value.dispose();
      const s = stats as unknown as tf.Tensor;
      const r = tf.concat([s, tf.reshape(norm, [1])]);
      s.dispose();
      return r;
    });
    let vLossT: tf.Tensor = tf.scalar(NaN);
    if (this.criticNet) {
      vLossT.dispose();
      const critic = this.criticNet;
      const copt = this.criticOpt(critic);
      copt.learningRate = lr;
      const losses: tf.Scalar[] = [];
      for (let k = 0; k < cfg.valueEpochs; k++) {
        losses.push(
          tf.tidy(() => {
            const { value, grads } = tf.variableGrads(
              () => tf.mean(tf.square(tf.sub(tf.reshape(critic.apply(obsT), [-1]), gT))) as tf.Scalar,
              critic.vars,
            );
            copt
              .apply(
                critic.vars.map((v) => grads[v.name]),
                cfg.maxGradNorm,
              )
              .dispose();
            return value;
          }),
        );
      }
      vLossT = losses[losses.length - 1];
      for (const l of losses.slice(0, -1)) l.dispose();
    }
    obsT.dispose();
    gT.dispose();
    const all = tf.tidy(() => tf.concat([statsT, tf.reshape(vLossT, [1])]));
    statsT.dispose();
    vLossT.dispose();
    const s = Array.from((await all.data()) as Float32Array);
    all.dispose();
    const nets = this.criticNet ? [this.actorNet, this.criticNet] : [this.actorNet];
    let finite = await syncParams(nets);
    if (this.logStdVar) {
      this.logStd.set((await this.logStdVar.data()) as Float32Array);
      finite &&= this.logStd.every(Number.isFinite);
    }
    const t2 = now();
    const [pg, entropy, loss, gradNorm, vLoss] = s;
    if (!finite || !Number.isFinite(loss)) {
      throw new TrainingError(
        `Numerical failure at update ${this.updates}: ${!finite ? 'a network weight became NaN or infinite' : `the loss is ${loss}`}. ` +
          'Try a smaller learning rate or normalised returns.',
      );
    }
    const newLogits = new MlpForward(this.actorNet.params.sizes, M).run(this.actorNet.params, obsArr, M);
    let dist: ReturnType<typeof policyDistance>;
    let hist: ReturnType<typeof ratioHistogram>;
    if (this.box) {
      const g = gaussianPolicyDistance(oldProbs, oldLogStd, newLogits, this.logStd, actArrF, M, A);
      dist = g.distance;
      hist = ratioHistogramOf(g.ratios);
    } else {
      const newProbs = new Float32Array(M * A);
      softmaxRows(newLogits, M, A, newProbs);
      dist = policyDistance(oldProbs, newProbs, M, A);
      hist = ratioHistogram(oldProbs, newProbs, actArr, M, A);
    }
    return {
      update: this.updates,
      steps: this.steps,
      episodeReturns: returns,
      episodeLengths: lengths,
      returnMean20: this.log.mean20(),
      episodes: this.log.count,
      policyLoss: pg,
      valueLoss: vLoss,
      entropy,
      explainedVariance: this.criticNet ? explainedVariance(values, gArr) : NaN,
      learningRate: lr,
      gradNorm,
      epochs: 1,
      ...dist,
      ratioHist: hist,
      rolloutMs: t1 - t0,
      learnMs: t2 - t1,
    };
  }

  private copt: FlatAdam | null = null;
  private criticOpt(critic: TfMlp): FlatAdam {
    // The critic has its own optimizer: its regression steps must not move the actor's Adam moments.
    this.copt ??= new FlatAdam(critic.vars, this.config.learningRate);
    return this.copt;
  }

  dispose(): void {
    this.logStdVar?.dispose();
    this.actorNet.dispose();
    this.criticNet?.dispose();
    this.opt.dispose();
    this.copt?.dispose();
  }
}
