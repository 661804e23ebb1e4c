/**
 * The performance difference lemma, line by line (chapter 3): two softmax policies on a random MDP, every line of
 * the proof evaluated exactly in float64. All lines agree to rounding.
 */
import { useMemo } from 'react';
import { performanceDifference, softmaxPolicy } from '@/rl';
import {
  seedParam,
  Controls,
  DataTable,
  ExportMenu,
  Readout,
  Readouts,
  ParamControls,
  WidgetShell,
  formatNumber,
  randomProblem,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(1),
  states: int({ min: 2, max: 20, default: 6, label: 'states' }),
  actions: int({ min: 2, max: 6, default: 3, label: 'actions' }),
  gamma: num({ min: 0, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  mix: num({ min: 0, max: 1, step: 0.01, default: 0.5, label: 'move π′ away from π' }),
  noise: num({ min: 0, max: 3, step: 0.05, default: 1, label: 'perturbation size' }),
});

export default function PdlLineByLine({ id = 'pdl' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const r = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: p.states, actions: p.actions, gamma: p.gamma });
    const { mdp, theta } = problem;
    const other = problem.otherTheta(p.noise);
    const pi = softmaxPolicy(theta);
    // π' interpolates the parameters from θ to θ + noise·ξ.
    const piNew = softmaxPolicy(theta.map((row, s) => row.map((x, a) => x + p.mix * other[s][a])));
    return performanceDifference(mdp, pi, piNew);
  }, [p]);
  const lines = [
    { line: "J(π') − J(π)", value: r.lhs, note: 'definition' },
    {
      line: "E_τ∼π'[Σ γᵗ rₜ] − E_s₀[V_π(s₀)]",
      value: r.returnMinusValue,
      note: 's₀ has the same law under both policies',
    },
    { line: "E_τ∼π'[Σ γᵗ (rₜ + γV_π(sₜ₊₁) − V_π(sₜ))]", value: r.telescoping, note: 'the sum telescopes' },
    {
      line: "Σ_s ρ_π'(s) Σ_a π'(a|s) (Q_π(s,a) − V_π(s))",
      value: r.qForm,
      note: 'expected TD residual = advantage',
    },
    { line: "Σ_s ρ_π'(s) Σ_a π'(a|s) A_π(s,a)", value: r.rhs, note: 'Lemma: sums under the visitation' },
    { line: "1/(1−γ) E_s∼d_π', a∼π'[A_π(s,a)]", value: r.normalisedForm, note: 'normalised form' },
  ];
  const maxDev = Math.max(...lines.map((l) => Math.abs(l.value - r.lhs)));
  const rows = lines.map((l) => ({
    line: l.line,
    value: l.value,
    'difference from line 1': l.value - r.lhs,
  }));
  return (
    <WidgetShell title="The performance difference lemma, evaluated line by line" onReset={reset}>
      <Controls>
        <ParamControls
          specs={params}
          values={p}
          set={set}
          fields={['mix', 'noise', 'gamma', 'states', 'actions', 'seed']}
        />
      </Controls>
      <table className="derivation">
        <caption className="visually-hidden">
          Each line of the proof of the performance difference lemma, evaluated
        </caption>
        <thead>
          <tr>
            <th scope="col">line</th>
            <th scope="col">value</th>
            <th scope="col">why it equals the line above</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td>{l.line}</td>
              <td data-testid={`pdl-line-${i + 1}`} data-value={String(l.value)}>
                {l.value.toPrecision(12)}
              </td>
              <td>{l.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Readouts>
        <Readout label="left side J(π′) − J(π)" value={r.lhs} testId="pdl-lhs" digits={12} />
        <Readout label="right side Σ ρ_π′ π′ A_π" value={r.rhs} testId="pdl-rhs" digits={12} />
        <Readout label="largest difference between lines" value={maxDev} testId="pdl-max-deviation" />
        <Readout label="J(π)" value={r.J} testId="pdl-J" />
      </Readouts>
      <p className="widget-description">
        Per state: the new policy&apos;s visitation ρ_π′(s) and the old advantage averaged under π′. Their
        products sum to the right side (largest difference {formatNumber(maxDev, 2)}).
      </p>
      <DataTable
        rows={r.perState.map((x, s) => ({
          state: s,
          'ρ_π′(s)': x.rhoNew,
          'Σ_a π′A_π': x.advantage,
          product: x.rhoNew * x.advantage,
        }))}
        caption="Per-state terms of the right-hand side"
      />
      <ExportMenu filename="pdl-lines" rows={rows} />
    </WidgetShell>
  );
}
