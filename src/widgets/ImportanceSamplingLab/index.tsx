/**
 * Importance-sampling lab (chapter 3): trajectories of the old policy π scored two ways, with one ratio per step
 * (an estimate of the surrogate, L_π(π′) − J(π)) and with the product of the ratios so far (the per-decision
 * estimator of J(π′) − J(π)). Running means with ±2 standard-error bands and sample variances, against the exact
 * means and variances from src/rl. Sampling runs in slices (useChunkedRun), so the page never blocks.
 */
import { useMemo, useState } from 'react';
import {
  createRng,
  defaultHorizon,
  evaluatePolicy,
  importanceMoments,
  productWeightGrowth,
  sampleImportanceEstimates,
  softmaxPolicy,
  surrogate,
} from '@/rl';
import {
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

const STATES = 5;
const ACTIONS = 3;
const params = defineParams({
  seed: int({ min: 0, max: 9999, default: 1, label: 'MDP seed' }),
  gamma: num({ min: 0.5, max: 0.95, step: 0.01, default: 0.8, label: 'γ' }),
  move: num({ min: 0, max: 1, step: 0.05, default: 1, label: 'move π′ from π (0) to the target policy (1)' }),
  // Steps of 100, so that the arrow keys move N by a visible amount.
  n: num({ min: 100, max: 200000, step: 100, default: 20000, label: 'trajectories N' }),
  draw: int({ min: 0, max: 9999, default: 1, label: 'sampling seed' }),
});
const ROWS = 200;

/** Welford's running mean and sum of squared deviations (stable even for the product's huge values). */
interface Running {
  mean: number;
  m2: number;
}
const push = (r: Running, x: number, n: number) => {
  const d = x - r.mean;
  r.mean += d / n;
  r.m2 += d * (x - r.mean);
};
const variance = (r: Running, n: number) => (n > 1 ? r.m2 / (n - 1) : NaN);
const halfWidth = (r: Running, n: number) => (n > 1 ? 2 * Math.sqrt(variance(r, n) / n) : NaN);

type ChartRow = Record<string, number>;

export default function ImportanceSamplingLab({ id = 'is' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const model = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: STATES, actions: ACTIONS, gamma: p.gamma });
    const { mdp, theta } = problem;
    const target = problem.otherTheta();
    const pi = softmaxPolicy(theta);
    // π′ moves along the straight line in parameter space from θ (move = 0) to the target θ′ (move = 1).
    const piNew = softmaxPolicy(theta.map((row, s) => row.map((x, a) => x + p.move * (target[s][a] - x))));
    const ev = evaluatePolicy(mdp, pi);
    const horizon = defaultHorizon(p.gamma);
    const moments = importanceMoments(mdp, pi, piNew, ev.A, horizon);
    const growth = productWeightGrowth(mdp, pi, piNew);
    return {
      mdp,
      pi,
      piNew,
      A: ev.A,
      horizon,
      moments,
      exactL: surrogate(mdp, pi, piNew) - ev.J,
      exactJ: evaluatePolicy(mdp, piNew).J - ev.J,
      g2lambda: p.gamma * p.gamma * growth.lambda,
    };
  }, [p.seed, p.gamma, p.move]);

  const N = Math.max(1, Math.round(p.n));
  const [state, setState] = useState<{ rows: ChartRow[]; running: boolean }>({ rows: [], running: true });
  useChunkedRun(
    `${p.seed}:${p.gamma}:${p.move}:${N}:${p.draw}`,
    () => {
      const rng = createRng(p.seed * 100003 + p.draw);
      const one: Running = { mean: 0, m2: 0 };
      const prod: Running = { mean: 0, m2: 0 };
      let n = 0;
      const every = Math.max(1, Math.floor(N / ROWS));
      const rows: ChartRow[] = [];
      const m = model.moments;
      const record = () =>
        rows.push({
          n,
          oneRatio: one.mean,
          oneLo: one.mean - halfWidth(one, n),
          oneHi: one.mean + halfWidth(one, n),
          exactOne: m.oneRatio.mean,
          product: prod.mean,
          prodLo: prod.mean - halfWidth(prod, n),
          prodHi: prod.mean + halfWidth(prod, n),
          exactProduct: m.product.mean,
          varOne: variance(one, n),
          varProduct: variance(prod, n),
          exactVarOne: m.oneRatio.variance,
          exactVarProduct: m.product.variance,
        });
      return {
        done: () => n >= N,
        step: () => {
          const x = sampleImportanceEstimates(model.mdp, model.pi, model.piNew, model.A, rng, model.horizon);
          n++;
          push(one, x.oneRatio, n);
          push(prod, x.product, n);
          if (n % every === 0 || n === N) record();
        },
        publish: () => setState({ rows: rows.slice(), running: n < N }),
      };
    },
    200,
  );

  const last = state.rows[state.rows.length - 1];
  const m = model.moments;
  return (
    <WidgetShell
      title="One ratio or the product of ratios"
      onReset={reset}
      description="Trajectories of the old policy π, each scored with one ratio π′/π per step (an estimate of the surrogate) and with the product of the ratios so far (an estimate of J(π′) − J(π)). Bands are ±2 standard errors; the flat lines are exact."
    >
      <Controls>
        <ParamControls
          inline
          specs={params}
          values={p}
          set={set}
          fields={['move', 'n', 'gamma', 'seed', 'draw']}
        />
        <Button
          onClick={() => set({ draw: (p.draw + 1) % 10000 })}
          disabled={state.running}
          testId="is-resample"
        >
          New sample
        </Button>
      </Controls>
      <Readouts>
        <Readout label="exact L_π(π′) − J(π)" value={model.exactL} testId="is-exact-L" />
        <Readout label="exact J(π′) − J(π)" value={model.exactJ} testId="is-exact-J" />
        <Readout label="bias J(π′) − L_π(π′)" value={model.exactJ - model.exactL} testId="is-bias" />
        <Readout label="trajectories" value={last?.n ?? 0} testId="is-samples" />
        <Readout label="estimate, one ratio" value={last?.oneRatio ?? NaN} testId="is-est-one-ratio" />
        <Readout
          label="±2 s.e., one ratio"
          value={last ? (last.oneHi - last.oneLo) / 2 : NaN}
          testId="is-band-one-ratio"
        />
        <Readout label="estimate, product" value={last?.product ?? NaN} testId="is-est-product" />
        <Readout
          label="±2 s.e., product"
          value={last ? (last.prodHi - last.prodLo) / 2 : NaN}
          testId="is-band-product"
        />
        <Readout label="sample variance, one ratio" value={last?.varOne ?? NaN} testId="is-var-one-ratio" />
        <Readout label="sample variance, product" value={last?.varProduct ?? NaN} testId="is-var-product" />
        <Readout
          label="exact variance, one ratio"
          value={m.oneRatio.variance}
          testId="is-exact-var-one-ratio"
        />
        <Readout label="exact variance, product" value={m.product.variance} testId="is-exact-var-product" />
        <Readout
          label="exact variance, on-policy (data from π′)"
          value={m.onPolicy.variance}
          testId="is-exact-var-on-policy"
        />
        <Readout
          label="γ²λ (growth of the product's second moment)"
          value={model.g2lambda}
          testId="is-gamma2-lambda"
        />
        <Readout label="horizon H" value={model.horizon} testId="is-horizon" />
        <Readout label="status" value={state.running ? 'sampling' : 'done'} testId="is-status" />
      </Readouts>
      <Chart
        data={state.rows}
        x="n"
        xLabel="trajectories"
        yLabel="L_π(π′) − J(π)"
        height={200}
        filename="is-one-ratio"
        caption="One ratio per step: the running mean with a ±2 standard-error band, against the exact mean of the estimator (the surrogate's L_π(π′) − J(π), cut at the horizon)."
        layers={[
          band('oneLo', 'oneHi', { label: '±2 s.e.', color: 'series-1' }),
          line('exactOne', 'exact', { width: 3 }),
          line('oneRatio', 'estimate, one ratio'),
        ]}
      />
      <Chart
        data={state.rows}
        x="n"
        xLabel="trajectories"
        yLabel="J(π′) − J(π)"
        height={200}
        filename="is-product"
        caption="Product of ratios: the running mean with a ±2 standard-error band, against the exact J(π′) − J(π) (cut at the horizon)."
        layers={[
          band('prodLo', 'prodHi', { label: '±2 s.e.', color: 'series-1' }),
          line('exactProduct', 'exact', { width: 3 }),
          line('product', 'estimate, product'),
        ]}
      />
      <Chart
        data={state.rows}
        x="n"
        xLabel="trajectories"
        yLabel="variance per trajectory"
        logY
        height={200}
        filename="is-variances"
        caption="Sample variance of each estimator as trajectories accumulate, against its exact variance (log scale)."
        layers={[
          line('exactVarOne', 'exact, one ratio', { width: 3 }),
          line('varOne', 'sample, one ratio'),
          line('exactVarProduct', 'exact, product', { width: 3, dashed: true }),
          line('varProduct', 'sample, product'),
        ]}
      />
    </WidgetShell>
  );
}
