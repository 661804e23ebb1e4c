/**
 * Runnable derivation (chapter 2): the log-derivative trick and "the past does not matter", every line evaluated
 * exactly by summing over all 64 trajectories of a horizon-3 MDP with 2 states and 2 actions.
 */
import { useMemo } from 'react';
import { seedParam, ExportMenu, Readout, Readouts, ParamControls, WidgetShell } from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';
import { derivation } from './derivation';

const params = defineParams({
  seed: seedParam(1),
  gamma: num({ min: 0, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
});

const fmt = (v: number[]) => `(${v.map((x) => x.toFixed(8)).join(', ')})`;

export default function LogDerivativeDerivation({ id = 'logd' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const d = useMemo(() => derivation(p.seed, p.gamma), [p.seed, p.gamma]);
  const lines = [
    { key: 'fd', text: '∇J(θ), by finite differences of J', value: d.fd },
    { key: 'gradP', text: 'Σ_τ ∇P(τ|θ) R(τ)', value: d.gradP },
    {
      key: 'logDeriv',
      text: 'Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) R(τ)   (log-derivative trick; dynamics drop out)',
      value: d.logDeriv,
    },
    {
      key: 'rewardToGo',
      text: 'Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) Σ_{t′≥t} γ^t′ r_t′   (the past dropped)',
      value: d.rewardToGo,
    },
    {
      key: 'baseline',
      text: 'Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) (Σ_{t′≥t} γ^t′ r_t′ − γ^t b(s_t))   (a baseline)',
      value: d.baseline,
    },
  ];
  const maxDiff = Math.max(...lines.flatMap((l) => l.value.map((x, i) => Math.abs(x - d.logDeriv[i]))));
  const past = Math.max(...d.pastTerms.map(Math.abs));
  return (
    <WidgetShell
      title="The policy gradient, line by line"
      onReset={reset}
      description={`Every line is a gradient over θ = (θ₀₀, θ₀₁, θ₁₀, θ₁₁), computed exactly by summing over all ${d.trajectories} trajectories of horizon 3.`}
    >
      <ParamControls specs={params} values={p} set={set} fields={['gamma', 'seed']} />
      <table className="derivation">
        <caption className="visually-hidden">Each line of the derivation as a gradient vector</caption>
        <thead>
          <tr>
            <th scope="col">line</th>
            <th scope="col">value</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.key}>
              <td>
                {i + 1}. {l.text}
              </td>
              <td data-testid={`logd-line-${i + 1}`} data-value={JSON.stringify(l.value)}>
                {fmt(l.value)}
              </td>
            </tr>
          ))}
          <tr>
            <td>
              dropped: Σ_τ P(τ|θ) Σ_t ∇log π(a_t|s_t) Σ_{'{'}t′&lt;t{'}'} γ^t′ r_t′
            </td>
            <td>{fmt(d.pastTerms)}</td>
          </tr>
        </tbody>
      </table>
      <Readouts>
        <Readout label="largest difference between lines" value={maxDiff} testId="logd-max-diff" />
        <Readout label="size of the dropped past terms" value={past} testId="logd-past" />
      </Readouts>
      <ExportMenu
        filename="log-derivative-lines"
        rows={lines.map((l) => ({
          line: l.text,
          ...Object.fromEntries(l.value.map((x, i) => [`d${i}`, x])),
        }))}
      />
    </WidgetShell>
  );
}
