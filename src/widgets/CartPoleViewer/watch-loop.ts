/**
 * The CartPole viewer's animation loop, apart from React and the DOM so that its cost can be tested: the env steps
 * at its own 50 Hz (tau 0.02 s) from animation frames, the picture is redrawn only when a step happened (not at
 * every frame of a 60-144 Hz display), and nothing runs while the canvas is off-screen. The viewer plays beside a
 * training run, and every main-thread task it adds while the worker trains can be stretched past 50 ms by a busy
 * machine: an idle viewer must cost nothing.
 */
import { CartPole, createRng, type Rng } from '@/rl';

/** Animation frames (requestAnimationFrame in the page; a fake clock in tests). */
export interface FrameScheduler {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

export interface WatchLoopOptions {
  seed: number;
  /** Action probabilities for a state (the current policy; uniform without one). Read at every step. */
  probs: (state: ArrayLike<number>) => ArrayLike<number>;
  /** Draws the cart at `x`, the pole at `theta`, `t` steps into the episode. */
  draw: (x: number, theta: number, t: number) => void;
  /** An episode ended after `length` steps. */
  onEpisode?: (length: number) => void;
  frames: FrameScheduler;
}

/** Milliseconds per env step (CartPole-v1's tau). */
export const STEP_MS = 20;

export class CartPoleWatchLoop {
  private readonly env = new CartPole();
  private readonly rng: Rng;
  private t = 0;
  private acc = 0;
  private prev: number | null = null;
  private raf: number | null = null;
  private visible = true;
  private running = false;
  private drawn = false;

  constructor(private readonly o: WatchLoopOptions) {
    this.rng = createRng(o.seed + 7919);
    this.env.reset(this.rng);
  }

  /** Starts animating (while visible). */
  start(): void {
    this.running = true;
    this.schedule();
  }

  /** Stops animating; the last picture stays. */
  stop(): void {
    this.running = false;
    this.unschedule();
  }

  /** Off-screen the loop sleeps; back on screen it resumes where it was (no catch-up burst). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.schedule();
    else this.unschedule();
  }

  /** Redraws on the next frame (e.g. after a theme change) even if no step is due. */
  invalidate(): void {
    this.drawn = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.raf !== null || !this.running || !this.visible) return;
    this.prev = null;
    this.raf = this.o.frames.request(this.frame);
  }

  private unschedule(): void {
    if (this.raf !== null) this.o.frames.cancel(this.raf);
    this.raf = null;
  }

  private readonly frame = (now: number): void => {
    this.raf = null;
    if (this.prev !== null) this.acc += Math.min(100, now - this.prev);
    this.prev = now;
    let stepped = false;
    while (this.acc >= STEP_MS) {
      this.acc -= STEP_MS;
      stepped = true;
      const p = this.o.probs(this.env.state);
      const r = this.env.step(this.rng.uniform() < p[0] ? 0 : 1);
      this.t += 1;
      if (r.terminated || r.truncated) {
        this.o.onEpisode?.(this.t);
        this.env.reset(this.rng);
        this.t = 0;
      }
    }
    if (stepped || !this.drawn) {
      this.o.draw(this.env.state[0], this.env.state[2], this.t);
      this.drawn = true;
    }
    if (this.running && this.visible) {
      this.raf = this.o.frames.request(this.frame);
    }
  };
}
