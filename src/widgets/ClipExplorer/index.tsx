/**
 * Clip explorer (chapter 6): min(rA, clip(r, 1 − ε, 1 + ε)A) against r for A > 0 and A < 0, the flat (zero
 * gradient) regions shaded, and a movable r with the objective and its gradient.
 */
import { useMemo } from 'react';
import { Chart, line, region, rule, Readout, Readouts, ParamControls, WidgetShell } from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';
import { clippedGradient, clippedObjective } from '@/rl';

const params = defineParams({
  eps: num({ min: 0.01, max: 0.9, step: 0.01, default: 0.2, label: 'ε' }),
  r: num({ min: 0, max: 2.5, step: 0.01, default: 1.3, label: 'ratio r' }),
  adv: num({ min: -2, max: 2, step: 0.05, default: 1, label: 'advantage A' }),
});

export default function ClipExplorer({ id = 'clip' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const data = useMemo(
    () =>
      Array.from({ length: 251 }, (_, i) => {
        const r = i / 100;
        return {
          r,
          'A > 0': clippedObjective(r, 1, p.eps),
          'A < 0': clippedObjective(r, -1, p.eps),
          'rA (A = 1)': r,
        };
      }),
    [p.eps],
  );
  const A = p.adv;
  const objective = clippedObjective(p.r, A, p.eps);
  const gradient = clippedGradient(p.r, A, p.eps);
  return (
    <WidgetShell
      title="The clipped surrogate for one sample"
      onReset={reset}
      description="Shaded: where the clipped term is flat and its gradient is zero (right of 1 + ε for A > 0, left of 1 − ε for A < 0)."
    >
      <ParamControls specs={params} values={p} set={set} fields={['eps', 'r', 'adv']} />
      <Readouts>
        <Readout label="objective min(rA, clip(r)A)" value={objective} testId="clip-objective" />
        <Readout label="gradient in r" value={gradient} testId="clip-gradient" />
        <Readout label="unclipped rA" value={p.r * A} testId="clip-unclipped" />
        <Readout
          label="clip range"
          value={`[${(1 - p.eps).toFixed(2)}, ${(1 + p.eps).toFixed(2)}]`}
          testId="clip-range"
        />
      </Readouts>
      <Chart
        data={data}
        x="r"
        xLabel="probability ratio r"
        yLabel="objective"
        filename="ppo-clip"
        caption="Clipped objective against the ratio r, for A = +1 and A = −1, with the unclipped rA for reference."
        layers={[
          region({ x1: 1 + p.eps, x2: 2.5, tone: 'bad', label: 'A > 0: flat' }),
          region({ x1: 0, x2: 1 - p.eps, tone: 'ok', label: 'A < 0: flat' }),
          rule({ x: p.r, label: 'r' }),
          rule({ x: 1 }),
          line('A > 0', 'A > 0'),
          line('A < 0', 'A < 0'),
          line('rA (A = 1)', 'rA (A = 1)', { dashed: true }),
        ]}
      />
    </WidgetShell>
  );
}
