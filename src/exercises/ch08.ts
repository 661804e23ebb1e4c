/** Chapter 8 (TV and coupling): a TV distance, the independent coupling's disagreement, an entry of the maximal coupling. */
import { independentCoupling, maximalCoupling, tvDistance, type Rng } from '@/rl';
import { defineExercise } from './types';
import { distinctRows, texTuple } from './instance';

interface PQ {
  p: number[];
  q: number[];
  /** For the maximal-coupling exercise: an outcome with p > q and one with q > p. */
  i: number;
  j: number;
}

const drawPQ = (rng: Rng): PQ => {
  const { pi, piNew } = distinctRows(rng, 1, 4, {
    units: 100,
    min: 5,
    fallbacks: [(p) => [p[1], p[0], p[3], p[2]], () => [0.4, 0.2, 0.2, 0.2]],
  });
  const [p, q] = [pi[0], piNew[0]];
  const over = p.map((_, k) => k).filter((k) => p[k] > q[k]);
  const under = p.map((_, k) => k).filter((k) => q[k] > p[k]);
  return { p, q, i: over[rng.int(over.length)], j: under[rng.int(under.length)] };
};

const given = ({ p, q }: PQ) =>
  `Two distributions on outcomes $1, 2, 3, 4$: $p = ${texTuple(p)}$ and $q = ${texTuple(q)}$. `;

export const tvEx = defineExercise<PQ>({
  id: 'ex-checked-tv',
  chapter: 8,
  make: drawPQ,
  statement: (x) => given(x) + `Compute $D_{TV}(p, q)$.`,
  asked: 'D_{TV}(p, q)',
  askedText: 'D_TV(p, q)',
  answer: ({ p, q }) => tvDistance(p, q),
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'no-half',
      value: ({ p, q }) => 2 * tvDistance(p, q),
      hint: 'That is the L1 distance Σ|p − q|. Total variation is half of it, the largest difference p(E) − q(E) over events.',
    },
    {
      id: 'max-entry',
      value: ({ p, q }) => Math.max(...p.map((x, k) => Math.abs(x - q[k]))),
      hint: 'That is the largest difference on one outcome. The worst event can gather several outcomes: sum the positive parts of p − q.',
    },
  ],
  hint: 'D_TV(p, q) = Σ_x (p(x) − q(x))⁺ = ½ Σ_x |p(x) − q(x)|.',
});

export const independentEx = defineExercise<PQ>({
  id: 'ex-checked-independent-coupling',
  chapter: 8,
  make: drawPQ,
  statement: (x) => given(x) + `Draw $X \\sim p$ and $Y \\sim q$ independently. Compute $\\Pr(X \\ne Y)$.`,
  asked: '\\Pr(X \\ne Y)',
  askedText: 'Pr(X ≠ Y)',
  answer: ({ p, q }) => independentCoupling(p, q).disagreement,
  tolerance: { kind: 'sig', figures: 3 },
  mistakes: [
    {
      id: 'maximal',
      value: ({ p, q }) => maximalCoupling(p, q).disagreement,
      hint: 'That is D_TV(p, q), the disagreement of the best (maximal) coupling. Independent draws disagree more often: 1 − Σ_x p(x) q(x).',
    },
    {
      id: 'agreement',
      value: ({ p, q }) => 1 - independentCoupling(p, q).disagreement,
      hint: 'That is Pr(X = Y) = Σ_x p(x) q(x); the question asks for the complement.',
    },
  ],
  hint: 'X and Y agree on outcome x with probability p(x) q(x); add these up and take the complement.',
});

export const maximalEntryEx = defineExercise<PQ>({
  id: 'ex-checked-maximal-coupling',
  chapter: 8,
  make: drawPQ,
  statement: (x) =>
    given(x) +
    `Under the maximal coupling of $p$ and $q$ (the one with $\\Pr(X \\ne Y) = D_{TV}(p, q)$, built as in the chapter: ` +
    `$X = Y$ drawn from $\\min(p, q)$, otherwise $X$ and $Y$ drawn independently from the normalised excesses), ` +
    `compute $\\Pr(X = ${x.i + 1}, Y = ${x.j + 1})$.`,
  asked: `\\Pr(X = i, Y = j)`,
  askedText: 'Pr(X = i, Y = j)',
  answer: ({ p, q, i, j }) => maximalCoupling(p, q).joint[i][j],
  tolerance: { kind: 'sig', figures: 3, floor: 1e-4 },
  mistakes: [
    {
      id: 'independent',
      value: ({ p, q, i, j }) => p[i] * q[j],
      hint: 'That is the independent coupling’s p(i) q(j). The maximal coupling only pairs the excess of p at i with the excess of q at j.',
    },
    {
      id: 'not-normalised',
      value: ({ p, q, i, j }) => (p[i] - q[i]) * (q[j] - p[j]),
      hint: 'The two excesses must be normalised into distributions: divide their product by D_TV(p, q) (which is the mass of each excess).',
    },
  ],
  hint: 'Off the diagonal, the maximal coupling puts (p(i) − q(i))⁺ (q(j) − p(j))⁺ / D_TV(p, q) on (i, j).',
});

export const chapter8 = [tvEx, independentEx, maximalEntryEx];
