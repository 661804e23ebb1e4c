/**
 * A checked exercise, defined in code: an instance drawn from the reader's seed, a statement with the instance's
 * numbers, the exact answer computed by `src/rl` in float64, the tolerance a reader's answer is checked with, and
 * hints keyed to common mistakes (the answer each mistake produces, so a wrong answer can be recognised).
 */
import type { Rng } from '@/rl';

/**
 * How close an answer must be.
 * - `sig`: to `figures` significant figures: within one unit in the last asked-for figure of the exact answer
 *   (|x − a| ≤ 10^(e − figures + 1) with e = ⌊log₁₀|a|⌋), and never stricter than `floor` (answers near 0).
 * - `integer`: exactly the integer answer.
 */
export type Tolerance = { kind: 'sig'; figures: number; floor?: number } | { kind: 'integer' };

export interface Mistake<I> {
  /** Short name, for tests and the log of attempts. */
  id: string;
  /** The answer this mistake produces on the instance. */
  value: (inst: I) => number;
  /** What to say when the reader's answer matches it: names the slip, never gives the answer. */
  hint: string;
}

export interface ExerciseDef<I = unknown> {
  /** The `id` of the `<CheckedExercise>` block in the chapter (also its anchor and its `<Ref>` target). */
  id: string;
  chapter: number;
  /** Draws the instance from the exercise's own stream of the reader's seed. */
  make: (rng: Rng) => I;
  /** The statement with the instance's numbers; `$…$` is inline TeX, `$$…$$` display TeX. */
  statement: (inst: I) => string;
  /** What is asked, as TeX (shown before the input), e.g. `V^\pi(s_1)`. */
  asked: string;
  /** The same in plain text (the input's accessible name), e.g. `V^π(s₁)`. */
  askedText: string;
  /** The exact answer, computed by src/rl. */
  answer: (inst: I) => number;
  tolerance: Tolerance;
  mistakes: Mistake<I>[];
  /** Said for a wrong answer that matches no known mistake: a direction, not the solution. */
  hint: string;
}

/** Keeps the instance type of each definition while the registry holds them side by side. */
export const defineExercise = <I>(def: ExerciseDef<I>): ExerciseDef<unknown> => def as ExerciseDef<unknown>;
