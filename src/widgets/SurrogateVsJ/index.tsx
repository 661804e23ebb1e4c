/** J against L (chapter 3): along θ0 + t·d the curves touch at t = 0 with equal slope; the gap grows like t². */
import { useMemo } from 'react';
import { createRng, evaluatePolicy, softmaxPolicy, softmaxPolicyGradient, surrogate } from '@/rl';
import {
  seedParam,
  Readout,
  Readouts,
  ParamControls,
  WidgetShell,
  Chart,
  line,
  rule,
  randomProblem,
} from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(6),
  gamma: num({ min: 0.5, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  t: num({ min: -2, max: 2, step: 0.01, default: 0.5, label: 't' }),
});

export default function SurrogateVsJ({ id = 'sur' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const m = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: 6, actions: 3, gamma: p.gamma });
    const { mdp, theta } = problem;
    const rng = createRng(p.seed + 2);
    const dir = theta.map((r) => r.map(() => rng.normal()));
    const pi = softmaxPolicy(theta);
    const J0 = evaluatePolicy(mdp, pi).J;
    const g = softmaxPolicyGradient(mdp, theta);
    const slope = g.reduce((acc, r, s) => acc + r.reduce((b, x, a) => b + x * dir[s][a], 0), 0);
    const at = (t: number) => softmaxPolicy(theta.map((r, s) => r.map((x, a) => x + t * dir[s][a])));
    const point = (t: number) => {
      const q = at(t);
      return { t, J: evaluatePolicy(mdp, q).J, L: surrogate(mdp, pi, q), tangent: J0 + slope * t };
    };
    return { point, J0, slope, curve: Array.from({ length: 81 }, (_, i) => point(-2 + i / 20)) };
  }, [p.seed, p.gamma]);
  const here = m.point(p.t);
  const gap = here.J - here.L;
  return (
    <WidgetShell
      title="The surrogate touches J to first order"
      onReset={reset}
      description="θ = θ₀ + t·d for a random direction d. J, L and the tangent of J at t = 0."
    >
      <ParamControls specs={params} values={p} set={set} fields={['t', 'gamma', 'seed']} />
      <Readouts>
        <Readout label="J(θ)" value={here.J} testId="surrogate-J" />
        <Readout label="L(θ)" value={here.L} testId="surrogate-L" />
        <Readout label="J − L" value={gap} testId="surrogate-gap" />
        <Readout
          label="(J − L)/t²"
          value={p.t === 0 ? NaN : gap / (p.t * p.t)}
          testId="surrogate-gap-ratio"
        />
        <Readout label="slope of J and L at 0" value={m.slope} testId="surrogate-slope" />
      </Readouts>
      <Chart
        data={m.curve}
        x="t"
        xLabel="t"
        yLabel="value"
        filename="surrogate-vs-J"
        caption="True return J and surrogate L along a line through θ₀, with the tangent of J at t = 0."
        layers={[
          line('J', 'J'),
          line('L', 'L'),
          line('tangent', 'tangent at 0', { dashed: true }),
          rule({ x: p.t, label: 't' }),
        ]}
      />
    </WidgetShell>
  );
}
