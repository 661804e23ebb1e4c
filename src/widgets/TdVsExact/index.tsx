/** TD(0) against the exact values (chapter 1): sample transitions under π and watch the TD estimates converge. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRng, evaluatePolicy, supNorm } from '@/rl';
import {
  seedParam,
  Button,
  Controls,
  Readout,
  Readouts,
  ParamControls,
  WidgetShell,
  Chart,
  line,
  randomProblem,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(5),
  states: int({ min: 2, max: 10, default: 4 }),
  gamma: num({ min: 0, max: 0.95, step: 0.01, default: 0.8, label: 'γ' }),
  lr: num({ min: 0.001, max: 0.5, step: 0.001, default: 0.05, label: 'step size' }),
});

const STEPS_PER_BATCH = 2000;

export default function TdVsExact({ id = 'td' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const model = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: p.states, actions: 2, gamma: p.gamma });
    const { mdp, pi } = problem;
    return { mdp, pi, V: evaluatePolicy(mdp, pi).V };
  }, [p.seed, p.states, p.gamma]);
  const sim = useRef({ V: new Float64Array(p.states), s: 0, rng: createRng(p.seed), t: 0 });
  const [hist, setHist] = useState<Array<{ steps: number; error: number }>>([]);

  const restart = () => {
    sim.current = {
      V: new Float64Array(p.states),
      s: createRng(p.seed + 2).categorical(model.mdp.rho0),
      rng: createRng(p.seed + 3),
      t: 0,
    };
    setHist([{ steps: 0, error: supNorm(sim.current.V, model.V) }]);
  };
  useEffect(restart, [model, p.lr]); // eslint-disable-line react-hooks/exhaustive-deps

  const run = (batches: number) => {
    const x = sim.current;
    const { mdp, pi } = model;
    const out: Array<{ steps: number; error: number }> = [];
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < STEPS_PER_BATCH; i++) {
        const a = x.rng.categorical(pi[x.s]);
        const s2 = x.rng.categorical(mdp.P[a][x.s]);
        // TD(0): V(s) += lr (r + γ V(s') − V(s)).
        x.V[x.s] += p.lr * (mdp.R[x.s][a] + mdp.gamma * x.V[s2] - x.V[x.s]);
        x.s = s2;
      }
      x.t += STEPS_PER_BATCH;
      out.push({ steps: x.t, error: supNorm(x.V, model.V) });
    }
    setHist((h) => [...h, ...out]);
  };
  const last = hist[hist.length - 1];
  return (
    <WidgetShell
      title="TD(0) against the exact values"
      onReset={() => (reset(), restart())}
      description="One long trajectory under π; each transition nudges V(s) towards r + γV(s′). With a constant step size the error falls to a noise floor set by the step size."
    >
      <Controls>
        <Button onClick={() => run(1)} testId="td-step">
          {STEPS_PER_BATCH} steps
        </Button>
        <Button onClick={() => run(10)} variant="primary" testId="td-run">
          {10 * STEPS_PER_BATCH} steps
        </Button>
        <ParamControls inline specs={params} values={p} set={set} fields={['lr', 'gamma', 'seed']} />
      </Controls>
      <Readouts>
        <Readout label="transitions" value={last?.steps ?? 0} testId="td-steps" />
        <Readout label="‖V_TD − V^π‖∞" value={last?.error ?? NaN} testId="td-error" />
      </Readouts>
      <Chart
        data={hist}
        x="steps"
        xLabel="transitions"
        yLabel="sup-norm error"
        logY
        filename="td-error"
        caption="Sup-norm distance between the TD(0) estimate and the exact V^π."
        layers={[line('error', '‖V_TD − V^π‖∞')]}
      />
    </WidgetShell>
  );
}
