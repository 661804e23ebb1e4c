import { describe, expect, it } from 'vitest';
import { CartPole, createRng } from '@/rl';
import { CartPoleWatchLoop, STEP_MS, type FrameScheduler } from './watch-loop';

/** A display's animation frames on a fake clock: `run(ms)` delivers every frame due in the next `ms`. */
function fakeFrames(hz: number) {
  let now = 0;
  let next = 1;
  const pending = new Map<number, (t: number) => void>();
  const frames: FrameScheduler = {
    request: (cb) => {
      pending.set(next, cb);
      return next++;
    },
    cancel: (id) => void pending.delete(id),
  };
  const run = (ms: number) => {
    let delivered = 0;
    for (const end = now + ms; now + 1000 / hz <= end + 1e-9;) {
      now += 1000 / hz;
      const due = [...pending.values()];
      pending.clear();
      for (const cb of due) cb(now);
      delivered += due.length;
    }
    return delivered;
  };
  return { frames, run, pending };
}

function loopWith(hz: number) {
  const f = fakeFrames(hz);
  const draws: [number, number, number][] = [];
  const loop = new CartPoleWatchLoop({
    seed: 4,
    probs: () => [0.5, 0.5],
    draw: (x, theta, t) => draws.push([x, theta, t]),
    frames: f.frames,
  });
  return { ...f, draws, loop };
}

describe('CartPoleWatchLoop (the viewer beside a training run)', () => {
  it('redraws once per env step, not at every frame of a fast display', () => {
    const { loop, run, draws } = loopWith(144);
    loop.start();
    const frames = run(1000);
    expect(frames).toBeGreaterThan(140);
    // 50 steps a second → at most one picture per step (plus the first): a redraw per frame would be ~144.
    expect(draws.length).toBeLessThanOrEqual(1000 / STEP_MS + 1);
    expect(draws.length).toBeGreaterThanOrEqual(1000 / STEP_MS - 2);
  });

  it('plays the same episode as the env stepped directly with the same seed', () => {
    const { loop, run, draws } = loopWith(50);
    loop.start();
    run(200);
    const env = new CartPole();
    const rng = createRng(4 + 7919);
    env.reset(rng);
    for (let k = 0; k < draws[draws.length - 1][2]; k++) env.step(rng.uniform() < 0.5 ? 0 : 1);
    const [x, theta] = draws[draws.length - 1];
    expect(x).toBe(env.state[0]);
    expect(theta).toBe(env.state[2]);
  });

  it('asks for no frames and draws nothing while off-screen, and resumes without a burst', () => {
    const { loop, run, draws, pending } = loopWith(60);
    loop.start();
    run(500);
    const before = draws.length;
    const t = draws[before - 1][2];
    loop.setVisible(false);
    expect(pending.size).toBe(0);
    expect(run(5000)).toBe(0);
    expect(draws.length).toBe(before);
    loop.setVisible(true);
    run(100);
    // Five seconds off-screen are not simulated on return: about 100 ms of steps, not 5 s.
    expect(draws[draws.length - 1][2] - t).toBeLessThanOrEqual(6);
  });

  it('stops for good on stop()', () => {
    const { loop, run, pending } = loopWith(60);
    loop.start();
    run(100);
    loop.stop();
    loop.setVisible(true);
    expect(pending.size).toBe(0);
    expect(run(1000)).toBe(0);
  });
});
