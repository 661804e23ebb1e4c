/**
 * The squashed Gaussian (chapter 10): a = c·tanh(u), u ~ N(μ, σ²). A histogram of samples against the density with
 * the log-det correction of the change of variables, and against what the uncorrected log-prob claims the density is.
 */
import { useMemo } from 'react';
import {
  createRng,
  squashedDensity,
  squashedDensityUncorrected,
  squashedLogProb,
  squashedLogProbUncorrected,
  squashedMoments,
} from '@/rl';
import {
  Chart,
  Controls,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  histogram,
  line,
  seedParam,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  mu: num({ min: -3, max: 3, step: 0.1, default: 1, label: 'μ' }),
  sigma: num({ min: 0.1, max: 3, step: 0.01, default: 1, log: true, label: 'σ' }),
  scale: num({ min: 0.5, max: 3, step: 0.5, default: 1, label: 'action bound c' }),
  samples: int({ min: 1000, max: 100_000, default: 20_000, log: true, label: 'samples' }),
  bins: int({ min: 10, max: 80, default: 40, label: 'bins' }),
  seed: seedParam(1),
});
/** One row of the chart: a histogram bar (x0, x1, density) or a point of the two curves (corrected, uncorrected). */
interface Row {
  a: number;
  x0?: number;
  x1?: number;
  density?: number;
  corrected?: number;
  uncorrected?: number;
}
/** Points of the density curves across (−c, c). */
const GRID = 240;

export default function SquashedGaussian({ id = 'sq' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const { mu, sigma, scale: c } = p;
  const moments = useMemo(() => squashedMoments(mu, sigma, c), [mu, sigma, c]);
  const sample = useMemo(() => {
    // 100 000 draws cost a few milliseconds: no need to slice.
    const rng = createRng(p.seed);
    const counts = new Array<number>(p.bins).fill(0);
    let first = { u: 0, a: 0 };
    for (let i = 0; i < p.samples; i++) {
      const u = mu + sigma * rng.normal();
      const a = c * Math.tanh(u);
      if (i === 0) first = { u, a };
      counts[Math.min(p.bins - 1, Math.max(0, Math.floor(((a + c) / (2 * c)) * p.bins)))]++;
    }
    const width = (2 * c) / p.bins;
    const bars = counts.map((n, k) => ({
      x0: -c + k * width,
      x1: -c + (k + 1) * width,
      density: n / (p.samples * width),
    }));
    return { bars, first };
  }, [mu, sigma, c, p.samples, p.bins, p.seed]);
  const curves = useMemo(
    () =>
      Array.from({ length: GRID }, (_, i) => {
        const a = -c + ((i + 0.5) * 2 * c) / GRID;
        return {
          a,
          corrected: squashedDensity(a, mu, sigma, c),
          uncorrected: squashedDensityUncorrected(a, mu, sigma, c),
        };
      }),
    [mu, sigma, c],
  );
  const chartRows: Row[] = [
    ...sample.bars.map((b) => ({ a: (b.x0 + b.x1) / 2, x0: b.x0, x1: b.x1, density: b.density })),
    ...curves,
  ];
  const { u, a } = sample.first;
  return (
    <WidgetShell
      title="The squashed Gaussian"
      onReset={reset}
      description="u ~ N(μ, σ²) and a = c·tanh(u). The corrected density divides the Gaussian's by c(1 − tanh²u); the uncorrected one forgets to."
    >
      <Controls>
        <ParamControls specs={params} values={p} set={set} format={{ sigma: (v) => v.toFixed(2) }} />
      </Controls>
      <Chart
        caption="Histogram of squashed samples against the density with and without the log-det correction"
        data={chartRows}
        x="a"
        xLabel="action a"
        yLabel="density"
        xDomain={[-c, c]}
        layers={[
          histogram('density', 'x0', 'x1', 'histogram of samples', { data: sample.bars }),
          line('corrected', 'density with log-det', { data: curves }),
          line('uncorrected', 'N(atanh(a/c); μ, σ²), no correction', { data: curves, dashed: true }),
        ]}
        filename="squashed-gaussian"
      />
      <Readouts>
        <Readout
          label="mass of the uncorrected curve on (−c, c)"
          value={moments.uncorrectedMass}
          testId="sq-mass"
          digits={4}
        />
        <Readout label="entropy of a" value={moments.entropy} testId="sq-entropy" digits={4} />
        <Readout
          label="entropy without the correction (Gaussian's)"
          value={moments.entropyUncorrected}
          testId="sq-entropy-gauss"
          digits={4}
        />
        <Readout
          label="mean log-det E[log c(1 − tanh²u)]"
          value={moments.meanLogDet}
          testId="sq-logdet"
          digits={4}
        />
        <Readout label="P(|a| > 0.99c)" value={moments.massNearBounds} testId="sq-near" digits={4} />
        <Readout label="E[a]" value={moments.mean} testId="sq-mean" digits={4} />
        <Readout label="first sample a" value={a} testId="sq-first-a" digits={4} />
        <Readout
          label="its log π(a), corrected"
          value={squashedLogProb(u, mu, sigma, c)}
          testId="sq-first-logp"
          digits={4}
        />
        <Readout
          label="its log π(a), uncorrected"
          value={squashedLogProbUncorrected(u, mu, sigma)}
          testId="sq-first-logp-raw"
          digits={4}
        />
      </Readouts>
    </WidgetShell>
  );
}
