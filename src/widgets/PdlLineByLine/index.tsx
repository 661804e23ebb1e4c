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
  DerivationTable,
  Readout,
  Readouts,
  ParamControls,
  WidgetShell,
  formatNumber,
  randomProblem,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import { pdlSteps } from './steps';

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
  const steps = pdlSteps(r);
  const maxDev = Math.max(...steps.map((l) => Math.abs((l.lhs as number) - r.lhs)));
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
      <DerivationTable
        steps={steps}
        caption="Each line of the proof of the performance difference lemma, evaluated and checked against the line above"
        filename="pdl-lines"
      />
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
    </WidgetShell>
  );
}
