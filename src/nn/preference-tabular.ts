/**
 * Chapter 12's preference toy, trained in the worker: prompts with a few categorical responses, a hidden reward,
 * a dataset of Bradley–Terry preferences sampled from the reference, and two learners with tabular softmax
 * policies (no network is needed: a table of logits can represent every policy, so both can reach the exact
 * optimum). RLHF fits a tabular reward model, then runs PPO (clipped surrogate, tabular critic V(x), KL to the
 * reference in the reward) against it on fresh samples; DPO runs Adam on its loss over the fixed pairs. Float64,
 * plain TypeScript; every random draw comes from the run seed.
 */
import {
  bradleyTerryMle,
  createRng,
  dpoLoss,
  implicitReward,
  klDivergence,
  klRegularizedOptimum,
  logSoftmaxRows,
  rewardModelLoss,
  sigmoid,
  softmax,
  winRate,
  type KlOptimum,
  type Preference,
  type Rng,
} from '@/rl';
import type { PreferenceConfig, PreferencePoint, ResponseRow } from '@/spec';

export interface PreferenceProblem {
  ref: number[][];
  rStar: number[][];
  pairs: Preference[];
  /** π*_{r*}: the optimum for the hidden reward. */
  optTrue: KlOptimum[];
  /** π*_{r̂} for the maximum-likelihood reward of the data, when it exists for every prompt (DPO's minimiser). */
  optData: KlOptimum[] | null;
  /** Per prompt, whether the maximum-likelihood reward exists. */
  mleFinite: boolean[];
}

/** The hidden problem and the dataset, from the seed (the learners draw from a separate stream). */
export function makePreferenceProblem(cfg: PreferenceConfig, rng: Rng): PreferenceProblem {
  const { prompts: X, responses: K } = cfg;
  const ref = Array.from({ length: X }, () => softmax(Array.from({ length: K }, () => 0.8 * rng.normal())));
  const rStar = Array.from({ length: X }, () => Array.from({ length: K }, () => rng.normal()));
  const pairs: Preference[] = [];
  for (let n = 0; n < cfg.pairs; n++) {
    const x = rng.int(X);
    const a = rng.categorical(ref[x]);
    let b = rng.categorical(ref[x]);
    while (b === a) b = rng.categorical(ref[x]);
    pairs.push(rng.uniform() < sigmoid(rStar[x][a] - rStar[x][b]) ? { x, w: a, l: b } : { x, w: b, l: a });
  }
  const optTrue = ref.map((row, x) => klRegularizedOptimum(row, rStar[x], cfg.beta));
  const mles = ref.map((_, x) => {
    const wins = Array.from({ length: K }, () => new Array<number>(K).fill(0));
    for (const p of pairs) if (p.x === x) wins[p.w][p.l]++;
    return bradleyTerryMle(wins);
  });
  const mleFinite = mles.map((m) => m.finite && m.compared.every(Boolean));
  const optData = mleFinite.every(Boolean)
    ? ref.map((row, x) => klRegularizedOptimum(row, mles[x].reward, cfg.beta))
    : null;
  return { ref, rStar, pairs, optTrue, optData, mleFinite };
}

/** Adam on a table of parameters (ascent or descent is the caller's sign). */
class TableAdam {
  private m: number[][];
  private v: number[][];
  private t = 0;
  constructor(shape: number[][]) {
    this.m = shape.map((r) => r.map(() => 0));
    this.v = shape.map((r) => r.map(() => 0));
  }
  /** params −= lr · Adam(grad). */
  descend(params: number[][], grad: number[][], lr: number) {
    this.t++;
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    for (let i = 0; i < params.length; i++) {
      for (let j = 0; j < params[i].length; j++) {
        const g = grad[i][j];
        this.m[i][j] = b1 * this.m[i][j] + (1 - b1) * g;
        this.v[i][j] = b2 * this.v[i][j] + (1 - b2) * g * g;
        params[i][j] -= (lr * (this.m[i][j] / c1)) / (Math.sqrt(this.v[i][j] / c2) + 1e-8);
      }
    }
  }
}

/** What one logged point of the run reports (means over prompts). */

const centred = (row: number[]) => {
  const m = row.reduce((a, b) => a + b, 0) / row.length;
  return row.map((v) => v - m);
};

export class PreferenceRun {
  readonly cfg: PreferenceConfig;
  readonly problem: PreferenceProblem;
  private rng: Rng;
  private rm: number[][];
  private rlhf: number[][];
  private dpo: number[][];
  private value: number[];
  private rmOpt: TableAdam;
  private rlhfOpt: TableAdam;
  private dpoOpt: TableAdam;
  private t = 0;
  private lastDpo = { loss: Math.log(2), weight: 0.5 };

  constructor(cfg: PreferenceConfig) {
    this.cfg = cfg;
    const root = createRng(cfg.seed);
    this.problem = makePreferenceProblem(cfg, root.fork());
    this.rng = root.fork();
    const logRef = this.problem.ref.map((row) => row.map(Math.log));
    this.rm = this.problem.ref.map((row) => row.map(() => 0));
    this.rlhf = logRef.map((r) => r.slice());
    this.dpo = logRef.map((r) => r.slice());
    this.value = this.problem.ref.map(() => 0);
    this.rmOpt = new TableAdam(this.rm);
    this.rlhfOpt = new TableAdam(this.rlhf);
    this.dpoOpt = new TableAdam(this.dpo);
  }

  get step() {
    return this.t;
  }

  get done() {
    return this.t >= this.cfg.steps;
  }

  private get rmSteps() {
    return Math.round(this.cfg.rmFraction * this.cfg.steps);
  }

  private minibatch(): Preference[] {
    const { pairs } = this.problem;
    return Array.from(
      { length: Math.min(this.cfg.batch, pairs.length) },
      () => pairs[this.rng.int(pairs.length)],
    );
  }

  /** One update of each learner. */
  update() {
    if (this.done) return;
    const { cfg } = this;
    // DPO: one Adam step on a minibatch, lr annealed over the whole run.
    const dpoLr = cfg.lr * (1 - this.t / cfg.steps);
    const d = dpoLoss(this.dpo, this.problem.ref, this.minibatch(), cfg.beta);
    this.dpoOpt.descend(this.dpo, d.grad, dpoLr);
    this.lastDpo = { loss: d.loss, weight: d.meanWeight };
    // RLHF: the reward model first, then PPO against it.
    if (this.t < this.rmSteps) {
      const lr = cfg.lr * (1 - this.t / this.rmSteps);
      this.rmOpt.descend(this.rm, rewardModelLoss(this.rm, this.minibatch()).grad, lr);
    } else {
      const ppoSteps = cfg.steps - this.rmSteps;
      this.ppoUpdate(cfg.lr * (1 - (this.t - this.rmSteps) / ppoSteps));
    }
    this.t++;
  }

  /**
   * One PPO update: sample responses from π_old for every prompt, reward r_φ(x, y) − β log(π_old(y|x)/π_ref(y|x))
   * (the KL penalty in the reward), advantage = reward − V(x), then `ppoEpochs` Adam steps on the clipped
   * surrogate; V(x) moves towards the batch's mean reward.
   */
  private ppoUpdate(lr: number) {
    const { cfg, problem } = this;
    const logOld = logSoftmaxRows(this.rlhf);
    const samples: { x: number; y: number; adv: number }[] = [];
    for (let x = 0; x < cfg.prompts; x++) {
      const piOld = logOld[x].map(Math.exp);
      let sum = 0;
      const rows: { y: number; s: number }[] = [];
      for (let i = 0; i < cfg.ppoSamples; i++) {
        const y = this.rng.categorical(piOld);
        const s = this.rm[x][y] - cfg.beta * (logOld[x][y] - Math.log(problem.ref[x][y]));
        rows.push({ y, s });
        sum += s;
      }
      for (const { y, s } of rows) samples.push({ x, y, adv: s - this.value[x] });
      this.value[x] += 0.5 * (sum / cfg.ppoSamples - this.value[x]);
    }
    for (let e = 0; e < cfg.ppoEpochs; e++) {
      const logNow = logSoftmaxRows(this.rlhf);
      const grad = this.rlhf.map((row) => row.map(() => 0));
      for (const { x, y, adv } of samples) {
        const ratio = Math.exp(logNow[x][y] - logOld[x][y]);
        const clipped = (adv > 0 && ratio > 1 + cfg.clip) || (adv < 0 && ratio < 1 - cfg.clip);
        if (clipped) continue;
        // −∂/∂θ_x of ratio·A = −A·ratio·(e_y − π): descent on the negated surrogate.
        const c = (adv * ratio) / samples.length;
        for (let b = 0; b < cfg.responses; b++)
          grad[x][b] -= c * ((b === y ? 1 : 0) - Math.exp(logNow[x][b]));
      }
      this.rlhfOpt.descend(this.rlhf, grad, lr);
    }
  }

  private policyStats(theta: number[][]) {
    const { ref, rStar, optTrue, optData } = this.problem;
    const pis = logSoftmaxRows(theta).map((r) => r.map(Math.exp));
    const mean = (f: (x: number) => number) => pis.reduce((s, _, x) => s + f(x), 0) / pis.length;
    return {
      kl: mean((x) => klDivergence(pis[x], ref[x])),
      win: mean((x) => winRate(pis[x], ref[x], rStar[x])),
      gap: mean((x) => klDivergence(pis[x], optTrue[x].pi)),
      gapData: optData ? mean((x) => klDivergence(pis[x], optData[x].pi)) : NaN,
    };
  }

  /** The current state of both learners. */
  point(): PreferencePoint {
    const r = this.policyStats(this.rlhf);
    const d = this.policyStats(this.dpo);
    const { pairs } = this.problem;
    const right = pairs.reduce((s, p) => s + (this.rm[p.x][p.w] > this.rm[p.x][p.l] ? 1 : 0), 0);
    return {
      step: this.t,
      rlhfPhase: this.t <= this.rmSteps ? 'reward model' : 'ppo',
      rmAccuracy: right / pairs.length,
      rlhfKl: r.kl,
      rlhfWin: r.win,
      rlhfGap: r.gap,
      rlhfGapData: r.gapData,
      dpoKl: d.kl,
      dpoWin: d.win,
      dpoGap: d.gap,
      dpoGapData: d.gapData,
      dpoLoss: this.lastDpo.loss,
      dpoWeight: this.lastDpo.weight,
    };
  }

  /** Every (prompt, response): hidden, implicit and modelled rewards, and the four policies. */
  responses(): ResponseRow[] {
    const { ref, rStar, optTrue } = this.problem;
    const h = implicitReward(this.dpo, ref, this.cfg.beta);
    const piDpo = logSoftmaxRows(this.dpo).map((r) => r.map(Math.exp));
    const piRlhf = logSoftmaxRows(this.rlhf).map((r) => r.map(Math.exp));
    return ref.flatMap((row, x) => {
      const rs = centred(rStar[x]);
      const hs = centred(h[x]);
      const ms = centred(this.rm[x]);
      return row.map((p, y) => ({
        x,
        y,
        rStar: rs[y],
        dpoReward: hs[y],
        rmReward: ms[y],
        piRef: p,
        piStar: optTrue[x].pi[y],
        piDpo: piDpo[x][y],
        piRlhf: piRlhf[x][y],
      }));
    });
  }

  /** The exact reference values the charts draw as lines (means over prompts). */
  exact() {
    const { ref, rStar, optTrue, optData } = this.problem;
    const mean = (f: (x: number) => number) => ref.reduce((s, _, x) => s + f(x), 0) / ref.length;
    return {
      optKl: mean((x) => optTrue[x].kl),
      optWin: mean((x) => winRate(optTrue[x].pi, ref[x], rStar[x])),
      dataKl: optData ? mean((x) => optData[x].kl) : NaN,
      dataWin: optData ? mean((x) => winRate(optData[x].pi, ref[x], rStar[x])) : NaN,
      /** KL(π*_{r̂} ‖ π*_{r*}): how far the finite dataset's optimum is from the true one. */
      dataGap: optData ? mean((x) => klDivergence(optData[x].pi, optTrue[x].pi)) : NaN,
      mleFinite: this.problem.mleFinite,
    };
  }
}
