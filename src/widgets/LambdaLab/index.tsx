/**
 * Lambda lab (chapter 7): bias², variance and MSE of GAE(γ, λ) against λ, for a critic V̂ = V^π + noise. Exact
 * curves (from the moment equations of src/rl/gae-moments.ts) and a seeded, chunked Monte Carlo that converges to them.
 * A "break this theorem" link (`gae.inst`) replaces the random MDP, policy and critic by the instance's, and shows
 * the lab's statements on it.
 */
import { useMemo, useState } from 'react';
import {
  seedParam,
  Controls,
  ParamControls,
  Readout,
  Readouts,
  Select,
  WidgetShell,
  useChunkedRun,
  Chart,
  line,
  rule,
  marks,
  formatNumber,
  Button,
  instanceParam,
  StatementChecks,
  useLinkedInstance,
} from '@/widgets/common';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';
import { argminMse, createLambdaSampler, LAMBDAS, makeModel, modelFromInstance } from './compute';
import { gaeErrorCurve, labLayout, type GaeErrorRow, type GaeTarget } from '@/rl';

const params = defineParams({
  seed: seedParam(1),
  noise: num({ min: 0, max: 2, step: 0.05, default: 0.5, label: 'critic noise (std of V̂ − V^π)' }),
  gamma: num({ min: 0.5, max: 0.98, step: 0.01, default: 0.9, label: 'γ' }),
  n: int({ min: 200, max: 20000, default: 3000, label: 'trajectories' }),
  lambda: num({ min: 0, max: 1, step: 0.05, default: 0.95, label: 'λ' }),
  target: oneOf(['gradient', 'advantage'] as const, 'gradient'),
  /** An explicit instance (a "break this theorem" lab's link): its MDP, π and critic error replace the random ones. */
  inst: instanceParam(),
});

const LAB_STATEMENTS = ['gae-bias', 'two-step-bias'] as const;

const TARGETS: ReadonlyArray<{ value: GaeTarget; label: string }> = [
  { value: 'gradient', label: 'Q^π(s,a) − V̂(s): error up to a state baseline' },
  { value: 'advantage', label: 'A^π(s,a): the advantage itself' },
];

export default function LambdaLab({ id = 'gae' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const instance = useLinkedInstance(id, p.inst);
  const model = useMemo(
    () => (instance ? modelFromInstance(instance, p.target) : makeModel(p.seed, p.noise, p.gamma, p.target)),
    [instance, p.seed, p.noise, p.gamma, p.target],
  );
  const exact = useMemo(
    () => gaeErrorCurve(model.mdp, model.pi, model.Vhat, p.target, LAMBDAS),
    [model, p.target],
  );
  const [sampled, setSampled] = useState<{ n: number; rows: GaeErrorRow[]; key: string }>({
    n: 0,
    rows: [],
    key: '',
  });
  // Everything the run depends on; a change restarts it from the seed.
  const runKey = `${p.seed}|${p.noise}|${p.gamma}|${p.target}|${p.n}|${p.inst}`;
  useChunkedRun(runKey, () => {
    const s = createLambdaSampler(model, p.seed);
    return {
      step: () => s.step(Math.min(16, p.n - s.n)),
      done: () => s.n >= p.n,
      publish: () => setSampled({ n: s.n, rows: s.rows(), key: runKey }),
    };
  });

  const done = sampled.key === runKey && sampled.n >= p.n && sampled.rows.length > 0;
  const j = Math.round(p.lambda * 20);
  const mc = sampled.rows[j];
  const bestMc = sampled.rows.length ? argminMse(sampled.rows) : undefined;
  const bestExact = argminMse(exact);
  // Headline figures get their test ids when the seeded run is complete, so a reader (or a test) quoting them
  // quotes a reproducible number rather than a snapshot of a run in progress.
  const tid = (t: string) => (done ? t : undefined);
  const show = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v);
  const chartRows = exact.map((r, i) => ({
    lambda: r.lambda,
    bias2: r.bias2,
    variance: r.variance,
    mse: r.mse,
    mse_sampled: sampled.rows[i]?.mse ?? null,
    bias2_sampled: sampled.rows[i]?.bias2 ?? null,
  }));

  return (
    <WidgetShell
      title="Choosing λ"
      onReset={reset}
      description="A 5-state MDP with a softmax policy; the critic is V^π plus Gaussian noise (one draw per state). Solid: exact bias², variance and MSE of the GAE estimate at (s, a) ~ d_π(s)π(a|s). Dashed with dots: the same figures from sampled trajectories, converging as the samples come in."
    >
      <Controls>
        <ParamControls
          specs={params}
          values={p}
          set={set}
          fields={instance ? ['lambda', 'n'] : ['noise', 'lambda', 'gamma', 'n', 'seed']}
        />
        {instance && (
          <Button onClick={() => set({ inst: '' })} testId="gae-leave-instance">
            Back to the random MDP
          </Button>
        )}
        <Select
          label="compare with"
          value={p.target}
          options={TARGETS}
          onChange={(target) => set({ target })}
        />
      </Controls>
      <Readouts>
        <Readout label="trajectories sampled" value={sampled.n} testId="gae-samples" />
        <Readout label="best λ (sampled)" value={show(bestMc?.lambda)} testId={tid('gae-best-lambda')} />
        <Readout label="best λ (exact)" value={bestExact.lambda} testId="gae-best-lambda-exact" />
        <Readout label="MSE at λ (sampled)" value={show(mc?.mse)} testId={tid('gae-mse')} />
        <Readout label="MSE at λ (exact)" value={exact[j].mse} testId="gae-mse-exact" />
        <Readout label="bias² at λ (sampled)" value={show(mc?.bias2)} testId={tid('gae-bias2')} />
        <Readout label="variance at λ (sampled)" value={show(mc?.variance)} testId={tid('gae-variance')} />
        <Readout label="bias² at λ (exact)" value={exact[j].bias2} testId="gae-bias2-exact" />
        <Readout label="variance at λ (exact)" value={exact[j].variance} testId="gae-variance-exact" />
        <Readout label="MSE at λ = 0 (exact)" value={exact[0].mse} testId="gae-mse-0" />
        <Readout label="MSE at λ = 1 (exact)" value={exact[20].mse} testId="gae-mse-1" />
      </Readouts>
      {instance && (
        <>
          <p data-testid="gae-instance">
            Showing the instance from the link: {instance.states} states, {instance.actions} actions, γ ={' '}
            {instance.gamma}, and its critic V̂ = V^π + e; the statements below use the instance's own λ ={' '}
            {formatNumber(instance.x[labLayout(instance.states, instance.actions).lambda], 4)} (the curves,
            every λ of the grid).
          </p>
          <StatementChecks instance={instance} statements={LAB_STATEMENTS} prefix="gae-stmt" />
        </>
      )}
      <Chart
        data={chartRows}
        x="lambda"
        xLabel="λ"
        yLabel="squared error"
        filename="gae-lambda"
        caption="Bias², variance and mean squared error of GAE advantage estimates against λ: exact (solid) and sampled (dashed, dots)."
        layers={[
          line('bias2', 'bias²', { color: 'series-0' }),
          line('variance', 'variance', { color: 'series-1' }),
          line('mse', 'MSE', { width: 3, color: 'series-2' }),
          line('bias2_sampled', 'bias² (sampled)', { dashed: true, dots: true, width: 1, color: 'series-0' }),
          line('mse_sampled', 'MSE (sampled)', { dashed: true, dots: true, width: 1, color: 'series-2' }),
          rule({ x: p.lambda, label: 'λ' }),
          marks([{ x: bestExact.lambda, y: bestExact.mse, label: 'best' }]),
        ]}
      />
    </WidgetShell>
  );
}
