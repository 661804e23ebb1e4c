/**
 * GRPO on a verifiable task (chapter 12): sums of two digits answered by a small MLP (tfjs, in a worker), reward 1
 * for the right sum. Three learners from the same supervised reference on the same problems: GRPO, GRPO without
 * the std normalisation, and PPO with a learned critic. Exact accuracy and KL to the reference over training; and
 * ω_G(p), the exact weight the normalisation gives a prompt with success probability p (prop-ch12-grpo-weight).
 */
import { useMemo } from 'react';
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
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';
import { grpoBinaryWeight } from '@/rl';
import { GRPO_DEFAULTS, type GrpoPoint, type PreferenceTask } from '@/worker/preference-client';
import { RunButtons } from '../PreferenceLab/RunButtons';
import { useRunPoints } from '../PreferenceLab/use-preference-trainer';

const BACKENDS = ['auto', 'wasm', 'cpu', 'webgl', 'webgpu'] as const;

const params = defineParams({
  seed: seedParam(GRPO_DEFAULTS.seed),
  groupSize: int({ min: 2, max: 16, default: GRPO_DEFAULTS.groupSize, label: 'group size G' }),
  clip: num({ min: 0.05, max: 0.5, step: 0.01, default: GRPO_DEFAULTS.clip, label: 'clip ε' }),
  klCoef: num({ min: 0, max: 0.2, step: 0.005, default: GRPO_DEFAULTS.klCoef, label: 'KL coefficient β' }),
  lr: num({
    min: 0.001,
    max: 0.05,
    step: 0.0005,
    default: GRPO_DEFAULTS.lr,
    log: true,
    label: 'learning rate',
  }),
  updates: int({ min: 20, max: 500, default: GRPO_DEFAULTS.updates, label: 'updates' }),
  backend: oneOf(BACKENDS, 'wasm', { label: 'backend' }),
});

const NAMES = { grpo: 'GRPO', 'grpo-nostd': 'GRPO without std', 'ppo-critic': 'PPO with a critic' } as const;

export default function GrpoLab({ id = 'grpo' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const task: PreferenceTask = useMemo(
    () => ({
      kind: 'grpo',
      backend: p.backend,
      config: {
        ...GRPO_DEFAULTS,
        seed: p.seed,
        groupSize: p.groupSize,
        clip: p.clip,
        klCoef: p.klCoef,
        lr: p.lr,
        updates: p.updates,
      },
    }),
    [p.seed, p.groupSize, p.clip, p.klCoef, p.lr, p.updates, p.backend],
  );
  const { run, points, notices } = useRunPoints<GrpoPoint>(task, (e) =>
    e.type === 'status' && e.status === 'initialising'
      ? 'reset'
      : e.type === 'grpo-points'
        ? e.points
        : undefined,
  );
  const rows = points.map((q) => ({
    samples: q.samples,
    'GRPO accuracy': q.stats.grpo.accuracy,
    'GRPO without std accuracy': q.stats['grpo-nostd'].accuracy,
    'PPO accuracy': q.stats['ppo-critic'].accuracy,
    'GRPO KL': q.stats.grpo.kl,
    'GRPO without std KL': q.stats['grpo-nostd'].kl,
    'PPO KL': q.stats['ppo-critic'].kl,
  }));
  const first = points[0]?.stats.grpo;
  const last = points[points.length - 1];
  const weights = useMemo(
    () =>
      Array.from({ length: 99 }, (_, i) => {
        const q = (i + 1) / 100;
        return {
          p: q,
          'with std': grpoBinaryWeight(q, p.groupSize),
          'without std': grpoBinaryWeight(q, p.groupSize, { normalizeStd: false }),
        };
      }),
    [p.groupSize],
  );

  return (
    <WidgetShell
      title="GRPO on sums of two digits"
      onReset={reset}
      notices={notices}
      description="Reward 1 for the right sum. Three learners from the same supervised reference, on the same problems, with the same number of sampled answers."
    >
      <Controls>
        <ParamControls specs={params} values={p} set={set} />
      </Controls>
      <Readouts>
        <Readout label={`ω_G(0.05), G = ${p.groupSize}`} value={weights[4]['with std']} testId="grpo-w-05" />
        <Readout label={`ω_G(0.5), G = ${p.groupSize}`} value={weights[49]['with std']} testId="grpo-w-50" />
        <Readout label="without std: G − 1" value={weights[49]['without std']} testId="grpo-w-nostd" />
      </Readouts>
      <Chart
        caption="The weight ω_G(p) of a prompt with success probability p in GRPO's expected update ω_G(p)∇p, with and without the std normalisation"
        data={weights}
        x="p"
        xLabel="success probability p of the prompt"
        yLabel="ω_G(p)"
        filename="grpo-weight"
        layers={[
          line('with std', 'with std (GRPO)'),
          line('without std', 'without std (Dr. GRPO)', { dashed: true }),
        ]}
      />
      <RunButtons {...run} testId="grpo" />
      <Readouts>
        <Readout label="update" value={last?.update ?? 0} testId="grpo-update" />
        <Readout label="reference accuracy" value={first?.accuracy ?? NaN} testId="grpo-ref-acc" />
        {(['grpo', 'grpo-nostd', 'ppo-critic'] as const).map((v) => (
          <Readout
            key={v}
            label={`${NAMES[v]}: accuracy`}
            value={last?.stats[v].accuracy ?? NaN}
            testId={`grpo-acc-${v}`}
          />
        ))}
        {(['grpo', 'grpo-nostd', 'ppo-critic'] as const).map((v) => (
          <Readout
            key={v}
            label={`${NAMES[v]}: KL to π_ref`}
            value={last?.stats[v].kl ?? NaN}
            testId={`grpo-kl-${v}`}
          />
        ))}
      </Readouts>
      <Chart
        live
        caption="Accuracy over all 100 problems (the expected reward, exact) against answers sampled"
        data={rows}
        x="samples"
        xLabel="answers sampled"
        yLabel="accuracy"
        filename="grpo-accuracy"
        testId="grpo-acc-chart"
        layers={[
          line('GRPO accuracy', 'GRPO'),
          line('GRPO without std accuracy', 'GRPO without std'),
          line('PPO accuracy', 'PPO with a critic'),
          ...(first ? [rule({ y: first.accuracy, label: 'reference' })] : []),
        ]}
      />
      <Chart
        live
        caption="Mean KL divergence from the reference over all 100 problems, against answers sampled"
        data={rows}
        x="samples"
        xLabel="answers sampled"
        yLabel="KL(π ‖ π_ref)"
        filename="grpo-kl"
        layers={[
          line('GRPO KL', 'GRPO'),
          line('GRPO without std KL', 'GRPO without std'),
          line('PPO KL', 'PPO with a critic'),
        ]}
      />
    </WidgetShell>
  );
}
