/**
 * GAE weights (chapter 7): the weights (1 − λ)λ^(k−1) on the k-step estimators, the estimators themselves, and
 * every line of the telescoping derivation evaluated on one sampled trajectory.
 */
import { useMemo } from 'react';
import { createRng, evaluatePolicy, sampleTrajectory } from '@/rl';
import {
  seedParam,
  Controls,
  DerivationTable,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  Chart,
  line,
  randomProblem,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import { derivationLines, derivationSteps } from './derivation';

const params = defineParams({
  lambda: num({ min: 0, max: 1, step: 0.01, default: 0.9, label: 'λ' }),
  gamma: num({ min: 0, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  T: int({ min: 1, max: 60, default: 40, label: 'trajectory length T' }),
  noise: num({ min: 0, max: 2, step: 0.1, default: 0.5, label: 'critic noise' }),
  seed: seedParam(2),
});

export default function GaeWeights({ id = 'gaew' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const r = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: 4, actions: 2, gamma: p.gamma });
    const { mdp, pi } = problem;
    const noiseRng = createRng(p.seed + 3);
    // An imperfect critic: the identities hold for any V, exact or not.
    const V = evaluatePolicy(mdp, pi).V.map((v) => v + p.noise * noiseRng.normal());
    const tr = sampleTrajectory(mdp, pi, createRng(p.seed + 2), { horizon: p.T });
    const d = derivationLines(tr, V, p.gamma, p.lambda);
    const ref = d.lines[4].value;
    const maxDiff = Math.max(...d.lines.map((l) => Math.abs(l.value - ref)));
    const rows = d.w.map((weight, i) => ({
      k: i + 1,
      weight,
      'Â(k), reward form': d.kReward[i],
      'Â(k), residual form': d.kResidual[i],
      GAE: ref,
    }));
    return { ...d, ref, maxDiff, rows };
  }, [p.lambda, p.gamma, p.T, p.noise, p.seed]);
  const weightSum = r.w.reduce((a, b) => a + b, 0);
  return (
    <WidgetShell
      title="GAE as an average of k-step estimators"
      onReset={reset}
      description="One trajectory of length T from a 4-state MDP, with a critic V = V^π + noise. The estimate at t = 0 is computed six ways, following the derivation line by line; the last weight collects the tail λ^(T−1) because Â⁽ᵏ⁾ = Â⁽ᵀ⁾ for k ≥ T."
    >
      <Controls>
        <ParamControls
          specs={params}
          values={p}
          set={set}
          fields={['lambda', 'gamma', 'T', 'noise', 'seed']}
        />
      </Controls>
      <DerivationTable
        steps={derivationSteps(r.lines, r.w)}
        caption="The GAE estimate at t = 0 computed line by line, each line checked against the one above"
        filename="gae-lines"
      />
      <Readouts>
        <Readout
          label="Σₖ (1−λ)λ^(k−1) Â⁽ᵏ⁾"
          value={r.lines[0].value}
          testId="gae-weighted-sum"
          digits={12}
        />
        <Readout label="Σₗ (γλ)ˡ δₗ" value={r.ref} testId="gae-telescoped" digits={12} />
        <Readout
          label="largest difference between lines"
          value={r.maxDiff}
          testId="gaew-max-diff"
          digits={2}
        />
        <Readout label="Σₖ wₖ" value={weightSum} testId="gaew-weight-sum" digits={15} />
        <Readout
          label="effective horizon 1/(1 − γλ)"
          value={p.gamma * p.lambda < 1 ? 1 / (1 - p.gamma * p.lambda) : Infinity}
          testId="gaew-horizon"
        />
      </Readouts>
      <Chart
        data={r.rows}
        x="k"
        xLabel="k"
        yLabel="weight"
        filename="gae-weights"
        caption="Weight of the k-step estimator in GAE(γ, λ) on a trajectory of length T (the last weight collects the tail)."
        layers={[line('weight', 'wₖ', { dots: true })]}
        height={200}
      />
      <Chart
        data={r.rows}
        x="k"
        xLabel="k"
        yLabel="estimate at t = 0"
        filename="gae-k-step"
        caption="The k-step estimators Â⁽ᵏ⁾ at t = 0 in both forms (they coincide) and their weighted average, the GAE estimate."
        layers={[
          line('Â(k), reward form', 'Â⁽ᵏ⁾ (reward form)', { dots: true }),
          line('Â(k), residual form', 'Â⁽ᵏ⁾ (sum of residuals)', { dashed: true }),
          line('GAE', 'GAE(γ, λ)', { dashed: true }),
        ]}
        height={220}
      />
    </WidgetShell>
  );
}
