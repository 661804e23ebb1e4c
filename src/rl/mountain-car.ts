/**
 * MountainCar-v0 exactly as Gymnasium defines it (gymnasium/envs/classic_control/mountain_car.py, with the TimeLimit
 * of the registration): state [position, velocity]; actions 0 (push left), 1 (none), 2 (push right);
 * v ← clip(v + (a − 1)·0.001 + cos(3x)·(−0.0025), ±0.07), x ← clip(x + v, −1.2, 0.6), and v ← 0 when the car sits
 * at the left wall moving left; terminated when x ≥ 0.5 and v ≥ 0; reward −1 on every step, the last one included;
 * truncation at 200. Reset: x uniform in [−0.6, −0.4), v = 0.
 *
 * Precision: this env's state stays float64 in Gymnasium (a tuple of np.float64 after each step; only the observation
 * is cast to float32), so it is float64 here too. (The continuous version is the one that stores float32.)
 */
import { KernelEnv, VecKernelEnv, type EnvKernel, type Transition } from './env-kernel';
import { checkDiscrete, type EnvSpec } from './env-spec';
import type { Rng } from './rng';

export const MOUNTAIN_CAR = {
  minPosition: -1.2,
  maxPosition: 0.6,
  maxSpeed: 0.07,
  goalPosition: 0.5,
  goalVelocity: 0,
  force: 0.001,
  gravity: 0.0025,
  maxEpisodeSteps: 200,
} as const;

const f32 = Math.fround;

export const MOUNTAIN_CAR_SPEC: EnvSpec = {
  id: 'MountainCar-v0',
  observation: {
    low: [f32(MOUNTAIN_CAR.minPosition), f32(-MOUNTAIN_CAR.maxSpeed)],
    high: [f32(MOUNTAIN_CAR.maxPosition), f32(MOUNTAIN_CAR.maxSpeed)],
  },
  action: { kind: 'discrete', n: 3 },
  maxEpisodeSteps: 200,
  solveThreshold: -110,
  solveWindow: 20,
  label: 'MountainCar-v0: rock the car up the hill (3 pushes, reward -1 a step)',
};

/** The hill's height at position x, as the renderer draws it (`_height`). */
export const mountainHeight = (x: number) => Math.sin(3 * x) * 0.45 + 0.55;

const clip = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

export const MOUNTAIN_CAR_KERNEL: EnvKernel = {
  spec: MOUNTAIN_CAR_SPEC,
  stateSize: 2,
  reset(rng: Rng, s: Float64Array, o: number) {
    s[o] = -0.6 + (-0.4 - -0.6) * rng.uniform();
    s[o + 1] = 0;
  },
  step(s: Float64Array, o: number, a: ArrayLike<number>, ao: number, _f32: boolean, out: Transition) {
    const C = MOUNTAIN_CAR;
    let position = s[o];
    let velocity = s[o + 1];
    velocity += (a[ao] - 1) * C.force + Math.cos(3 * position) * -C.gravity;
    velocity = clip(velocity, -C.maxSpeed, C.maxSpeed);
    position += velocity;
    position = clip(position, C.minPosition, C.maxPosition);
    if (position === C.minPosition && velocity < 0) velocity = 0;
    out.terminated = position >= C.goalPosition && velocity >= C.goalVelocity;
    out.reward = -1.0;
    s[o] = position;
    s[o + 1] = velocity;
  },
  observe(s: Float64Array, o: number, obs: Float32Array, oo: number) {
    obs[oo] = s[o];
    obs[oo + 1] = s[o + 1];
  },
  check: (action) => [checkDiscrete('MountainCar-v0', 3, action)],
};

/** MountainCar-v0: `reset(rng)`, `step(0 | 1 | 2)`; `state` = [position, velocity] in float64. */
export class MountainCar extends KernelEnv {
  constructor() {
    super(MOUNTAIN_CAR_KERNEL);
  }
}

/** n MountainCars with auto-reset (see `VecEnv`). */
export class VecMountainCar extends VecKernelEnv {
  constructor(n: number, rng: Rng) {
    super(MOUNTAIN_CAR_KERNEL, n, rng);
  }
}
