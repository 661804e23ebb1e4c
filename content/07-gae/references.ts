/** References cited in chapter 7 that are not in the shared bibliography. */
import type { Reference } from '@/mdx/references';

export const references: Reference[] = [
  {
    id: 'pardo2018',
    authors: 'Fabio Pardo, Arash Tavakoli, Vitaly Levdik and Petar Kormushev',
    title: 'Time limits in reinforcement learning',
    venue: 'ICML',
    year: 2018,
    url: 'https://arxiv.org/abs/1712.00378',
  },
];
