/** Truncation against termination (chapter 7): what treating a time limit as the end of the world does to GAE. */
import { useMemo } from 'react';
import { ParamControls, Readout, Readouts, WidgetShell, Chart, line } from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import { truncationAdvantages } from './truncation';

const params = defineParams({
  gamma: num({ min: 0.8, max: 0.999, step: 0.001, default: 0.99, label: 'γ' }),
  lambda: num({ min: 0, max: 1, step: 0.01, default: 0.95, label: 'λ' }),
  T: int({ min: 5, max: 500, default: 200, label: 'episode length T' }),
});
const SHOWN = 60;

export default function GaeTruncation({ id = 'gaet' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const r = useMemo(() => truncationAdvantages(p.gamma, p.lambda, p.T), [p.gamma, p.lambda, p.T]);
  const from = Math.max(0, p.T - SHOWN);
  const rows = Array.from({ length: p.T - from }, (_, i) => {
    const t = from + i;
    return {
      t,
      'bootstrap from V(s_T)': r.bootstrap.advantages[t],
      'treat as terminal': r.terminal.advantages[t],
      '−(γλ)^(T−1−t) γ/(1−γ)': r.formula[t],
    };
  });
  let formulaDiff = 0;
  let bootMax = 0;
  let affected = 0;
  for (let t = 0; t < p.T; t++) {
    formulaDiff = Math.max(formulaDiff, Math.abs(r.terminal.advantages[t] - r.formula[t]));
    bootMax = Math.max(bootMax, Math.abs(r.bootstrap.advantages[t]));
    if (Math.abs(r.terminal.advantages[t]) > 0.1) affected++;
  }
  return (
    <WidgetShell
      title="A time limit is not a terminal state"
      onReset={reset}
      description="A continuing task with reward 1 per step and the exact critic V = 1/(1 − γ), cut after T steps by a time limit. The true advantage of every action is 0. Both curves come from the same gae() routine; only the flag on the last step differs."
    >
      <ParamControls specs={params} values={p} set={set} fields={['gamma', 'lambda', 'T']} />
      <Readouts>
        <Readout label="V = 1/(1 − γ)" value={r.V} testId="gaet-value" />
        <Readout
          label="Â at the last step, bootstrapped"
          value={r.bootstrap.advantages[p.T - 1]}
          testId="gaet-last-bootstrap"
        />
        <Readout
          label="Â at the last step, treated as terminal"
          value={r.terminal.advantages[p.T - 1]}
          testId="gaet-last-terminal"
        />
        <Readout label="largest |Â|, bootstrapped" value={bootMax} testId="gaet-max-bootstrap" />
        <Readout label="steps with |Â| > 0.1, treated as terminal" value={affected} testId="gaet-affected" />
        <Readout
          label="max |Â − formula|, treated as terminal"
          value={formulaDiff}
          testId="gaet-formula-diff"
          digits={2}
        />
      </Readouts>
      <Chart
        data={rows}
        x="t"
        xLabel="step t (the last 60 of the episode)"
        yLabel="advantage estimate"
        filename="gae-truncation"
        caption="GAE advantages along the end of a time-limited episode: bootstrapping from V(s_T) gives the correct 0; treating the time limit as terminal drags the last steps down."
        layers={[
          line('bootstrap from V(s_T)', 'bootstrap from V(s_T)'),
          line('treat as terminal', 'treat as terminal'),
          line('−(γλ)^(T−1−t) γ/(1−γ)', 'formula', { dashed: true }),
        ]}
      />
    </WidgetShell>
  );
}
