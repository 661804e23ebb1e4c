/**
 * Fitted Q-iteration on a fixed dataset, tabular and exact. With one parameter per (s, a), the minimiser of the
 * regression loss sum over the data of (y - Q(s, a))^2 is the mean target at each logged pair, so one iteration is
 *   Q_{k+1}(s, a) = r̂(s, a) + gamma sum_s' P̂(s' | s, a) M_k(s')   where n(s, a) > 0,
 *   Q_{k+1}(s, a) = Q_0(s, a)                                      where n(s, a) = 0 (no datum ever moves it),
 * and M_k(s') = 0 at terminal s', else max over all actions of Q_k(s', ·) (`maxOver: 'all'`, Q-learning's target)
 * or over the actions logged at s' (`maxOver: 'data'`, the in-support target that IQL approaches as tau -> 1).
 */
import type { DatasetCounts } from './offline-dataset';
import { RLInputError } from './validate';

export interface FittedQResult {
  Q: number[][];
  iterations: number;
  /** Sup-norm change of every iteration. */
  residuals: number[];
  /** seen[s][a] = n(s, a) > 0. */
  seen: boolean[][];
}

export function fittedQIteration(
  counts: DatasetCounts,
  gamma: number,
  {
    Q0,
    maxOver = 'all',
    tol = 1e-10,
    maxIter = 20_000,
  }: { Q0: number[][]; maxOver?: 'all' | 'data'; tol?: number; maxIter?: number },
): FittedQResult {
  const nS = counts.n.length;
  const nA = counts.n[0]?.length ?? 0;
  if (!(gamma >= 0 && gamma < 1))
    throw new RLInputError(`fittedQIteration: gamma = ${gamma} is outside [0, 1)`);
  if (Q0.length !== nS || Q0.some((row) => row.length !== nA)) {
    throw new RLInputError(`fittedQIteration: Q0 must be ${nS} × ${nA}`);
  }
  const seen = counts.n.map((row) => row.map((c) => c > 0));
  const { terminal, rHat, pHat } = counts;
  let Q = Q0.map((row, s) => row.map((q) => (terminal[s] ? 0 : q)));
  const backupValue = (Qk: number[][], t: number) => {
    if (terminal[t]) return 0;
    let best = -Infinity;
    for (let b = 0; b < nA; b++) if ((maxOver === 'all' || seen[t][b]) && Qk[t][b] > best) best = Qk[t][b];
    // A state with no logged action has no in-support maximum; it can only be reached by a transition whose
    // next state never starts a logged step, and we then fall back to the plain max.
    if (best === -Infinity) for (let b = 0; b < nA; b++) best = Math.max(best, Qk[t][b]);
    return best;
  };
  const residuals: number[] = [];
  let k = 0;
  while (k < maxIter) {
    const M = Array.from({ length: nS }, (_, t) => backupValue(Q, t));
    let r = 0;
    const next = Q.map((row, s) =>
      row.map((q, a) => {
        if (terminal[s] || !seen[s][a]) return q;
        const p = pHat[a][s];
        let ev = 0;
        for (let t = 0; t < nS; t++) ev += p[t] * M[t];
        const v = rHat[s][a] + gamma * ev;
        r = Math.max(r, Math.abs(v - q));
        return v;
      }),
    );
    Q = next;
    residuals.push(r);
    k++;
    if (r <= tol) break;
  }
  return { Q, iterations: k, residuals, seen };
}
