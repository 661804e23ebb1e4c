declare module 'virtual:numbering' {
  const index: Record<
    string,
    {
      kind: 'Definition' | 'Theorem' | 'Lemma' | 'Proposition' | 'Corollary' | 'Equation';
      number: string;
      slug: string;
      chapter: number;
    }
  >;
  export default index;
}

declare module 'virtual:search-index' {
  const docs: Array<{ id: string; slug: string; chapter: string; heading: string; text: string }>;
  export default docs;
}
