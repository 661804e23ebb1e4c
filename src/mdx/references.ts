/** All bibliography entries: content/references.ts plus every chapter's own references.ts, merged by id. */
export interface Reference {
  id: string;
  authors: string;
  title: string;
  venue: string;
  year: number;
  url?: string;
}

const modules = import.meta.glob<{ references?: Reference[]; default?: Reference[] }>(
  ['/content/references.ts', '/content/*/references.ts'],
  { eager: true },
);

export const references: Record<string, Reference> = {};
for (const m of Object.values(modules)) {
  for (const r of m.references ?? m.default ?? []) references[r.id] = r;
}
