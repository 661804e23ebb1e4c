/**
 * Which statements each chapter's lab attacks, and where an instance opens: the chapter widget that loads it (its
 * URL id, the section it sits in) and the extra settings the link gives it.
 */
import { STATEMENTS, type StatementId } from '@/rl';
import type { FoundInstance } from '@/worker/theorem-lab-client';

export const LAB_STATEMENTS: Record<number, readonly StatementId[]> = {
  4: ['kl-mixture', 'cpi-optimality'],
  5: ['trpo-tv', 'trpo-kl', 'trpo-mean-kl'],
};

export const LAB_CHAPTERS = Object.keys(LAB_STATEMENTS).map(Number);

/** The link that opens `found` in the chapter widget of its statement (a relative URL: query, then hash route). */
export function instanceLink(
  statement: StatementId,
  found: Pick<FoundInstance, 'encoded' | 'value'>,
): string {
  const q = new URLSearchParams();
  if (STATEMENTS[statement].chapter === 5) {
    q.set('trpo.inst', found.encoded);
    q.set('trpo.tmax', '1.5');
    q.set('trpo.t', '1');
    return `?${q.toString()}#/trpo/the-monotonic-improvement-theorem`;
  }
  q.set('mix.inst', found.encoded);
  if (statement === 'kl-mixture') {
    q.set('mix.target', 'random');
    q.set('mix.alpha', String(found.value.quantities.weight));
  }
  return `?${q.toString()}#/mixture-policies/kakade-and-langfords-bound`;
}
