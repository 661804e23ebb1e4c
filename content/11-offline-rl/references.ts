/** Chapter 11's bibliography entries (merged into the book's list by src/mdx/references.ts). */
import type { Reference } from '@/mdx/references';

export const references: Reference[] = [
  {
    id: 'levine2020offline',
    authors: 'Sergey Levine, Aviral Kumar, George Tucker and Justin Fu',
    title: 'Offline reinforcement learning: tutorial, review, and perspectives on open problems',
    venue: 'arXiv:2005.01643',
    year: 2020,
    url: 'https://arxiv.org/abs/2005.01643',
  },
  {
    id: 'kumar2020cql',
    authors: 'Aviral Kumar, Aurick Zhou, George Tucker and Sergey Levine',
    title: 'Conservative Q-learning for offline reinforcement learning',
    venue: 'Advances in Neural Information Processing Systems (NeurIPS)',
    year: 2020,
    url: 'https://arxiv.org/abs/2006.04779',
  },
  {
    id: 'kostrikov2022iql',
    authors: 'Ilya Kostrikov, Ashvin Nair and Sergey Levine',
    title: 'Offline reinforcement learning with implicit Q-learning',
    venue: 'International Conference on Learning Representations (ICLR); arXiv:2110.06169 (2021)',
    year: 2022,
    url: 'https://arxiv.org/abs/2110.06169',
  },
  {
    id: 'newey1987expectiles',
    authors: 'Whitney K. Newey and James L. Powell',
    title: 'Asymmetric least squares estimation and testing',
    venue: 'Econometrica 55(4)',
    year: 1987,
  },
  {
    id: 'ernst2005fqi',
    authors: 'Damien Ernst, Pierre Geurts and Louis Wehenkel',
    title: 'Tree-based batch mode reinforcement learning',
    venue: 'Journal of Machine Learning Research 6',
    year: 2005,
  },
  {
    id: 'fujimoto2019bcq',
    authors: 'Scott Fujimoto, David Meger and Doina Precup',
    title: 'Off-policy deep reinforcement learning without exploration',
    venue: 'International Conference on Machine Learning (ICML)',
    year: 2019,
  },
  {
    id: 'peng2019awr',
    authors: 'Xue Bin Peng, Aviral Kumar, Grace Zhang and Sergey Levine',
    title: 'Advantage-weighted regression: simple and scalable off-policy reinforcement learning',
    venue: 'arXiv:1910.00177',
    year: 2019,
    url: 'https://arxiv.org/abs/1910.00177',
  },
];
