import { describe, expect, it } from 'vitest';
import { CartPole, createRng, Pendulum } from '@/rl';
import { AGENT_FORMAT, AGENT_VERSION, policyFromSnapshot, type AgentFile } from '@/lib/agent-file';
import { episodeSeed } from '../EnvPlay/episodes';
import { makeEvaluation, meanStd } from './evaluation';

/** An agent whose network ignores the observation: all weights 0, the head's bias alone decides. */
function constantAgent(env: 'CartPole-v1' | 'Pendulum-v1', bias: number[], logStd?: number[]): AgentFile {
  const sizes: [number, number, number, number] = env === 'CartPole-v1' ? [4, 4, 4, 2] : [3, 4, 4, 1];
  const [i, h1, h2, o] = sizes;
  const tensors = [i * h1, h1, h1 * h2, h2, h2 * o].map((n) => new Float32Array(n));
  return {
    format: AGENT_FORMAT,
    version: AGENT_VERSION,
    name: 'constant',
    env,
    algo: 'test',
    seed: 0,
    backend: 'cpu',
    config: {},
    returns: { mean20: null, recent: [], episodes: 0, steps: 0 },
    policy: policyFromSnapshot(
      env === 'CartPole-v1' ? 'categorical' : 'gaussian',
      sizes,
      [...tensors, Float32Array.from(bias)],
      logStd,
    ),
    savedAt: '2026-11-30T00:00:00.000Z',
  };
}

describe('evaluating a saved agent', () => {
  it('runs the saved network in the env: a "push right" CartPole agent gets the always-right returns', () => {
    const ev = makeEvaluation(constantAgent('CartPole-v1', [-30, 30]), 3, 5);
    while (!ev.done()) ev.step();
    const expected = [0, 1, 2].map((k) => {
      const env = new CartPole();
      env.reset(createRng(episodeSeed(5, k)));
      let ret = 0;
      for (let done = false; !done;) {
        const r = env.step(1);
        ret += r.reward;
        done = r.terminated || r.truncated;
      }
      return ret;
    });
    expect(ev.returns).toEqual(expected);
  });

  it('a Gaussian agent acts with its mean plus exp(logStd) noise, and the env clips it', () => {
    // mean 5 (clipped to 2 by Pendulum), std e^-30: full positive torque on every step
    const ev = makeEvaluation(constantAgent('Pendulum-v1', [5], [-30]), 1, 2);
    while (!ev.done()) ev.step();
    const env = new Pendulum();
    env.reset(createRng(episodeSeed(2, 0)));
    let ret = 0;
    for (let t = 0; t < 200; t++) ret += env.step(new Float32Array([2])).reward;
    expect(ev.returns).toEqual([ret]);
    expect(meanStd([1, 3])).toEqual({ mean: 2, std: Math.SQRT2 });
  });
});
