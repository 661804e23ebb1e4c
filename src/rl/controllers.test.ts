import { describe, expect, it } from 'vitest';
import { controllers, createRng, ENV_IDS, envs } from './index';

describe('hand-written controllers', () => {
  it('each reaches its goal and comes close to the solve threshold (mean of 20 episodes)', () => {
    const mean: Record<string, number> = {};
    for (const id of ENV_IDS) {
      const env = envs[id].make();
      const rng = createRng(1);
      let total = 0;
      for (let ep = 0; ep < 20; ep++) {
        let o = env.reset(rng);
        for (;;) {
          const r = env.step(controllers[id](o));
          total += r.reward;
          o = r.obs;
          if (r.terminated || r.truncated) break;
        }
      }
      mean[id] = total / 20;
    }
    expect(mean['CartPole-v1']).toBe(500);
    expect(mean['Acrobot-v1']).toBeGreaterThan(-100);
    expect(mean['MountainCar-v0']).toBeGreaterThan(-140);
    expect(mean['MountainCarContinuous-v0']).toBeGreaterThan(85);
    expect(mean['Pendulum-v1']).toBeGreaterThan(-200);
  });
});
