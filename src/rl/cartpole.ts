/**
 * CartPole-v1 exactly as Gymnasium defines it (gymnasium/envs/classic_control/cartpole.py, with the TimeLimit
 * wrapper of the v1 registration): constants, the Euler update order (positions advanced with the old velocities,
 * then velocities), termination at |x| > 2.4 or |theta| > 12 degrees, reward 1 on every step including the one that
 * terminates, truncation after 500 steps, reset uniform in [-0.05, 0.05) for every state variable. The state is
 * float64; observations are float32, as in Gymnasium.
 */
import type { EnvSpec } from './env-spec';
import type { Rng } from './rng';

export const CARTPOLE = {
  gravity: 9.8,
  masscart: 1.0,
  masspole: 0.1,
  totalMass: 1.1,
  /** Half the pole's length. */
  length: 0.5,
  polemassLength: 0.05,
  forceMag: 10.0,
  tau: 0.02,
  thetaThreshold: (12 * 2 * Math.PI) / 360,
  xThreshold: 2.4,
  maxEpisodeSteps: 500,
} as const;

export type { StepResult } from './env-spec';
import type { StepResult } from './env-spec';

const f32 = Math.fround;

export const CARTPOLE_SPEC: EnvSpec = {
  id: 'CartPole-v1',
  // Gymnasium: high = [2 x_threshold, inf, 2 theta_threshold, inf] as float32, low = -high.
  observation: {
    low: [-f32(2 * CARTPOLE.xThreshold), -Infinity, -f32(2 * CARTPOLE.thetaThreshold), -Infinity],
    high: [f32(2 * CARTPOLE.xThreshold), Infinity, f32(2 * CARTPOLE.thetaThreshold), Infinity],
  },
  action: { kind: 'discrete', n: 2 },
  maxEpisodeSteps: 500,
  solveThreshold: 475,
  solveWindow: 20,
  label: 'CartPole-v1: balance the pole (push left or right, reward 1 a step)',
};

/** One Euler step of the dynamics on s = [x, x_dot, theta, theta_dot] at offset o, in place. */
export function cartpoleDynamics(s: Float64Array, o: number, action: number): void {
  const C = CARTPOLE;
  const x = s[o];
  const xDot = s[o + 1];
  const theta = s[o + 2];
  const thetaDot = s[o + 3];
  const force = action === 1 ? C.forceMag : -C.forceMag;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const temp = (force + C.polemassLength * thetaDot * thetaDot * sin) / C.totalMass;
  const thetaAcc =
    (C.gravity * sin - cos * temp) / (C.length * (4.0 / 3.0 - (C.masspole * cos * cos) / C.totalMass));
  const xAcc = temp - (C.polemassLength * thetaAcc * cos) / C.totalMass;
  s[o] = x + C.tau * xDot;
  s[o + 1] = xDot + C.tau * xAcc;
  s[o + 2] = theta + C.tau * thetaDot;
  s[o + 3] = thetaDot + C.tau * thetaAcc;
}

const outOfBounds = (s: Float64Array, o: number) =>
  s[o] < -CARTPOLE.xThreshold ||
  s[o] > CARTPOLE.xThreshold ||
  s[o + 2] < -CARTPOLE.thetaThreshold ||
  s[o + 2] > CARTPOLE.thetaThreshold;

export class CartPole {
  readonly spec = CARTPOLE_SPEC;
  /** [x, x_dot, theta, theta_dot] in float64; may be read and set (e.g. to replay a hand-checked state). */
  state = new Float64Array(4);
  /** Steps taken in the current episode. */
  steps = 0;
  private terminatedAlready = false;

  reset(rng: Rng): Float32Array {
    for (let i = 0; i < 4; i++) this.state[i] = rng.uniform() * 0.1 - 0.05;
    this.steps = 0;
    this.terminatedAlready = false;
    return Float32Array.from(this.state);
  }

  step(action: 0 | 1): StepResult {
    if (action !== 0 && action !== 1)
      throw new Error(`CartPole-v1 takes an integer action in 0..1, got ${String(action)}`);
    cartpoleDynamics(this.state, 0, action);
    this.steps++;
    const terminated = outOfBounds(this.state, 0);
    // Gymnasium's rule, literally: 1 whenever the new state is in bounds; 1 on the first terminating step; 0 (with a
    // warning there) on out-of-bounds steps taken after termination without a reset.
    const reward = !terminated || !this.terminatedAlready ? 1 : 0;
    if (terminated) this.terminatedAlready = true;
    const truncated = this.steps >= CARTPOLE.maxEpisodeSteps;
    return { obs: Float32Array.from(this.state), reward, terminated, truncated };
  }
}

/**
 * n CartPoles stepped together without allocation, with auto-reset: when an episode ends (terminated or truncated)
 * at a step, `finalObs` holds its last observation (for bootstrapping on truncation), and `obs` already holds the
 * first observation of the next episode.
 */
export class VecCartPole {
  readonly spec = CARTPOLE_SPEC;
  readonly n: number;
  readonly state: Float64Array;
  readonly obs: Float32Array;
  readonly finalObs: Float32Array;
  readonly rewards: Float32Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  readonly steps: Int32Array;
  /** Running return and length of the current episode of each env. */
  readonly episodeReturn: Float64Array;
  /** Returns and lengths of the episodes that ended on the last step (env order). */
  finished: Array<{ env: number; return: number; length: number }> = [];
  private readonly rng: Rng;

  constructor(n: number, rng: Rng) {
    this.n = n;
    this.rng = rng;
    this.state = new Float64Array(4 * n);
    this.obs = new Float32Array(4 * n);
    this.finalObs = new Float32Array(4 * n);
    this.rewards = new Float32Array(n);
    this.terminated = new Uint8Array(n);
    this.truncated = new Uint8Array(n);
    this.steps = new Int32Array(n);
    this.episodeReturn = new Float64Array(n);
    for (let e = 0; e < n; e++) this.resetEnv(e);
  }

  private resetEnv(e: number) {
    const o = 4 * e;
    for (let i = 0; i < 4; i++) {
      this.state[o + i] = this.rng.uniform() * 0.1 - 0.05;
      this.obs[o + i] = this.state[o + i];
    }
    this.steps[e] = 0;
    this.episodeReturn[e] = 0;
  }

  /** Steps every env with `actions[e]` (0 or 1). Results are in the public buffers. */
  step(actions: ArrayLike<number>): void {
    this.finished = [];
    for (let e = 0; e < this.n; e++) {
      const o = 4 * e;
      cartpoleDynamics(this.state, o, actions[e] === 1 ? 1 : 0);
      this.steps[e]++;
      const term = outOfBounds(this.state, o);
      const trunc = !term && this.steps[e] >= CARTPOLE.maxEpisodeSteps;
      this.rewards[e] = 1;
      this.episodeReturn[e] += 1;
      this.terminated[e] = term ? 1 : 0;
      // Gymnasium reports truncated=True also when both happen at step 500; termination takes precedence for
      // bootstrapping, so we report only `terminated` in that case.
      this.truncated[e] = trunc ? 1 : 0;
      for (let i = 0; i < 4; i++) this.obs[o + i] = this.state[o + i];
      if (term || trunc) {
        for (let i = 0; i < 4; i++) this.finalObs[o + i] = this.obs[o + i];
        this.finished.push({ env: e, return: this.episodeReturn[e], length: this.steps[e] });
        this.resetEnv(e);
      }
    }
  }
}
