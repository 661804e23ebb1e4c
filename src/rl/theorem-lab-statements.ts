/**
 * The statements the "break this theorem" labs attack, each in the book's corrected form and in the form the notes
 * give (where they differ), evaluated exactly on one instance. Every statement is written `lhs ≥ rhs`; its slack is
 * lhs − rhs (negative = violated). The relative slack divides by `unit`, the size of what the corrected bound
 * concedes (its penalty, or the gap it bounds), so a histogram compares instances of any reward scale; `scale`
 * measures the numbers involved, and a violation counts only below −1e-12 · scale (rounding of float64).
 */
import { evaluateUnchecked } from './evaluate';
import { policyIteration } from './dp';
import { decodeInstance, type LabInstance } from './theorem-lab';
import type { Policy } from './types';
import { gaeBiasSides, twoStepBiasSides, type StatementSides } from './theorem-lab-gae';
import { coupledTrajectorySides, maximalCouplingSides, pinskerSides } from './theorem-lab-coupling';

export const STATEMENT_IDS = [
  'trpo-tv',
  'trpo-kl',
  'trpo-mean-kl',
  'kl-mixture',
  'cpi-optimality',
  'gae-bias',
  'two-step-bias',
  'maximal-coupling',
  'coupled-trajectories',
  'coupled-state-tv',
  'pinsker',
] as const;
export type StatementId = (typeof STATEMENT_IDS)[number];
export type Variant = 'corrected' | 'notes';

export interface StatementInfo {
  id: StatementId;
  chapter: number;
  title: string;
  /** The corrected statement, as plain text (for labels and the table). */
  corrected: string;
  /** The notes' statement, or null when the notes state it correctly. */
  notes: string | null;
  /** Where the notes' statement comes from. */
  notesSource: string | null;
  /** Which quantities the statement uses (the search freezes the others). */
  uses: { piNew: boolean; weight: boolean; lambda?: boolean; critic?: boolean; mdp?: boolean };
}

export const STATEMENTS: Record<StatementId, StatementInfo> = {
  'trpo-tv': {
    id: 'trpo-tv',
    chapter: 5,
    title: 'TRPO, total-variation form',
    corrected: 'J(π′) ≥ L_π(π′) − 4ε_A γ α²/(1−γ)², ε_A = max_{s,a} |A_π(s,a)|, α = D_TV^max',
    notes: 'J(π′) ≥ L_π(π′) − 4εγα²/(1−γ)² with the notes’ ε = ε̄ = max_s |Ā(s)| (Kakade–Langford’s constant)',
    notesSource: 'notes 000/001 (ε not defined; the only ε they define)',
    uses: { piNew: true, weight: false },
  },
  'trpo-kl': {
    id: 'trpo-kl',
    chapter: 5,
    title: 'TRPO, maximum-KL form',
    corrected: 'J(π′) ≥ L_π(π′) − (C/2)·D_KL^max, C = 4ε_A γ/(1−γ)², ε_A = max_{s,a} |A_π(s,a)| (Pinsker)',
    notes: 'J(π′) ≥ L_π(π′) − C·D_KL^max with the notes’ ε = ε̄ in place of ε_A in C',
    notesSource: 'notes 000/001 (ε not defined; the only ε they define)',
    uses: { piNew: true, weight: false },
  },
  'trpo-mean-kl': {
    id: 'trpo-mean-kl',
    chapter: 5,
    title: 'TRPO, mean-KL form',
    corrected: 'J(π′) ≥ L_π(π′) − √2·γ ε̄/(1−γ)²·√(D̄_KL), ε̄ = max_s |Ā(s)|',
    notes:
      'J(π′) ≥ L_π(π′) − C·D̄_KL with the notes’ ε = ε̄ in C: the notes’ constant, and the mean KL that practice constrains',
    notesSource: 'notes 000/001 (ε) read with the mean KL of note 004',
    uses: { piNew: true, weight: false },
  },
  'kl-mixture': {
    id: 'kl-mixture',
    chapter: 4,
    title: "Kakade and Langford's mixture bound",
    corrected: 'J(π_α) − J(π) ≥ α/(1−γ)·(𝔸 − 2αγε̄/(1−γ(1−α))), ε̄ = max_s |Ā(s)|, α the mixture weight',
    notes: null,
    notesSource: null,
    uses: { piNew: true, weight: true },
  },
  'cpi-optimality': {
    id: 'cpi-optimality',
    chapter: 4,
    title: 'what a small policy advantage guarantees',
    corrected: '‖d_π*/d_π‖∞ · 𝔸_π(greedy)/(1−γ) ≥ J(π*) − J(π)',
    notes:
      '𝔸_π(greedy)/(1−γ) ≥ J(π*) − J(π): “policy advantage ≤ 0 implies optimal”, the mismatch factor dropped',
    notesSource: 'chapter 4’s first edition, after the notes (review item 1)',
    uses: { piNew: false, weight: false },
  },
  'gae-bias': {
    id: 'gae-bias',
    chapter: 7,
    title: 'bias of GAE with an imperfect critic',
    corrected: 'γ(1−λ)/(1−γλ)·max_s |e(s)| ≥ max_{s,a} |E[Â^GAE(γ,λ) | s, a] − A_π(s,a) + e(s)|, e = V̂ − V_π',
    notes: null,
    notesSource: null,
    uses: { piNew: false, weight: false, lambda: true, critic: true, mdp: true },
  },
  'two-step-bias': {
    id: 'two-step-bias',
    chapter: 7,
    title: 'bias of the two-step estimator',
    corrected:
      'γ²·max_s |e(s)| ≥ max_{s,a} |E[Â^(2) | s, a] − A_π(s,a) + e(s)|, Â^(2) = r_t + γr_{t+1} + γ²V̂(s_{t+2}) − V̂(s_t)',
    notes: 'the same bound for note 004’s Â^(2) = r_t + γr_{t+1} + γV̂(s_{t+2}) − V̂(s_t)',
    notesSource: 'note 004, the two-step estimator (chapter 7’s erratum)',
    uses: { piNew: false, weight: false, critic: true, mdp: true },
  },
  'maximal-coupling': {
    id: 'maximal-coupling',
    chapter: 8,
    title: 'the maximal coupling',
    corrected:
      'D_TV(π(·|s), π′(·|s)) ≥ Pr(a ≠ a′) under the maximal coupling (with the coupling inequality: equal)',
    notes: 'D_TV ≥ Pr(a ≠ a′) with the note’s Pr(X ≠ Y) = m = Σ_a min(π(a|s), π′(a|s))',
    notesSource: 'note 004, the end of the maximal-coupling construction (chapter 8’s erratum)',
    uses: { piNew: true, weight: false, mdp: false },
  },
  'coupled-trajectories': {
    id: 'coupled-trajectories',
    chapter: 8,
    title: 'coupled trajectories agree for a while',
    corrected: '1 − (1−α)^t ≥ Pr(the maximally coupled pair disagreed before t), t ≤ 30, α = D_TV^max',
    notes: '1 − (1−α)^t ≥ Pr(disagreed before t) with a and a′ drawn independently at every step',
    notesSource: 'note 004, Lemma 14 (independent draws)',
    uses: { piNew: true, weight: false, mdp: true },
  },
  'coupled-state-tv': {
    id: 'coupled-state-tv',
    chapter: 8,
    title: 'state laws of coupled policies',
    corrected: '1 − (1−α)^t ≥ D_TV(law of s_t under π, under π′), t ≤ 30, α = D_TV^max',
    notes: null,
    notesSource: null,
    uses: { piNew: true, weight: false, mdp: true },
  },
  pinsker: {
    id: 'pinsker',
    chapter: 8,
    title: "Pinsker's inequality",
    corrected: '√(D_KL(π(·|s) ‖ π′(·|s))/2) ≥ D_TV(π(·|s), π′(·|s))',
    notes: null,
    notesSource: null,
    uses: { piNew: true, weight: false, mdp: false },
  },
};

export interface StatementValue {
  lhs: number;
  rhs: number;
  slack: number;
  /** slack / unit. */
  relative: number;
  unit: number;
  scale: number;
  /** slack < −1e-12 · scale. */
  violated: boolean;
  /** The quantities behind the two sides (names as the chapters write them). */
  quantities: Record<string, number>;
}

/** Below this relative size a slack is rounding. */
export const VIOLATION_TOLERANCE = 1e-12;
/** A unit below this fraction of the values is rounding-sized: the relative slack is not defined there. */
export const DEGENERATE_UNIT = 1e-9;

function finish(
  lhs: number,
  rhs: number,
  unit: number,
  quantities: Record<string, number>,
  /** The size of the values the two sides were computed from (rounding is relative to them). */
  magnitude = 0,
): StatementValue {
  const slack = lhs - rhs;
  const scale = Math.abs(lhs) + Math.abs(rhs) + Math.abs(unit) + magnitude;
  return {
    lhs,
    rhs,
    slack,
    // A unit of zero (identical policies, w = 0, ε = 0), or one below what float64 resolves next to the values, has
    // no meaningful relative slack (NaN): the search never calls it the tightest instance and the histogram counts it
    // apart.
    relative: unit > DEGENERATE_UNIT * scale ? slack / unit : NaN,
    unit,
    scale,
    violated: slack < -VIOLATION_TOLERANCE * scale,
    quantities,
  };
}

function divergences(pi: Policy, piNew: Policy, d: number[]) {
  let tvMax = 0;
  let klMax = 0;
  let klMean = 0;
  for (let s = 0; s < pi.length; s++) {
    let tv = 0;
    let kl = 0;
    for (let a = 0; a < pi[s].length; a++) {
      tv += Math.abs(pi[s][a] - piNew[s][a]);
      if (pi[s][a] > 0) kl += pi[s][a] * Math.log(pi[s][a] / piNew[s][a]);
    }
    tvMax = Math.max(tvMax, tv / 2);
    kl = Math.max(0, kl);
    klMax = Math.max(klMax, kl);
    klMean += d[s] * kl;
  }
  return { tvMax, klMax, klMean };
}

function trpo(id: StatementId, variant: Variant, inst: LabInstance): StatementValue {
  const { mdp, pi, piNew } = decodeInstance(inst);
  const g = mdp.gamma;
  const old = evaluateUnchecked(mdp, pi);
  const J = evaluateUnchecked(mdp, piNew).J;
  let epsMaxA = 0;
  let epsKL = 0;
  let adv = 0;
  for (let s = 0; s < pi.length; s++) {
    let abar = 0;
    for (let a = 0; a < pi[s].length; a++) {
      epsMaxA = Math.max(epsMaxA, Math.abs(old.A[s][a]));
      abar += piNew[s][a] * old.A[s][a];
    }
    epsKL = Math.max(epsKL, Math.abs(abar));
    adv += old.rho[s] * abar;
  }
  const L = old.J + adv;
  const { tvMax, klMax, klMean } = divergences(pi, piNew, old.d);
  const C = (4 * epsMaxA * g) / (1 - g) ** 2;
  const Cnotes = (4 * epsKL * g) / (1 - g) ** 2;
  const meanPenalty = ((Math.SQRT2 * g * epsKL) / (1 - g) ** 2) * Math.sqrt(klMean);
  const corrected = id === 'trpo-tv' ? C * tvMax * tvMax : id === 'trpo-kl' ? (C / 2) * klMax : meanPenalty;
  const notes =
    id === 'trpo-tv' ? Cnotes * tvMax * tvMax : id === 'trpo-kl' ? Cnotes * klMax : Cnotes * klMean;
  const penalty = variant === 'corrected' ? corrected : notes;
  return finish(
    J,
    L - penalty,
    corrected,
    {
      J,
      L,
      Jold: old.J,
      alpha: tvMax,
      klMax,
      klMean,
      epsMaxA,
      epsKL,
      C,
      Cnotes,
      penalty,
      bound: L - penalty,
    },
    Math.abs(old.J),
  );
}

function mixture(inst: LabInstance): StatementValue {
  const { mdp, pi, piNew, weight: w } = decodeInstance(inst);
  const g = mdp.gamma;
  const old = evaluateUnchecked(mdp, pi);
  const mix = pi.map((row, s) => row.map((p, a) => (1 - w) * p + w * piNew[s][a]));
  const improvement = evaluateUnchecked(mdp, mix).J - old.J;
  let policyAdvantage = 0;
  let eps = 0;
  for (let s = 0; s < pi.length; s++) {
    let abar = 0;
    for (let a = 0; a < pi[s].length; a++) abar += piNew[s][a] * old.A[s][a];
    policyAdvantage += old.d[s] * abar;
    eps = Math.max(eps, Math.abs(abar));
  }
  const penalty = (2 * w * w * g * eps) / ((1 - g) * (1 - g * (1 - w)));
  const bound = (w / (1 - g)) * policyAdvantage - penalty;
  return finish(
    improvement,
    bound,
    penalty,
    { improvement, policyAdvantage, eps, weight: w, penalty, bound },
    Math.abs(old.J),
  );
}

function optimality(variant: Variant, inst: LabInstance): StatementValue {
  const { mdp, pi } = decodeInstance(inst);
  const g = mdp.gamma;
  const old = evaluateUnchecked(mdp, pi);
  const star = policyIteration(mdp);
  const opt = evaluateUnchecked(mdp, star.policy);
  let policyAdvantage = 0;
  let mismatch = 0;
  for (let s = 0; s < pi.length; s++) {
    policyAdvantage += old.d[s] * Math.max(...old.A[s]);
    mismatch = Math.max(mismatch, opt.d[s] / old.d[s]);
  }
  const gap = opt.J - old.J;
  const bound = ((variant === 'corrected' ? mismatch : 1) * policyAdvantage) / (1 - g);
  return finish(
    bound,
    gap,
    gap,
    { gap, Jstar: opt.J, J: old.J, policyAdvantage, mismatch, bound },
    Math.abs(opt.J) + Math.abs(old.J),
  );
}

function sides(x: StatementSides): StatementValue {
  return finish(x.lhs, x.rhs, x.unit, x.quantities, x.magnitude);
}

/** The statement `id` in its corrected or notes' form, on one instance. */
export function evaluateStatement(id: StatementId, variant: Variant, inst: LabInstance): StatementValue {
  switch (id) {
    case 'trpo-tv':
    case 'trpo-kl':
    case 'trpo-mean-kl':
      return trpo(id, variant, inst);
    case 'kl-mixture':
      return mixture(inst);
    case 'cpi-optimality':
      return optimality(variant, inst);
    case 'gae-bias':
      return sides(gaeBiasSides(decodeInstance(inst)));
    case 'two-step-bias':
      return sides(twoStepBiasSides(decodeInstance(inst), variant === 'notes'));
    case 'maximal-coupling':
      return sides(maximalCouplingSides(decodeInstance(inst), variant === 'notes'));
    case 'coupled-trajectories':
      return sides(coupledTrajectorySides(decodeInstance(inst), 'disagree', variant === 'notes'));
    case 'coupled-state-tv':
      return sides(coupledTrajectorySides(decodeInstance(inst), 'state', false));
    case 'pinsker':
      return sides(pinskerSides(decodeInstance(inst)));
  }
}
