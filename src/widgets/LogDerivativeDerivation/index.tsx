/**
 * Runnable derivation (chapter 2): the log-derivative trick and "the past does not matter", every line evaluated
 * exactly by summing over all 64 trajectories of a horizon-3 MDP with 2 states and 2 actions.
 */
import { useMemo } from 'react';
import { seedParam, DerivationTable, Readout, Readouts, ParamControls, WidgetShell } from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';
import { derivation, derivationSteps } from './derivation';

const params = defineParams({
  seed: seedParam(1),
  gamma: num({ min: 0, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
});

export default function LogDerivativeDerivation({ id = 'logd' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const d = useMemo(() => derivation(p.seed, p.gamma), [p.seed, p.gamma]);
  const steps = derivationSteps(d);
  const lines = [d.fd, d.gradP, d.logDeriv, d.rewardToGo, d.baseline];
  const maxDiff = Math.max(...lines.flatMap((l) => l.map((x, i) => Math.abs(x - d.logDeriv[i]))));
  const past = Math.max(...d.pastTerms.map(Math.abs));
  return (
    <WidgetShell
      title="The policy gradient, line by line"
      onReset={reset}
      description={`Every line is a gradient over θ = (θ₀₀, θ₀₁, θ₁₀, θ₁₁), computed exactly by summing over all ${d.trajectories} trajectories of horizon 3.`}
    >
      <ParamControls specs={params} values={p} set={set} fields={['gamma', 'seed']} />
      <DerivationTable
        steps={steps}
        caption="Each line of the derivation as a gradient vector, checked against the line above"
        filename="log-derivative-lines"
      />
      <Readouts>
        <Readout label="largest difference between lines" value={maxDiff} testId="logd-max-diff" />
        <Readout label="size of the dropped past terms" value={past} testId="logd-past" />
      </Readouts>
    </WidgetShell>
  );
}
