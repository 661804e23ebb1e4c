import { describe, expect, it } from 'vitest';
import {
  AGENT_FORMAT,
  AGENT_VERSION,
  parseAgentFile,
  policyFromSnapshot,
  serialiseAgent,
  type AgentFile,
} from './agent-file';
import { createAgentLibrary, type AgentBackend } from './agent-library';

const tensors = (sizes: number[]) => {
  const [i, h1, h2, o] = sizes;
  return [i * h1, h1, h1 * h2, h2, h2 * o, o].map((n, k) =>
    Float32Array.from({ length: n }, (_, j) => Math.fround(Math.sin(k + j))),
  );
};

function agent(env: AgentFile['env'] = 'Acrobot-v1'): AgentFile {
  const gaussian = env === 'Pendulum-v1';
  const sizes: [number, number, number, number] = gaussian ? [3, 8, 8, 1] : [6, 8, 8, 3];
  return {
    format: AGENT_FORMAT,
    version: AGENT_VERSION,
    name: 'test agent',
    env,
    algo: 'ppo',
    seed: 3,
    backend: 'wasm',
    config: { lr: 0.003 },
    returns: { mean20: -90.5, recent: [-100, -81], episodes: 200, steps: 120000 },
    policy: policyFromSnapshot(
      gaussian ? 'gaussian' : 'categorical',
      sizes,
      tensors(sizes),
      gaussian ? [-0.5] : undefined,
    ),
    savedAt: '2026-11-30T16:00:00.000Z',
  };
}

const errorsOf = (text: string, env?: AgentFile['env']) => {
  const r = parseAgentFile(text, env);
  return r.ok ? [] : r.errors;
};

describe('agent files', () => {
  it('round-trips an agent, float32 weights exactly', () => {
    for (const env of ['Acrobot-v1', 'Pendulum-v1'] as const) {
      const a = agent(env);
      const r = parseAgentFile(serialiseAgent(a), env);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      expect(r.agent).toEqual(a);
      expect(r.agent.policy.tensors[2].map(Math.fround)).toEqual(a.policy.tensors[2]);
    }
  });

  it('says clearly what is wrong: not JSON, not an agent, wrong env, wrong shape, bad numbers', () => {
    expect(errorsOf('{oops')[0]).toMatch(/^The file is not valid JSON/);
    expect(errorsOf('{"a": 1}')[0]).toMatch(/not a Proximal agent file/);
    expect(errorsOf(JSON.stringify({ ...agent(), version: 9 }))[0]).toMatch(/version 9 is not supported/);
    expect(errorsOf(JSON.stringify({ ...agent(), env: 'Hopper-v4' }))[0]).toBe(
      'Unknown environment "Hopper-v4".',
    );
    expect(errorsOf(serialiseAgent(agent('Acrobot-v1')), 'CartPole-v1')).toContain(
      'This agent was trained on Acrobot-v1, not CartPole-v1.',
    );
    // An Acrobot network relabelled as CartPole: 6 inputs and 3 outputs do not fit.
    const relabelled = errorsOf(JSON.stringify({ ...agent('Acrobot-v1'), env: 'CartPole-v1' }));
    expect(relabelled).toContain(
      'Wrong shape: the network takes 6 inputs but CartPole-v1 observations have 4.',
    );
    expect(relabelled).toContain(
      'Wrong shape: the network has 3 outputs but CartPole-v1 needs 2 (one logit per action).',
    );
    const short = agent();
    short.policy.tensors[1] = short.policy.tensors[1].slice(1);
    expect(errorsOf(serialiseAgent(short))).toEqual(['Wrong shape: b1 must have 8 numbers, has 7.']);
    const bad = JSON.parse(serialiseAgent(agent()));
    bad.policy.tensors[4][3] = 'NaN';
    expect(errorsOf(JSON.stringify(bad))).toEqual([
      'Bad numbers: W3 holds a value that is not a finite number.',
    ]);
    const noStd = agent('Pendulum-v1');
    delete noStd.policy.logStd;
    expect(errorsOf(serialiseAgent(noStd))[0]).toMatch(/logStd must be 1 finite number/);
    expect(errorsOf(JSON.stringify({ ...agent(), seed: 1.5 }))).toEqual(['"seed" must be an integer.']);
  });
});

describe('the saved-agent library', () => {
  const memory = (): AgentBackend & { map: Map<string, unknown> } => {
    const map = new Map<string, unknown>();
    return {
      map,
      list: async () => [...map.entries()],
      put: async (id, a) => void map.set(id, structuredClone(a)),
      remove: async (id) => void map.delete(id),
    };
  };

  it('keeps agents across visits, newest first, and skips entries that are not agents', async () => {
    const backend = memory();
    const lib = createAgentLibrary(backend);
    await lib.load();
    await lib.save(agent('Acrobot-v1'));
    await lib.save({ ...agent('Pendulum-v1'), savedAt: '2026-11-30T17:00:00.000Z' });
    backend.map.set('junk', { hello: 1 });
    const again = createAgentLibrary(backend);
    await again.load();
    const s = again.store.getState();
    expect(s.agents.map((a) => a.agent.env)).toEqual(['Pendulum-v1', 'Acrobot-v1']);
    expect(s.skipped).toBe(1);
    expect(s.problem).toBe(null);
    await again.rename(s.agents[1].id, 'swing-up');
    await again.remove(s.agents[0].id);
    const third = createAgentLibrary(backend);
    await third.load();
    expect(third.store.getState().agents.map((a) => a.agent.name)).toEqual(['swing-up']);
  });

  it('when storage fails (private mode, quota) it says so and keeps working in memory', async () => {
    const failing: AgentBackend = {
      list: async () => {
        throw new Error('this browser offers no IndexedDB');
      },
      put: async () => {
        throw new Error('unreachable');
      },
      remove: async () => {},
    };
    const lib = createAgentLibrary(failing);
    await lib.load();
    expect(lib.store.getState().problem).toMatch(
      /cannot be kept in this browser \(this browser offers no IndexedDB\)/,
    );
    await lib.save(agent());
    expect(lib.store.getState().agents).toHaveLength(1);

    const full = memory();
    full.put = async () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    const lib2 = createAgentLibrary(full);
    await lib2.load();
    await lib2.save(agent());
    expect(lib2.store.getState().problem).toMatch(/storage is full/);
    expect(lib2.store.getState().agents).toHaveLength(1);
  });
});
