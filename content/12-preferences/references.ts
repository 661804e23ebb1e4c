/** References cited in chapter 12 that are not in the shared bibliography. */
import type { Reference } from '@/mdx/references';

export const references: Reference[] = [
  {
    id: 'bradley1952',
    authors: 'Ralph Allan Bradley and Milton E. Terry',
    title: 'Rank analysis of incomplete block designs: I. The method of paired comparisons',
    venue: 'Biometrika 39',
    year: 1952,
  },
  {
    id: 'christiano2017',
    authors: 'Paul F. Christiano, Jan Leike, Tom B. Brown, Miljan Martic, Shane Legg and Dario Amodei',
    title: 'Deep reinforcement learning from human preferences',
    venue: 'NeurIPS',
    year: 2017,
    url: 'https://arxiv.org/abs/1706.03741',
  },
  {
    id: 'ziegler2019',
    authors:
      'Daniel M. Ziegler, Nisan Stiennon, Jeffrey Wu, Tom B. Brown, Alec Radford, Dario Amodei, Paul Christiano and Geoffrey Irving',
    title: 'Fine-tuning language models from human preferences',
    venue: 'arXiv:1909.08593',
    year: 2019,
    url: 'https://arxiv.org/abs/1909.08593',
  },
  {
    id: 'stiennon2020',
    authors:
      'Nisan Stiennon, Long Ouyang, Jeff Wu, Daniel M. Ziegler, Ryan Lowe, Chelsea Voss, Alec Radford, Dario Amodei and Paul Christiano',
    title: 'Learning to summarize from human feedback',
    venue: 'NeurIPS',
    year: 2020,
    url: 'https://arxiv.org/abs/2009.01325',
  },
  {
    id: 'ouyang2022',
    authors: 'Long Ouyang, Jeff Wu, Xu Jiang, Diogo Almeida, Carroll L. Wainwright, Pamela Mishkin et al.',
    title: 'Training language models to follow instructions with human feedback',
    venue: 'NeurIPS',
    year: 2022,
    url: 'https://arxiv.org/abs/2203.02155',
  },
  {
    id: 'rafailov2023dpo',
    authors:
      'Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. Manning and Chelsea Finn',
    title: 'Direct preference optimization: your language model is secretly a reward model',
    venue: 'NeurIPS',
    year: 2023,
    url: 'https://arxiv.org/abs/2305.18290',
  },
  {
    id: 'azar2023ipo',
    authors:
      'Mohammad Gheshlaghi Azar, Mark Rowland, Bilal Piot, Daniel Guo, Daniele Calandriello, Michal Valko and Rémi Munos',
    title: 'A general theoretical paradigm to understand learning from human preferences',
    venue: 'AISTATS',
    year: 2024,
    url: 'https://arxiv.org/abs/2310.12036',
  },
  {
    id: 'shao2024deepseekmath',
    authors:
      'Zhihong Shao, Peiyi Wang, Qihao Zhu, Runxin Xu, Junxiao Song, Xiao Bi, Haowei Zhang, Mingchuan Zhang, Y. K. Li, Y. Wu and Daya Guo',
    title: 'DeepSeekMath: pushing the limits of mathematical reasoning in open language models',
    venue: 'arXiv:2402.03300',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.03300',
  },
  {
    id: 'liu2025drgrpo',
    authors: 'Zichen Liu, Changyu Chen, Wenjun Li, Penghui Qi, Tianyu Pang, Chao Du, Wee Sun Lee and Min Lin',
    title: 'Understanding R1-Zero-like training: a critical perspective',
    venue: 'arXiv:2503.20783',
    year: 2025,
    url: 'https://arxiv.org/abs/2503.20783',
  },
  {
    id: 'yu2025dapo',
    authors: 'Qiying Yu, Zheng Zhang, Ruofei Zhu, Yufeng Yuan, Xiaochen Zuo, Yu Yue et al.',
    title: 'DAPO: an open-source LLM reinforcement learning system at scale',
    venue: 'arXiv:2503.14476',
    year: 2025,
    url: 'https://arxiv.org/abs/2503.14476',
  },
  {
    id: 'schulman2020kl',
    authors: 'John Schulman',
    title: 'Approximating KL divergence',
    venue: 'blog post',
    year: 2020,
    url: 'http://joschu.net/blog/kl-approx.html',
  },
  {
    id: 'tang2025kl',
    authors: 'Yunhao Tang and Rémi Munos',
    title: 'On a few pitfalls in KL divergence gradient estimation for RL',
    venue: 'arXiv:2506.09477',
    year: 2025,
    url: 'https://arxiv.org/abs/2506.09477',
  },
  {
    id: 'kool2019',
    authors: 'Wouter Kool, Herke van Hoof and Max Welling',
    title: 'Buy 4 REINFORCE samples, get a baseline for free!',
    venue: 'ICLR workshop on deep reinforcement learning meets structured prediction',
    year: 2019,
  },
  {
    id: 'ahmadian2024rloo',
    authors:
      'Arash Ahmadian, Chris Cremer, Matthias Gallé, Marzieh Fadaee, Julia Kreutzer, Olivier Pietquin, Ahmet Üstün and Sara Hooker',
    title: 'Back to basics: revisiting REINFORCE-style optimization for learning from human feedback in LLMs',
    venue: 'ACL',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.14740',
  },
];
