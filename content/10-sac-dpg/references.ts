/** References cited in chapter 10 that are not in the shared bibliography. */
import type { Reference } from '@/mdx/references';

export const references: Reference[] = [
  {
    id: 'haarnoja2017sql',
    authors: 'Tuomas Haarnoja, Haoran Tang, Pieter Abbeel and Sergey Levine',
    title: 'Reinforcement learning with deep energy-based policies',
    venue: 'ICML',
    year: 2017,
    url: 'https://arxiv.org/abs/1702.08165',
  },
  {
    id: 'haarnoja2018sac',
    authors: 'Tuomas Haarnoja, Aurick Zhou, Pieter Abbeel and Sergey Levine',
    title:
      'Soft actor-critic: off-policy maximum entropy deep reinforcement learning with a stochastic actor',
    venue: 'ICML',
    year: 2018,
    url: 'https://arxiv.org/abs/1801.01290',
  },
  {
    id: 'haarnoja2018sacapps',
    authors:
      'Tuomas Haarnoja, Aurick Zhou, Kristian Hartikainen, George Tucker, Sehoon Ha, Jie Tan, Vikash Kumar, Henry Zhu, Abhishek Gupta, Pieter Abbeel and Sergey Levine',
    title: 'Soft actor-critic algorithms and applications',
    venue: 'arXiv:1812.05905',
    year: 2018,
    url: 'https://arxiv.org/abs/1812.05905',
  },
  {
    id: 'ziebart2010',
    authors: 'Brian D. Ziebart',
    title: 'Modeling purposeful adaptive behavior with the principle of maximum causal entropy',
    venue: 'PhD thesis, Carnegie Mellon University',
    year: 2010,
  },
  {
    id: 'silver2014dpg',
    authors: 'David Silver, Guy Lever, Nicolas Heess, Thomas Degris, Daan Wierstra and Martin Riedmiller',
    title: 'Deterministic policy gradient algorithms',
    venue: 'ICML',
    year: 2014,
  },
  {
    id: 'degris2012offpac',
    authors: 'Thomas Degris, Martha White and Richard S. Sutton',
    title: 'Off-policy actor-critic',
    venue: 'ICML',
    year: 2012,
    url: 'https://arxiv.org/abs/1205.4839',
  },
  {
    id: 'lillicrap2016ddpg',
    authors:
      'Timothy P. Lillicrap, Jonathan J. Hunt, Alexander Pritzel, Nicolas Heess, Tom Erez, Yuval Tassa, David Silver and Daan Wierstra',
    title: 'Continuous control with deep reinforcement learning',
    venue: 'ICLR',
    year: 2016,
    url: 'https://arxiv.org/abs/1509.02971',
  },
  {
    id: 'fujimoto2018td3',
    authors: 'Scott Fujimoto, Herke van Hoof and David Meger',
    title: 'Addressing function approximation error in actor-critic methods',
    venue: 'ICML',
    year: 2018,
    url: 'https://arxiv.org/abs/1802.09477',
  },
  {
    id: 'kingma2014vae',
    authors: 'Diederik P. Kingma and Max Welling',
    title: 'Auto-encoding variational Bayes',
    venue: 'ICLR',
    year: 2014,
    url: 'https://arxiv.org/abs/1312.6114',
  },
  {
    id: 'mohamed2020mcgrad',
    authors: 'Shakir Mohamed, Mihaela Rosca, Michael Figurnov and Andriy Mnih',
    title: 'Monte Carlo gradient estimation in machine learning',
    venue: 'Journal of Machine Learning Research 21',
    year: 2020,
    url: 'https://arxiv.org/abs/1906.10652',
  },
  {
    id: 'huang2022cleanrl',
    authors:
      'Shengyi Huang, Rousslan Fernand Julien Dossa, Chang Ye, Jeff Braga, Dipam Chakraborty, Kinal Mehta and João G. M. Araújo',
    title: 'CleanRL: high-quality single-file implementations of deep reinforcement learning algorithms',
    venue: 'Journal of Machine Learning Research 23',
    year: 2022,
    url: 'https://github.com/vwxyzjn/cleanrl',
  },
];
