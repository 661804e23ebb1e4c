/**
 * Baird's counterexample, exactly (chapter 9): the expected semi-gradient TD update w ← w + α(Mw + h) on the
 * seven-state star with its eight features, iterated in float64 by src/rl (expectedLinearTD). Off-policy weighting
 * diverges; on-policy weighting or Monte Carlo targets do not. The closed-form 2 × 2 value dynamics (K_γ) give the
 * growth rate and the threshold γ = 15/17.
 */
import { useMemo } from 'react';
import { BAIRD_MODES, bairdCounterexample, bairdProblem, bairdValueDynamics, type BairdMode } from '@/rl';
import { Chart, ParamControls, Readout, Readouts, WidgetShell, line } from '@/widgets/common';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';
import { expectedLinearTD } from '@/rl';

const MODE_LABELS: Record<BairdMode, string> = {
  'off-policy': 'off-policy TD (behaviour weighting)',
  'on-policy': 'on-policy TD (target weighting)',
  'monte-carlo': 'Monte Carlo target (no bootstrapping)',
};
const threeDigits = (v: number) => v.toFixed(3);
const params = defineParams({
  gamma: num({ min: 0.5, max: 0.999, step: 0.001, default: 0.99, label: 'γ' }),
  alpha: num({ min: 0.001, max: 0.1, step: 0.001, default: 0.01, label: 'step size α' }),
  sweeps: int({ min: 10, max: 5000, default: 1000, label: 'sweeps' }),
  mode: oneOf(BAIRD_MODES, 'off-policy', { label: 'update', labels: MODE_LABELS }),
});
const MAX_ROWS = 400;

export default function BairdExact({ id = 'baird' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const out = useMemo(() => {
    const b = bairdCounterexample(p.gamma);
    const { problem, target } = bairdProblem(b, p.mode);
    const run = expectedLinearTD(problem, { alpha: p.alpha, w0: b.w0, iterations: p.sweeps, target });
    const every = Math.max(1, Math.ceil(p.sweeps / MAX_ROWS));
    const rows = run.weights
      .map((w, k) => ({ k, w }))
      .filter(({ k }) => k % every === 0 || k === p.sweeps)
      .map(({ k, w }) => {
        const row: Record<string, number> = { sweep: k, norm: run.norms[k] };
        w.forEach((x, i) => (row[`w${i + 1}`] = x));
        return row;
      });
    const dyn = bairdValueDynamics(p.gamma);
    // Long-run growth per sweep of the off-policy values: the largest |1 + α λ / 7| over the eigenvalues λ of K_γ.
    const rate = Math.max(
      ...dyn.eigenvalues.map(([re, im]) => Math.hypot(1 + (p.alpha * re) / 7, (p.alpha * im) / 7)),
    );
    return { run, rows, dyn, rate };
  }, [p.gamma, p.alpha, p.sweeps, p.mode]);
  const { run, dyn } = out;
  const [l1, l2] = dyn.eigenvalues;
  const fmtEig = ([re, im]: [number, number]) =>
    im === 0 ? re : `${re.toFixed(4)} ${im < 0 ? '−' : '+'} ${Math.abs(im).toFixed(4)}i`;
  return (
    <WidgetShell
      title="Baird's counterexample, exactly"
      onReset={reset}
      description="Seven states, eight weights, all rewards 0 (so w = 0 is exact). The expected TD update for the always-solid target policy is iterated without sampling noise; the weighting of the states and the target decide whether it converges."
    >
      <ParamControls
        specs={params}
        values={p}
        set={set}
        fields={['mode', 'gamma', 'alpha', 'sweeps']}
        format={{ gamma: threeDigits, alpha: threeDigits }}
      />
      <Readouts>
        <Readout label="‖w‖ at the start" value={run.norms[0]} digits={4} testId="baird-norm-start" />
        <Readout
          label="‖w‖ at the end"
          value={run.norms[run.norms.length - 1]}
          digits={5}
          testId="baird-norm-final"
        />
        <Readout label="growth of the last sweep" value={run.lastGrowth} digits={6} testId="baird-growth" />
        <Readout
          label="off-policy long-run growth (closed form)"
          value={out.rate}
          digits={6}
          testId="baird-rate"
        />
        <Readout label="eigenvalue of K_γ, largest" value={fmtEig(l1)} digits={4} testId="baird-lambda-1" />
        <Readout label="eigenvalue of K_γ, second" value={fmtEig(l2)} digits={4} testId="baird-lambda-2" />
        <Readout
          label="divergence threshold 15/17"
          value={dyn.threshold}
          digits={4}
          testId="baird-threshold"
        />
        <Readout
          label="‖Φw − V^π‖_μ at the end"
          value={run.errors[run.errors.length - 1]}
          digits={4}
          testId="baird-error-final"
        />
      </Readouts>
      <Chart
        data={out.rows}
        x="sweep"
        xLabel="sweeps"
        yLabel="weight"
        filename="baird-weights"
        caption="The eight weights of Baird's counterexample under the expected update, sweep by sweep."
        layers={Array.from({ length: 8 }, (_, i) => line(`w${i + 1}`, `w${i + 1}`, { dashed: i === 7 }))}
      />
      <Chart
        data={out.rows}
        x="sweep"
        xLabel="sweeps"
        yLabel="‖w‖"
        logY
        height={200}
        filename="baird-norm"
        caption="Euclidean norm of the weights (log scale)."
        layers={[line('norm', '‖w‖')]}
      />
    </WidgetShell>
  );
}
