/** Times the real update workload (one PPO-style minibatch train step) on the current tfjs backend. */
import * as tf from '@tensorflow/tfjs';
import { initMlp } from './mlp';
import { makeRng } from './rl-bridge';
import { clipByGlobalNorm, makeAdam, TfMlp } from './tf-net';

/** Median milliseconds per train step at `batch` rows, within about `budgetMs`; everything is disposed. */
export async function measureTrainStep(batch: number, hidden: number, budgetMs: number): Promise<number> {
  const rng = makeRng(12345);
  const a = new TfMlp(initMlp([4, hidden, hidden, 2], 0.01, rng), 'probe_a');
  const c = new TfMlp(initMlp([4, hidden, hidden, 1], 1, rng), 'probe_c');
  const opt = makeAdam(1e-4);
  const x = tf.randomNormal([batch, 4], 0, 1, 'float32', 7) as tf.Tensor2D;
  const y = tf.randomNormal([batch], 0, 1, 'float32', 8);
  const vars = [...a.vars, ...c.vars];
  const step = async () => {
    const out = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const lp = tf.logSoftmax(a.apply(x));
        const v = tf.reshape(c.apply(x), [-1]);
        return tf.add(tf.mean(tf.mul(tf.sum(lp, 1), y)), tf.mean(tf.square(tf.sub(v, y)))) as tf.Scalar;
      }, vars);
      opt.applyGradients(clipByGlobalNorm(grads, 0.5).grads);
      return value;
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
    x.dispose();
    y.dispose();
  }
  times.sort((p, q) => p - q);
  return times[Math.floor(times.length / 2)] ?? Infinity;
}
