/** The bound explorer's numbers: a softmax policy moved along the (natural) gradient, with TRPO's bounds. */
import {
  randomMDP,
  randomTheta,
  softmaxNaturalGradient,
  softmaxPolicy,
  softmaxPolicyGradient,
  trpoBounds,
  type MDP,
  type TrpoBounds,
} from '@/rl';

export interface BoundSetup {
  mdp: MDP;
  theta0: number[][];
  dir: number[][];
}

export function setup(
  seed: number,
  states: number,
  actions: number,
  gamma: number,
  direction: 'gradient' | 'natural',
): BoundSetup {
  const mdp = randomMDP(seed, { states, actions, gamma });
  const theta0 = randomTheta(seed + 1, states, actions);
  const raw =
    direction === 'natural' ? softmaxNaturalGradient(mdp, theta0) : softmaxPolicyGradient(mdp, theta0);
  // Unit length, so the step size means the same thing for both directions and all MDPs.
  const norm = Math.sqrt(raw.flat().reduce((a, b) => a + b * b, 0)) || 1;
  return { mdp, theta0, dir: raw.map((r) => r.map((x) => x / norm)) };
}

export function boundsAt({ mdp, theta0, dir }: BoundSetup, t: number): TrpoBounds {
  const pi = softmaxPolicy(theta0);
  const piNew = softmaxPolicy(theta0.map((r, s) => r.map((x, a) => x + t * dir[s][a])));
  return trpoBounds(mdp, pi, piNew);
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
