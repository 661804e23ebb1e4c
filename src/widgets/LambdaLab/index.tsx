/** Lambda lab (chapter 7): GAE's bias² , variance and MSE against λ, with an approximate value function V + noise. */
import { useMemo } from 'react';
import { Controls, LineChart, Readout, Readouts, ParamSlider, WidgetShell } from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import { lambdaSweep } from './compute';

const params = defineParams({
  seed: int({ min: 0, max: 9999, default: 1 }),
  noise: num({ min: 0, max: 2, step: 0.05, default: 0.5 }),
  n: int({ min: 50, max: 600, default: 300 }),
  lambda: num({ min: 0, max: 1, step: 0.05, default: 0.95 }),
});

export default function LambdaLab({ id = 'gae' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const rows = useMemo(() => lambdaSweep(p.seed, p.noise, p.n), [p.seed, p.noise, p.n]);
  const best = rows.reduce((a, b) => (b.mse < a.mse ? b : a));
  const at = rows[Math.round(p.lambda * 20)];
  return (
    <WidgetShell
      title="Choosing λ"
      onReset={reset}
      description="A 5-state MDP; the critic is the exact V plus Gaussian noise. For each λ, GAE estimates from sampled trajectories are compared with Q(s_t, a_t) − V̂(s_t), the exact advantage up to a state-only baseline shift that does not bias the gradient."
    >
      <Controls>
        <ParamSlider label="value-function noise" name="noise" specs={params} values={p} set={set} />
        <ParamSlider label="λ" name="lambda" specs={params} values={p} set={set} />
        <ParamSlider label="trajectories" name="n" specs={params} values={p} set={set} />
        <ParamSlider label="seed" name="seed" specs={params} values={p} set={set} />
      </Controls>
      <Readouts>
        <Readout label="λ with the smallest MSE" value={best.lambda} testId="gae-best-lambda" />
        <Readout label="MSE at λ" value={at.mse} testId="gae-mse" />
        <Readout label="bias² at λ" value={at.bias2} testId="gae-bias2" />
        <Readout label="variance at λ" value={at.variance} testId="gae-variance" />
        <Readout label="MSE at λ = 0" value={rows[0].mse} testId="gae-mse-0" />
        <Readout label="MSE at λ = 1" value={rows[20].mse} testId="gae-mse-1" />
      </Readouts>
      <LineChart
        data={rows}
        xKey="lambda"
        xLabel="λ"
        yLabel="error"
        filename="gae-lambda"
        caption="Bias squared, variance and mean squared error of GAE advantage estimates against λ."
        series={[
          { key: 'bias2', label: 'bias²' },
          { key: 'variance', label: 'variance' },
          { key: 'mse', label: 'MSE', width: 3 },
        ]}
        refLines={[{ x: p.lambda, label: 'λ' }]}
        points={[{ x: best.lambda, y: best.mse, label: 'best' }]}
      />
    </WidgetShell>
  );
}
