/**
 * Single tabular updates, written out (chapter 9): TD(0) on V, and Q-learning, SARSA and expected SARSA on one row of
 * Q, each V ← V + α (target − V) with its own target; and the exact E[max_a Q̂(a)] of independent discrete estimates,
 * the quantity behind maximisation bias. td-evaluation.ts and td-control.ts run whole episodes with the same targets.
 */
import { RLInputError } from './validate';

/** V(s) + α (r + γ V(s′) − V(s)); a terminal s′ contributes 0. */
export function tdZeroUpdate(
  v: number,
  r: number,
  vNext: number,
  alpha: number,
  gamma: number,
  terminal = false,
) {
  return v + alpha * (r + (terminal ? 0 : gamma * vNext) - v);
}

export type ControlTarget = 'q-learning' | 'sarsa' | 'expected-sarsa';

/**
 * Q(s, a) + α (r + γ X − Q(s, a)) with X = max_a′ Q(s′, a′) (Q-learning), Q(s′, a′) for the action taken next (SARSA),
 * or Σ_a′ π(a′|s′) Q(s′, a′) (expected SARSA, with `nextPolicy`).
 */
export function controlUpdate(
  q: number,
  r: number,
  nextRow: readonly number[],
  alpha: number,
  gamma: number,
  target: ControlTarget,
  opts: { nextAction?: number; nextPolicy?: readonly number[]; terminal?: boolean } = {},
): number {
  let x: number;
  if (opts.terminal) x = 0;
  else if (target === 'q-learning') x = Math.max(...nextRow);
  else if (target === 'sarsa') {
    if (opts.nextAction === undefined) throw new RLInputError('SARSA needs the next action');
    x = nextRow[opts.nextAction];
  } else {
    if (!opts.nextPolicy) throw new RLInputError('expected SARSA needs the next policy');
    x = nextRow.reduce((acc, v, a) => acc + opts.nextPolicy![a] * v, 0);
  }
  return q + alpha * (r + gamma * x - q);
}

/**
 * E[max_a X_a] for independent discrete X_a, X_a taking values[a][k] with probability probs[a][k], by enumerating
 * every combination (kept for small tables: Π_a |values[a]| ≤ 10^6).
 */
export function expectedMaxOfIndependent(values: number[][], probs: number[][]): number {
  const sizes = values.map((v) => v.length);
  if (sizes.reduce((a, b) => a * b, 1) > 1e6) throw new RLInputError('too many combinations to enumerate');
  let total = 0;
  const rec = (a: number, best: number, p: number) => {
    if (a === values.length) {
      total += p * best;
      return;
    }
    for (let k = 0; k < values[a].length; k++) rec(a + 1, Math.max(best, values[a][k]), p * probs[a][k]);
  };
  rec(0, -Infinity, 1);
  return total;
}
