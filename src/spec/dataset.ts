/**
 * An offline dataset: transitions logged by a behaviour policy in one environment, as flat typed arrays (row t of
 * `obs` is `obs[t·obsSize .. (t+1)·obsSize)`), the form the replay buffer wraps. It crosses the worker boundary as
 * is (structured clone). Discrete actions only for now (one action index per transition, as a float).
 * `checkDataset` is the one shape check: the file reader (src/lib/dataset-file.ts) and the offline trainer use it.
 */
import { ENV_SPECS, isEnvId, type EnvId } from './envs';

/** The most transitions a dataset may hold (≈ 9 MB of arrays on CartPole; a file of it ≈ 12 MB). */
export const DATASET_MAX_TRANSITIONS = 200_000;

/** Who logged the data and how. */
export interface DatasetBehaviour {
  /** What acted: "DQN on CartPole-v1, seed 1, 12000 steps", an agent's name, … */
  label: string;
  /** Probability of a uniformly random action instead of the policy's at each step. */
  epsilon: number;
  /** Episodes finished while logging, and their mean return (NaN when none finished). */
  episodes: number;
  meanReturn: number;
}

export interface OfflineDataset {
  env: EnvId;
  size: number;
  obs: Float32Array;
  actions: Float32Array;
  rewards: Float32Array;
  nextObs: Float32Array;
  terminated: Uint8Array;
  behaviour: DatasetBehaviour;
}

/** Messages for every way `d` does not fit `env` (empty: it fits). Never throws. */
export function checkDataset(d: OfflineDataset, env?: EnvId): string[] {
  if (!isEnvId(d.env)) return [`unknown environment ${JSON.stringify(d.env)}`];
  const errs: string[] = [];
  if (env && d.env !== env) errs.push(`the dataset was logged on ${d.env}, not ${env}`);
  const spec = ENV_SPECS[d.env];
  if (spec.action.kind !== 'discrete')
    return [...errs, `offline training handles discrete actions only (${d.env} has a box)`];
  const n = d.size;
  if (!Number.isInteger(n) || n < 1) return [...errs, 'the dataset holds no transitions'];
  if (n > DATASET_MAX_TRANSITIONS)
    errs.push(`the dataset holds ${n} transitions; the limit is ${DATASET_MAX_TRANSITIONS}`);
  const o = spec.observation.low.length;
  const lens: [string, ArrayLike<number>, number][] = [
    ['obs', d.obs, n * o],
    ['nextObs', d.nextObs, n * o],
    ['actions', d.actions, n],
    ['rewards', d.rewards, n],
    ['terminated', d.terminated, n],
  ];
  for (const [name, a, want] of lens)
    if (a?.length !== want)
      errs.push(
        `${name} must hold ${want} numbers (${n} transitions × ${want / n}), holds ${a?.length ?? 'none'}`,
      );
  if (errs.length) return errs;
  const A = spec.action.n;
  for (let i = 0; i < n; i++)
    if (!(Number.isInteger(d.actions[i]) && d.actions[i] >= 0 && d.actions[i] < A)) {
      errs.push(`action ${i} is ${d.actions[i]}; ${d.env} has actions 0…${A - 1}`);
      break;
    }
  for (const [name, a] of [
    ['obs', d.obs],
    ['nextObs', d.nextObs],
    ['rewards', d.rewards],
  ] as const)
    for (let i = 0; i < a.length; i++)
      if (!Number.isFinite(a[i])) {
        errs.push(`${name} holds a value that is not a finite number (index ${i})`);
        break;
      }
  for (let i = 0; i < n; i++)
    if (d.terminated[i] > 1) {
      errs.push(`terminated must be 0 or 1 (index ${i} is ${d.terminated[i]})`);
      break;
    }
  return errs;
}
