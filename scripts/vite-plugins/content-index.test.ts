import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import {
  buildRefIndex,
  checkBook,
  collectBlocks,
  indexChapter,
  knownNames,
  parseMdx,
  readBook,
  TEX_SYMBOLS,
  texWords,
  type ChapterIndex,
} from './content-index.ts';
import { remarkNumbering } from './numbering.ts';
import { searchDocs } from './search-index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const info = { folder: '03-demo', number: 3, slug: 'demo' };

const demo = `# The demo chapter

Intro with \`<Theorem id="thm-fake">\` in inline code and a formula $\\gamma^t$.

\`\`\`mdx
<Lemma id="lem-in-fence">not a block</Lemma>
\`\`\`

## Values and $Q$

<Definition id="def-a" title="A thing">text</Definition>

<Equation id="eq-one">
$$x = 1$$
</Equation>

<Theorem id="thm-b">see <Ref to="def-a" /> and <Ref to="eq-one" /> <Cite id="sutton2018" /></Theorem>

## Values and $Q$

<Exercise id="ex-one" title="Try">Do it.</Exercise>

<Widget name="GridWorldLab" />
`;

describe('content index (one parse of the MDX tree)', () => {
  it('numbers theorem-like blocks on one counter and equations and exercises on their own, ignoring code', () => {
    const ch = indexChapter(demo, info);
    expect(ch.blocks.map((b) => [b.kind, b.id, b.number])).toEqual([
      ['Definition', 'def-a', '3.1'],
      ['Equation', 'eq-one', '3.1'],
      ['Theorem', 'thm-b', '3.2'],
      ['Exercise', 'ex-one', '3.1'],
    ]);
    expect(ch.title).toBe('The demo chapter');
  });

  it('gives headings the ids rehype-slug gives them (duplicates suffixed) and indexes their text', () => {
    const ch = indexChapter(demo, info);
    expect(ch.sections.map((s) => s.id)).toEqual(['the-demo-chapter', 'values-and-q', 'values-and-q-1']);
    const values = ch.sections[1];
    expect(values.text).toContain('Definition 3.1 A thing def-a');
    expect(values.text).toContain('Equation (3.1)');
    expect(ch.sections[2].text).toContain('widget GridWorldLab');
    expect(ch.sections[0].text).not.toContain('not a block');
    const docs = searchDocs([ch]);
    expect(docs.map((d) => d.id)).toEqual(['demo', 'demo/values-and-q', 'demo/values-and-q-1']);
    expect(docs[1].chapter).toBe('The demo chapter');
  });

  it('records refs, cites and widgets with their lines', () => {
    const ch = indexChapter(demo, info);
    expect(ch.refs.map((r) => r.value)).toEqual(['def-a', 'eq-one']);
    expect(ch.cites.map((r) => r.value)).toEqual(['sutton2018']);
    expect(ch.widgets).toEqual([{ value: 'GridWorldLab', line: 23 }]);
  });

  it('assigns the number attribute on the tree it is given', () => {
    const tree = parseMdx(demo);
    collectBlocks(tree, 3, true);
    const numbers: string[] = [];
    const visit = (n: { attributes?: Array<{ name?: string; value?: unknown }>; children?: unknown[] }) => {
      const a = n.attributes?.find((x) => x.name === 'number');
      if (a) numbers.push(String(a.value));
      for (const c of n.children ?? []) visit(c as never);
    };
    visit(tree as never);
    expect(numbers).toEqual(['3.1', '3.1', '3.2', '3.1']);
  });

  it('builds a global reference index with sections', () => {
    const idx = buildRefIndex([indexChapter(demo, info)]);
    expect(idx['thm-b']).toMatchObject({ kind: 'Theorem', number: '3.2', slug: 'demo' });
    expect(idx['values-and-q']).toMatchObject({ kind: 'Section', number: 'Values and Q' });
    expect(idx['thm-fake']).toBeUndefined();
  });

  it('reports what a build must not ship', () => {
    const bad = `# Bad\n\n<Theorem id="thm-b">x</Theorem>\n\n<Ref to="nowhere" /> <Cite id="nobody2020" />\n\n<Widget name="NoSuchWidget" />\n\n<Widget name="GridWorldLab" height={300} />\n`;
    const book: ChapterIndex[] = [
      indexChapter(demo, info),
      indexChapter(bad, { folder: '04-bad', number: 4, slug: 'bad' }),
    ];
    const problems = checkBook(book, {
      widgets: new Set(['GridWorldLab']),
      citations: new Set(['sutton2018']),
    });
    expect(problems).toEqual([
      'content/04-bad/index.mdx:3: id "thm-b" is already used at content/03-demo/index.mdx:17',
      'content/04-bad/index.mdx:9: <Widget name="GridWorldLab"> sets a height: declare it in src/widgets/GridWorldLab/size.ts',
      'content/04-bad/index.mdx:5: <Ref to="nowhere"> names no block, equation or section',
      'content/04-bad/index.mdx:5: <Cite id="nobody2020"> is not in content/references.ts',
      'content/04-bad/index.mdx:7: <Widget name="NoSuchWidget"> has no src/widgets/NoSuchWidget/index.tsx',
    ]);
    expect(checkBook([indexChapter(demo, info)], knownNames(root))).toEqual([]);
  });

  it('the book itself has no content problems', () => {
    expect(checkBook(readBook(root), knownNames(root))).toEqual([]);
  });

  it('agrees with the numbers the MDX compiler gives the tree it compiles', async () => {
    for (const ch of readBook(root)) {
      const path = `${root}content/${ch.folder}/index.mdx`;
      const seen: string[][] = [];
      // Runs after remarkNumbering inside the compiler and reads back what it assigned on the compiler's own tree.
      const record = () => (tree: unknown) => {
        const visit = (n: {
          attributes?: Array<{ name?: string; value?: unknown }>;
          children?: unknown[];
        }) => {
          const num = n.attributes?.find((a) => a.name === 'number')?.value;
          const id = n.attributes?.find((a) => a.name === 'id')?.value;
          if (typeof num === 'string' && typeof id === 'string') seen.push([id, num]);
          for (const c of n.children ?? []) visit(c as never);
        };
        visit(tree as never);
      };
      await compile(
        { path, value: readFileSync(path, 'utf8') },
        { remarkPlugins: [remarkGfm, remarkMath, remarkNumbering, record] },
      );
      expect(seen).toEqual(ch.blocks.filter((b) => b.id).map((b) => [b.id, b.number]));
    }
  });
});

describe('checked exercises in the content index', () => {
  it('numbers <CheckedExercise> on the exercises’ counter, as an Exercise', () => {
    const src = `# T\n\n<Exercise id="ex-a" title="A">x</Exercise>\n\n<CheckedExercise id="ex-checked-b" title="B" />\n\n<Exercise id="ex-c">y</Exercise>\n`;
    const ch = indexChapter(src, info);
    expect(ch.blocks.map((b) => [b.kind, b.id, b.number])).toEqual([
      ['Exercise', 'ex-a', '3.1'],
      ['Exercise', 'ex-checked-b', '3.2'],
      ['Exercise', 'ex-c', '3.3'],
    ]);
  });
});

describe('texWords', () => {
  it('shows Greek letters and common relations as symbols and drops other commands', () => {
    expect(Object.keys(TEX_SYMBOLS)).toHaveLength(40 + 16);
    expect([TEX_SYMBOLS.alpha, TEX_SYMBOLS.omega, TEX_SYMBOLS.Gamma, TEX_SYMBOLS.Omega]).toEqual([
      'α',
      'ω',
      'Γ',
      'Ω',
    ]);
    const words = texWords("J(\\pi') - J(\\pi) \\le \\frac{\\gamma}{1-\\gamma} \\mathbb{E}_{s}").replace(
      /\s+/g,
      ' ',
    );
    expect(words).toBe("J(π') - J(π) ≤ γ 1-γ E s ");
  });
});
