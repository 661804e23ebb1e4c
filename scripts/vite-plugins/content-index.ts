/**
 * The book's content index, derived in one pass from each chapter's MDX syntax tree (the same parser the MDX
 * compiler uses: remark-parse + remark-mdx + remark-math + remark-gfm), so that numbering, cross-references, the
 * search index and the build's checks all see the same document. Tags inside code or inline code are text to the
 * parser, so they are never counted.
 *
 * - `collectBlocks(tree, chapter)`: the numbered blocks in document order. The numbering remark plugin calls it on
 *   the tree being compiled and the reference index calls it on a fresh parse of the same file: same function, same
 *   parser, same numbers.
 * - `indexChapter(source, info)`: blocks, sections (heading ids as rehype-slug makes them, with their text for
 *   search), and every `<Ref to>`, `<Cite id>` and `<Widget name>` used, with line numbers for error messages.
 * - `checkBook(chapters, known)`: the problems a build must not ship (unknown widget, unresolved reference, unknown
 *   citation, duplicate id), as messages naming file and line.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';

/** Block kinds that share one counter per chapter ("Definition 3.1, Theorem 3.2"). */
export const THEOREM_LIKE = ['Definition', 'Theorem', 'Lemma', 'Proposition', 'Corollary'] as const;
/** Kinds with their own counter per chapter. */
export const OWN_COUNTER = ['Equation', 'Exercise', 'Figure'] as const;
export const NUMBERED = [...THEOREM_LIKE, ...OWN_COUNTER] as const;
export type NumberedKind = (typeof NUMBERED)[number];
/** Other tags numbered as one of the kinds above: a checked exercise is an exercise (same counter, same label). */
const NUMBERED_AS: Record<string, NumberedKind> = { CheckedExercise: 'Exercise' };
export const numberedKind = (name: string | null | undefined): NumberedKind | null =>
  !name
    ? null
    : (NUMBERED as readonly string[]).includes(name)
      ? (name as NumberedKind)
      : (NUMBERED_AS[name] ?? null);
export type RefKind = NumberedKind | 'Section';

export interface NumberedBlock {
  kind: NumberedKind;
  id?: string;
  title?: string;
  number: string; // "3.2"
  line?: number;
}

export interface Section {
  /** The heading's id as rehype-slug makes it (github-slugger over the heading's text). */
  id: string;
  depth: number;
  heading: string;
  /** What a reader sees under the heading, as plain text (math as its TeX words, widgets and labels named). */
  text: string;
}

export interface Use {
  value: string;
  line?: number;
}

export interface ChapterIndex {
  folder: string; // 03-performance-difference
  number: number; // 3
  slug: string; // performance-difference
  title: string; // the h1
  blocks: NumberedBlock[];
  sections: Section[];
  refs: Use[];
  cites: Use[];
  widgets: Use[];
  /** Problems visible in one chapter's tree alone (e.g. a hand-measured widget height). */
  problems: Use[];
}

export interface RefTarget {
  kind: RefKind;
  number: string; // "3.2"; for a section, its heading text
  slug: string;
  chapter: number;
  title?: string;
}

// Loose structural types: enough of mdast/mdx-jsx for what we read, without depending on @types/mdast.
export interface Node {
  type: string;
  name?: string | null;
  value?: string;
  depth?: number;
  children?: Node[];
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start?: { line?: number } };
}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkGfm);

/** The chapter's MDX syntax tree (parse only: no compile). */
export function parseMdx(source: string): Node {
  return processor.parse(source) as unknown as Node;
}

const isJsx = (n: Node) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

/** A string attribute of a JSX element (expression attributes such as `height={3}` are not strings). */
export function attr(node: Node, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** Depth-first, document order, with the parent chain (to skip nothing and visit everything once). */
function walk(node: Node, visit: (n: Node) => void | 'skip') {
  if (visit(node) === 'skip') return;
  for (const c of node.children ?? []) walk(c, visit);
}

/** The numbered blocks of a chapter in document order; also sets each node's `number` attribute when `assign`. */
export function collectBlocks(tree: Node, chapter: number, assign = false): NumberedBlock[] {
  const counters = new Map<string, number>();
  const blocks: NumberedBlock[] = [];
  walk(tree, (n) => {
    const kind = isJsx(n) ? numberedKind(n.name) : null;
    if (!kind) return;
    const counter = (THEOREM_LIKE as readonly string[]).includes(kind) ? 'theorem' : kind;
    const k = (counters.get(counter) ?? 0) + 1;
    counters.set(counter, k);
    const block: NumberedBlock = { kind, number: `${chapter}.${k}`, line: n.position?.start?.line };
    const id = attr(n, 'id');
    const title = attr(n, 'title');
    if (id) block.id = id;
    if (title) block.title = title;
    blocks.push(block);
    if (assign) {
      n.attributes = (n.attributes ?? []).filter((a) => a.name !== 'number');
      n.attributes.push({ type: 'mdxJsxAttribute', name: 'number', value: block.number });
    }
  });
  return blocks;
}

const GREEK_NAMES =
  'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho ' +
  'varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega';
const GREEK_LETTERS = 'αβγδϵεζηθϑικλμνξπϖρϱσςτυϕφχψωΓΔΘΛΞΠΣΥΦΨΩ';

/** TeX commands a search snippet shows as their symbol (the rest are dropped): Greek letters and common relations. */
export const TEX_SYMBOLS: Record<string, string> = {
  ...Object.fromEntries(GREEK_NAMES.split(' ').map((name, i) => [name, [...GREEK_LETTERS][i]])),
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  infty: '∞',
  in: '∈',
  to: '→',
  sum: '∑',
  nabla: '∇',
  partial: '∂',
  cdot: '·',
  times: '×',
  mid: '|',
};

/** TeX as searchable words: Greek letters and common relations as their symbols, other commands and braces dropped. */
export function texWords(tex: string): string {
  return tex
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => TEX_SYMBOLS[name] ?? ' ')
    .replace(/[{}_^\\&$]/g, ' ');
}

/** Plain text of a subtree as a reader would search it. */
function plain(node: Node, blocks: Map<Node, string>): string {
  const out: string[] = [];
  walk(node, (n) => {
    switch (n.type) {
      case 'text':
        out.push(n.value ?? '');
        return;
      case 'inlineCode':
        out.push(n.value ?? '');
        return;
      case 'inlineMath':
      case 'math':
        out.push(texWords(n.value ?? ''));
        return 'skip';
      case 'code':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return 'skip';
    }
    if (isJsx(n)) {
      const label = blocks.get(n);
      if (label) out.push(label);
      if (n.name === 'Widget') out.push(`widget ${attr(n, 'name') ?? ''}`);
    }
    return;
  });
  return out.join(' ');
}

export function indexChapter(
  source: string,
  info: { folder: string; number: number; slug: string },
): ChapterIndex {
  const tree = parseMdx(source);
  const blocks = collectBlocks(tree, info.number);
  // Labels a search should find: "Theorem 3.2 The performance difference lemma", "Equation (3.1) eq-pdl".
  const labels = new Map<Node, string>();
  {
    let i = 0;
    walk(tree, (n) => {
      if (!isJsx(n) || !numberedKind(n.name)) return;
      const b = blocks[i++];
      const num = b.kind === 'Equation' ? `(${b.number})` : b.number;
      labels.set(n, ` ${b.kind} ${num} ${b.title ?? ''} ${b.id ?? ''} `);
    });
  }
  const refs: Use[] = [];
  const cites: Use[] = [];
  const widgets: Use[] = [];
  const problems: Use[] = [];
  walk(tree, (n) => {
    if (!isJsx(n)) return;
    const line = n.position?.start?.line;
    const push = (list: Use[], key: string) => {
      const v = attr(n, key);
      if (v !== undefined) list.push({ value: v, line });
    };
    if (n.name === 'Ref') push(refs, 'to');
    else if (n.name === 'Cite') push(cites, 'id');
    else if (n.name === 'Widget') {
      push(widgets, 'name');
      if (n.attributes?.some((a) => a.name === 'height'))
        problems.push({
          value: `<Widget name="${attr(n, 'name')}"> sets a height: declare it in src/widgets/${attr(n, 'name')}/size.ts`,
          line,
        });
    }
  });

  const slugger = new GithubSlugger();
  const sections: Section[] = [];
  let title = info.slug;
  let current: { id: string; depth: number; heading: string; parts: Node[] } | null = null;
  const flush = () => {
    if (!current) return;
    const text = current.parts
      .map((p) => plain(p, labels))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    sections.push({ id: current.id, depth: current.depth, heading: current.heading, text });
  };
  for (const child of tree.children ?? []) {
    if (child.type === 'heading' && (child.depth ?? 9) <= 3) {
      flush();
      const heading = toString(child as never).trim();
      const id = slugger.slug(heading);
      if (child.depth === 1) title = heading;
      current = { id, depth: child.depth ?? 1, heading, parts: [] };
    } else if (current) current.parts.push(child);
  }
  flush();
  return { ...info, title, blocks, sections, refs, cites, widgets, problems };
}

export function chapterFromPath(path: string): { folder: string; number: number; slug: string } | null {
  const m = /content[\\/]((\d\d)-([a-z0-9-]+))[\\/]index\.mdx$/.exec(path);
  return m ? { folder: m[1], number: Number(m[2]), slug: m[3] } : null;
}

/** Chapter folders on disk, in order (content/NN-slug/index.mdx). */
export function chapterFiles(root: string): string[] {
  const dir = join(root, 'content');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d\d-[a-z0-9-]+$/.test(f) && existsSync(join(dir, f, 'index.mdx')))
    .sort()
    .map((f) => join(dir, f, 'index.mdx'));
}

const cache = new Map<string, { source: string; index: ChapterIndex }>();

/** Every chapter's index; re-parses only the files whose text changed since the last call. */
export function readBook(root: string): ChapterIndex[] {
  return chapterFiles(root).map((file) => {
    const source = readFileSync(file, 'utf8');
    const hit = cache.get(file);
    if (hit && hit.source === source) return hit.index;
    const index = indexChapter(source, chapterFromPath(file)!);
    cache.set(file, { source, index });
    return index;
  });
}

/** id → where it lives, over every chapter (ids are global so prose can refer across chapters). */
export function buildRefIndex(book: ChapterIndex[]): Record<string, RefTarget> {
  const index: Record<string, RefTarget> = {};
  for (const ch of book) {
    for (const s of ch.sections) {
      if (s.depth > 1)
        index[s.id] ??= { kind: 'Section', number: s.heading, slug: ch.slug, chapter: ch.number };
    }
    for (const b of ch.blocks) {
      if (!b.id) continue;
      const t: RefTarget = { kind: b.kind, number: b.number, slug: ch.slug, chapter: ch.number };
      if (b.title) t.title = b.title;
      index[b.id] = t;
    }
  }
  return index;
}

export interface Known {
  widgets: Set<string>;
  citations: Set<string>;
}

/** What a build must refuse to ship, as "content/NN-slug/index.mdx:LINE: message" lines. */
export function checkBook(book: ChapterIndex[], known: Known): string[] {
  const problems: string[] = [];
  const refIndex = buildRefIndex(book);
  const seen = new Map<string, string>();
  for (const ch of book) {
    const at = (line?: number) => `content/${ch.folder}/index.mdx${line ? `:${line}` : ''}`;
    for (const b of ch.blocks) {
      if (!b.id) continue;
      const where = at(b.line);
      const prev = seen.get(b.id);
      if (prev) problems.push(`${where}: id "${b.id}" is already used at ${prev}`);
      else seen.set(b.id, where);
    }
    for (const p of ch.problems) problems.push(`${at(p.line)}: ${p.value}`);
    for (const r of ch.refs) {
      if (!refIndex[r.value])
        problems.push(`${at(r.line)}: <Ref to="${r.value}"> names no block, equation or section`);
    }
    for (const c of ch.cites) {
      if (!known.citations.has(c.value))
        problems.push(`${at(c.line)}: <Cite id="${c.value}"> is not in content/references.ts`);
    }
    for (const w of ch.widgets) {
      if (!known.widgets.has(w.value))
        problems.push(`${at(w.line)}: <Widget name="${w.value}"> has no src/widgets/${w.value}/index.tsx`);
    }
  }
  return problems;
}

/** Widget folders and citation ids as they are on disk. Citation ids are read from the bibliography files. */
export function knownNames(root: string): Known {
  const wdir = join(root, 'src', 'widgets');
  const widgets = new Set(
    existsSync(wdir) ? readdirSync(wdir).filter((f) => existsSync(join(wdir, f, 'index.tsx'))) : [],
  );
  const citations = new Set<string>();
  const files = [join(root, 'content', 'references.ts')];
  const cdir = join(root, 'content');
  if (existsSync(cdir))
    for (const f of readdirSync(cdir)) {
      const p = join(cdir, f, 'references.ts');
      if (existsSync(p)) files.push(p);
    }
  for (const f of files) {
    if (!existsSync(f)) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(/\bid:\s*['"]([^'"]+)['"]/g)) citations.add(m[1]);
  }
  return { widgets, citations };
}
