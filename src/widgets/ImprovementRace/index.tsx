/** Monotonic improvement race (chapter 5): penalty with the theoretical C, trust region, and vanilla gradient ascent. */
import { useMemo } from 'react';
import { seedParam, Readout, Readouts, ParamControls, WidgetShell, Chart, line } from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';
import { race } from './race';

const params = defineParams({
  seed: seedParam(1),
  gamma: num({ min: 0.5, max: 0.95, step: 0.01, default: 0.9, label: 'γ' }),
  delta: num({ min: 0.001, max: 0.5, step: 0.001, default: 0.05, label: 'trust region δ_KL' }),
  eta: num({ min: 0.1, max: 200, step: 0.1, default: 5, label: 'vanilla step η' }),
});

export default function ImprovementRace({ id = 'race' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const rows = useMemo(() => race(p.seed, p.gamma, p.delta, p.eta), [p.seed, p.gamma, p.delta, p.eta]);
  const last = rows[rows.length - 1];
  const mono = (k: 'penalty' | 'trust' | 'vanilla') =>
    rows.every((r, i) => i === 0 || r[k] >= rows[i - 1][k] - 1e-12);
  return (
    <WidgetShell
      title="Three ways to take a step"
      onReset={reset}
      description="Exact quantities on a 6-state MDP; the policy is a softmax over 3 shared linear features. The penalty method is guaranteed never to decrease J but crawls; the trust region moves fast; vanilla ascent with a large step can fall."
    >
      <ParamControls specs={params} values={p} set={set} fields={['delta', 'eta', 'gamma', 'seed']} />
      <Readouts>
        <Readout label="J, penalty" value={last.penalty} testId="race-J-penalty" />
        <Readout label="J, trust region" value={last.trust} testId="race-J-trust" />
        <Readout label="J, vanilla" value={last.vanilla} testId="race-J-vanilla" />
        <Readout label="penalty never decreased" value={mono('penalty')} testId="race-penalty-monotone" />
        <Readout label="vanilla never decreased" value={mono('vanilla')} testId="race-vanilla-monotone" />
      </Readouts>
      <Chart
        data={rows}
        x="iteration"
        xLabel="iteration"
        yLabel="J"
        filename="improvement-race"
        caption="J per iteration for the three update rules."
        layers={[
          line('penalty', 'penalty, theoretical C'),
          line('trust', 'trust region'),
          line('vanilla', 'vanilla, large step'),
        ]}
      />
    </WidgetShell>
  );
}
