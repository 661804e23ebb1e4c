/**
 * The proof of Kakade and Langford's bound, evaluated step by step (chapter 4): a random softmax policy π on a random
 * MDP, π′ greedy with respect to A_π (or random), and the mixture π_α. Every identity of the proof is evaluated on
 * both sides and every inequality is shown with the bound it is compared with (all in src/rl, float64).
 */
import { useMemo } from 'react';
import { evaluatePolicy, greedyPolicy, kakadeLangfordSteps, softmaxPolicy } from '@/rl';
import {
  seedParam,
  Controls,
  ParamControls,
  Readout,
  Readouts,
  Select,
  WidgetShell,
  Chart,
  line,
  rule,
  DerivationTable,
  checkSteps,
  allHold,
  useRandomProblem,
} from '@/widgets/common';
import type { Relation } from '@/widgets/common';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(2),
  states: int({ min: 2, max: 15, default: 6, label: 'states' }),
  actions: int({ min: 2, max: 5, default: 3, label: 'actions' }),
  gamma: num({ min: 0.5, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  alpha: num({ min: 0, max: 1, step: 0.005, default: 0.1, label: 'mixture weight α' }),
  target: oneOf(['greedy', 'random'] as const, 'greedy'),
  t: int({ min: 1, max: 100, default: 10, label: 'inspect time step t' }),
});

interface StepRow {
  step: string;
  lhsLabel: string;
  relation: Relation;
  rhsLabel: string;
  lhs: number;
  rhs: number;
}

export default function KakadeLangfordProof({ id = 'klp' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const problem = useRandomProblem({ seed: p.seed, states: p.states, actions: p.actions, gamma: p.gamma });
  const policies = useMemo(() => {
    const { mdp, pi } = problem;
    // The same π and π′ as the mixture explorer above, so the two widgets show the same MDP at the same settings.
    const piPrime =
      p.target === 'greedy' ? greedyPolicy(evaluatePolicy(mdp, pi).Q) : softmaxPolicy(problem.otherTheta(2));
    return { mdp, pi, piPrime };
  }, [problem, p.target]);
  const k = useMemo(
    () => kakadeLangfordSteps(policies.mdp, policies.pi, policies.piPrime, p.alpha, { keep: 101 }),
    [policies, p.alpha],
  );
  const at = k.perT[Math.min(p.t, k.perT.length - 1)];
  const tt = at.t;
  const steps: StepRow[] = [
    {
      step: 'Step 1: the exact improvement, split',
      lhsLabel: 'J(π_α) − J(π)',
      relation: '=',
      rhsLabel: 'α𝔸_π(π′)/(1−γ) + αΔ',
      lhs: k.improvement,
      rhs: k.step1Rhs,
    },
    {
      step: 'Step 2: one time step at a time',
      lhsLabel: 'Δ = Σ_s (ρ_π_α(s) − ρ_π(s)) Ā(s)',
      relation: '=',
      rhsLabel: 'Σ_t γᵗ Δ_t',
      lhs: k.Delta,
      rhs: k.deltaSeries,
    },
    {
      step: `Step 3 at t = ${tt}: weight of the remainder`,
      lhsLabel: `Σ_s [Pr_π_α(s_${tt} = s) − (1−α)^${tt} Pr_π(s_${tt} = s)]`,
      relation: '=',
      rhsLabel: `1 − (1−α)^${tt}`,
      lhs: at.remainderMass,
      rhs: 1 - at.weight,
    },
    {
      step: 'Step 3, all t: the split of the state law',
      lhsLabel: 'max_t,s |Pr_π_α(s_t = s) − (1−α)ᵗ Pr_π(s_t = s) − (1 − (1−α)ᵗ) ν_t(s)|',
      relation: '=',
      rhsLabel: '0',
      lhs: k.lawDeviationMax,
      rhs: 0,
    },
    {
      step: 'Step 3, all t ≥ 1: ν_t is a probability distribution',
      lhsLabel: 'min_t,s ν_t(s) = [Pr_π_α(s_t = s) − (1−α)ᵗ Pr_π(s_t = s)] / (1 − (1−α)ᵗ)',
      relation: '≥',
      rhsLabel: '0',
      lhs: k.remainderMinAll,
      rhs: 0,
    },
    {
      step: `Step 4 at t = ${tt}: Δ_t through the split`,
      lhsLabel: `Δ_${tt}`,
      relation: '=',
      rhsLabel: `(1 − (1−α)^${tt}) (ν_${tt}·Ā − Pr_π(s_${tt})·Ā)`,
      lhs: at.delta,
      rhs: at.deltaFromSplit,
    },
    {
      step: `Step 4 at t = ${tt}: bound each time step`,
      lhsLabel: `|Δ_${tt}|`,
      relation: '≤',
      rhsLabel: `2ε̄ (1 − (1−α)^${tt})`,
      lhs: Math.abs(at.delta),
      rhs: at.bound,
    },
    {
      step: 'Step 4, all t ≥ 1: the worst time step',
      lhsLabel: 'max_t |Δ_t| / (2ε̄ (1 − (1−α)ᵗ))',
      relation: '≤',
      rhsLabel: '1',
      lhs: k.worstRatio,
      rhs: 1,
    },
    {
      step: 'Step 5: sum over time',
      lhsLabel: 'Σ_t γᵗ (1 − (1−α)ᵗ), term by term',
      relation: '=',
      rhsLabel: 'αγ / ((1−γ)(1 − γ(1−α)))',
      lhs: k.weightSeries,
      rhs: k.weightClosedForm,
    },
    {
      step: 'Step 6: assemble (triangle inequality)',
      lhsLabel: '|αΔ|',
      relation: '≤',
      rhsLabel: 'α Σ_t γᵗ |Δ_t|',
      lhs: k.alphaDeltaAbs,
      rhs: k.alphaAbsSeries,
    },
    {
      step: 'Step 6: assemble (Steps 4 and 5)',
      lhsLabel: 'α Σ_t γᵗ |Δ_t|',
      relation: '≤',
      rhsLabel: '2α²γε̄ / ((1−γ)(1 − γ(1−α)))',
      lhs: k.alphaAbsSeries,
      rhs: k.gap,
    },
    {
      step: 'Theorem, second statement',
      lhsLabel: '|J(π_α) − L_π(π_α)|',
      relation: '≤',
      rhsLabel: '2α²γε̄ / ((1−γ)(1 − γ(1−α)))',
      lhs: Math.abs(k.Jmix - k.L),
      rhs: k.gap,
    },
    {
      step: 'Theorem, first statement',
      lhsLabel: 'J(π_α) − J(π)',
      relation: '≥',
      rhsLabel: 'α/(1−γ) (𝔸_π(π′) − 2αγε̄/(1 − γ(1−α)))',
      lhs: k.improvement,
      rhs: k.lowerBound,
    },
  ];
  // Identities hold to 1e-9 relative; inequalities with a rounding allowance of 1e-12 relative (the kit's defaults).
  const checked = checkSteps(
    steps.map((s, i) => ({
      id: `kl-step-${i + 1}`,
      label: `${i + 1}. ${s.step}`,
      text: s.step,
      formula: `${s.lhsLabel} ${s.relation} ${s.rhsLabel}`,
      lhs: s.lhs,
      rhs: s.rhs,
      relation: s.relation,
    })),
  );
  const everyStepHolds = allHold(checked);
  const chart = k.perT.map((s) => ({
    t: s.t,
    '|Δ_t|': Math.abs(s.delta),
    '2ε̄(1−(1−α)^t)': s.bound,
    'remainder weight 1−(1−α)^t': 1 - s.weight,
    Δ_t: s.delta,
  }));
  return (
    <WidgetShell
      title="Kakade and Langford's proof, evaluated step by step"
      onReset={reset}
      description="Each row is one line of the proof: the exact quantity on the left, what the proof compares it with on the right. Identities agree to rounding; inequalities hold."
    >
      <Controls>
        <ParamControls inline specs={params} values={p} set={set} fields={['alpha']} />
        <Select
          label="π′"
          value={p.target}
          options={[
            { value: 'greedy', label: 'greedy w.r.t. A_π' },
            { value: 'random', label: 'a random policy' },
          ]}
          onChange={(v) => set({ target: v })}
        />
        <ParamControls
          specs={params}
          values={p}
          set={set}
          fields={['t', 'gamma', 'states', 'actions', 'seed']}
        />
      </Controls>
      <Readouts>
        <Readout label="J(π_α) − J(π)" value={k.improvement} testId="kl-improvement" />
        <Readout label="lower bound" value={k.lowerBound} testId="kl-lower-bound" />
        <Readout label="𝔸_π(π′)" value={k.policyAdvantage} testId="kl-policy-advantage" />
        <Readout label="ε̄ = max_s |Ā(s)|" value={k.eps} testId="kl-eps" />
        <Readout label="Δ" value={k.Delta} testId="kl-delta" />
        <Readout label="bound on |Δ|" value={k.deltaBound} testId="kl-delta-bound" />
        <Readout label="every step holds" value={everyStepHolds ? 'yes' : 'no'} testId="kl-holds" />
      </Readouts>
      <DerivationTable
        steps={checked}
        caption="The steps of the proof of Kakade and Langford's bound, each evaluated on both sides"
        filename="kakade-langford-proof"
      />
      <Chart
        data={chart}
        x="t"
        xLabel="time step t"
        yLabel="|Δ_t| and its bound"
        logY
        height={220}
        filename="kakade-langford-per-t"
        caption="Per time step t: the exact |Δ_t|, the bound 2ε̄(1 − (1−α)^t) of Step 4, and the remainder's weight 1 − (1−α)^t (log scale; t = 0, where all three vanish, is left out of the drawing)."
        layers={[
          line('|Δ_t|', '|Δ_t| (exact)'),
          line('2ε̄(1−(1−α)^t)', 'bound 2ε̄(1 − (1−α)ᵗ)', { dashed: true }),
          line('remainder weight 1−(1−α)^t', 'remainder weight 1 − (1−α)ᵗ', { width: 1 }),
          rule({ x: tt, label: `t = ${tt}` }),
        ]}
      />
    </WidgetShell>
  );
}
