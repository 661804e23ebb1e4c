/**
 * Bradley–Terry preferences, the reward model's negative log-likelihood and DPO's loss, with their gradients, for
 * tabular rewards r[x][y] and tabular softmax policies π(y | x) = softmax(θ[x])_y (chapter 12). A preference is a
 * prompt x with a preferred response w and a dispreferred one l.
 */
import { logSumExp } from './kl-regularized';
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
