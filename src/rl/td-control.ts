/**
 * Tabular TD control (Sutton & Barto 2018, §6.4–6.7): SARSA, expected SARSA, Q-learning and double Q-learning
 * (van Hasselt 2010) with ε-greedy behaviour, one seeded run each, returning per-episode learning curves.
 *
 * Targets for a transition (s, a, r, s′), with Q(s′, ·) = 0 when s′ is terminal:
 *   SARSA            r + γ Q(s′, a′), a′ the action the ε-greedy behaviour takes next
 *   expected SARSA   r + γ Σ_b π_ε(b | s′) Q(s′, b)
 *   Q-learning       r + γ max_b Q(s′, b)
 *   double Q         with probability ½: Q_A(s, a) moves towards r + γ Q_B(s′, argmax_b Q_A(s′, b)); otherwise the
 *                    same with A and B swapped. Behaviour is ε-greedy in Q_A + Q_B; the reported Q is (Q_A + Q_B)/2.
 * ε-greedy picks uniformly among the available actions with probability ε and otherwise uniformly among the
 * maximisers (ties broken at random, so a zero-initialised table explores evenly).
 */
import { createRng, type Rng } from './rng';
import { actionsIn, validateTask, type TabularTask } from './tabular-task';
import { sampleReward, stepSizeAt, type StepSize } from './td-evaluation';
import { RLInputError } from './validate';

export type ControlMethod = 'sarsa' | 'expected-sarsa' | 'q-learning' | 'double-q';
export const CONTROL_METHODS: readonly ControlMethod[] = [
  'sarsa',
  'expected-sarsa',
  'q-learning',
  'double-q',
];

/** ε as a constant or as a function of (total steps so far, episodes finished so far). */
export type EpsilonSchedule = number | ((step: number, episode: number) => number);

export interface ControlOptions {
  method: ControlMethod;
  seed: number;
  /** Stop after this many episodes … */
  episodes?: number;
  /** … or after this many steps in total (continuing tasks). At least one of the two. */
  steps?: number;
  epsilon?: EpsilonSchedule;
  /** Step size: constant or a schedule in n = number of updates of that (s, a), this one included. Default 0.1. */
  alpha?: StepSize;
  /** Initial action values (default 0). Terminal states stay 0 whatever is given. */
  Q0?: number;
  /** Record ‖Q − Qstar‖∞ over non-terminal states and available actions every `recordEvery` steps. */
  Qstar?: number[][];
  recordEvery?: number;
}

export interface ControlRun {
  Q: number[][];
  /** Q_A and Q_B of double Q-learning. */
  QA?: number[][];
  QB?: number[][];
  /** Per finished episode: discounted return Σ γ^t r_t (the plain sum when γ = 1), length, first action. */
  returns: number[];
  lengths: number[];
  firstActions: number[];
  /** How many times each (s, a) was updated (both tables together for double Q-learning). */
  counts: number[][];
  steps: number;
  /** ‖Q − Qstar‖∞ at steps 0, recordEvery, 2 · recordEvery, … (when Qstar is given). */
  errorCurve: Array<{ step: number; error: number }>;
}

/** Samples an ε-greedy action from q (ties among maximisers broken uniformly). */
export function epsilonGreedyAction(q: ArrayLike<number>, k: number, epsilon: number, rng: Rng): number {
  if (epsilon > 0 && rng.uniform() < epsilon) return rng.int(k);
  let best = -Infinity;
  let ties = 0;
  let choice = 0;
  for (let a = 0; a < k; a++) {
    if (q[a] > best) {
      best = q[a];
      ties = 1;
      choice = a;
    } else if (q[a] === best) {
      // Reservoir sampling: each maximiser ends up chosen with probability 1 / ties.
      ties++;
      if (rng.uniform() * ties < 1) choice = a;
    }
  }
  return choice;
}

/** A learner that can be advanced a few episodes at a time (widgets spread long runs over frames). */
export interface ControlLearner {
  /** Runs up to `k` more episodes (fewer if the step or episode budget runs out); returns how many finished. */
  runEpisodes(k: number): number;
  /** True once the episode or step budget is spent. */
  done(): boolean;
  /** The run so far. */
  result(): ControlRun;
}

export function tdControl(task: TabularTask, opts: ControlOptions): ControlRun {
  const learner = createControlLearner(task, opts);
  while (!learner.done()) learner.runEpisodes(1000);
  return learner.result();
}

export function createControlLearner(task: TabularTask, opts: ControlOptions): ControlLearner {
  const { states, actions } = validateTask(task);
  const { method, seed, episodes = Infinity, steps: maxSteps = Infinity, alpha = 0.1, Q0 = 0 } = opts;
  if (!CONTROL_METHODS.includes(method)) throw new RLInputError(`unknown method ${String(method)}`);
  if (episodes === Infinity && maxSteps === Infinity)
    throw new RLInputError('give a number of episodes or of steps');
  const eps = opts.epsilon ?? 0.1;
  const epsAt = (t: number, e: number) => (typeof eps === 'number' ? eps : eps(t, e));
  const { P, gamma } = task.mdp;
  const cap = task.maxEpisodeSteps ?? Infinity;
  const rng = createRng(seed);
  const K = Array.from({ length: states }, (_, s) => actionsIn(task, s));
  const table = () =>
    Array.from({ length: states }, (_, s) =>
      Float64Array.from({ length: actions }, (_, a) => (task.terminal[s] || a >= K[s] ? 0 : Q0)),
    );
  const double = method === 'double-q';
  const QA = table();
  const QB = double ? table() : QA;
  const sumQ = new Float64Array(actions);
  // The row the behaviour acts on: Q_A + Q_B for double Q-learning, Q otherwise.
  const behaviourRow = (s: number) => {
    if (!double) return QA[s];
    for (let a = 0; a < actions; a++) sumQ[a] = QA[s][a] + QB[s][a];
    return sumQ;
  };
  const countsA = Array.from({ length: states }, () => new Float64Array(actions));
  const countsB = double ? Array.from({ length: states }, () => new Float64Array(actions)) : countsA;
  const out: ControlRun = {
    Q: [],
    returns: [],
    lengths: [],
    firstActions: [],
    counts: [],
    steps: 0,
    errorCurve: [],
  };
  const { Qstar, recordEvery = 0 } = opts;
  const record = (step: number) => {
    if (!Qstar || !recordEvery) return;
    let err = 0;
    for (let s = 0; s < states; s++) {
      if (task.terminal[s]) continue;
      for (let a = 0; a < K[s]; a++) err = Math.max(err, Math.abs((QA[s][a] + QB[s][a]) / 2 - Qstar[s][a]));
    }
    out.errorCurve.push({ step, error: err });
  };
  record(0);

  let t = 0;
  let e = 0;
  const episode = () => {
    let s = rng.categorical(task.mdp.rho0);
    let a = task.terminal[s] ? 0 : epsilonGreedyAction(behaviourRow(s), K[s], epsAt(t, e), rng);
    let G = 0;
    let disc = 1;
    let len = 0;
    out.firstActions.push(a);
    while (!task.terminal[s] && len < cap && t < maxSteps) {
      const r = sampleReward(task, s, a, rng);
      const s2 = rng.categorical(P[a][s]);
      G += disc * r;
      disc *= gamma;
      len++;
      t++;
      const ends = task.terminal[s2];
      const epsNext = epsAt(t, e);
      // The next action (SARSA needs it for its target; the others act with it next).
      const a2 = ends ? 0 : epsilonGreedyAction(behaviourRow(s2), K[s2], epsNext, rng);
      let Qu = QA; // the table being updated
      let Qe = QA; // the table evaluating the next state
      if (double && rng.uniform() < 0.5) {
        Qu = QB;
        Qe = QA;
      } else if (double) {
        Qe = QB;
      }
      let next = 0;
      if (!ends) {
        const q2 = Qu[s2];
        const k2 = K[s2];
        if (method === 'sarsa') next = Qu[s2][a2];
        else if (method === 'q-learning') {
          next = -Infinity;
          for (let b = 0; b < k2; b++) next = Math.max(next, q2[b]);
        } else if (method === 'double-q') {
          let arg = 0;
          for (let b = 1; b < k2; b++) if (q2[b] > q2[arg]) arg = b;
          next = Qe[s2][arg];
        } else {
          // Expected SARSA under the ε-greedy policy of the current Q (the one the behaviour uses next).
          let best = -Infinity;
          let ties = 0;
          let mean = 0;
          let bestSum = 0;
          for (let b = 0; b < k2; b++) {
            mean += q2[b];
            if (q2[b] > best) {
              best = q2[b];
              ties = 1;
              bestSum = q2[b];
            } else if (q2[b] === best) {
              ties++;
              bestSum += q2[b];
            }
          }
          next = (epsNext * mean) / k2 + ((1 - epsNext) * bestSum) / ties;
        }
      }
      const cnt = Qu === QA ? countsA : countsB; // each table counts its own updates
      cnt[s][a]++;
      const row = Qu[s];
      row[a] += stepSizeAt(alpha, cnt[s][a]) * (r + gamma * next - row[a]);
      if (!Number.isFinite(row[a]))
        throw new RLInputError(`Q(${s}, ${a}) became ${row[a]} at step ${t}: lower the step size`);
      if (recordEvery && t % recordEvery === 0) record(t);
      s = s2;
      a = a2;
    }
    if (task.terminal[s] || len >= cap) {
      out.returns.push(G);
      out.lengths.push(len);
    } else out.firstActions.pop(); // the step budget ran out mid-episode: not a finished episode
    e++;
  };
  const done = () => e >= episodes || t >= maxSteps;
  const toArr = (T: Float64Array[]) => T.map((r) => Array.from(r));
  const result = (): ControlRun => {
    const res: ControlRun = { ...out, returns: out.returns.slice(), lengths: out.lengths.slice() };
    res.firstActions = out.firstActions.slice();
    res.errorCurve = out.errorCurve.slice();
    res.Q = double ? QA.map((r, s) => Array.from(r, (x, a) => (x + QB[s][a]) / 2)) : toArr(QA);
    if (double) {
      res.QA = toArr(QA);
      res.QB = toArr(QB);
    }
    res.counts = double ? countsA.map((r, s) => Array.from(r, (x, a) => x + countsB[s][a])) : toArr(countsA);
    res.steps = t;
    return res;
  };
  return {
    runEpisodes(k) {
      let n = 0;
      while (n < k && !done()) {
        episode();
        n++;
      }
      return n;
    },
    done,
    result,
  };
}
