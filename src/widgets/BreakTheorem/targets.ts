/**
 * Which statements each chapter's lab attacks, what its search varies (for the widget's description), and where an
 * instance opens: the chapter widget that loads it (its URL id, the section it sits in) and the extra settings the
 * link gives it.
 */
import { STATEMENTS, type StatementId } from '@/rl';
import type { FoundInstance } from '@/worker/theorem-lab-client';

export const LAB_STATEMENTS: Record<number, readonly StatementId[]> = {
  4: ['kl-mixture', 'cpi-optimality'],
  5: ['trpo-tv', 'trpo-kl', 'trpo-mean-kl'],
  7: ['gae-bias', 'two-step-bias'],
  8: ['coupled-trajectories', 'coupled-state-tv', 'maximal-coupling', 'pinsker'],
};

export const LAB_CHAPTERS = Object.keys(LAB_STATEMENTS).map(Number);

/** What the local optimiser moves, per chapter (the search's `uses` flags, in words). */
export const LAB_SEARCH_SPACE: Record<number, string> = {
  4: 'random policy pairs and mixture weights; the local optimiser moves P, R, ρ0, the policies’ logits and the weight',
  5: 'random policy pairs; the local optimiser moves P, R, ρ0 and both policies’ logits',
  7: 'random policies, critic errors e = V̂ − V_π and λ; the local optimiser moves P, R, ρ0, the policy’s logits, e and λ',
  8: 'random policy pairs; the local optimiser moves P and ρ0 (for the trajectory statements) and both policies’ logits',
};

/** The link that opens `found` in the chapter widget of its statement (a relative URL: query, then hash route). */
export function instanceLink(
  statement: StatementId,
  found: Pick<FoundInstance, 'encoded' | 'value'>,
): string {
  const q = new URLSearchParams();
  switch (STATEMENTS[statement].chapter) {
    case 5:
      q.set('trpo.inst', found.encoded);
      q.set('trpo.tmax', '1.5');
      q.set('trpo.t', '1');
      return `?${q.toString()}#/trpo/the-monotonic-improvement-theorem`;
    case 7:
      q.set('gae.inst', found.encoded);
      return `?${q.toString()}#/gae/bias-and-variance`;
    case 8:
      q.set('coupled.inst', found.encoded);
      // The trajectory statements name the step where they are tightest: open the widget there.
      if (found.value.quantities.t >= 1) q.set('coupled.t', String(found.value.quantities.t));
      return `?${q.toString()}#/tv-coupling/back-to-coupled-policies`;
  }
  q.set('mix.inst', found.encoded);
  if (statement === 'kl-mixture') {
    q.set('mix.target', 'random');
    q.set('mix.alpha', String(found.value.quantities.weight));
  }
  return `?${q.toString()}#/mixture-policies/kakade-and-langfords-bound`;
}
