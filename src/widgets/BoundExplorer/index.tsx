/**
 * Bound explorer (chapter 5): move a softmax policy along the policy gradient (or natural gradient) and watch the
 * true J(π'), the surrogate L_π(π') and TRPO's lower bounds L − Cα² and L − C·KLmax. The bounds always stay below J;
 * the chart shades the region below the larger bound, the values the theorem rules out for J(π').
 */
import { useMemo } from 'react';
import { labLayout } from '@/rl';
import {
  seedParam,
  Controls,
  Readout,
  Readouts,
  Select,
  ParamControls,
  Slider,
  WidgetShell,
  instanceParam,
  useLinkedInstance,
  StatementChecks,
  Button,
} from '@/widgets/common';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';
import { boundsAt, curve, floorOf, instanceSetup, setup, thetaAt } from './compute';
import { BoundChart } from './BoundChart';

const params = defineParams({
  seed: seedParam(3),
  states: int({ min: 2, max: 12, default: 5, label: 'states' }),
  actions: int({ min: 2, max: 5, default: 3, label: 'actions' }),
  gamma: num({ min: 0.5, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  dir: oneOf(['gradient', 'natural'] as const, 'gradient'),
  tmax: num({ min: 0.1, max: 10, step: 0.1, default: 2 }),
  t: num({ min: 0, max: 10, step: 0.01, default: 0.5 }),
  /** An explicit instance (a "break this theorem" lab's link): π to π′ along the step, π′ at step 1. */
  inst: instanceParam(),
});

const TRPO_STATEMENTS = ['trpo-tv', 'trpo-kl', 'trpo-mean-kl'] as const;

export default function BoundExplorer({ id = 'trpo' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const instance = useLinkedInstance(id, p.inst);
  const s = useMemo(
    () => (instance ? instanceSetup(instance) : setup(p.seed, p.states, p.actions, p.gamma, p.dir)),
    [instance, p.seed, p.states, p.actions, p.gamma, p.dir],
  );
  const data = useMemo(() => curve(s, p.tmax), [s, p.tmax]);
  const t = Math.min(p.t, p.tmax);
  const b = useMemo(() => boundsAt(s, t), [s, t]);
  const holds = b.J >= b.tvBound - 1e-12 && b.J >= b.klBound - 1e-12;
  const lowest = Math.min(...data.map((d) => Math.min(d.J, d.L)));
  const highest = Math.max(...data.map((d) => Math.max(d.J, d.L)));
  const pad = (highest - lowest) * 0.6 + 1e-3;
  // The instance with π′ moved to the current step, for the lab's statements.
  const atStep = useMemo(() => {
    if (!instance) return null;
    const theta = thetaAt(s, t).flat();
    const x = [...instance.x];
    const start = labLayout(instance.states, instance.actions).thetaNew;
    theta.forEach((v, i) => (x[start + i] = v));
    return { ...instance, x };
  }, [instance, s, t]);
  return (
    <WidgetShell
      title="TRPO's bounds along a step"
      onReset={reset}
      description="A random MDP and a random softmax policy π. Slide the step size: the new policy π' moves along the chosen direction. J(π') must stay above both lower bounds, out of the shaded region."
    >
      <Controls>
        <Slider
          label="step size"
          value={t}
          min={0}
          max={p.tmax}
          step={p.tmax / 200}
          onChange={(v) => set({ t: v })}
          format={(v) => v.toFixed(3)}
        />
        <Slider
          label="range"
          value={p.tmax}
          min={0.1}
          max={10}
          step={0.1}
          onChange={(v) => set({ tmax: v, t: Math.min(t, v) })}
        />
        {!instance && (
          <Select
            label="direction"
            value={p.dir}
            options={[
              { value: 'gradient', label: 'policy gradient' },
              { value: 'natural', label: 'natural gradient' },
            ]}
            onChange={(v) => set({ dir: v })}
          />
        )}
        {!instance && (
          <ParamControls
            inline
            specs={params}
            values={p}
            set={set}
            fields={['gamma', 'states', 'actions', 'seed']}
          />
        )}
        {instance && (
          <Button onClick={() => set({ inst: '' })} testId="trpo-leave-instance">
            Back to the random MDP
          </Button>
        )}
      </Controls>
      <Readouts>
        <Readout label="J(π')" value={b.J} testId="trpo-J" />
        <Readout label="L_π(π')" value={b.L} testId="trpo-L" />
        <Readout label="L − Cα²" value={b.tvBound} testId="trpo-tv-bound" />
        <Readout label="L − C·KLmax" value={b.klBound} testId="trpo-kl-bound" />
        <Readout label="α = max TV" value={b.alpha} testId="trpo-alpha" />
        <Readout label="ε_A = max |A|" value={b.eps} testId="trpo-eps" />
        <Readout label="C = 4ε_Aγ/(1−γ)²" value={b.C} testId="trpo-C" />
        <Readout label="|J − L| ≤ tight gap" value={b.tightGap} testId="trpo-tight-gap" />
        <Readout label="slack J − (L − Cα²)" value={b.J - b.tvBound} testId="trpo-slack" />
        <Readout label="floor = larger bound" value={floorOf(b)} testId="trpo-floor" />
        <Readout label="bounds hold" value={holds} testId="trpo-holds" />
      </Readouts>
      {instance && atStep && (
        <>
          <p data-testid="trpo-instance">
            Showing the instance from the link: {instance.states} states, {instance.actions} actions, γ ={' '}
            {instance.gamma}. Step 0 is its π, step 1 its π′.
          </p>
          <StatementChecks instance={atStep} statements={TRPO_STATEMENTS} prefix="trpo-stmt" />
        </>
      )}
      <BoundChart
        data={data}
        t={t}
        yDomain={[lowest - pad, highest + pad * 0.3]}
        caption="True return J(π'), surrogate L, and the TV and KL lower bounds as the step grows."
      />
    </WidgetShell>
  );
}
