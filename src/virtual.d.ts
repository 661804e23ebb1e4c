/// <reference types="vite-plugin-pwa/client" />
declare module 'virtual:numbering' {
  const index: Record<
    string,
    {
      kind:
        | 'Definition'
        | 'Theorem'
        | 'Lemma'
        | 'Proposition'
        | 'Corollary'
        | 'Equation'
        | 'Exercise'
        | 'Figure'
        | 'Section';
      /** "3.2"; for a section, its heading text. */
      number: string;
      slug: string;
      chapter: number;
      title?: string;
    }
  >;
  export default index;
}

declare module 'virtual:search-index' {
  const docs: import('./layout/search-engine').SearchDoc[];
  export default docs;
}

declare module 'virtual:previews' {
  const loaders: Record<string, () => Promise<{ default: Record<string, { label: string; html: string }> }>>;
  export default loaders;
}
