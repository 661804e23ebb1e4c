import { describe, expect, it } from 'vitest';
import { buildRefIndex, indexChapter } from './content-index.ts';
import { chapterPreviews } from './previews.ts';

const src = `# Demo

## Start here

First paragraph with $x^2$.

<Theorem id="thm-a" title="the claim">If $a$ then see <Ref to="eq-b" />.</Theorem>

<Proof>Hidden proof text.</Proof>

<Equation id="eq-b">

$$
\\sum_i b_i
$$

</Equation>

<Exercise id="ex-c" title="Do">Show it.<Solution>Secret answer.</Solution></Exercise>
`;

describe('reference previews', () => {
  const ch = indexChapter(src, { folder: '05-demo', number: 5, slug: 'demo' });
  const previews = chapterPreviews(src, ch, buildRefIndex([ch]));

  it('renders a block with its math typeset and its references labelled', () => {
    expect(previews['thm-a'].label).toBe('Theorem 5.1 (the claim)');
    expect(previews['thm-a'].html).toContain('class="katex"');
    expect(previews['thm-a'].html).toContain('(5.1)');
    expect(previews['thm-a'].html).not.toContain('Hidden proof');
  });

  it('shows equations, exercises without their solutions, and sections by their first paragraph', () => {
    expect(previews['eq-b'].label).toBe('(5.1)');
    expect(previews['eq-b'].html).toContain('katex-display');
    expect(previews['ex-c'].html).toContain('Show it.');
    expect(previews['ex-c'].html).not.toContain('Secret answer');
    expect(previews['start-here'].label).toBe('5. Start here');
    expect(previews['start-here'].html).toContain('First paragraph');
  });
});
