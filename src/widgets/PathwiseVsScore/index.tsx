/**
 * Pathwise against score-function gradients (chapter 10): d/dμ E[Q(a)], a ~ N(μ, σ²), estimated from the same
 * samples by Q'(a) (reparameterisation) and by Q(a)(a − μ)/σ² (likelihood ratio, optionally with the baseline Q(μ)).
 * Running means and variances as samples accumulate, against the exact gradient and the exact variances of src/rl.
 */
import { useMemo, useState } from 'react';
import {
  createRng,
  criticValue,
  gaussianGradientMoments,
  gaussianGradientSample,
  type ActionCritic,
} from '@/rl';
import {
  Chart,
  Controls,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  seedParam,
  useChunkedRun,
} from '@/widgets/common';
import { bool, defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  critic: oneOf(['quadratic', 'sine', 'step'] as const, 'quadratic', {
    label: 'critic Q(a)',
    labels: { quadratic: '−(a − a₀)² + b₀', sine: 'sin(ωa) + b₀', step: '1[a ≥ a₀] + b₀' },
  }),
  c: num({ min: -2, max: 2, step: 0.1, default: 1, label: 'a₀' }),
  omega: num({ min: 0.5, max: 5, step: 0.1, default: 2, label: 'ω' }),
  offset: num({ min: -10, max: 10, step: 0.5, default: 0, label: 'offset b₀' }),
  mu: num({ min: -2, max: 2, step: 0.05, default: 0, label: 'μ' }),
  sigma: num({ min: 0.01, max: 2, step: 0.01, default: 0.5, log: true, label: 'σ' }),
  baseline: bool(false, { label: 'score function with baseline Q(μ)' }),
  samples: int({ min: 100, max: 100_000, default: 10_000, log: true, label: 'samples' }),
  seed: seedParam(1),
});

/** Checkpoints of the running curves: about 12 per decade, and the last sample. */
function checkpoints(n: number): number[] {
  const out = new Set<number>();
  for (let e = 0; e <= 5 * 12; e++) {
    const k = Math.round(10 ** (e / 12));
    if (k >= 2 && k <= n) out.add(k);
  }
  out.add(n);
  return [...out].sort((a, b) => a - b);
}

interface RunRow {
  n: number;
  pathMean: number;
  scoreMean: number;
  pathVar: number;
  scoreVar: number;
}

/** Welford's running mean and variance. */
class Running {
  n = 0;
  mean = 0;
  m2 = 0;
  add(x: number) {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  get variance() {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }
}

export default function PathwiseVsScore({ id = 'pvs' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const critic: ActionCritic = useMemo(
    () =>
      p.critic === 'sine'
        ? { kind: 'sine', omega: p.omega, offset: p.offset }
        : { kind: p.critic, c: p.c, offset: p.offset },
    [p.critic, p.c, p.omega, p.offset],
  );
  const b = p.baseline ? criticValue(critic, p.mu) : 0;
  const exact = useMemo(() => gaussianGradientMoments(critic, p.mu, p.sigma, b), [critic, p.mu, p.sigma, b]);
  const score = p.baseline ? exact.scoreBaseline : exact.score;

  const [rows, setRows] = useState<RunRow[]>([]);
  const key = JSON.stringify([critic, p.mu, p.sigma, b, p.samples, p.seed]);
  useChunkedRun(key, () => {
    const rng = createRng(p.seed);
    const marks = checkpoints(p.samples);
    const path = new Running();
    const sf = new Running();
    const out: RunRow[] = [];
    let next = 0;
    return {
      step: () => {
        for (let i = 0; i < 500 && path.n < p.samples; i++) {
          const [g, , gb] = gaussianGradientSample(critic, p.mu, p.sigma, rng.normal(), b);
          path.add(g);
          sf.add(gb);
          if (path.n === marks[next]) {
            out.push({
              n: path.n,
              pathMean: path.mean,
              scoreMean: sf.mean,
              pathVar: path.variance,
              scoreVar: sf.variance,
            });
            next++;
          }
        }
      },
      done: () => path.n >= p.samples,
      publish: () => setRows(out.slice()),
    };
  });
  const lastRow = rows[rows.length - 1];
  const meanRows = rows.map((r) => ({ ...r, logN: Math.log10(r.n), exact: exact.gradient }));
  const varRows = rows.map((r) => ({
    n: r.n,
    logN: Math.log10(r.n),
    pathVar: Math.max(r.pathVar, 1e-12),
    scoreVar: Math.max(r.scoreVar, 1e-12),
    exactPath: Math.max(exact.pathwise.variance, 1e-12),
    exactScore: Math.max(score.variance, 1e-12),
  }));
  return (
    <WidgetShell
      title="Pathwise against score-function gradients"
      onReset={reset}
      description="One Gaussian action a = μ + σξ and a fixed critic Q. Both estimators use the same draws of ξ."
    >
      <Controls>
        <ParamControls
          specs={params}
          values={p}
          set={set}
          disabled={{ c: p.critic === 'sine', omega: p.critic !== 'sine' }}
          format={{ sigma: (v) => v.toFixed(2) }}
        />
      </Controls>
      <Readouts>
        <Readout label="exact ∂/∂μ E[Q(a)]" value={exact.gradient} testId="pvs-exact" digits={4} />
        <Readout
          label="Q′(μ), the deterministic gradient"
          value={exact.deterministic}
          testId="pvs-deterministic"
          digits={4}
        />
        <Readout
          label="pathwise: mean of one sample"
          value={exact.pathwise.mean}
          testId="pvs-exact-mean-pw"
          digits={4}
        />
        <Readout
          label="pathwise variance (exact)"
          value={exact.pathwise.variance}
          testId="pvs-var-pw"
          digits={4}
        />
        <Readout
          label="score-function variance (exact)"
          value={score.variance}
          testId="pvs-var-sf"
          digits={4}
        />
        <Readout label="samples drawn" value={lastRow?.n ?? 0} testId="pvs-n" />
        <Readout
          label="pathwise running mean"
          value={lastRow?.pathMean ?? NaN}
          testId="pvs-mean-pw"
          digits={4}
        />
        <Readout
          label="score running mean"
          value={lastRow?.scoreMean ?? NaN}
          testId="pvs-mean-sf"
          digits={4}
        />
        <Readout
          label="pathwise sample variance"
          value={lastRow?.pathVar ?? NaN}
          testId="pvs-svar-pw"
          digits={4}
        />
        <Readout
          label="score sample variance"
          value={lastRow?.scoreVar ?? NaN}
          testId="pvs-svar-sf"
          digits={4}
        />
      </Readouts>
      <Chart
        caption="Running means of the two estimators against the exact gradient"
        data={meanRows}
        x="logN"
        xLabel="log₁₀ samples"
        layers={[
          line('pathMean', 'pathwise mean', { dots: true }),
          line('scoreMean', p.baseline ? 'score mean (baseline Q(μ))' : 'score mean', { dots: true }),
          line('exact', 'exact gradient', { dashed: true }),
        ]}
        filename="gradient-means"
      />
      <Chart
        caption="Sample variances of one estimate against the exact variances (log scale; 1e-12 stands for 0)"
        data={varRows}
        x="logN"
        xLabel="log₁₀ samples"
        logY
        layers={[
          line('pathVar', 'pathwise sample variance'),
          line('scoreVar', 'score sample variance'),
          line('exactPath', 'pathwise exact', { dashed: true }),
          line('exactScore', 'score exact', { dashed: true }),
        ]}
        filename="gradient-variances"
      />
    </WidgetShell>
  );
}
