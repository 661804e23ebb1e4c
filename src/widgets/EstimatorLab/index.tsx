/**
 * Estimator lab (chapter 2): the exact policy gradient of a small MDP against Monte Carlo estimates from N sampled
 * trajectories, for the four classic estimators. Sampling runs in small chunks between frames.
 */
import { useMemo, useState } from 'react';
import {
  createRng,
  evaluatePolicy,
  pgEstimates,
  sampleTrajectory,
  softmaxPolicy,
  softmaxPolicyGradient,
} from '@/rl';
import {
  seedParam,
  Button,
  Controls,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  useChunkedRun,
  Chart,
  line,
  band,
  randomProblem,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(11),
  states: int({ min: 2, max: 8, default: 3, label: 'states' }),
  gamma: num({ min: 0.5, max: 0.95, step: 0.01, default: 0.8, label: 'γ' }),
  n: int({ min: 50, max: 5000, default: 1000, label: 'trajectories N' }),
});

const KEYS = ['total', 'rewardToGo', 'baseline', 'advantage'] as const;
type Key = (typeof KEYS)[number];
const PUBLISH_MS = 250;

interface Acc {
  n: number;
  sum: Record<Key, Float64Array>;
  sq: Record<Key, Float64Array>;
}

/** One chart row: error and variance of every estimator, and a ±2 s.e. band on the `focus` component. */
function summarise(a: Acc, exact: number[], focus: number): Record<string, number> {
  const row: Record<string, number> = { n: a.n };
  for (const k of KEYS) {
    let err = 0;
    let variance = 0;
    for (let j = 0; j < exact.length; j++) {
      const mean = a.sum[k][j] / a.n;
      err += (mean - exact[j]) ** 2;
      variance += a.n > 1 ? (a.sq[k][j] - a.n * mean * mean) / (a.n - 1) : 0;
    }
    row[`err_${k}`] = Math.sqrt(err);
    row[`var_${k}`] = variance;
  }
  for (const k of ['total', 'baseline'] as const) {
    const mean = a.sum[k][focus] / a.n;
    const v = a.n > 1 ? (a.sq[k][focus] - a.n * mean * mean) / (a.n - 1) : 0;
    const half = 2 * Math.sqrt(Math.max(0, v) / a.n);
    row[`mean_${k}`] = mean;
    row[`lo_${k}`] = mean - half;
    row[`hi_${k}`] = mean + half;
  }
  row.exact = exact[focus];
  return row;
}

export default function EstimatorLab({ id = 'pg' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const model = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: p.states, actions: 2, gamma: p.gamma });
    const { mdp, theta } = problem;
    const pi = softmaxPolicy(theta);
    const ev = evaluatePolicy(mdp, pi);
    const exact = softmaxPolicyGradient(mdp, theta).flat();
    const focus = exact.reduce((best, x, i) => (Math.abs(x) > Math.abs(exact[best]) ? i : best), 0);
    return { mdp, pi, ev, exact, focus, norm: Math.hypot(...exact) };
  }, [p.seed, p.states, p.gamma]);
  const [rows, setRows] = useState<Array<Record<string, number>>>([]);
  const [running, setRunning] = useState(true);
  const [runId, setRunId] = useState(0);

  // Sampling runs in ~8 ms slices (useChunkedRun) and publishes a chart row at most 4 times a second.
  useChunkedRun(
    `${p.seed}:${p.states}:${p.gamma}:${p.n}:${runId}`,
    () => {
      const dim = model.exact.length;
      const mk = () =>
        Object.fromEntries(KEYS.map((k) => [k, new Float64Array(dim)])) as Record<Key, Float64Array>;
      const a: Acc = { n: 0, sum: mk(), sq: mk() };
      const rng = createRng(p.seed + 1000);
      const published: Array<Record<string, number>> = [];
      return {
        done: () => a.n >= p.n,
        step: () => {
          const g = pgEstimates(model.pi, sampleTrajectory(model.mdp, model.pi, rng), model.mdp.gamma, {
            baseline: model.ev.V,
            advantage: model.ev.A,
          });
          a.n++;
          for (const k of KEYS) {
            const v = g[k];
            for (let j = 0; j < v.length; j++) {
              a.sum[k][j] += v[j];
              a.sq[k][j] += v[j] * v[j];
            }
          }
        },
        publish: () => {
          if (a.n > 0) published.push(summarise(a, model.exact, model.focus));
          setRows(published.slice());
          setRunning(a.n < p.n);
        },
      };
    },
    PUBLISH_MS,
  );

  const last = rows[rows.length - 1] ?? {};
  return (
    <WidgetShell
      title="Four estimators of the policy gradient"
      onReset={reset}
      description="Error of the sample mean ‖ĝ − ∇J‖ and per-trajectory variance (trace of the covariance) as trajectories accumulate. All four are unbiased; they differ in variance."
    >
      <Controls>
        <ParamControls inline specs={params} values={p} set={set} fields={['n', 'gamma', 'states', 'seed']} />
        <Button onClick={() => setRunId((r) => r + 1)} disabled={running}>
          Resample
        </Button>
      </Controls>
      <Readouts>
        <Readout label="‖∇J‖ exact" value={model.norm} testId="pg-exact-norm" />
        <Readout label="trajectories" value={last.n ?? 0} testId="pg-samples" />
        <Readout label="error, total return" value={last.err_total ?? NaN} testId="pg-error-total" />
        <Readout label="error, reward-to-go" value={last.err_rewardToGo ?? NaN} testId="pg-error-rtg" />
        <Readout label="error, baseline" value={last.err_baseline ?? NaN} testId="pg-error-baseline" />
        <Readout label="error, advantage" value={last.err_advantage ?? NaN} testId="pg-error-advantage" />
        <Readout label="variance, total return" value={last.var_total ?? NaN} testId="pg-var-total" />
        <Readout label="variance, reward-to-go" value={last.var_rewardToGo ?? NaN} testId="pg-var-rtg" />
        <Readout label="variance, baseline" value={last.var_baseline ?? NaN} testId="pg-var-baseline" />
        <Readout label="variance, advantage" value={last.var_advantage ?? NaN} testId="pg-var-advantage" />
        <Readout label="status" value={running ? 'sampling' : 'done'} testId="pg-status" />
      </Readouts>
      <Chart
        data={rows}
        x="n"
        xLabel="trajectories"
        yLabel="‖mean − exact‖"
        logY
        filename="pg-estimator-errors"
        caption="Error of each estimator's sample mean against the exact gradient (log scale)."
        layers={[
          line('err_total', 'total return'),
          line('err_rewardToGo', 'reward-to-go'),
          line('err_baseline', 'reward-to-go − V'),
          line('err_advantage', 'advantage'),
        ]}
      />
      <Chart
        data={rows}
        x="n"
        xLabel="trajectories"
        yLabel="∂J/∂θ"
        height={220}
        filename="pg-estimator-band"
        caption="One component of the gradient (the largest): the running mean of two estimators with ±2 standard-error bands, against the exact value."
        layers={[
          band('lo_total', 'hi_total', { label: 'total return ±2 s.e.', color: 'series-1' }),
          band('lo_baseline', 'hi_baseline', { label: 'reward-to-go − V ±2 s.e.', color: 'series-2' }),
          line('exact', 'exact', { width: 3 }),
          line('mean_total', 'total return'),
          line('mean_baseline', 'reward-to-go − V'),
        ]}
      />
      <Chart
        data={rows}
        x="n"
        xLabel="trajectories"
        yLabel="variance"
        logY
        height={200}
        filename="pg-estimator-variances"
        caption="Per-trajectory variance of each estimator (log scale)."
        layers={[
          line('var_total', 'total return'),
          line('var_rewardToGo', 'reward-to-go'),
          line('var_baseline', 'reward-to-go − V'),
          line('var_advantage', 'advantage'),
        ]}
      />
    </WidgetShell>
  );
}
