/**
 * Three ways to improve a policy with exact quantities (chapter 5). The policy is a softmax over linear features,
 * logits(s, a) = φ(s, a)·w with 3 shared parameters, so that, as with neural networks, one step moves every state
 * at once (with a tabular softmax, huge gradient steps approach policy iteration and never hurt):
 * (a) the penalty method with the theoretical C: the natural-gradient step maximising L − C·KLmax;
 * (b) the trust region: the largest natural-gradient step with mean KL ≤ δ, backtracked until L improves;
 * (c) vanilla gradient ascent w ← w + η∇J, which can overshoot and fall.
 * The policy class and the two exact update rules are in src/rl/linear-softmax.ts.
 */
import {
  createRng,
  evaluatePolicy,
  linearSoftmaxGradient,
  linearSoftmaxPolicy,
  penaltyStep,
  trustRegionStep,
  type Features,
} from '@/rl';
import { randomProblem } from '@/widgets/common/random-problem';

const D = 3;

const step = (w: number[], d: number[], t: number) => w.map((x, i) => x + t * d[i]);

export type RaceRow = {
  iteration: number;
  penalty: number;
  trust: number;
  vanilla: number;
};

export function race(seed: number, gamma: number, delta: number, eta: number, iterations = 30): RaceRow[] {
  // The kit's MDP; the policy is not its tabular softmax but linear features drawn from seed + 1.
  const { mdp } = randomProblem({ seed, states: 6, actions: 3, gamma });
  const rng = createRng(seed + 1);
  const phi: Features = Array.from({ length: 6 }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: D }, () => rng.normal())),
  );
  const start = Array.from({ length: D }, () => rng.normal());
  let a = start;
  let b = start;
  let c = start;
  const J = (w: number[]) => evaluatePolicy(mdp, linearSoftmaxPolicy(phi, w)).J;
  const rows: RaceRow[] = [{ iteration: 0, penalty: J(a), trust: J(b), vanilla: J(c) }];
  for (let k = 1; k <= iterations; k++) {
    a = penaltyStep(mdp, phi, a);
    b = trustRegionStep(mdp, phi, b, delta);
    c = step(c, linearSoftmaxGradient(mdp, phi, c), eta);
    rows.push({ iteration: k, penalty: J(a), trust: J(b), vanilla: J(c) });
  }
  return rows;
}
