/**
 * Coupled rollouts (chapter 8): π and π' run side by side through the maximal coupling at each state. The
 * probability that they have disagreed before step t stays below 1 − (1 − α)^t and above the total variation
 * between their state distributions at t: the two inequalities behind chapter 5's proof. A "break this theorem" link
 * (`coupled.inst`) replaces the random MDP and policies by the instance's and shows the lab's statements on it.
 */
import { useMemo, useState } from 'react';
import {
  seedParam,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  Chart,
  rule,
  useChunkedRun,
  line,
  Button,
  instanceParam,
  StatementChecks,
  useLinkedInstance,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import { coupledRolloutCurves } from '@/rl';
import { createCoupledSampler, makeModel, modelFromInstance } from './compute';

const HORIZON = 30;
const params = defineParams({
  seed: seedParam(1),
  step: num({ min: 0, max: 3, step: 0.05, default: 0.3, label: 'distance between the policies' }),
  t: int({ min: 1, max: HORIZON, default: 10, label: 'step t' }),
  n: int({ min: 500, max: 20000, default: 5000, label: 'coupled rollouts' }),
  /** An explicit instance (a "break this theorem" lab's link): its MDP, π and π′ replace the random ones. */
  inst: instanceParam(),
});

const LAB_STATEMENTS = ['coupled-trajectories', 'coupled-state-tv', 'maximal-coupling', 'pinsker'] as const;

export default function CoupledRollouts({ id = 'coupled' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const instance = useLinkedInstance(id, p.inst);
  const model = useMemo(
    () => (instance ? modelFromInstance(instance) : makeModel(p.seed, p.step)),
    [instance, p.seed, p.step],
  );
  const exact = useMemo(() => coupledRolloutCurves(model.mdp, model.pi, model.piNew, HORIZON), [model]);
  const [sampled, setSampled] = useState<{ key: string; n: number; disagreed: number[] }>({
    key: '',
    n: 0,
    disagreed: [],
  });
  const runKey = `${p.seed}|${p.step}|${p.n}|${p.inst}`;
  useChunkedRun(runKey, () => {
    const s = createCoupledSampler(model, HORIZON, p.seed);
    return {
      step: () => s.step(Math.min(50, p.n - s.n)),
      done: () => s.n >= p.n,
      publish: () => setSampled({ key: runKey, n: s.n, disagreed: s.disagreed() }),
    };
  });
  const done = sampled.key === runKey && sampled.n >= p.n;
  const at = exact[p.t];
  const holds = at.tvState <= at.disagreeMaximal + 1e-12 && at.disagreeMaximal <= at.bound + 1e-12;
  const rows = exact.map((r, t) => ({
    t,
    'TV of the state laws': r.tvState,
    'Pr(disagreed before t), maximal coupling': r.disagreeMaximal,
    'the same, sampled': sampled.key === runKey ? (sampled.disagreed[t] ?? null) : null,
    'Pr(disagreed before t), independent draws': r.disagreeIndependent,
    '1 − (1 − α)^t': r.bound,
  }));
  return (
    <WidgetShell
      title="Coupled rollouts"
      onReset={reset}
      description="A random 6-state MDP; π is a softmax policy and π' moves its parameters along a random direction. Both start from the same state; while their actions have agreed they draw the next pair of actions from the maximal coupling at the common state and share the next state."
    >
      <ParamControls
        specs={params}
        values={p}
        set={set}
        fields={instance ? ['t', 'n'] : ['step', 't', 'n', 'seed']}
      />
      {instance && (
        <Button onClick={() => set({ inst: '' })} testId="coupled-leave-instance">
          Back to the random MDP
        </Button>
      )}
      <Readouts>
        <Readout label="α = max_s D_TV(π(·|s), π'(·|s))" value={model.alpha} testId="coupled-alpha" />
        <Readout label="D_TV(law of s_t under π, under π')" value={at.tvState} testId="coupled-tv-state" />
        <Readout
          label="Pr(disagreed before t), exact"
          value={at.disagreeMaximal}
          testId="coupled-disagree-exact"
        />
        <Readout label="1 − (1 − α)^t" value={at.bound} testId="coupled-bound" />
        <Readout label="TV ≤ Pr(disagreed) ≤ bound" value={holds} testId="coupled-holds" />
      </Readouts>
      <Readouts>
        <Readout
          label="rollouts sampled"
          value={sampled.key === runKey ? sampled.n : 0}
          testId="coupled-samples"
        />
        <Readout
          label="Pr(disagreed before t), sampled"
          value={done ? sampled.disagreed[p.t] : '—'}
          testId={done ? 'coupled-disagree-estimate' : undefined}
        />
        <Readout
          label="the same with independent draws"
          value={at.disagreeIndependent}
          testId="coupled-independent"
        />
      </Readouts>
      {instance && (
        <>
          <p data-testid="coupled-instance">
            Showing the instance from the link: {instance.states} states, {instance.actions} actions, its π
            and π′.
          </p>
          <StatementChecks instance={instance} statements={LAB_STATEMENTS} prefix="coupled-stmt" />
        </>
      )}
      <Chart
        data={rows}
        x="t"
        xLabel="step t"
        yLabel="probability"
        yDomain={[0, 1]}
        filename="coupled-rollouts"
        caption="Total variation between the state distributions of π and π' at step t, the probability that the coupled rollouts have disagreed before t (exact and sampled), the same for independent action draws, and the bound 1 − (1 − α)^t."
        layers={[
          rule({ x: p.t, label: 't' }),
          line('TV of the state laws', 'TV of state laws', { color: 'series-0' }),
          line('Pr(disagreed before t), maximal coupling', 'disagreed (maximal)', { color: 'series-2' }),
          line('the same, sampled', 'sampled', { dashed: true, dots: true, width: 1, color: 'series-2' }),
          line('Pr(disagreed before t), independent draws', 'disagreed (independent)', { color: 'series-1' }),
          line('1 − (1 − α)^t', 'bound 1 − (1 − α)^t', { dashed: true, color: 'series-4' }),
        ]}
      />
    </WidgetShell>
  );
}
