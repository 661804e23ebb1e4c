/**
 * Mixture explorer (chapter 4): the true improvement J(π_α) − J(π) of the mixture (1 − α)π + απ' against
 * Kakade and Langford's lower bound, the α maximising the bound, and the slope at α = 0.
 */
import { useMemo } from 'react';
import { decodeInstance, evaluatePolicy, greedyPolicy, labLayout, mixtureBound, softmaxPolicy } from '@/rl';
import {
  seedParam,
  Controls,
  Readout,
  Readouts,
  Select,
  ParamControls,
  WidgetShell,
  Chart,
  line,
  rule,
  marks,
  randomProblem,
  instanceParam,
  useLinkedInstance,
  StatementChecks,
  Button,
} from '@/widgets/common';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(2),
  states: int({ min: 2, max: 15, default: 6, label: 'states' }),
  actions: int({ min: 2, max: 5, default: 3 }),
  gamma: num({ min: 0.5, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  alpha: num({ min: 0, max: 1, step: 0.005, default: 0.1, label: 'mixture weight α' }),
  target: oneOf(['greedy', 'random'] as const, 'greedy'),
  /** An explicit instance (a "break this theorem" lab's link): its MDP, π and (as the random π′) its π′. */
  inst: instanceParam(),
});

const LAB_STATEMENTS = ['kl-mixture', 'cpi-optimality'] as const;

export default function MixtureExplorer({ id = 'mix' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const instance = useLinkedInstance(id, p.inst);
  const model = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: p.states, actions: p.actions, gamma: p.gamma });
    const linked = instance ? decodeInstance(instance) : null;
    const { mdp, pi } = linked ?? problem;
    const other = () => (linked ? linked.piNew : softmaxPolicy(problem.otherTheta(2)));
    const piPrime = p.target === 'greedy' ? greedyPolicy(evaluatePolicy(mdp, pi).Q) : other();
    const curve = Array.from({ length: 101 }, (_, i) => {
      const a = i / 100;
      const m = mixtureBound(mdp, pi, piPrime, a);
      return { alpha: a, improvement: m.improvement, lowerBound: m.lowerBound };
    });
    const best = curve.reduce((x, y) => (y.lowerBound > x.lowerBound ? y : x));
    // Slope at 0: exact value A/(1−γ) against a one-sided finite difference of the true improvement.
    const h = 1e-6;
    const m0 = mixtureBound(mdp, pi, piPrime, 0);
    const fd = mixtureBound(mdp, pi, piPrime, h).improvement / h;
    return { mdp, pi, piPrime, curve, best, slopeExact: m0.policyAdvantage / (1 - mdp.gamma), slopeFd: fd };
  }, [instance, p.seed, p.states, p.actions, p.gamma, p.target]);
  // The linked instance with the slider's weight, for the lab's statements.
  const atWeight = useMemo(() => {
    if (!instance) return null;
    const x = [...instance.x];
    x[labLayout(instance.states, instance.actions).weight] = p.alpha;
    return { ...instance, x };
  }, [instance, p.alpha]);
  const m = useMemo(() => mixtureBound(model.mdp, model.pi, model.piPrime, p.alpha), [model, p.alpha]);
  return (
    <WidgetShell
      title="Kakade and Langford's bound for mixtures"
      onReset={reset}
      description="π is a random softmax policy; π′ is greedy with respect to Q_π (or another random policy). The improvement of the mixture must lie above the bound for every α."
    >
      <Controls>
        <ParamControls inline specs={params} values={p} set={set} fields={['alpha']} />
        <Select
          label="π′"
          value={p.target}
          options={[
            { value: 'greedy', label: 'greedy w.r.t. Q_π' },
            { value: 'random', label: 'a random policy' },
          ]}
          onChange={(v) => set({ target: v })}
        />
        {instance ? (
          <Button onClick={() => set({ inst: '' })} testId="mixture-leave-instance">
            Back to the random MDP
          </Button>
        ) : (
          <ParamControls inline specs={params} values={p} set={set} fields={['gamma', 'states', 'seed']} />
        )}
      </Controls>
      <Readouts>
        <Readout label="α" value={p.alpha} testId="mixture-alpha" />
        <Readout label="J(π_α) − J(π)" value={m.improvement} testId="mixture-improvement" />
        <Readout label="lower bound" value={m.lowerBound} testId="mixture-lower-bound" />
        <Readout label="policy advantage 𝔸" value={m.policyAdvantage} testId="mixture-policy-advantage" />
        <Readout label="ε̄ = max_s |Ā(s)|" value={m.eps} testId="mixture-eps" />
        <Readout label="α maximising the bound" value={model.best.alpha} testId="mixture-best-alpha" />
        <Readout label="slope at 0 (exact 𝔸/(1−γ))" value={model.slopeExact} testId="mixture-slope-exact" />
        <Readout label="slope at 0 (finite difference)" value={model.slopeFd} testId="mixture-slope-fd" />
      </Readouts>
      {instance && atWeight && (
        <>
          <p data-testid="mixture-instance">
            Showing the instance from the link: {instance.states} states, {instance.actions} actions, γ ={' '}
            {instance.gamma}; the random π′ is the instance's π′.
          </p>
          <StatementChecks instance={atWeight} statements={LAB_STATEMENTS} prefix="mixture-stmt" />
        </>
      )}
      <Chart
        data={model.curve}
        x="alpha"
        xLabel="α"
        yLabel="J(π_α) − J(π)"
        filename="mixture-bound"
        caption="True improvement of the mixture policy and Kakade and Langford's lower bound, for α from 0 to 1."
        layers={[
          line('improvement', 'true improvement'),
          line('lowerBound', 'lower bound'),
          rule({ x: p.alpha, label: 'α' }),
          rule({ y: 0 }),
          marks([{ x: model.best.alpha, y: model.best.lowerBound, label: 'best α' }]),
        ]}
      />
    </WidgetShell>
  );
}
