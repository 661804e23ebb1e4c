/**
 * A continuing task cut by a time limit (chapter 7): reward 1 at every step, nothing ever terminates, so with the
 * exact critic V ≡ 1/(1 − γ) every TD residual is zero and so is every advantage. An episode of T steps is
 * truncated at the time limit. Computing GAE with `gae` of the training code two ways:
 *  - bootstrap (correct): the last step is a truncation, δ_{T−1} = 1 + γ V(s_T) − V(s_{T−1}) = 0;
 *  - treat as terminal (the single `done` flag): δ_{T−1} = 1 − V = −γ/(1 − γ), and the recursion carries it back,
 *    Â_t = −(γλ)^(T−1−t) γ/(1 − γ).
 */
import { gae } from '@/rl';

export function truncationAdvantages(gamma: number, lambda: number, T: number) {
  const V = 1 / (1 - gamma);
  const rewards = new Array<number>(T).fill(1);
  const values = new Array<number>(T).fill(V);
  const last = (t: number) => (t === T - 1 ? 1 : 0);
  const common = { rewards, values, nextValues: values, gamma, lambda };
  const bootstrap = gae({
    ...common,
    terminated: new Array<number>(T).fill(0),
    truncated: rewards.map((_, t) => last(t)),
  });
  const terminal = gae({
    ...common,
    terminated: rewards.map((_, t) => last(t)),
    truncated: new Array<number>(T).fill(0),
  });
  const formula = rewards.map((_, t) => -((gamma * lambda) ** (T - 1 - t)) * gamma * V);
  return { V, bootstrap, terminal, formula };
}
