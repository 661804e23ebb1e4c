/**
 * Maximum-entropy (soft) dynamic programming with temperature alpha >= 0 (chapter 10).
 *
 * The soft value of a policy counts an entropy bonus alpha H(pi(.|s_t)) at every visited state, from t = 0:
 *   V^pi(s) = E[sum_t gamma^t (r(s_t, a_t) + alpha H(pi(.|s_t))) | s_0 = s],  Q^pi = r + gamma P V^pi,
 * so V^pi(s) = sum_a pi(a|s) (Q^pi(s, a) - alpha log pi(a|s)) (Haarnoja et al. 2017, 2018).
 * Soft optimality: V(s) = alpha logsumexp(Q(s, .) / alpha), Q = r + gamma P V, policy softmax(Q / alpha).
 * At alpha = 0 all of it is chapter 1's ordinary dynamic programming (the hard max, the greedy policy).
 */
import { evaluateUnchecked, qFromV, supNorm } from './evaluate';
import type { MDP, Policy } from './types';
import { RLInputError, validateMDP, validatePolicy } from './validate';

function checkTemperature(temperature: number): void {
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature < 0) {
    throw new RLInputError(`temperature = ${temperature} should be a finite number >= 0`);
  }
}

/**
 * Episodic tasks: `terminal[s]` marks states where the episode has ended (absorbing, reward 0, as GridWorld's goal,
 * pit and wall cells). No entropy bonus is paid there, so their soft value is 0, like SAC's (1 - done) mask.
 */
export type TerminalMask = readonly boolean[] | undefined;

function checkTerminal(terminal: TerminalMask, states: number) {
  if (terminal && terminal.length !== states)
    throw new RLInputError(`terminal should have ${states} entries`);
}

/** alpha log sum_a exp(q_a / alpha), computed with the largest q subtracted first; the max at alpha = 0. */
export function softMax(q: ArrayLike<number>, temperature: number): number {
  let m = -Infinity;
  for (let a = 0; a < q.length; a++) if (q[a] > m) m = q[a];
  if (temperature === 0) return m;
  let z = 0;
  for (let a = 0; a < q.length; a++) z += Math.exp((q[a] - m) / temperature);
  return m + temperature * Math.log(z);
}

/**
 * The Boltzmann policy softmax(Q(s, .) / alpha) of every state. At alpha = 0 it is the limit: uniform over the
 * maximisers of Q(s, .) (ties within 1e-12 relative).
 */
export function boltzmannPolicy(Q: number[][], temperature: number): Policy {
  checkTemperature(temperature);
  return Q.map((q) => {
    const m = Math.max(...q);
    if (temperature === 0) {
      const tie = 1e-12 * Math.max(1, Math.abs(m));
      const best = q.map((x) => (x >= m - tie ? 1 : 0));
      const count = best.reduce((a: number, b) => a + b, 0);
      return best.map((b) => b / count);
    }
    const e = q.map((x) => Math.exp((x - m) / temperature));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
  });
}

/** Entropy -sum_a pi(a|s) log pi(a|s) of every state's action distribution, in nats (0 log 0 = 0). */
export function policyEntropy(pi: Policy): number[] {
  return pi.map((row) => row.reduce((h, p) => (p > 0 ? h - p * Math.log(p) : h), 0));
}

export interface SoftEvaluation {
  /** Soft values V^pi (entropy bonus counted from t = 0). */
  V: number[];
  /** Soft action values Q^pi = r + gamma P V^pi (no bonus at the forced first action). */
  Q: number[][];
  /** Soft objective J_alpha(pi) = rho0 · V^pi. */
  J: number;
  /** Entropy H(pi(.|s)) of every state, nats. */
  entropy: number[];
  /** The ordinary (unregularised) return J(pi) of chapter 1, for comparison. */
  Jreward: number;
  /** Normalised discounted state distribution d_pi. */
  d: number[];
  /** Mean entropy over d_pi of the states where the bonus is paid (non-terminal): sum d H / sum d. */
  meanEntropy: number;
}

/**
 * Exact soft policy evaluation: the soft value is the ordinary value of the reward r(s, a) + alpha H(pi(.|s)),
 * so one LU solve V = (I - gamma P_pi)^{-1} (r_pi + alpha H_pi) gives it.
 */
export function softPolicyEvaluation(
  mdp: MDP,
  pi: Policy,
  { temperature, terminal }: { temperature: number; terminal?: TerminalMask },
): SoftEvaluation {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions);
  checkTemperature(temperature);
  checkTerminal(terminal, states);
  return softEvaluateUnchecked(mdp, pi, temperature, terminal);
}

function softEvaluateUnchecked(
  mdp: MDP,
  pi: Policy,
  temperature: number,
  terminal: TerminalMask,
): SoftEvaluation {
  const entropy = policyEntropy(pi);
  // Reward r(s, a) + alpha H(pi(.|s)) makes r_pi the entropy-augmented expected reward; Q then uses the true r.
  const bonus = entropy.map((h, s) => (terminal?.[s] ? 0 : temperature * h));
  const augmented: MDP = { ...mdp, R: mdp.R.map((row, s) => row.map((r) => r + bonus[s])) };
  const ev = evaluateUnchecked(augmented, pi);
  const Q = qFromV(mdp, ev.V);
  const plain = evaluateUnchecked(mdp, pi);
  let mass = 0;
  let weighted = 0;
  plain.d.forEach((d, s) => {
    if (terminal?.[s]) return;
    mass += d;
    weighted += d * entropy[s];
  });
  return {
    V: ev.V,
    Q,
    J: ev.J,
    entropy,
    Jreward: plain.J,
    d: plain.d,
    meanEntropy: mass > 0 ? weighted / mass : 0,
  };
}

/**
 * The soft Bellman operator of a policy on action values:
 * (T^pi Q)(s, a) = r(s, a) + gamma sum_s' P(s'|s, a) sum_a' pi(a'|s') (Q(s', a') - alpha log pi(a'|s')).
 */
export function softBellmanOperator(
  mdp: MDP,
  pi: Policy,
  Q: number[][],
  temperature: number,
  terminal?: TerminalMask,
): number[][] {
  checkTemperature(temperature);
  const V = Q.map((q, s) => {
    const t = terminal?.[s] ? 0 : temperature;
    return q.reduce((acc, x, a) => {
      const p = pi[s][a];
      return p > 0 ? acc + p * (x - t * Math.log(p)) : acc;
    }, 0);
  });
  return qFromV(mdp, V);
}

/** The soft optimality operator on state values: (T_alpha V)(s) = alpha logsumexp((r + gamma P V)(s, .) / alpha). */
export function softOptimalityOperator(
  mdp: MDP,
  V: number[],
  temperature: number,
  terminal?: TerminalMask,
): number[] {
  checkTemperature(temperature);
  return qFromV(mdp, V).map((q, s) => softMax(q, terminal?.[s] ? 0 : temperature));
}

export interface SoftValueIterationResult {
  V: number[];
  Q: number[][];
  /** softmax(Q / alpha); at alpha = 0 uniform over the maximisers. */
  policy: Policy;
  iterations: number;
  /** Sup-norm change ||V_{k+1} - V_k|| of every sweep. */
  residuals: number[];
  /** The iterates V_0, V_1, … (only when `keepHistory`). */
  history?: number[][];
}

/**
 * Soft value iteration V_{k+1} = T_alpha V_k from V0 (default 0) until ||V_{k+1} - V_k|| <= tol or maxIter sweeps.
 * T_alpha is a gamma-contraction in the sup norm for every alpha >= 0 (logsumexp is 1-Lipschitz in the sup norm).
 */
export function softValueIteration(
  mdp: MDP,
  {
    temperature,
    tol = 1e-10,
    maxIter = 10_000,
    V0,
    keepHistory = false,
    terminal,
  }: {
    temperature: number;
    tol?: number;
    maxIter?: number;
    V0?: number[];
    keepHistory?: boolean;
    terminal?: TerminalMask;
  },
): SoftValueIterationResult {
  const { states, actions } = validateMDP(mdp);
  checkTemperature(temperature);
  checkTerminal(terminal, states);
  if (V0 && V0.length !== states) throw new RLInputError(`V0 should have ${states} entries`);
  let V = Float64Array.from(V0 ?? new Array<number>(states).fill(0));
  let next = new Float64Array(states);
  const { P, R, gamma } = mdp;
  const q = new Float64Array(actions);
  const residuals: number[] = [];
  const history = keepHistory ? [Array.from(V)] : undefined;
  let k = 0;
  while (k < maxIter) {
    let r = 0;
    for (let s = 0; s < states; s++) {
      for (let a = 0; a < actions; a++) {
        const p = P[a][s];
        let ev = 0;
        for (let t = 0; t < states; t++) ev += p[t] * V[t];
        q[a] = R[s][a] + gamma * ev;
      }
      next[s] = softMax(q, terminal?.[s] ? 0 : temperature);
      r = Math.max(r, Math.abs(next[s] - V[s]));
    }
    residuals.push(r);
    [V, next] = [next, V];
    k++;
    history?.push(Array.from(V));
    if (r <= tol) break;
  }
  const Vout = Array.from(V);
  const Q = qFromV(mdp, Vout);
  const policy = Q.map((q, s) => boltzmannPolicy([q], terminal?.[s] ? 0 : temperature)[0]);
  return { V: Vout, Q, policy, iterations: k, residuals, history };
}

export interface SoftPolicyIterationStep {
  policy: Policy;
  /** Soft values of `policy`. */
  V: number[];
  Q: number[][];
  J: number;
  /** min over (s, a) of Q_k(s, a) - Q_{k-1}(s, a) (Lemma: never negative); NaN for the first policy. */
  minIncrease: number;
}

export interface SoftPolicyIterationResult {
  V: number[];
  Q: number[][];
  policy: Policy;
  /** Improvement steps taken. */
  iterations: number;
  /** The policies visited, starting with pi0, each with its exact soft evaluation. */
  steps: SoftPolicyIterationStep[];
}

/**
 * Soft policy iteration: exact soft evaluation, then the soft improvement pi_{k+1} = softmax(Q^{pi_k} / alpha)
 * (the KL projection of Haarnoja et al.'s Lemma 2 over all policies), until ||Q_{k+1} - Q_k|| <= tol.
 * Temperature must be positive (at 0 this is policy iteration, chapter 1).
 */
export function softPolicyIteration(
  mdp: MDP,
  {
    temperature,
    pi0,
    tol = 1e-10,
    maxIter = 200,
    terminal,
  }: { temperature: number; pi0?: Policy; tol?: number; maxIter?: number; terminal?: TerminalMask },
): SoftPolicyIterationResult {
  const { states, actions } = validateMDP(mdp);
  checkTemperature(temperature);
  checkTerminal(terminal, states);
  if (temperature === 0) throw new RLInputError('soft policy iteration needs a positive temperature');
  let pi: Policy = pi0 ?? Array.from({ length: states }, () => new Array<number>(actions).fill(1 / actions));
  validatePolicy(pi, states, actions, 'pi0');
  let ev = softEvaluateUnchecked(mdp, pi, temperature, terminal);
  const steps: SoftPolicyIterationStep[] = [{ policy: pi, V: ev.V, Q: ev.Q, J: ev.J, minIncrease: NaN }];
  let it = 0;
  while (it < maxIter) {
    it++;
    pi = ev.Q.map((q, s) => boltzmannPolicy([q], terminal?.[s] ? 0 : temperature)[0]);
    const nextEv = softEvaluateUnchecked(mdp, pi, temperature, terminal);
    let minIncrease = Infinity;
    nextEv.Q.forEach((q, s) => q.forEach((x, a) => (minIncrease = Math.min(minIncrease, x - ev.Q[s][a]))));
    const change = Math.max(...nextEv.Q.map((q, s) => supNorm(q, ev.Q[s])));
    ev = nextEv;
    steps.push({ policy: pi, V: ev.V, Q: ev.Q, J: ev.J, minIncrease });
    if (change <= tol) break;
  }
  return { V: ev.V, Q: ev.Q, policy: pi, iterations: it, steps };
}

/**
 * Note 004's Lemma 16 rewrites soft evaluation with the reward r(s, a) + alpha E_s'[H(pi(.|s'))], without the
 * discount gamma on the entropy of the next state. This is the fixed point of that (mistaken) evaluation, for the
 * chapter's erratum; the correct reward is r + gamma alpha E_s'[H].
 */
export function undiscountedEntropySoftQ(mdp: MDP, pi: Policy, temperature: number): number[][] {
  const { states, actions } = validateMDP(mdp);
  validatePolicy(pi, states, actions);
  checkTemperature(temperature);
  const H = policyEntropy(pi);
  const R = mdp.R.map((row, s) =>
    row.map((r, a) => r + temperature * mdp.P[a][s].reduce((acc, p, t) => acc + p * H[t], 0)),
  );
  return evaluateUnchecked({ ...mdp, R }, pi).Q;
}
