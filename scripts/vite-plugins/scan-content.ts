/**
 * Build-time scanning of the chapter sources (content/NN-slug/index.mdx), shared by the numbering plugin and the
 * search index. Pure string processing: no MDX compiler, so it is fast and has no dependencies.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Block kinds that share one counter per chapter ("Definition 3.1, Theorem 3.2"). Equations count separately. */
export const THEOREM_LIKE = ['Definition', 'Theorem', 'Lemma', 'Proposition', 'Corollary'] as const;
export const NUMBERED = [...THEOREM_LIKE, 'Equation'] as const;
export type NumberedKind = (typeof NUMBERED)[number];

export interface ChapterSource {
  folder: string; // 03-performance-difference
  number: number; // 3
  slug: string; // performance-difference
  source: string;
}

export interface NumberedBlock {
  kind: NumberedKind;
  id?: string;
  number: string; // "3.2"
}

export function chapterFromPath(path: string): { number: number; slug: string } | null {
  const m = /content[\\/](\d\d)-([a-z0-9-]+)[\\/]index\.mdx$/.exec(path);
  return m ? { number: Number(m[1]), slug: m[2] } : null;
}

export function readChapters(root: string): ChapterSource[] {
  const dir = join(root, 'content');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d\d-[a-z0-9-]+$/.test(f) && existsSync(join(dir, f, 'index.mdx')))
    .sort()
    .map((folder) => {
      const info = chapterFromPath(`content/${folder}/index.mdx`)!;
      return { folder, ...info, source: readFileSync(join(dir, folder, 'index.mdx'), 'utf8') };
    });
}

/** Removes fenced code so that tags shown as code are not counted. */
export function stripCode(source: string): string {
  return source.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** The numbered blocks of one chapter in document order. */
export function scanBlocks(source: string, chapter: number): NumberedBlock[] {
  const re = new RegExp(`<(${NUMBERED.join('|')})\\b([^>]*)>`, 'g');
  const blocks: NumberedBlock[] = [];
  let theorems = 0;
  let equations = 0;
  for (const m of stripCode(source).matchAll(re)) {
    const kind = m[1] as NumberedKind;
    const id = /\bid=["']([^"']+)["']/.exec(m[2])?.[1];
    const n = kind === 'Equation' ? ++equations : ++theorems;
    blocks.push({ kind, id, number: `${chapter}.${n}` });
  }
  return blocks;
}

export interface RefTarget {
  kind: NumberedKind;
  number: string;
  slug: string;
  chapter: number;
}

/** id → where it lives, over every chapter; ids are global so prose can refer across chapters. */
export function buildRefIndex(chapters: ChapterSource[]): Record<string, RefTarget> {
  const index: Record<string, RefTarget> = {};
  for (const ch of chapters) {
    for (const b of scanBlocks(ch.source, ch.number)) {
      if (b.id) index[b.id] = { kind: b.kind, number: b.number, slug: ch.slug, chapter: ch.number };
    }
  }
  return index;
}
