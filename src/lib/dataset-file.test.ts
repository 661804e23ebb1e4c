import { describe, expect, it } from 'vitest';
import { createRng } from '@/rl';
import { DATASET_MAX_TRANSITIONS } from '@/spec';
import { DATASET_FORMAT, DATASET_MAX_FILE_BYTES, parseDatasetFile, serialiseDataset } from './dataset-file';
import { DatasetLogger } from './offline-dataset';

/** A dataset logged on CartPole by a pole-following rule with ε = 0.3. */
function logged(size = 300, seed = 2) {
  const l = new DatasetLogger({
    env: 'CartPole-v1',
    act: (o) => (o[2] + 0.5 * o[3] > 0 ? 1 : 0),
    epsilon: 0.3,
    size,
    rng: createRng(seed),
    label: 'rule',
  });
  l.run(size);
  return l.dataset();
}

const errorsOf = (text: string) => {
  const r = parseDatasetFile(text, 'CartPole-v1');
  return r.ok ? [] : r.errors;
};
const edit = (f: (x: Record<string, unknown>) => void) => {
  const x = JSON.parse(serialiseDataset(logged())) as Record<string, unknown>;
  f(x);
  return JSON.stringify(x);
};

describe('DatasetLogger', () => {
  it('logs transitions as the replay buffer stores them, in slices, reproducibly for a seed', () => {
    const whole = logged(400, 5);
    const l = new DatasetLogger({
      env: 'CartPole-v1',
      act: (o) => (o[2] + 0.5 * o[3] > 0 ? 1 : 0),
      epsilon: 0.3,
      size: 400,
      rng: createRng(5),
      label: 'rule',
    });
    while (!l.run(7));
    expect(l.dataset()).toEqual(whole);
    expect(logged(400, 6).obs).not.toEqual(whole.obs);
    // consecutive rows chain (next obs = obs of the next row) except across episode ends
    let ends = 0;
    let lastEnd = -1;
    for (let i = 0; i + 1 < whole.size; i++) {
      const same = [0, 1, 2, 3].every((k) => whole.nextObs[4 * i + k] === whole.obs[4 * (i + 1) + k]);
      if (!same) [ends, lastEnd] = [ends + 1, i];
      if (whole.terminated[i]) expect(same).toBe(false);
    }
    expect(ends).toBeGreaterThan(0);
    expect(ends).toBe(whole.behaviour.episodes);
    // CartPole pays 1 a step: the finished episodes' mean return is their steps over their number
    expect(whole.behaviour.meanReturn).toBeCloseTo((lastEnd + 1) / ends, 9);
  });

  it('ε = 1 logs uniformly random actions whatever the policy', () => {
    const l = new DatasetLogger({
      env: 'CartPole-v1',
      act: () => 0,
      epsilon: 1,
      size: 4000,
      rng: createRng(1),
      label: 'x',
    });
    l.run(4000);
    const share = l.dataset().actions.reduce((a, b) => a + b, 0) / 4000;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });
});

describe('dataset files', () => {
  it('round-trip exactly', () => {
    const d = logged();
    const r = parseDatasetFile(serialiseDataset(d), 'CartPole-v1');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.dataset).toEqual(d);
  });

  it('refuse bad files with a message saying what is wrong', () => {
    expect(errorsOf('not json')[0]).toMatch(/not valid JSON/);
    expect(errorsOf('{"format":"proximal-agent","version":1}')[0]).toMatch(/not a Proximal dataset file/);
    expect(errorsOf(edit((x) => (x.version = 2)))[0]).toMatch(/version 2 is not supported/);
    expect(errorsOf(edit((x) => (x.env = 'Pong-v5')))[0]).toMatch(/Unknown environment "Pong-v5"/);
    expect(errorsOf(edit((x) => (x.env = 'Acrobot-v1')))[0]).toMatch(/logged on Acrobot-v1, not CartPole-v1/);
    expect(errorsOf(edit((x) => (x.size = DATASET_MAX_TRANSITIONS + 1)))[0]).toMatch(/limit is 200000/);
    expect(errorsOf(edit((x) => (x.size = 301))).join(' ')).toMatch(/obs must hold 1204 numbers/);
    expect(errorsOf(edit((x) => ((x.arrays as Record<string, unknown>).rewards = 42))).join(' ')).toMatch(
      /arrays.rewards must be a base64 string/,
    );
    expect(errorsOf(edit((x) => ((x.behaviour as Record<string, unknown>).epsilon = 3)))[0]).toMatch(
      /epsilon in \[0, 1\]/,
    );
    // an action out of range, and a NaN observation
    const d = logged();
    d.actions[3] = 2;
    expect(errorsOf(serialiseDataset(d)).join(' ')).toMatch(/action 3 is 2/);
    const e = logged();
    e.obs[10] = NaN;
    expect(errorsOf(serialiseDataset(e)).join(' ')).toMatch(/obs holds a value that is not a finite number/);
    expect(errorsOf(' '.repeat(DATASET_MAX_FILE_BYTES + 1))[0]).toMatch(/may be at most 32 MB/);
    expect(JSON.parse(serialiseDataset(logged())).format).toBe(DATASET_FORMAT);
  });
});
