/** The table of contents as data. `folder` is the content folder; the route is `#/<slug>`. */
export interface ChapterInfo {
  number: number;
  slug: string;
  folder: string | null;
  title: string;
  summary: string;
  status: 'ready' | 'coming';
}

export const chapters: ChapterInfo[] = [
  {
    number: 1,
    slug: 'mdp-bellman',
    folder: '01-mdp-bellman',
    title: 'Markov decision processes and Bellman equations',
    summary:
      'States, actions, policies and returns; value functions and the Bellman equations; policy evaluation, policy and value iteration; TD learning. Fixes the notation of the whole book.',
    status: 'ready',
  },
  {
    number: 2,
    slug: 'policy-gradient',
    folder: '02-policy-gradient',
    title: 'The policy gradient',
    summary:
      'The log-derivative trick, REINFORCE, reward-to-go, baselines, the policy gradient theorem, categorical and Gaussian policies.',
    status: 'ready',
  },
  {
    number: 3,
    slug: 'performance-difference',
    folder: '03-performance-difference',
    title: 'The performance difference lemma and the surrogate objective',
    summary:
      'How much better is one policy than another, exactly; the surrogate objective and why it agrees with the return to first order.',
    status: 'ready',
  },
  {
    number: 4,
    slug: 'mixture-policies',
    folder: '04-mixture-policies',
    title: 'Mixture policies and conservative policy iteration',
    summary: "Kakade and Langford's lower bound for mixture policies and the step size it recommends.",
    status: 'ready',
  },
  {
    number: 5,
    slug: 'trpo',
    folder: '05-trpo',
    title: 'TRPO: monotonic improvement bounds and trust regions',
    summary:
      'Coupled policies, the TV and KL improvement bounds, trust regions, the natural gradient and conjugate gradient.',
    status: 'ready',
  },
  {
    number: 6,
    slug: 'ppo',
    folder: '06-ppo',
    title: 'PPO: the clipped objective',
    summary:
      'The probability ratio, the clipped surrogate, the KL-penalty variant and the details that make PPO work.',
    status: 'ready',
  },
  {
    number: 7,
    slug: 'gae',
    folder: '07-gae',
    title: 'Generalized advantage estimation',
    summary:
      'TD residuals, k-step estimators and their exponential average: trading bias for variance with λ.',
    status: 'ready',
  },
  {
    number: 8,
    slug: 'tv-coupling',
    folder: '08-tv-coupling',
    title: 'Appendix: total variation distance and coupling',
    summary: "Total variation three ways, the maximal coupling and Pinsker's inequality.",
    status: 'ready',
  },
  {
    number: 9,
    slug: 'value-based',
    folder: '09-value-based',
    title: 'Value-based methods: from TD learning to DQN',
    summary:
      'Monte Carlo and TD evaluation, SARSA and Q-learning, maximisation bias and double Q-learning, function approximation and the deadly triad, deep Q-networks.',
    status: 'ready',
  },
  {
    number: 10,
    slug: 'sac-dpg',
    folder: '10-sac-dpg',
    title: 'Maximum entropy and deterministic policy gradients: SAC, DDPG and TD3',
    summary:
      'Soft Bellman equations and soft policy iteration, the reparameterisation trick, soft actor-critic; the deterministic policy gradient theorem, DDPG and TD3.',
    status: 'ready',
  },
  {
    number: 11,
    slug: 'offline-rl',
    folder: '11-offline-rl',
    title: 'Offline reinforcement learning: IQL and CQL',
    summary:
      'Learning from a fixed dataset: distribution shift, expectiles and implicit Q-learning, conservative Q-learning and its lower bounds.',
    status: 'ready',
  },
  {
    number: 12,
    slug: 'preferences',
    folder: '12-preferences',
    title: 'Learning from preferences and verifiable rewards: RLHF, DPO and GRPO',
    summary:
      'Bradley-Terry reward models, the KL-regularised optimum, direct preference optimisation, and group-relative policy optimisation without a critic.',
    status: 'ready',
  },
];

export const readyChapters = chapters.filter((c) => c.status === 'ready');
export const chapterBySlug = (slug: string) => chapters.find((c) => c.slug === slug);

/** The notation page (content/00-notation): symbol, meaning and a link to where each is defined. Not a chapter. */
export const notationPage: ChapterInfo = {
  number: 0,
  slug: 'notation',
  folder: '00-notation',
  title: 'Notation',
  summary: 'Every symbol of the book, what it means, and where it is defined.',
  status: 'ready',
};

/** A chapter or the notation page, by its route slug. */
export const pageBySlug = (slug: string) => (slug === notationPage.slug ? notationPage : chapterBySlug(slug));
