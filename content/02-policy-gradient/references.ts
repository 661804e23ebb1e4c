/** References cited in chapter 2 that are not in the shared bibliography. */
import type { Reference } from '@/mdx/references';

export const references: Reference[] = [
  {
    id: 'nota2020',
    authors: 'Chris Nota and Philip S. Thomas',
    title: 'Is the policy gradient a gradient?',
    venue: 'AAMAS',
    year: 2020,
    url: 'https://arxiv.org/abs/1906.07073',
  },
  {
    id: 'thomas2014bias',
    authors: 'Philip S. Thomas',
    title: 'Bias in natural actor-critic algorithms',
    venue: 'ICML',
    year: 2014,
  },
];
