/**
 * The one registry of components that chapter prose may use (no imports needed in MDX).
 * See CONTRIBUTING.md for the props of each.
 */
import type { MDXComponents } from 'mdx/types';
import {
  Corollary,
  Definition,
  Equation,
  Erratum,
  Exercise,
  Figure,
  Lemma,
  Proof,
  Proposition,
  Remark,
  Solution,
  Theorem,
} from './blocks';
import { CheckedExercise } from './CheckedExercise';
import { Cite, References } from './Cite';
import { H2, H3, H4 } from './headings';
import { Ref } from './Ref';
import { Widget } from './Widget';
import { MathHtml } from './MathHtml';

export const mdxComponents = {
  Definition,
  Theorem,
  Lemma,
  Proposition,
  Corollary,
  Proof,
  Remark,
  Erratum,
  Exercise,
  CheckedExercise,
  Solution,
  Figure,
  Equation,
  Ref,
  Cite,
  References,
  Widget,
  MathHtml,
  h2: H2,
  h3: H3,
  h4: H4,
} as unknown as MDXComponents;

export { ChapterContext } from './chapter-context';
export { Widget, loadWidget, widgetNames } from './Widget';
