/**
 * The trainer's GAE (`gaeInPlace`, float32, one `done` flag with the truncation bootstrap folded into the reward)
 * agrees with the book's reference `gae` of src/rl (float64, separate terminated and truncated flags): chapter 7
 * quotes the reference and the trainer runs this one.
 */
import { describe, expect, it } from 'vitest';
import { createRng, gae } from '@/rl';
import { gaeInPlace } from './gae';

describe('gaeInPlace agrees with src/rl gae', () => {
  it('on random rollouts with terminations, time-limit truncations and a cut at the end', () => {
    const rng = createRng(17);
    for (let trial = 0; trial < 50; trial++) {
      const numEnvs = 1 + rng.int(4);
      const numSteps = 1 + rng.int(40);
      const n = numEnvs * numSteps;
      const gamma = 0.9 + 0.099 * rng.uniform();
      const lambda = rng.uniform();
      const rewards = Array.from({ length: n }, () => rng.normal());
      const values = Array.from({ length: n }, () => 3 * rng.normal());
      const terminated = Array.from({ length: n }, () => (rng.uniform() < 0.05 ? 1 : 0));
      const truncated = terminated.map((t) => (t === 0 && rng.uniform() < 0.05 ? 1 : 0));
      // V of the real next observation: the next stored value inside an episode, the final observation's value at
      // a truncation, the value after the rollout at the last step.
      const finalValues = Array.from({ length: n }, () => 3 * rng.normal());
      const lastValues = Array.from({ length: numEnvs }, () => 3 * rng.normal());
      const nextValues = Array.from({ length: n }, (_, i) =>
        truncated[i] ? finalValues[i] : i + numEnvs < n ? values[i + numEnvs] : lastValues[i % numEnvs],
      );
      const ref = gae({ rewards, values, nextValues, terminated, truncated, numEnvs, gamma, lambda });

      // The trainer's form: one done flag, and gamma V(final observation) added to the reward on truncation.
      const folded = Float32Array.from(rewards, (r, i) => r + (truncated[i] ? gamma * finalValues[i] : 0));
      const done = Uint8Array.from(terminated, (t, i) => (t || truncated[i] ? 1 : 0));
      const adv = new Float32Array(n);
      const ret = new Float32Array(n);
      gaeInPlace(
        folded,
        Float32Array.from(values),
        done,
        Float32Array.from(lastValues),
        numEnvs,
        numSteps,
        gamma,
        lambda,
        adv,
        ret,
      );
      for (let i = 0; i < n; i++) {
        expect(Math.abs(adv[i] - ref.advantages[i])).toBeLessThan(
          1e-4 * Math.max(1, Math.abs(ref.advantages[i])),
        );
        expect(Math.abs(ret[i] - ref.returns[i])).toBeLessThan(1e-4 * Math.max(1, Math.abs(ref.returns[i])));
      }
    }
  });
});
