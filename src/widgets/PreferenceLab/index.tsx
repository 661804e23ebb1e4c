/**
 * Bradley–Terry and DPO on a toy preference dataset (chapter 12): three prompts with six responses, a hidden
 * reward, preference pairs sampled from the reference; RLHF (reward model, then PPO against it) and DPO trained
 * in a worker from the reference, against the exact optima π*_{r*} (hidden reward) and π*_{r̂} (the data's
 * maximum-likelihood reward, DPO's minimiser). Charts: KL to the reference, win rate against it, distance to
 * π*_{r̂}, and each response's implicit reward against its hidden reward.
 */
import { useMemo, useState } from 'react';
import {
  Chart,
  Controls,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  rule,
  seedParam,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import {
  PREFERENCE_DEFAULTS,
  type PreferenceExact,
  type PreferencePoint,
  type PreferenceTask,
  type ResponseRow,
} from '@/worker/preference-client';
import { RunButtons } from './RunButtons';
import { useRunPoints } from './use-preference-trainer';

const params = defineParams({
  seed: seedParam(PREFERENCE_DEFAULTS.seed),
  beta: num({ min: 0.1, max: 5, step: 0.01, default: PREFERENCE_DEFAULTS.beta, log: true, label: 'β' }),
  pairs: int({
    min: 12,
    max: 10000,
    default: PREFERENCE_DEFAULTS.pairs,
    log: true,
    label: 'preference pairs',
  }),
  steps: int({ min: 300, max: 5000, default: PREFERENCE_DEFAULTS.steps, label: 'updates' }),
});

/** A row of the reward scatter: one response, or a point of the diagonal (its own rows). */
interface RewardRow {
  hidden: number;
  'DPO implicit reward'?: number;
  'RLHF reward model'?: number;
  'y = x'?: number;
}

export default function PreferenceLab({ id = 'pref' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const task: PreferenceTask = useMemo(
    () => ({
      kind: 'preferences',
      config: { ...PREFERENCE_DEFAULTS, seed: p.seed, beta: p.beta, pairs: p.pairs, steps: p.steps },
    }),
    [p.seed, p.beta, p.pairs, p.steps],
  );
  const [responses, setResponses] = useState<ResponseRow[]>([]);
  const [exact, setExact] = useState<PreferenceExact | null>(null);
  const { run, points, ...rest } = useRunPoints<PreferencePoint>(task, (e) => {
    if (e.type === 'preference-exact') {
      setExact(e.exact);
      setResponses(e.responses);
      return 'reset';
    }
    if (e.type === 'preference-points') {
      setResponses(e.responses);
      return e.points;
    }
  });
  const last = points[points.length - 1];
  const notices: string[] = [];
  if (exact && exact.mleFinite.some((f) => !f))
    notices.push(
      `With ${p.pairs} pairs, the maximum-likelihood reward does not exist for prompt${exact.mleFinite.filter((f) => !f).length > 1 ? 's' : ''} ` +
        `${exact.mleFinite.flatMap((f, x) => (f ? [] : [x + 1])).join(', ')} (a response wins every comparison it is in, or is never compared): ` +
        'DPO has no minimiser there and pushes the losers towards probability zero.',
    );
  notices.push(...rest.notices);

  const gapRows = points
    .filter((q) => Number.isFinite(q.dpoGapData))
    .map((q) => ({ step: q.step, RLHF: Math.max(q.rlhfGapData, 1e-12), DPO: Math.max(q.dpoGapData, 1e-12) }));
  const scatter: RewardRow[] = responses.map((r) => ({
    hidden: r.rStar,
    'DPO implicit reward': r.dpoReward,
    'RLHF reward model': r.rmReward,
  }));
  const span = Math.max(1, ...responses.map((r) => Math.abs(r.rStar)));
  const diagonal: RewardRow[] = [
    { hidden: -span, 'y = x': -span },
    { hidden: span, 'y = x': span },
  ];

  return (
    <WidgetShell
      title="RLHF and DPO on a toy preference dataset"
      onReset={reset}
      notices={notices}
      description="Three prompts with six responses each; a hidden reward labels pairs drawn from the reference. Both learners start at the reference; the dashed lines are exact."
    >
      <Controls>
        <ParamControls specs={params} values={p} set={set} />
      </Controls>
      <RunButtons {...run} testId="pref" />
      <Readouts>
        <Readout label="update" value={last?.step ?? 0} testId="pref-step" />
        <Readout label="RLHF phase" value={last?.rlhfPhase ?? '—'} testId="pref-phase" />
        <Readout
          label="reward model: pairs ranked right"
          value={last?.rmAccuracy ?? NaN}
          testId="pref-rm-acc"
        />
        <Readout
          label="DPO: mean weight σ(r̂_l − r̂_w)"
          value={last?.dpoWeight ?? NaN}
          testId="pref-dpo-weight"
        />
      </Readouts>
      <Readouts>
        <Readout label="win rate of π*_{r*} (exact)" value={exact?.optWin ?? NaN} testId="pref-opt-win" />
        <Readout label="KL(π*_{r*} ‖ π_ref) (exact)" value={exact?.optKl ?? NaN} testId="pref-opt-kl" />
        <Readout label="win rate of π*_{r̂} (exact)" value={exact?.dataWin ?? NaN} testId="pref-data-win" />
        <Readout label="KL(π*_{r̂} ‖ π_ref) (exact)" value={exact?.dataKl ?? NaN} testId="pref-data-kl" />
        <Readout label="KL(π*_{r̂} ‖ π*_{r*})" value={exact?.dataGap ?? NaN} testId="pref-data-gap" />
      </Readouts>
      <Readouts>
        <Readout label="DPO win rate" value={last?.dpoWin ?? NaN} testId="pref-dpo-win" />
        <Readout label="DPO KL to π_ref" value={last?.dpoKl ?? NaN} testId="pref-dpo-kl" />
        <Readout label="DPO: KL(π ‖ π*_{r̂})" value={last?.dpoGapData ?? NaN} testId="pref-dpo-gap" />
        <Readout label="RLHF win rate" value={last?.rlhfWin ?? NaN} testId="pref-rlhf-win" />
        <Readout label="RLHF KL to π_ref" value={last?.rlhfKl ?? NaN} testId="pref-rlhf-kl" />
        <Readout label="RLHF: KL(π ‖ π*_{r̂})" value={last?.rlhfGapData ?? NaN} testId="pref-rlhf-gap" />
      </Readouts>
      <Chart
        live
        caption="KL divergence from the reference during training (means over prompts), with the exact optima"
        data={points}
        x="step"
        xLabel="update"
        yLabel="KL(π ‖ π_ref)"
        filename="preferences-kl"
        testId="pref-kl-chart"
        layers={[
          line('rlhfKl', 'RLHF'),
          line('dpoKl', 'DPO'),
          ...(exact ? [rule({ y: exact.optKl, label: 'π*_{r*}' })] : []),
          ...(exact && Number.isFinite(exact.dataKl) ? [rule({ y: exact.dataKl, label: 'π*_{r̂}' })] : []),
        ]}
      />
      <Chart
        live
        caption="Win rate against the reference under the hidden reward, with the exact optima"
        data={points}
        x="step"
        xLabel="update"
        yLabel="win rate"
        filename="preferences-win"
        layers={[
          line('rlhfWin', 'RLHF'),
          line('dpoWin', 'DPO'),
          ...(exact ? [rule({ y: exact.optWin, label: 'π*_{r*}' })] : []),
          ...(exact && Number.isFinite(exact.dataWin) ? [rule({ y: exact.dataWin, label: 'π*_{r̂}' })] : []),
        ]}
      />
      <Chart
        live
        logY
        caption="Distance to the exact optimum for the data's maximum-likelihood reward, KL(π ‖ π*_{r̂})"
        data={gapRows}
        x="step"
        xLabel="update"
        yLabel="KL(π ‖ π*_{r̂})"
        filename="preferences-gap"
        layers={[line('RLHF', 'RLHF'), line('DPO', 'DPO')]}
      />
      <Chart
        caption="Each response's learned reward against its hidden reward, both centred per prompt (the diagonal is perfect recovery)"
        data={scatter}
        x="hidden"
        xLabel="hidden reward r*(x, y), centred"
        yLabel="learned reward, centred"
        filename="preferences-rewards"
        layers={[
          line('DPO implicit reward', 'DPO implicit reward β log(π/π_ref)', { dotsOnly: true }),
          line('RLHF reward model', 'RLHF reward model r_φ', { dotsOnly: true }),
          line('y = x', 'y = x', { dashed: true, data: diagonal }),
        ]}
      />
    </WidgetShell>
  );
}
