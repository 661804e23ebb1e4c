/**
 * Evaluating a saved agent over N episodes, one env step per `step()` so the widget can run it in ≤ 8 ms slices.
 * Episode k starts from the same state as the play widget's k-th episode for the same seed.
 */
import { createRng, envs, type Env } from '@/rl';
import type { AgentFile } from '@/lib/agent-file';
import { episodeSeed } from '../EnvPlay/episodes';
import { agentActor } from './agent-act';

export interface Evaluation {
  step(): void;
  done(): boolean;
  returns: number[];
}

export function makeEvaluation(agent: AgentFile, episodes: number, seed: number, greedy = false): Evaluation {
  const act = agentActor(agent.policy, createRng(seed + 7), greedy);
  const returns: number[] = [];
  let env: Env = envs[agent.env].make();
  let obs = env.reset(createRng(episodeSeed(seed, 0)));
  let ret = 0;
  return {
    returns,
    done: () => returns.length >= episodes,
    step() {
      if (returns.length >= episodes) return;
      const r = env.step(act(obs));
      ret += r.reward;
      obs = r.obs;
      if (r.terminated || r.truncated) {
        returns.push(ret);
        ret = 0;
        env = envs[agent.env].make();
        obs = env.reset(createRng(episodeSeed(seed, returns.length)));
      }
    },
  };
}

export function meanStd(x: readonly number[]): { mean: number; std: number } {
  if (!x.length) return { mean: NaN, std: NaN };
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const v = x.length > 1 ? x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1) : 0;
  return { mean, std: Math.sqrt(v) };
}
