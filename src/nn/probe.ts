/** Times the real update workload (one PPO minibatch step: hand-derived gradient + Adam) on the current backend. */
import * as tf from './tf';
import { initMlp } from './mlp';
import { ppoLossAndGrads } from './ppo-grads';
import { makeRng } from './rl-bridge';
import { FlatAdam, TfMlp } from './tf-net';

/**
 * Median milliseconds per train step at `batch` rows of an `obs`-input, `actions`-logit network with `hidden` units,
 * within about `budgetMs`; everything is disposed.
 */
export async function measureTrainStep(
  batch: number,
  hidden: number,
  budgetMs: number,
  obs: number,
  actions: number,
): Promise<number> {
  const rng = makeRng(12345);
  const a = new TfMlp(initMlp([obs, hidden, hidden, actions], 0.01, rng), 'probe_a');
  const c = new TfMlp(initMlp([obs, hidden, hidden, 1], 1, rng), 'probe_c');
  const opt = new FlatAdam([...a.vars, ...c.vars], 1e-4);
  const mb = tf.tidy(() => ({
    obs: tf.randomNormal([batch, obs], 0, 1, 'float32', 7) as tf.Tensor2D,
    action: tf.cast(
      tf.oneHot(tf.randomUniform([batch], 0, actions, 'int32', 8), actions),
      'float32',
    ) as tf.Tensor2D,
    oldLogp: tf.fill([batch], -Math.log(actions)) as tf.Tensor1D,
    adv: tf.randomNormal([batch], 0, 1, 'float32', 9) as tf.Tensor1D,
    ret: tf.randomNormal([batch], 0, 1, 'float32', 10) as tf.Tensor1D,
    oldVal: tf.zeros([batch]) as tf.Tensor1D,
  }));
  const coefs = { clip: 0.2, entCoef: 0, vfCoef: 0.5, clipVloss: true };
  const step = async () => {
    const out = tf.tidy(() => {
      const { grads, stats } = ppoLossAndGrads(a.vars, c.vars, mb, coefs);
      opt.apply(grads, 0.5).dispose();
      return stats.loss;
    });
    await out.data();
    out.dispose();
  };
  const times: number[] = [];
  try {
    await step(); // warm-up: shader compilation, wasm kernels
    const t0 = performance.now();
    while (times.length < 30 && performance.now() - t0 < budgetMs) {
      const s = performance.now();
      await step();
      times.push(performance.now() - s);
    }
  } finally {
    a.dispose();
    c.dispose();
    opt.dispose();
    Object.values(mb).forEach((t) => t.dispose());
  }
  times.sort((p, q) => p - q);
  return times[Math.floor(times.length / 2)] ?? Infinity;
}
