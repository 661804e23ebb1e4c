/**
 * The one place where src/nn meets src/rl: the run RNG and the CartPole environment.
 * TEMPORARY local stand-ins until src/rl lands (issue 3); then this file re-exports createRng and CartPole.
 */

/** The run RNG as the engine uses it. */
export interface RunRng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

export function makeRng(seed: number): RunRng {
  let a = seed >>> 0 || 0x9e3779b9;
  let spare: number | null = null;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

/** Single-environment interface (Gymnasium-style) the engine vectorises. */
export interface SingleEnv {
  reset(rng: RunRng): ArrayLike<number>;
  step(action: number): { obs: ArrayLike<number>; reward: number; terminated: boolean; truncated: boolean };
}

/** Gymnasium CartPole-v1 (stand-in). */
class LocalCartPole implements SingleEnv {
  state = [0, 0, 0, 0];
  private t = 0;
  reset(rng: RunRng) {
    this.state = [0, 0, 0, 0].map(() => rng.uniform() * 0.1 - 0.05);
    this.t = 0;
    return Float32Array.from(this.state);
  }
  step(action: number) {
    const [x, xDot, th, thDot] = this.state;
    const force = action === 1 ? 10 : -10;
    const cos = Math.cos(th);
    const sin = Math.sin(th);
    const temp = (force + 0.05 * thDot * thDot * sin) / 1.1;
    const thAcc = (9.8 * sin - cos * temp) / (0.5 * (4 / 3 - (0.1 * cos * cos) / 1.1));
    const xAcc = temp - (0.05 * thAcc * cos) / 1.1;
    const nx = x + 0.02 * xDot;
    const nxDot = xDot + 0.02 * xAcc;
    const nth = th + 0.02 * thDot;
    const nthDot = thDot + 0.02 * thAcc;
    this.state = [nx, nxDot, nth, nthDot];
    this.t += 1;
    const terminated =
      nx < -2.4 || nx > 2.4 || nth < -(12 * 2 * Math.PI) / 360 || nth > (12 * 2 * Math.PI) / 360;
    return {
      obs: Float32Array.from(this.state),
      reward: 1,
      terminated,
      truncated: !terminated && this.t >= 500,
    };
  }
}

export function makeCartPole(): SingleEnv & { state: number[] } {
  return new LocalCartPole();
}
