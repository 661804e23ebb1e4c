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

export function curve(setupValue: BoundSetup, tMax: number, points = 61) {
  return Array.from({ length: points }, (_, i) => {
    const t = (tMax * i) / (points - 1);
    const b = boundsAt(setupValue, t);
    return { t, J: b.J, L: b.L, tvBound: b.tvBound, klBound: b.klBound, alpha: b.alpha, klMax: b.klMax };
  });
}
