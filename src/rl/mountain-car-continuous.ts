/**
 * MountainCarContinuous-v0 exactly as Gymnasium defines it (gymnasium/envs/classic_control/continuous_mountain_car.py,
 * with the TimeLimit of the registration): state [position, velocity]; action a ∈ [−1, 1] (clipped here);
 * v ← v + a·0.0015 − 0.0025·cos(3x), clipped to ±0.07; x ← x + v, clipped to [−1.2, 0.6]; v ← 0 at the left wall
 * moving left; terminated when x ≥ 0.45 and v ≥ 0; reward 100 on the terminating step minus 0.1·a² of the
 * *unclipped* action on every step; truncation at 999. Reset: x uniform in [−0.6, −0.4), v = 0 (float64).
 *
 * Precision, to the letter: after each step Gymnasium stores the state as np.float32, and under numpy 2's scalar
 * rules (NEP 50) the next step computes partly in float32 — 3·x, v + Δv, x + v and the comparisons with the Python
 * constants are float32 when x and v are np.float32, and a·0.0015 − 0.0025·cos(3x) is float32 when the action is.
 * Those rules are emulated with `numpy-scalar.ts`. The state is float32 here exactly when both components are
 * float32 values (always after a step; a reset position almost never is), and a Float32Array action is float32 while
 * a number[] is a float64 array. The reward uses math.pow, i.e. float64.
 */
import { KernelEnv, VecKernelEnv, type EnvKernel, type Transition } from './env-kernel';
import { checkBox, type EnvSpec } from './env-spec';
import { add, eq, F32, F64, ge, gt, isF32, lt, mul, py, PY, sub, type Scalar } from './numpy-scalar';
import type { Rng } from './rng';

export const MOUNTAIN_CAR_CONTINUOUS = {
  minAction: -1.0,
  maxAction: 1.0,
  minPosition: -1.2,
  maxPosition: 0.6,
  maxSpeed: 0.07,
  goalPosition: 0.45,
  goalVelocity: 0,
  power: 0.0015,
  maxEpisodeSteps: 999,
} as const;

const f32 = Math.fround;
const C = MOUNTAIN_CAR_CONTINUOUS;

export const MOUNTAIN_CAR_CONTINUOUS_SPEC: EnvSpec = {
  id: 'MountainCarContinuous-v0',
  observation: {
    low: [f32(C.minPosition), f32(-C.maxSpeed)],
    high: [f32(C.maxPosition), f32(C.maxSpeed)],
  },
  action: { kind: 'box', low: [-1], high: [1] },
  maxEpisodeSteps: 999,
  solveThreshold: 90,
  solveWindow: 20,
  label: 'MountainCarContinuous-v0: reach the flag with the least fuel (force in [-1, 1])',
};

export const MOUNTAIN_CAR_CONTINUOUS_KERNEL: EnvKernel = {
  spec: MOUNTAIN_CAR_CONTINUOUS_SPEC,
  stateSize: 2,
  reset(rng: Rng, s: Float64Array, o: number) {
    s[o] = -0.6 + (-0.4 - -0.6) * rng.uniform();
    s[o + 1] = 0;
  },
  step(s: Float64Array, o: number, a: ArrayLike<number>, ao: number, actionF32: boolean, out: Transition) {
    const stateKind = isF32(s[o]) && isF32(s[o + 1]) ? F32 : F64;
    let position: Scalar = { v: s[o], k: stateKind };
    let velocity: Scalar = { v: s[o + 1], k: stateKind };
    const action: Scalar = { v: actionF32 ? f32(a[ao]) : a[ao], k: actionF32 ? F32 : F64 };
    // force = min(max(action[0], min_action), max_action): Python's builtins keep the first of equal values.
    let force = action;
    if (gt(py(C.minAction), force)) force = py(C.minAction);
    if (lt(py(C.maxAction), force)) force = py(C.maxAction);
    // velocity += force * power - 0.0025 * math.cos(3 * position)
    const cosTerm = py(0.0025 * Math.cos(mul(py(3), position).v));
    velocity = add(velocity, sub(mul(force, py(C.power)), cosTerm));
    if (gt(velocity, py(C.maxSpeed))) velocity = py(C.maxSpeed);
    if (lt(velocity, py(-C.maxSpeed))) velocity = py(-C.maxSpeed);
    position = add(position, velocity);
    if (gt(position, py(C.maxPosition))) position = py(C.maxPosition);
    if (lt(position, py(C.minPosition))) position = py(C.minPosition);
    if (eq(position, py(C.minPosition)) && lt(velocity, py(0))) velocity = { v: 0, k: PY };
    out.terminated = ge(position, py(C.goalPosition)) && ge(velocity, py(C.goalVelocity));
    // reward = 100 if terminated; reward -= math.pow(action[0], 2) * 0.1 (float64, unclipped action)
    out.reward = (out.terminated ? 100.0 : 0) - action.v * action.v * 0.1;
    s[o] = f32(position.v);
    s[o + 1] = f32(velocity.v);
  },
  observe(s: Float64Array, o: number, obs: Float32Array, oo: number) {
    obs[oo] = s[o];
    obs[oo + 1] = s[o + 1];
  },
  check: (action) => checkBox('MountainCarContinuous-v0', 1, action),
};

/** MountainCarContinuous-v0: `reset(rng)`, `step([force])`; `state` = [position, velocity]. */
export class MountainCarContinuous extends KernelEnv {
  constructor() {
    super(MOUNTAIN_CAR_CONTINUOUS_KERNEL);
  }
}

/** n continuous MountainCars with auto-reset (see `VecEnv`); actions are one force per env. */
export class VecMountainCarContinuous extends VecKernelEnv {
  constructor(n: number, rng: Rng) {
    super(MOUNTAIN_CAR_CONTINUOUS_KERNEL, n, rng);
  }
}
