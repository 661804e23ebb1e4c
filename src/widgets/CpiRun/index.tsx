/**
 * Conservative policy iteration (chapter 4): each iteration mixes towards the greedy policy with the α that
 * maximises Kakade and Langford's bound, so J never decreases. The step is `cpiStep` of src/rl/cpi.ts.
 */
import { useMemo, useState } from 'react';
import { cpiStep, evaluatePolicy, greedyPolicy, type Policy } from '@/rl';
import {
  seedParam,
  Button,
  Controls,
  Readout,
  Readouts,
  ParamControls,
  WidgetShell,
  Chart,
  rule,
  line,
  predict,
  useRandomProblem,
} from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(8),
  gamma: num({ min: 0.5, max: 0.95, step: 0.01, default: 0.8, label: 'γ' }),
});

/** The iterations a prediction covers (three presses of "Ten iterations"). */
const PREDICT_ITERATIONS = 30;

export default function CpiRun({ id = 'cpi' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const { mdp, pi: start } = useRandomProblem({ seed: p.seed, states: 6, actions: 3, gamma: p.gamma });
  const [hist, setHist] = useState<{
    key: string;
    pis: Policy[];
    rows: Array<{ iteration: number; J: number; alpha: number; guaranteed: number }>;
  }>({ key: '', pis: [], rows: [] });
  const key = `${p.seed}:${p.gamma}`;
  const h =
    hist.key === key
      ? hist
      : {
          key,
          pis: [start],
          rows: [{ iteration: 0, J: evaluatePolicy(mdp, start).J, alpha: 0, guaranteed: 0 }],
        };
  const step = (n: number) => {
    let pis = h.pis;
    let rows = h.rows;
    for (let i = 0; i < n; i++) {
      const pi = pis[pis.length - 1];
      const r = cpiStep(mdp, pi);
      pis = [...pis, r.next];
      rows = [
        ...rows,
        { iteration: rows.length, J: evaluatePolicy(mdp, r.next).J, alpha: r.alpha, guaranteed: r.bound },
      ];
    }
    setHist({ key, pis, rows });
  };
  const last = h.rows[h.rows.length - 1];
  const monotone = h.rows.every((r, i) => i === 0 || r.J >= h.rows[i - 1].J - 1e-12);
  const optimal = useMemo(() => {
    let pi = start;
    for (let i = 0; i < 50; i++) pi = greedyPolicy(evaluatePolicy(mdp, pi).Q);
    return evaluatePolicy(mdp, pi).J;
  }, [mdp, start]);
  // Predict before running: J over the first 30 iterations, and when it closes 95 % of the gap to J*.
  const J0 = h.rows[0].J;
  const gap = Math.abs(optimal - J0) || 1;
  const prediction = predict('J', {
    id: `cpi:${p.seed}:${p.gamma}`,
    xDomain: [0, PREDICT_ITERATIONS],
    yDomain: [Math.min(J0, optimal) - 0.1 * gap, Math.max(J0, optimal) + 0.1 * gap],
    threshold: J0 + 0.95 * (optimal - J0),
    knots: PREDICT_ITERATIONS / 2 + 1,
    label: 'J(π) per iteration',
    testId: 'cpi-prediction',
  });
  return (
    <WidgetShell
      title="Conservative policy iteration"
      onReset={() => (reset(), setHist({ key: '', pis: [], rows: [] }))}
      description="Each step mixes π towards the greedy policy with the α that maximises the lower bound; the bound guarantees J never falls."
    >
      <Controls>
        <Button onClick={() => step(1)} testId="cpi-step">
          One iteration
        </Button>
        <Button onClick={() => step(10)} variant="primary" testId="cpi-run">
          Ten iterations
        </Button>
        <ParamControls inline specs={params} values={p} set={set} fields={['gamma', 'seed']} />
      </Controls>
      <Readouts>
        <Readout label="iteration" value={last.iteration} testId="cpi-iteration" />
        <Readout label="J(π)" value={last.J} testId="cpi-J" />
        <Readout label="last α" value={last.alpha} testId="cpi-alpha" />
        <Readout label="J never decreased" value={monotone} testId="cpi-monotone" />
        <Readout label="optimal J*" value={optimal} testId="cpi-optimal" />
      </Readouts>
      <Chart
        data={h.rows}
        x="iteration"
        xLabel="iteration"
        yLabel="J"
        filename="cpi"
        caption="J(π) per iteration of conservative policy iteration, with the optimal value for reference."
        xDomain={[0, Math.max(PREDICT_ITERATIONS, last.iteration)]}
        layers={[rule({ y: optimal, label: 'J*' }), line('J', 'J(π)', { dots: true }), prediction]}
      />
    </WidgetShell>
  );
}
