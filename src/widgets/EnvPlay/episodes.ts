/** The log of finished episodes, yours and the agent's, and what the readouts show of it. */
export type Who = 'you' | 'agent';

export type EpisodeRow = {
  who: Who;
  /** 1-based, per player: your k-th and the agent's k-th episode start from the same state. */
  episode: number;
  return: number;
  length: number;
};

export interface Summary {
  episodes: number;
  last: number;
  best: number;
  mean: number;
}

export function summarise(rows: readonly EpisodeRow[], who: Who): Summary {
  const r = rows.filter((x) => x.who === who).map((x) => x.return);
  if (r.length === 0) return { episodes: 0, last: NaN, best: NaN, mean: NaN };
  return {
    episodes: r.length,
    last: r[r.length - 1],
    best: Math.max(...r),
    mean: r.reduce((a, b) => a + b, 0) / r.length,
  };
}

/** The k-th episode's start is drawn from its own stream, so both players face the same k-th start state. */
export const episodeSeed = (seed: number, k: number) =>
  (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0;
