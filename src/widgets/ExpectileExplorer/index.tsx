/**
 * Expectile explorer (chapter 11): returns sampled from a two-mode mixture (seeded), their tau-expectile and
 * tau-quantile as tau moves, and the limit tau -> 1 (the expectile climbs to the largest sample, within the bound
 * ((1 - tau) / tau) (max - min) / p_max proved in the chapter).
 */
import { useMemo } from 'react';
import { createRng, expectile, expectileResidual, quantile } from '@/rl';
import {
  Chart,
  DataTable,
  ExportMenu,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  rule,
  seedParam,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  tau: num({ min: 0.01, max: 0.999, step: 0.001, default: 0.9, label: 'τ' }),
  n: int({ min: 2, max: 500, default: 50, label: 'samples n' }),
  upper: num({ min: 0.02, max: 0.98, step: 0.02, default: 0.2, label: 'upper-mode probability p' }),
  gap: num({ min: 0, max: 10, step: 0.5, default: 4, label: 'gap between the modes' }),
  seed: seedParam(1),
});

/** tau on a grid fine near 1, where the expectile moves fastest. */
const TAUS = [
  ...Array.from({ length: 49 }, (_, i) => 0.02 * (i + 1) - 0.01),
  0.985,
  0.99,
  0.995,
  0.998,
  0.999,
];

/** n returns: N(0, 1) with probability 1 - upper, N(gap, 1) with probability upper. */
function sampleReturns(n: number, upper: number, gap: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => (rng.uniform() < upper ? gap : 0) + rng.normal());
}

export default function ExpectileExplorer({ id = 'expectile' }: { id?: string }) {
  const [v, set, reset] = useUrlParams(id, params);
  const xs = useMemo(() => sampleReturns(v.n, v.upper, v.gap, v.seed), [v.n, v.upper, v.gap, v.seed]);
  const max = Math.max(...xs);
  const min = Math.min(...xs);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const pMax = xs.filter((x) => x === max).length / xs.length;
  const m = expectile(xs, v.tau);
  const q = quantile(xs, v.tau);
  const bound = (((1 - v.tau) / v.tau) * (max - min)) / pMax;
  const curve = useMemo(
    () => TAUS.map((t) => ({ tau: t, expectile: expectile(xs, t), quantile: quantile(xs, t) })),
    [xs],
  );
  const sorted = [...xs].sort((a, b) => a - b);
  return (
    <WidgetShell
      title="Expectiles and quantiles of a sample of returns"
      onReset={reset}
      description="n returns drawn from a mixture: N(0, 1) with probability 1 − p, N(gap, 1) with probability p. The τ-expectile minimises the asymmetric squared loss |τ − 1{u < 0}| u² of u = x − m; the τ-quantile minimises the asymmetric absolute loss."
    >
      <ParamControls specs={params} values={v} set={set} />
      <Readouts>
        <Readout label="τ-expectile m_τ" value={m} testId="expectile-value" />
        <Readout label="τ-quantile" value={q} testId="expectile-quantile" />
        <Readout label="mean (m at τ = ½)" value={mean} testId="expectile-mean" />
        <Readout label="max of the sample" value={max} testId="expectile-max" />
        <Readout label="max − m_τ" value={max - m} testId="expectile-gap" />
        <Readout label="bound ((1−τ)/τ)(max − min)/p_max" value={bound} testId="expectile-bound" />
        <Readout
          label="g(m_τ) (zero at the expectile)"
          value={expectileResidual(xs, m, v.tau)}
          testId="expectile-residual"
        />
      </Readouts>
      <Chart
        data={curve}
        x="tau"
        xLabel="τ"
        yLabel="return"
        layers={[
          rule({ x: v.tau, label: 'τ' }),
          rule({ y: max, label: 'max', color: 'ok' }),
          rule({ y: mean, label: 'mean', color: 'muted' }),
          line('expectile', 'τ-expectile', { color: 'series-0' }),
          line('quantile', 'τ-quantile', { color: 'series-1', dashed: true }),
        ]}
        xDomain={[0, 1]}
        filename="expectile-curve"
        caption="The τ-expectile and the τ-quantile of the sample against τ; the expectile reaches the mean at τ = ½ and the maximum as τ → 1"
      />
      <DataTable rows={sorted.map((x, i) => ({ rank: i + 1, return: x }))} caption="The sample, sorted" />
      <ExportMenu filename="expectile-sample" rows={() => xs.map((x, i) => ({ i, return: x }))} />
    </WidgetShell>
  );
}
