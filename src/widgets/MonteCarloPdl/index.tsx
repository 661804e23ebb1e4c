/** Monte Carlo PDL (chapter 3): E_{τ∼π'}[Σ γᵗ A_π(sₜ, aₜ)] estimated from trajectories of the new policy. */
import { useMemo, useState } from 'react';
import { createRng, evaluatePolicy, performanceDifference, sampleTrajectory, softmaxPolicy } from '@/rl';
import {
  Button,
  Controls,
  Readout,
  Readouts,
  ParamControls,
  WidgetShell,
  seedParam,
  Chart,
  line,
  band,
  randomProblem,
} from '@/widgets/common';
import { defineParams, useUrlParams } from '@/lib/url-state';

const params = defineParams({ seed: seedParam(1) });
const BATCH = 200;

export default function MonteCarloPdl({ id = 'mcpdl' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const m = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: 5, actions: 3, gamma: 0.8 });
    const { mdp, pi } = problem;
    const piNew = softmaxPolicy(problem.otherTheta());
    return { mdp, piNew, A: evaluatePolicy(mdp, pi).A, exact: performanceDifference(mdp, pi, piNew).rhs };
  }, [p.seed]);
  const [run, setRun] = useState({
    seed: -1,
    n: 0,
    sum: 0,
    sq: 0,
    rows: [] as Array<{ n: number; estimate: number; exact: number; lo: number; hi: number }>,
  });
  const cur = run.seed === p.seed ? run : { seed: p.seed, n: 0, sum: 0, sq: 0, rows: [] };
  const draw = (batches: number) => {
    const rng = createRng(p.seed * 7919 + cur.n);
    let { n, sum, sq } = cur;
    const rows = cur.rows.slice();
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < BATCH; i++) {
        const tr = sampleTrajectory(m.mdp, m.piNew, rng);
        let x = 0;
        let g = 1;
        for (let t = 0; t < tr.states.length; t++) {
          x += g * m.A[tr.states[t]][tr.actions[t]];
          g *= m.mdp.gamma;
        }
        n++;
        sum += x;
        sq += x * x;
      }
      const mean = sum / n;
      const se = Math.sqrt(Math.max(0, sq / n - mean * mean) / n);
      rows.push({ n, estimate: mean, exact: m.exact, lo: mean - 2 * se, hi: mean + 2 * se });
    }
    setRun({ seed: p.seed, n, sum, sq, rows });
  };
  const last = cur.rows[cur.rows.length - 1];
  return (
    <WidgetShell
      title="The PDL by sampling"
      onReset={() => (reset(), setRun({ seed: -1, n: 0, sum: 0, sq: 0, rows: [] }))}
      description="Trajectories of π′ scored with the old policy's advantage. The running mean (± 2 standard errors) approaches J(π′) − J(π)."
    >
      <Controls>
        <Button onClick={() => draw(1)} testId="mcpdl-step">
          {BATCH} trajectories
        </Button>
        <Button onClick={() => draw(10)} variant="primary" testId="mcpdl-run">
          {10 * BATCH} trajectories
        </Button>
        <ParamControls inline specs={params} values={p} set={set} fields={['seed']} />
      </Controls>
      <Readouts>
        <Readout label="exact J(π′) − J(π)" value={m.exact} testId="mcpdl-exact" />
        <Readout label="estimate" value={last ? last.estimate : NaN} testId="mcpdl-estimate" />
        <Readout label="±2 s.e." value={last ? (last.hi - last.lo) / 2 : NaN} testId="mcpdl-halfwidth" />
        <Readout label="trajectories" value={cur.n} testId="mcpdl-samples" />
      </Readouts>
      <Chart
        data={cur.rows}
        x="n"
        xLabel="trajectories"
        yLabel="estimate"
        filename="mc-pdl"
        caption="Monte Carlo estimate of the PDL right-hand side with a ±2 standard-error band, against the exact value."
        layers={[
          band('lo', 'hi', { label: '±2 s.e.', color: 'series-0' }),
          line('estimate', 'estimate'),
          line('exact', 'exact', { width: 3, color: 'series-3' }),
        ]}
      />
    </WidgetShell>
  );
}
