/**
 * Pendulum-v1 exactly as Gymnasium defines it (gymnasium/envs/classic_control/pendulum.py, g = 10, with the TimeLimit
 * of the registration): state [θ, θ̇] with θ = 0 upright; torque u clipped to [−2, 2];
 * cost = normalize(θ)² + 0.1·θ̇² + 0.001·u², reward = −cost (of the state before the step);
 * θ̇ ← clip(θ̇ + (3g/(2l)·sin θ + 3/(m l²)·u)·dt, ±8), θ ← θ + θ̇·dt with dt = 0.05 (θ is not wrapped);
 * never terminates; truncation at 200. Reset: θ uniform in [−π, π), θ̇ uniform in [−1, 1). Observation
 * [cos θ, sin θ, θ̇] in float32.
 *
 * Precision, to the letter: the state is float64, but under numpy 2's scalar rules a float32 action keeps
 * 0.001·u² and 3·u in float32 (np.clip of a float32 array stays float32); a number[] action is a float64 array.
 */
import { KernelEnv, VecKernelEnv, type EnvKernel, type Transition } from './env-kernel';
import { checkBox, type EnvSpec } from './env-spec';
import type { Rng } from './rng';

export const PENDULUM = {
  maxSpeed: 8,
  maxTorque: 2.0,
  dt: 0.05,
  g: 10.0,
  m: 1.0,
  l: 1.0,
  maxEpisodeSteps: 200,
} as const;

const f32 = Math.fround;

export const PENDULUM_SPEC: EnvSpec = {
  id: 'Pendulum-v1',
  observation: { low: [-1, -1, -PENDULUM.maxSpeed], high: [1, 1, PENDULUM.maxSpeed] },
  action: { kind: 'box', low: [-PENDULUM.maxTorque], high: [PENDULUM.maxTorque] },
  maxEpisodeSteps: 200,
  solveThreshold: -200,
  solveWindow: 20,
  label: 'Pendulum-v1: swing up and hold (torque in [-2, 2])',
};

/** `angle_normalize`: ((x + π) mod 2π) − π with numpy's floor modulo (the result takes the divisor's sign). */
export function angleNormalize(x: number): number {
  const b = 2 * Math.PI;
  let mod = (x + Math.PI) % b;
  if (mod !== 0 && mod < 0) mod += b;
  else if (mod === 0) mod = 0; // numpy returns +0.0 there
  return mod - Math.PI;
}

export const PENDULUM_KERNEL: EnvKernel = {
  spec: PENDULUM_SPEC,
  stateSize: 2,
  reset(rng: Rng, s: Float64Array, o: number) {
    // np_random.uniform(low=-high, high=high) with high = [π, 1]
    s[o] = -Math.PI + (Math.PI - -Math.PI) * rng.uniform();
    s[o + 1] = -1.0 + (1.0 - -1.0) * rng.uniform();
  },
  step(s: Float64Array, o: number, a: ArrayLike<number>, ao: number, actionF32: boolean, out: Transition) {
    const P = PENDULUM;
    const th = s[o];
    const thdot = s[o + 1];
    const raw = actionF32 ? f32(a[ao]) : a[ao];
    const u = Math.min(Math.max(raw, -P.maxTorque), P.maxTorque);
    const an = angleNormalize(th);
    // costs = angle_normalize(th) ** 2 + 0.1 * thdot**2 + 0.001 * (u**2)
    const uCost = actionF32 ? f32(f32(0.001) * f32(u * u)) : 0.001 * (u * u);
    const costs = an * an + 0.1 * (thdot * thdot) + uCost;
    // newthdot = thdot + (3 * g / (2 * l) * np.sin(th) + 3.0 / (m * l**2) * u) * dt
    const uAcc = actionF32 ? f32((3.0 / (P.m * P.l ** 2)) * u) : (3.0 / (P.m * P.l ** 2)) * u;
    let newthdot = thdot + (((3 * P.g) / (2 * P.l)) * Math.sin(th) + uAcc) * P.dt;
    newthdot = Math.min(Math.max(newthdot, -P.maxSpeed), P.maxSpeed);
    const newth = th + newthdot * P.dt;
    s[o] = newth;
    s[o + 1] = newthdot;
    out.reward = -costs;
    out.terminated = false;
  },
  observe(s: Float64Array, o: number, obs: Float32Array, oo: number) {
    obs[oo] = Math.cos(s[o]);
    obs[oo + 1] = Math.sin(s[o]);
    obs[oo + 2] = s[o + 1];
  },
  check: (action) => checkBox('Pendulum-v1', 1, action),
};

/** Pendulum-v1: `reset(rng)`, `step([torque])`; `state` = [θ, θ̇] in float64; `lastU` the clipped torque (render). */
export class Pendulum extends KernelEnv {
  /** The clipped torque of the last step (null after reset), as Gymnasium keeps `last_u` for its render. */
  lastU: number | null = null;

  constructor() {
    super(PENDULUM_KERNEL);
  }

  override reset(rng: Rng): Float32Array {
    this.lastU = null;
    return super.reset(rng);
  }

  override step(action: ArrayLike<number> | number) {
    const r = super.step(action);
    const a = action as ArrayLike<number>;
    const u = a instanceof Float32Array ? f32(a[0]) : a[0];
    this.lastU = Math.min(Math.max(u, -PENDULUM.maxTorque), PENDULUM.maxTorque);
    return r;
  }
}

/** n Pendulums with auto-reset (see `VecEnv`); actions are one torque per env. */
export class VecPendulum extends VecKernelEnv {
  constructor(n: number, rng: Rng) {
    super(PENDULUM_KERNEL, n, rng);
  }
}
