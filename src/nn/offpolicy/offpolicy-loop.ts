/**
 * The acting/learning loop every off-policy learner shares, read like CleanRL's main loop: at env step t, act
 * (TypeScript forward pass on the last read-back weights), step, store the real next observation (the final one on
 * truncation, `terminated` only on termination), and when t > learningStarts and t % trainFrequency = 0 run
 * `gradientSteps` updates on the kernels (kernels/: wasm SIMD products, TypeScript elsewhere), whose weights the
 * acting side reads in place. One `update()` call runs `chunkSteps` environment steps (or, offline, `chunkSteps`
 * gradient steps from a given buffer without acting) and reports one metrics row.
 */
import { EpisodeLog } from '../policy-stats';
import { makeRng, type RunRng } from '../rl-bridge';
import type { LiveHparams } from '@/spec';
import type { MlpParams } from '../mlp';
import { TrainingError, type Trainer } from '../trainer';
import type { OffPolicyConfig } from './config';
import { actionDims, type OffPolicyEnv } from './env';
import { McReadout } from './mc-readout';
import type { OffPolicyMetrics } from './metrics';
import { ReplayBuffer } from './replay-buffer';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export interface OffPolicyOptions {
  /** The environment (one is built from the config's env otherwise). */
  env?: OffPolicyEnv;
  /** Offline mode: learn from this buffer, never act. */
  offline?: ReplayBuffer;
  /** false: the kernels' TypeScript products instead of wasm SIMD (tests; engines without wasm SIMD fall back anyway). */
  simd?: boolean;
}

export abstract class OffPolicyLoop implements Trainer {
  readonly config: OffPolicyConfig;
  steps = 0;
  gradientStepsDone = 0;
  protected calls = 0;
  protected rng: RunRng;
  protected readonly env: OffPolicyEnv | null;
  protected readonly buffer: ReplayBuffer;
  protected readonly offline: boolean;
  protected readonly obsSize: number;
  protected readonly actCols: number; // action columns of a packed batch row / critic input
  /** Row width of the packed batch: [obs | action | reward | terminated | nextObs | extra]. */
  protected readonly width: number;
  protected readonly batchBuf: Float32Array;
  protected readonly readout: McReadout;
  /** Sums over the call's gradient steps of [critic loss, mean |δ|, mean Q], and of the actor loss. */
  private critSum = [0, 0, 0];
  private critCount = 0;
  private actorSum = 0;
  private actorCount = 0;
  private idx: Int32Array;
  private log = new EpisodeLog();
  private obs: Float32Array;
  private action: Float32Array;
  private row: Float32Array;
  private epRet = 0;
  private epLen = 0;
  private sampleMs = 0;
  private started = false;

  constructor(cfg: OffPolicyConfig, env: OffPolicyEnv | null, opts: OffPolicyOptions, extraCols: number) {
    this.config = { ...cfg };
    this.rng = makeRng(cfg.seed);
    this.env = env;
    this.offline = opts.offline !== undefined;
    if (!env && !opts.offline)
      throw new Error('an off-policy learner needs an environment or an offline buffer');
    const space = env?.action;
    if (!space) throw new Error('the action space is needed (pass the environment, also in offline mode)');
    this.obsSize = env.obsSize;
    const dims = actionDims(space);
    this.actCols = dims.packed;
    this.buffer = opts.offline ?? new ReplayBuffer(this.bufferCapacity(), env.obsSize, dims.stored);
    this.width = 2 * this.obsSize + this.actCols + 2 + extraCols;
    this.batchBuf = new Float32Array(cfg.batchSize * this.width);
    this.idx = new Int32Array(cfg.batchSize);
    this.readout = new McReadout(this.obsSize + this.actCols, cfg.gamma);
    this.obs = new Float32Array(this.obsSize);
    this.action = new Float32Array(dims.stored);
    this.row = new Float32Array(this.obsSize + this.actCols);
  }

  /** Replay capacity (DQN without replay keeps only the latest batch). */
  protected bufferCapacity(): number {
    return this.config.bufferSize;
  }

  /** Fills `out` (stored form: action index, or the box action clipped to the box) for observation `obs` at step t. */
  protected abstract selectAction(obs: Float32Array, t: number, out: Float32Array): void;
  /** Runs the gradient steps due at env step t (t > learningStarts); returns true if the acting weights changed. */
  protected abstract train(t: number): boolean;
  /** Whether the acting weights are all finite (checked after each training block). */
  protected abstract actingFinite(): boolean;
  /** Mean first-critic Q on the first `n` rows of `rows` (`[obs | action columns]` each). */
  protected abstract readoutQ(rows: Float32Array, n: number): number;
  /** The same for the shadow critic (DQN, DDPG, TD3 with `shadow` on); NaN without one. */
  protected readoutShadow(_rows: Float32Array, _n: number): number {
    return NaN;
  }
  /** Algorithm-specific readouts for the metrics row. */
  protected abstract extras(): { epsilon: number; alpha: number; learningRate: number };
  /** Live settings of the algorithm's table (validated by the caller); they apply from the next step. */
  abstract setLive(h: LiveHparams): void;
  /** The acting network for watching the policy (its activation and head say how to run it). */
  abstract actor(): MlpParams;
  abstract dispose(): void;

  /** Records one gradient step's critic statistics. */
  protected recordCritic(loss: number, meanAbsDelta: number, meanQ: number): void {
    this.critSum[0] += loss;
    this.critSum[1] += meanAbsDelta;
    this.critSum[2] += meanQ;
    this.critCount += 1;
  }

  /** Records one actor step's loss. */
  protected recordActor(loss: number): void {
    this.actorSum += loss;
    this.actorCount += 1;
  }

  /** Copies `cols` columns from column `from` of the first `n` packed batch rows into `dst` ([n][cols]). */
  protected columns(dst: Float32Array, n: number, from: number, cols: number): void {
    const w = this.width;
    const src = this.batchBuf;
    for (let r = 0; r < n; r++) {
      const o = r * w + from;
      const d = r * cols;
      for (let k = 0; k < cols; k++) dst[d + k] = src[o + k];
    }
  }

  /** Packs a uniformly sampled batch (or, `latest`, every stored transition) into `batchBuf`; returns its size. */
  protected sampleBatch(latest = false): number {
    const t0 = now();
    let n = this.config.batchSize;
    if (latest) {
      n = Math.min(n, this.buffer.size);
      for (let k = 0; k < n; k++) this.idx[k] = k;
    } else this.buffer.sampleIndices(n, this.rng, this.idx);
    this.buffer.pack(
      this.idx,
      n,
      this.batchBuf,
      this.width,
      this.env?.action.kind === 'discrete' ? this.actCols : 0,
    );
    this.sampleMs += now() - t0;
    return n;
  }

  private writeRow(obs: Float32Array, action: Float32Array): void {
    const d = this.obsSize;
    this.row.set(obs);
    if (this.env?.action.kind === 'discrete') {
      this.row.fill(0, d);
      this.row[d + action[0]] = 1;
    } else for (let k = 0; k < this.actCols; k++) this.row[d + k] = action[k];
  }

  async update(): Promise<OffPolicyMetrics> {
    const cfg = this.config;
    this.calls += 1;
    const returns: number[] = [];
    const lengths: number[] = [];
    let rolloutMs = 0;
    let learnMs = 0;
    this.sampleMs = 0;
    const g0 = this.gradientStepsDone;
    const tStart = now();
    if (this.offline) {
      const t0 = now();
      for (let k = 0; k < cfg.chunkSteps; k++) this.train(cfg.learningStarts + 1 + this.gradientStepsDone);
      learnMs += now() - t0;
    } else {
      const env = this.env as OffPolicyEnv;
      if (!this.started) {
        this.obs.set(Array.from(env.reset(this.rng)));
        this.started = true;
      }
      for (let s = 0; s < cfg.chunkSteps; s++) {
        const t = this.steps;
        const ta = now();
        this.selectAction(this.obs, t, this.action);
        const r = env.step(this.action);
        this.buffer.add(this.obs, this.action, r.reward, r.obs, r.terminated);
        this.writeRow(this.obs, this.action);
        this.readout.record(this.row, r.reward);
        this.epRet += r.reward;
        this.epLen += 1;
        if (r.terminated || r.truncated) {
          this.log.push(this.epRet, this.epLen);
          returns.push(this.epRet);
          lengths.push(this.epLen);
          this.readout.endEpisode();
          this.epRet = 0;
          this.epLen = 0;
          const o = env.reset(this.rng);
          for (let k = 0; k < this.obsSize; k++) this.obs[k] = o[k];
        } else for (let k = 0; k < this.obsSize; k++) this.obs[k] = r.obs[k];
        this.steps += 1;
        rolloutMs += now() - ta;
        if (t > cfg.learningStarts && t % cfg.trainFrequency === 0) {
          const tl = now();
          if (this.train(t) && !this.actingFinite()) this.fail('a network weight became NaN or infinite');
          learnMs += now() - tl;
        }
      }
    }
    const tr = now();
    const ex = this.extras();
    const crit = this.critCount;
    const act = this.actorCount;
    const [qLoss, tdError, qMean] = crit ? this.critSum.map((v) => v / crit) : [NaN, NaN, NaN];
    const actorLoss = act ? this.actorSum / act : NaN;
    this.critSum = [0, 0, 0];
    this.critCount = 0;
    this.actorSum = 0;
    this.actorCount = 0;
    const qEpisodes = this.readout.count ? this.readoutQ(this.readout.rows, this.readout.count) : NaN;
    const qShadow = this.readout.count ? this.readoutShadow(this.readout.rows, this.readout.count) : NaN;
    learnMs += now() - tr;
    if (crit && !(Number.isFinite(qLoss) && Number.isFinite(qMean)))
      this.fail(`the critic loss is ${qLoss} and the mean Q ${qMean}`);
    if (act && !Number.isFinite(actorLoss)) this.fail(`the actor loss is ${actorLoss}`);
    const wall = now() - tStart;
    return {
      update: this.calls,
      rolloutMs,
      steps: this.steps,
      episodeReturns: returns,
      episodeLengths: lengths,
      returnMean20: this.log.mean20(),
      episodes: this.log.count,
      qLoss,
      tdError,
      qMean,
      qEpisodes,
      qShadow,
      mcReturn: this.readout.meanReturn(),
      actorLoss,
      epsilon: ex.epsilon,
      alpha: ex.alpha,
      learningRate: ex.learningRate,
      updatesPerSec: wall > 0 ? ((this.gradientStepsDone - g0) / wall) * 1000 : 0,
      gradientSteps: this.gradientStepsDone,
      sampleMs: this.sampleMs,
      learnMs: learnMs - this.sampleMs,
    };
  }

  private fail(what: string): never {
    throw new TrainingError(
      `Numerical failure after ${this.gradientStepsDone} gradient steps: ${what}. ` +
        'Try a smaller learning rate or a larger batch.',
    );
  }
}
