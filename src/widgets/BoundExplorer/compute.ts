/** The bound explorer's numbers: a softmax policy moved along the (natural) gradient, with TRPO's bounds. */
import {
  decodeInstance,
  softmaxNaturalGradient,
  softmaxPolicy,
  softmaxPolicyGradient,
  trpoBounds,
  type LabInstance,
  type MDP,
  type TrpoBounds,
} from '@/rl';
import { randomProblem } from '@/widgets/common/random-problem';

export interface BoundSetup {
  mdp: MDP;
  theta0: number[][];
  dir: number[][];
  /** An instance from a link: the path is (1 − t)θ0 + t·target, so step 1 is exactly the instance's π′. */
  target?: number[][];
}

/** The path from a "break this theorem" instance's π to its π′ (step 1 is π′). */
export function instanceSetup(inst: LabInstance): BoundSetup {
  const { mdp, theta, thetaNew } = decodeInstance(inst);
  return {
    mdp,
    theta0: theta,
    dir: thetaNew.map((r, s) => r.map((x, a) => x - theta[s][a])),
    target: thetaNew,
  };
}

/** The parameters θ′ at step t. */
export function thetaAt({ theta0, dir, target }: BoundSetup, t: number): number[][] {
  return target
    ? theta0.map((r, s) => r.map((x, a) => (1 - t) * x + t * target[s][a]))
    : theta0.map((r, s) => r.map((x, a) => x + t * dir[s][a]));
}

export function setup(
  seed: number,
  states: number,
  actions: number,
  gamma: number,
  direction: 'gradient' | 'natural',
): BoundSetup {
  const { mdp, theta: theta0 } = randomProblem({ seed, states, actions, gamma });
  const raw =
    direction === 'natural' ? softmaxNaturalGradient(mdp, theta0) : softmaxPolicyGradient(mdp, theta0);
  // Unit length, so the step size means the same thing for both directions and all MDPs.
  const norm = Math.sqrt(raw.flat().reduce((a, b) => a + b * b, 0)) || 1;
  return { mdp, theta0, dir: raw.map((r) => r.map((x) => x / norm)) };
}

export function boundsAt(setupValue: BoundSetup, t: number): TrpoBounds {
  const pi = softmaxPolicy(setupValue.theta0);
  const piNew = softmaxPolicy(thetaAt(setupValue, t));
  return trpoBounds(setupValue.mdp, pi, piNew);
}

/** What the shaded region of the chart means (legend, caption and accessible name say the same). */
export const SHADE_LABEL = "below both bounds: where the theorem says J(π') cannot be";

/** The larger of the two lower bounds: the guaranteed floor for J(π'). */
export function floorOf(b: Pick<TrpoBounds, 'tvBound' | 'klBound'>): number {
  return Math.max(b.tvBound, b.klBound);
}

export interface CurvePoint {
  t: number;
  J: number;
  L: number;
  tvBound: number;
  klBound: number;
  /** max(tvBound, klBound): the chart shades everything below it. */
  floor: number;
  alpha: number;
  klMax: number;
}

export function curve(setupValue: BoundSetup, tMax: number, points = 61): CurvePoint[] {
  return Array.from({ length: points }, (_, i) => {
    const t = (tMax * i) / (points - 1);
    const b = boundsAt(setupValue, t);
    return {
      t,
      J: b.J,
      L: b.L,
      tvBound: b.tvBound,
      klBound: b.klBound,
      floor: floorOf(b),
      alpha: b.alpha,
      klMax: b.klMax,
    };
  });
}
