/** The expected grad-log-prob lemma (chapter 2): the sample mean of ∇ log π shrinks like 1/√N. */
import { useMemo } from 'react';
import { createRng, randomTheta, softmaxPolicy } from '@/rl';
import { seedParam, Readout, Readouts, ParamControls, WidgetShell, Chart, line } from '@/widgets/common';
import { defineParams, int, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(1),
  actions: int({ min: 2, max: 8, default: 4, label: 'actions' }),
  n: int({ min: 10, max: 100000, default: 10000, label: 'samples N' }),
});

export default function ZeroMeanLemma({ id = 'eglp' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const { rows, last, sd } = useMemo(() => {
    const pi = softmaxPolicy(randomTheta(p.seed, 1, p.actions, 1.5))[0];
    const rng = createRng(p.seed + 1);
    const sum = new Float64Array(p.actions);
    const rows: Array<{ n: number; norm: number; reference: number }> = [];
    // Per-sample variance of the score: sum_b Var(1[a=b] − π_b) = sum_b π_b(1 − π_b).
    const sd = Math.sqrt(pi.reduce((acc, q) => acc + q * (1 - q), 0));
    let next = 10;
    let norm = 0;
    for (let i = 1; i <= p.n; i++) {
      const a = rng.categorical(pi);
      for (let b = 0; b < p.actions; b++) sum[b] += (a === b ? 1 : 0) - pi[b];
      if (i === next || i === p.n) {
        norm = Math.hypot(...sum) / i;
        rows.push({ n: i, norm, reference: sd / Math.sqrt(i) });
        next = Math.ceil(next * 1.25);
      }
    }
    return { rows, last: norm, sd };
  }, [p.seed, p.actions, p.n]);
  return (
    <WidgetShell
      title="The score has mean zero"
      onReset={reset}
      description="Draw N actions from a softmax policy and average ∇_θ log π(a): its norm shrinks like σ/√N, σ² = Σ π(a)(1 − π(a))."
    >
      <ParamControls specs={params} values={p} set={set} fields={['n', 'actions', 'seed']} />
      <Readouts>
        <Readout label="‖mean of ∇ log π‖" value={last} testId="eglp-mean" />
        <Readout label="σ/√N" value={sd / Math.sqrt(p.n)} testId="eglp-reference" />
      </Readouts>
      <Chart
        data={rows}
        x="n"
        xLabel="N"
        yLabel="norm"
        logY
        filename="eglp"
        caption="Norm of the sample mean of the score against σ/√N."
        layers={[line('norm', '‖sample mean‖'), line('reference', 'σ/√N', { dashed: true })]}
      />
    </WidgetShell>
  );
}
