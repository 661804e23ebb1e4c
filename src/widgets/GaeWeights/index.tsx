/** GAE weights (chapter 7): (1 − λ)λ^{k−1} on the k-step estimators, and the telescoping identity evaluated. */
import { useMemo } from 'react';
import {
  createRng,
  evaluatePolicy,
  gaeFromTrajectory,
  kStepAdvantage,
  randomMDP,
  randomTheta,
  sampleTrajectory,
  softmaxPolicy,
} from '@/rl';
import { Controls, LineChart, Readout, Readouts, ParamSlider, WidgetShell } from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  lambda: num({ min: 0, max: 0.99, step: 0.01, default: 0.9 }),
  seed: int({ min: 0, max: 9999, default: 2 }),
});
const T = 60;

export default function GaeWeights({ id = 'gaew' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const r = useMemo(() => {
    const mdp = randomMDP(p.seed, { states: 4, actions: 2, gamma: 0.9 });
    const pi = softmaxPolicy(randomTheta(p.seed + 1, 4, 2));
    const V = evaluatePolicy(mdp, pi).V.map((v, i) => v + 0.3 * Math.sin(i + 1)); // an imperfect critic
    const tr = sampleTrajectory(mdp, pi, createRng(p.seed + 2), { horizon: T });
    // Weighted average of k-step estimators at t = 0; the last weight collects the tail so the weights sum to 1.
    let avg = 0;
    const weights: Array<{ k: number; weight: number; estimator: number }> = [];
    for (let k = 1; k <= T; k++) {
      const w = k < T ? (1 - p.lambda) * p.lambda ** (k - 1) : p.lambda ** (T - 1);
      const est = kStepAdvantage(tr, V, mdp.gamma, 0, k);
      avg += w * est;
      if (k <= 30) weights.push({ k, weight: w, estimator: est });
    }
    const telescoped = gaeFromTrajectory(tr, V, mdp.gamma, p.lambda)[0];
    return { weights, avg, telescoped };
  }, [p.lambda, p.seed]);
  return (
    <WidgetShell
      title="GAE as an average of k-step estimators"
      onReset={reset}
      description="The weights (1 − λ)λ^(k−1) on the k-step estimators, and the two sides of the telescoping identity at t = 0 of a sampled trajectory."
    >
      <Controls>
        <ParamSlider label="λ" name="lambda" specs={params} values={p} set={set} />
        <ParamSlider label="seed" name="seed" specs={params} values={p} set={set} />
      </Controls>
      <Readouts>
        <Readout label="Σₖ (1−λ)λ^(k−1) Â⁽ᵏ⁾" value={r.avg} testId="gae-weighted-sum" digits={12} />
        <Readout label="Σₗ (γλ)ˡ δₗ" value={r.telescoped} testId="gae-telescoped" digits={12} />
      </Readouts>
      <LineChart
        data={r.weights}
        xKey="k"
        xLabel="k"
        yLabel="weight"
        filename="gae-weights"
        caption="Weight of the k-step estimator in GAE(γ, λ)."
        series={[{ key: 'weight', label: '(1 − λ)λ^(k−1)', dots: true }]}
        height={200}
      />
    </WidgetShell>
  );
}
