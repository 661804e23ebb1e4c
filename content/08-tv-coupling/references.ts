/** References cited in the appendix on total variation and coupling that are not in the shared bibliography. */
import type { Reference } from '@/mdx/references';

export const references: Reference[] = [
  {
    id: 'tsybakov2009',
    authors: 'Alexandre B. Tsybakov',
    title: 'Introduction to Nonparametric Estimation',
    venue: 'Springer',
    year: 2009,
  },
  {
    id: 'cover2006',
    authors: 'Thomas M. Cover and Joy A. Thomas',
    title: 'Elements of Information Theory (2nd edition)',
    venue: 'Wiley',
    year: 2006,
  },
];
