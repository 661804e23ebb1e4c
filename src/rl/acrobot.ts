/**
 * Acrobot-v1 exactly as Gymnasium defines it (gymnasium/envs/classic_control/acrobot.py, "book" dynamics, with the
 * TimeLimit of the v1 registration): state [θ1, θ2, θ̇1, θ̇2] with θ1 = 0 hanging down and θ2 relative to link 1;
 * torque −1, 0, +1 on the middle joint; one RK4 step over dt = 0.2 (its `rk4` with t = [0, dt]); θ1, θ2 wrapped into
 * [−π, π], velocities clipped to ±4π and ±9π; reward −1 on every step that does not end the episode and 0 on the
 * step where the tip rises above the line (−cos θ1 − cos(θ1 + θ2) > 1), which terminates it; truncation at 500.
 * Reset draws the four state variables uniformly from [−0.1, 0.1) and, as Gymnasium (`.astype(np.float32)`),
 * rounds them to float32; the integration then runs in float64. Every expression keeps Gymnasium's evaluation order,
 * so the float64 results agree to the last bit wherever the platform's sin/cos do.
 */
import { KernelEnv, VecKernelEnv, type EnvKernel, type Transition } from './env-kernel';
import { checkDiscrete, type EnvSpec } from './env-spec';
import type { Rng } from './rng';

const pi = Math.PI;

export const ACROBOT = {
  dt: 0.2,
  linkLength1: 1.0,
  linkLength2: 1.0,
  linkMass1: 1.0,
  linkMass2: 1.0,
  linkComPos1: 0.5,
  linkComPos2: 0.5,
  linkMoi: 1.0,
  maxVel1: 4 * pi,
  maxVel2: 9 * pi,
  availTorque: [-1.0, 0.0, 1] as const,
  maxEpisodeSteps: 500,
} as const;

const f32 = Math.fround;

export const ACROBOT_SPEC: EnvSpec = {
  id: 'Acrobot-v1',
  observation: {
    low: [-1, -1, -1, -1, -f32(ACROBOT.maxVel1), -f32(ACROBOT.maxVel2)],
    high: [1, 1, 1, 1, f32(ACROBOT.maxVel1), f32(ACROBOT.maxVel2)],
  },
  action: { kind: 'discrete', n: 3 },
  maxEpisodeSteps: 500,
  solveThreshold: -100,
  solveWindow: 20,
  label: 'Acrobot-v1: swing the tip above the line (3 torques, reward -1 a step)',
};

/**
 * `_dsdt` of acrobot.py ("book"): writes (θ̇1, θ̇2, θ̈1, θ̈2) of the state (t1, t2, dt1, dt2) under torque `a` into
 * `k[ko …]`.
 */
function dsdt(t1: number, t2: number, dt1: number, dt2: number, a: number, k: Float64Array, ko: number) {
  const m1 = ACROBOT.linkMass1;
  const m2 = ACROBOT.linkMass2;
  const l1 = ACROBOT.linkLength1;
  const lc1 = ACROBOT.linkComPos1;
  const lc2 = ACROBOT.linkComPos2;
  const I1 = ACROBOT.linkMoi;
  const I2 = ACROBOT.linkMoi;
  const g = 9.8;
  const sin2 = Math.sin(t2);
  const d1 = m1 * lc1 ** 2 + m2 * (l1 ** 2 + lc2 ** 2 + 2 * l1 * lc2 * Math.cos(t2)) + I1 + I2;
  const d2 = m2 * (lc2 ** 2 + l1 * lc2 * Math.cos(t2)) + I2;
  const phi2 = m2 * lc2 * g * Math.cos(t1 + t2 - pi / 2.0);
  const phi1 =
    -m2 * l1 * lc2 * (dt2 * dt2) * sin2 -
    2 * m2 * l1 * lc2 * dt2 * dt1 * sin2 +
    (m1 * lc1 + m2 * l1) * g * Math.cos(t1 - pi / 2) +
    phi2;
  const ddt2 =
    (a + (d2 / d1) * phi1 - m2 * l1 * lc2 * (dt1 * dt1) * sin2 - phi2) /
    (m2 * lc2 ** 2 + I2 - (d2 * d2) / d1);
  const ddt1 = -(d2 * ddt2 + phi1) / d1;
  k[ko] = dt1;
  k[ko + 1] = dt2;
  k[ko + 2] = ddt1;
  k[ko + 3] = ddt2;
}

/** `wrap` of acrobot.py: shifts by whole turns into [m, M]. */
export function wrap(x: number, m: number, M: number): number {
  const diff = M - m;
  while (x > M) x = x - diff;
  while (x < m) x = x + diff;
  return x;
}

/** `bound` of acrobot.py: min(max(x, m), M) with Python's builtins (NaN passes through). */
const bound = (x: number, m: number, M: number) => {
  const lo = m > x ? m : x;
  return M < lo ? M : lo;
};

// Scratch for the four RK4 stages (k1..k4 at 0, 4, 8, 12) and the intermediate state: stepping allocates nothing.
const K = new Float64Array(16);
const Y = new Float64Array(4);

/** One step of `rk4(self._dsdt, s_augmented, [0, dt])` on s[o …], then wrapping and bounds, in place. */
export function acrobotDynamics(s: Float64Array, o: number, torque: number): void {
  const dt = ACROBOT.dt - 0; // t[1] - t[0]
  const dt2 = dt / 2.0;
  dsdt(s[o], s[o + 1], s[o + 2], s[o + 3], torque, K, 0);
  for (let i = 0; i < 4; i++) Y[i] = s[o + i] + dt2 * K[i];
  dsdt(Y[0], Y[1], Y[2], Y[3], torque, K, 4);
  for (let i = 0; i < 4; i++) Y[i] = s[o + i] + dt2 * K[4 + i];
  dsdt(Y[0], Y[1], Y[2], Y[3], torque, K, 8);
  for (let i = 0; i < 4; i++) Y[i] = s[o + i] + dt * K[8 + i];
  dsdt(Y[0], Y[1], Y[2], Y[3], torque, K, 12);
  const c = dt / 6.0;
  for (let i = 0; i < 4; i++) s[o + i] = s[o + i] + c * (K[i] + 2 * K[4 + i] + 2 * K[8 + i] + K[12 + i]);
  s[o] = wrap(s[o], -pi, pi);
  s[o + 1] = wrap(s[o + 1], -pi, pi);
  s[o + 2] = bound(s[o + 2], -ACROBOT.maxVel1, ACROBOT.maxVel1);
  s[o + 3] = bound(s[o + 3], -ACROBOT.maxVel2, ACROBOT.maxVel2);
}

/** `_terminal`: the tip is above the line one link length over the pivot. */
export const acrobotTerminal = (s: Float64Array, o: number) =>
  -Math.cos(s[o]) - Math.cos(s[o + 1] + s[o]) > 1.0;

export const ACROBOT_KERNEL: EnvKernel = {
  spec: ACROBOT_SPEC,
  stateSize: 4,
  reset(rng: Rng, s: Float64Array, o: number) {
    // np_random.uniform(low=-0.1, high=0.1, size=(4,)).astype(np.float32)
    for (let i = 0; i < 4; i++) s[o + i] = f32(-0.1 + (0.1 - -0.1) * rng.uniform());
  },
  step(s: Float64Array, o: number, a: ArrayLike<number>, ao: number, _f32: boolean, out: Transition) {
    acrobotDynamics(s, o, ACROBOT.availTorque[a[ao]]);
    out.terminated = acrobotTerminal(s, o);
    out.reward = out.terminated ? 0.0 : -1.0;
  },
  observe(s: Float64Array, o: number, obs: Float32Array, oo: number) {
    obs[oo] = Math.cos(s[o]);
    obs[oo + 1] = Math.sin(s[o]);
    obs[oo + 2] = Math.cos(s[o + 1]);
    obs[oo + 3] = Math.sin(s[o + 1]);
    obs[oo + 4] = s[o + 2];
    obs[oo + 5] = s[o + 3];
  },
  check: (action) => [checkDiscrete('Acrobot-v1', 3, action)],
};

/** Acrobot-v1: `reset(rng)`, `step(0 | 1 | 2)`; `state` = [θ1, θ2, θ̇1, θ̇2] in float64. */
export class Acrobot extends KernelEnv {
  constructor() {
    super(ACROBOT_KERNEL);
  }
}

/** n Acrobots with auto-reset (see `VecEnv`). */
export class VecAcrobot extends VecKernelEnv {
  constructor(n: number, rng: Rng) {
    super(ACROBOT_KERNEL, n, rng);
  }
}
