/**
 * Bradley–Terry preferences, the reward model's negative log-likelihood and DPO's loss, with their gradients, for
 * tabular rewards r[x][y] and tabular softmax policies π(y | x) = softmax(θ[x])_y (chapter 12). A preference is a
 * prompt x with a preferred response w and a dispreferred one l.
 */
import { logSumExp } from './softmax';
import { RLInputError } from './validate';

export interface Preference {
  /** Prompt index. */
  x: number;
  /** The preferred response (y_w). */
  w: number;
  /** The dispreferred response (y_l). */
  l: number;
}

/** σ(z) = 1 / (1 + e^{−z}), without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log σ(z), accurate for large |z| (log σ(z) = −log(1 + e^{−z})). */
export function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

/** p(y1 ≻ y2) = e^{r1} / (e^{r1} + e^{r2}) = σ(r1 − r2). */
export function bradleyTerry(r1: number, r2: number): number {
  return sigmoid(r1 - r2);
}

function checkPairs(pairs: readonly Preference[], rows: number, cols: (x: number) => number) {
  if (pairs.length === 0) throw new RLInputError('no preference pairs');
  for (const { x, w, l } of pairs) {
    if (!(x >= 0 && x < rows) || !(w >= 0 && w < cols(x)) || !(l >= 0 && l < cols(x)))
      throw new RLInputError(`preference (x=${x}, w=${w}, l=${l}) is out of range`);
  }
}

export interface LossAndGrad {
  loss: number;
  /** ∂loss/∂param[x][y], same shape as the parameters. */
  grad: number[][];
}

/**
 * The reward model's negative log-likelihood L_R(r) = −(1/N) Σ log σ(r(x, y_w) − r(x, y_l)) and its gradient
 * ∂L_R/∂r(x, y) = −(1/N) Σ σ(r_l − r_w) (1[y = y_w] − 1[y = y_l]).
 */
export function rewardModelLoss(r: number[][], pairs: readonly Preference[]): LossAndGrad {
  checkPairs(pairs, r.length, (x) => r[x].length);
  const n = pairs.length;
  const grad = r.map((row) => row.map(() => 0));
  let loss = 0;
  for (const { x, w, l } of pairs) {
    const m = r[x][w] - r[x][l];
    loss -= logSigmoid(m) / n;
    const s = sigmoid(-m) / n;
    grad[x][w] -= s;
    grad[x][l] += s;
  }
  return { loss, grad };
}

/** log π(y | x) for the tabular softmax π(· | x) = softmax(θ[x]). */
export function logSoftmaxRows(theta: number[][]): number[][] {
  return theta.map((row) => {
    const lse = logSumExp(row);
    return row.map((t) => t - lse);
  });
}

/** The implicit reward of DPO, β log(π(y | x) / π_ref(y | x)), for every prompt and response. */
export function implicitReward(theta: number[][], ref: number[][], beta: number): number[][] {
  const logPi = logSoftmaxRows(theta);
  return logPi.map((row, x) => row.map((lp, y) => beta * (lp - Math.log(ref[x][y]))));
}

export interface DpoLossAndGrad extends LossAndGrad {
  /** Mean over pairs of σ(ĥ_l − ĥ_w): the weight each pair's gradient carries (how wrong the implicit reward is). */
  meanWeight: number;
  /** Fraction of pairs the implicit reward ranks correctly (ĥ_w > ĥ_l). */
  accuracy: number;
}

/**
 * DPO's loss L(θ) = −(1/N) Σ log σ(ĥ(x, y_w) − ĥ(x, y_l)) with ĥ = β log(π_θ/π_ref), for a tabular softmax policy,
 * and its gradient in the logits. By the chain rule ∂L/∂log π(y_w|x) = −(β/N) σ(ĥ_l − ĥ_w) = −∂L/∂log π(y_l|x);
 * with ∂log π(y|x)/∂θ[x][b] = 1[y = b] − π(b|x) the π terms cancel and ∂L/∂θ[x] = −(β/N) σ(ĥ_l − ĥ_w)(e_w − e_l).
 */
export function dpoLoss(
  theta: number[][],
  ref: number[][],
  pairs: readonly Preference[],
  beta: number,
): DpoLossAndGrad {
  if (!(beta > 0)) throw new RLInputError(`β must be positive (got ${beta})`);
  checkPairs(pairs, theta.length, (x) => theta[x].length);
  const h = implicitReward(theta, ref, beta);
  const n = pairs.length;
  const grad = theta.map((row) => row.map(() => 0));
  let loss = 0;
  let weight = 0;
  let right = 0;
  for (const { x, w, l } of pairs) {
    const m = h[x][w] - h[x][l];
    loss -= logSigmoid(m) / n;
    const s = sigmoid(-m);
    weight += s / n;
    if (m > 0) right += 1 / n;
    grad[x][w] -= (beta * s) / n;
    grad[x][l] += (beta * s) / n;
  }
  return { loss, grad, meanWeight: weight, accuracy: right };
}

/**
 * The population DPO loss when pairs (y1, y2) of prompt x are compared with probability weight[x][y1][y2] and
 * labelled by Bradley–Terry with the hidden reward rStar: E[−log σ(ĥ_w − ĥ_l)] with the label's expectation taken
 * exactly, and its gradient in the logits. Its minimisers are the policies whose implicit reward equals rStar up
 * to a constant per prompt on every compared pair (prop-ch12-dpo-population).
 */
export function dpoPopulationLoss(
  theta: number[][],
  ref: number[][],
  rStar: number[][],
  weight: number[][][],
  beta: number,
): LossAndGrad {
  const h = implicitReward(theta, ref, beta);
  const grad = theta.map((row) => row.map(() => 0));
  let loss = 0;
  for (let x = 0; x < theta.length; x++) {
    for (let a = 0; a < theta[x].length; a++) {
      for (let b = 0; b < theta[x].length; b++) {
        const mu = weight[x][a][b];
        if (!mu) continue;
        const pStar = sigmoid(rStar[x][a] - rStar[x][b]);
        const m = h[x][a] - h[x][b];
        loss -= mu * (pStar * logSigmoid(m) + (1 - pStar) * logSigmoid(-m));
        // d/dm of the bracket's negative is σ(m) − p*; dm/dθ[x] = β(e_a − e_b).
        const g = mu * beta * (sigmoid(m) - pStar);
        grad[x][a] += g;
        grad[x][b] -= g;
      }
    }
  }
  return { loss, grad };
}

/**
 * The win rate of π against π_ref under the hidden Bradley–Terry reward r:
 * P(y ≻ y′) for y ∼ π, y′ ∼ π_ref, i.e. Σ_y Σ_y′ π(y) π_ref(y′) σ(r(y) − r(y′)). Equal to 1/2 when π = π_ref.
 */
export function winRate(pi: ArrayLike<number>, ref: ArrayLike<number>, r: ArrayLike<number>): number {
  let s = 0;
  for (let a = 0; a < pi.length; a++) {
    if (!pi[a]) continue;
    for (let b = 0; b < ref.length; b++) s += pi[a] * ref[b] * sigmoid(r[a] - r[b]);
  }
  return s;
}

export interface BradleyTerryMle {
  /** The maximum-likelihood reward, normalised to mean 0 over the compared responses (0 for the others). */
  reward: number[];
  /** False when the maximum does not exist: the "beats" graph of the compared responses is not strongly connected. */
  finite: boolean;
  /** Responses that appear in at least one comparison. */
  compared: boolean[];
}

/** Is every compared response reachable from every other along edges a → b where a beat b at least once? */
function stronglyConnected(wins: number[][], nodes: number[]): boolean {
  if (nodes.length <= 1) return true;
  const reach = (forward: boolean) => {
    const seen = new Set([nodes[0]]);
    const stack = [nodes[0]];
    while (stack.length) {
      const a = stack.pop()!;
      for (const b of nodes) {
        const edge = forward ? wins[a][b] > 0 : wins[b][a] > 0;
        if (edge && !seen.has(b)) {
          seen.add(b);
          stack.push(b);
        }
      }
    }
    return seen.size === nodes.length;
  };
  return reach(true) && reach(false);
}

/**
 * The Bradley–Terry maximum-likelihood reward of one prompt from win counts (wins[a][b] = times a beat b): the
 * minimiser of −Σ n_ab log σ(r_a − r_b), by Newton's method with one reward held at 0, then centred. It exists
 * exactly when the compared responses' "beats" graph is strongly connected (Zermelo, Ford); otherwise the
 * likelihood keeps growing as some rewards go to ±∞ and `finite` is false (reward is then NaN).
 */
export function bradleyTerryMle(
  wins: number[][],
  { tol = 1e-12, maxIterations = 200 } = {},
): BradleyTerryMle {
  const K = wins.length;
  const compared = Array.from({ length: K }, (_, a) => wins[a].some((n, b) => n > 0 || wins[b][a] > 0));
  const nodes = compared.flatMap((c, a) => (c ? [a] : []));
  if (!stronglyConnected(wins, nodes))
    return { reward: new Array<number>(K).fill(NaN), finite: false, compared };
  const r = new Array<number>(K).fill(0);
  const free = nodes.slice(1); // nodes[0] is held at 0
  const nll = (v: number[]) => {
    let s = 0;
    for (const a of nodes) for (const b of nodes) if (wins[a][b]) s -= wins[a][b] * logSigmoid(v[a] - v[b]);
    return s;
  };
  for (let it = 0; it < maxIterations && free.length; it++) {
    const g = free.map(() => 0);
    const H = new Float64Array(free.length * free.length);
    free.forEach((a, i) => {
      for (const b of nodes) {
        if (a === b) continue;
        g[i] += -wins[a][b] * sigmoid(r[b] - r[a]) + wins[b][a] * sigmoid(r[a] - r[b]);
        const h = (wins[a][b] + wins[b][a]) * sigmoid(r[a] - r[b]) * sigmoid(r[b] - r[a]);
        H[i * free.length + i] += h;
        const j = free.indexOf(b);
        if (j >= 0) H[i * free.length + j] -= h;
      }
    });
    if (Math.max(...g.map(Math.abs)) < tol) break;
    const d = solveSymmetric(H, g, free.length).map((x) => -x);
    const f0 = nll(r);
    let t = 1;
    for (;;) {
      const next = r.slice();
      free.forEach((a, i) => (next[a] += t * d[i]));
      if (nll(next) <= f0 + 1e-12 * Math.max(1, Math.abs(f0)) || t < 1e-10) {
        for (let a = 0; a < K; a++) r[a] = next[a];
        break;
      }
      t /= 2;
    }
  }
  const mean = nodes.reduce((s, a) => s + r[a], 0) / Math.max(1, nodes.length);
  return { reward: r.map((v, a) => (compared[a] ? v - mean : 0)), finite: true, compared };
}

/** Solves H x = g for a small symmetric positive definite H (Cholesky). */
function solveSymmetric(H: Float64Array, g: number[], n: number): number[] {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / L[j * n + j];
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = g[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * y[k];
    y[i] = s / L[i * n + i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}
