/** Distances between distributions and between policies. */
import { evaluatePolicy } from './evaluate';
import type { MDP, Policy } from './types';
import { RLInputError, validatePolicy } from './validate';

function sameLength(p: ArrayLike<number>, q: ArrayLike<number>) {
  if (p.length !== q.length)
    throw new RLInputError(`distributions of different sizes (${p.length} and ${q.length})`);
}

/** D_TV(p, q) = 1/2 sum |p - q|. */
export function tvDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  sameLength(p, q);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.abs(p[i] - q[i]);
  return s / 2;
}

/** D_KL(p || q) = sum p log(p/q), with 0 log 0 = 0; Infinity when p puts mass where q has none. */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  sameLength(p, q);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    s += p[i] * Math.log(p[i] / q[i]);
  }
  return Math.max(0, s);
}

function sameStates(pi: Policy, piNew: Policy) {
  if (pi.length !== piNew.length)
    throw new RLInputError(`policies over different state sets (${pi.length} and ${piNew.length} rows)`);
}

/** max_s D_TV(pi(.|s), piNew(.|s)): the alpha of TRPO's bound. */
export function tvMax(pi: Policy, piNew: Policy): number {
  sameStates(pi, piNew);
  return Math.max(...pi.map((row, s) => tvDistance(row, piNew[s])));
}

/** max_s D_KL(pi(.|s) || piNew(.|s)). */
export function klMax(pi: Policy, piNew: Policy): number {
  sameStates(pi, piNew);
  return Math.max(...pi.map((row, s) => klDivergence(row, piNew[s])));
}

/** E_{s ~ d_pi} D_KL(pi(.|s) || piNew(.|s)): TRPO's practical (mean) constraint. */
export function klMean(mdp: MDP, pi: Policy, piNew: Policy): number {
  const { d } = evaluatePolicy(mdp, pi);
  validatePolicy(piNew, pi.length, pi[0].length, 'piNew');
  let m = 0;
  for (let s = 0; s < d.length; s++) if (d[s] > 0) m += d[s] * klDivergence(pi[s], piNew[s]);
  return m;
}
