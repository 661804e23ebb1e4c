/**
 * Soft policy iteration, step by step (chapter 10): exact soft evaluation, then π ← softmax(Q^π_α / α). After each
 * step every change Q_{k+1}(s, a) − Q_k(s, a) is shown (Lemma: none is negative), with the distance to soft value
 * iteration's fixed point Q*_α. Two readouts check note 004's slips on the same MDP.
 */
import { useMemo, useState } from 'react';
import {
  boltzmannPolicy,
  softPolicyIteration,
  softValueIteration,
  supNorm,
  tvDistance,
  uniformPolicy,
  undiscountedEntropySoftQ,
} from '@/rl';
import {
  Button,
  Chart,
  Controls,
  ExportMenu,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  seedParam,
  useRandomProblem,
} from '@/widgets/common';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(1),
  states: int({ min: 2, max: 10, default: 6, label: 'states' }),
  actions: int({ min: 2, max: 5, default: 3, label: 'actions' }),
  gamma: num({ min: 0, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  alpha: num({ min: 0.01, max: 10, step: 0.01, default: 0.5, log: true, label: 'temperature α' }),
  start: oneOf(['uniform', 'random'] as const, 'uniform', {
    label: 'start policy',
    labels: { uniform: 'uniform', random: 'random softmax' },
  }),
});

export default function SoftPolicyIterationSteps({ id = 'spi' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const { mdp, pi } = useRandomProblem({
    seed: p.seed,
    states: p.states,
    actions: p.actions,
    gamma: p.gamma,
  });
  const run = useMemo(() => {
    const pi0 = p.start === 'uniform' ? uniformPolicy(p.states, p.actions) : pi;
    const spi = softPolicyIteration(mdp, { temperature: p.alpha, pi0, tol: 1e-12 });
    const svi = softValueIteration(mdp, { temperature: p.alpha, tol: 1e-13, maxIter: 20000 });
    const errors = spi.steps.map((st, k) => ({ k, error: supNorm(st.Q.flat(), svi.Q.flat()) }));
    // Note 004's improvement target without the temperature, softmax(Q*_α), against π*_α.
    const noteTarget = boltzmannPolicy(svi.Q, 1);
    const noteTv = Math.max(...noteTarget.map((row, s) => tvDistance(row, svi.policy[s])));
    return { spi, svi, errors, noteTv };
  }, [mdp, pi, p.start, p.states, p.actions, p.alpha]);
  const [k, setK] = useState(0);
  const { spi, svi, errors, noteTv } = run;
  const last = spi.steps.length - 1;
  const kk = Math.min(k, last);
  const step = spi.steps[kk];
  const prev = kk > 0 ? spi.steps[kk - 1] : null;
  const minSoFar = Math.min(...spi.steps.slice(1, kk + 1).map((s) => s.minIncrease), Infinity);
  const noteQ = useMemo(
    () => undiscountedEntropySoftQ(mdp, step.policy, p.alpha),
    [mdp, step.policy, p.alpha],
  );
  const noteGap = Math.max(...noteQ.flatMap((row, s) => row.map((q, a) => q - step.Q[s][a])));
  const restart = (patch: Parameters<typeof set>[0]) => (set(patch), setK(0));
  const table = step.Q.flatMap((row, s) =>
    row.map((q, a) => ({
      s,
      a,
      pi: step.policy[s][a],
      Q: q,
      change: prev ? q - prev.Q[s][a] : NaN,
      Qstar: svi.Q[s][a],
    })),
  );
  return (
    <WidgetShell
      title="Soft policy iteration, step by step"
      onReset={() => (reset(), setK(0))}
      description="Each step evaluates the current policy exactly (soft Q by one linear solve) and replaces it by softmax(Q/α). The change of soft Q at every state and action is never negative."
    >
      <Controls>
        <ParamControls specs={params} values={p} set={restart} />
        <Button onClick={() => setK(Math.min(kk + 1, last))} disabled={kk >= last} testId="spi-step">
          Improve once
        </Button>
        <Button onClick={() => setK(last)} disabled={kk >= last} testId="spi-run">
          Run to the end
        </Button>
        <Button onClick={() => setK(0)} disabled={kk === 0} testId="spi-restart">
          Back to π₀
        </Button>
      </Controls>
      <Readouts>
        <Readout label="step k" value={kk} testId="spi-k" />
        <Readout label="‖Q_k − Q*_α‖∞" value={errors[kk].error} testId="spi-error" digits={4} />
        <Readout
          label="min over (s, a) of Q_k − Q_{k−1}"
          value={prev ? step.minIncrease : 'n/a'}
          testId="spi-min"
          digits={4}
        />
        <Readout
          label="every change so far ≥ 0"
          value={kk === 0 ? 'n/a' : minSoFar >= -1e-12 ? 'yes' : 'no'}
          testId="spi-lemma"
        />
        <Readout label="soft return J_α(π_k)" value={step.J} testId="spi-j" digits={6} />
        <Readout label="improvement steps to converge" value={spi.iterations} testId="spi-iterations" />
        <Readout
          label="soft VI sweeps for the same accuracy"
          value={svi.iterations}
          testId="spi-svi-iterations"
        />
        <Readout
          label="note 004's reward (no γ): max Q overstatement"
          value={noteGap}
          testId="spi-note-gap"
          digits={4}
        />
        <Readout
          label="note 004's target softmax(Q*) vs π*_α: worst TV"
          value={noteTv}
          testId="spi-note-tv"
          digits={3}
        />
      </Readouts>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Soft Q of every state and action at this step"
      >
        <table className="derivation">
          <caption>
            Step {kk}: soft Q of π_k, its change since the last step, and the fixed point Q*_α
          </caption>
          <thead>
            <tr>
              <th scope="col">s</th>
              <th scope="col">a</th>
              <th scope="col">π_k(a|s)</th>
              <th scope="col">Q_k(s, a)</th>
              <th scope="col">Q_k − Q_(k−1)</th>
              <th scope="col">Q*_α(s, a)</th>
            </tr>
          </thead>
          <tbody>
            {table.map((r) => (
              <tr key={`${r.s}-${r.a}`}>
                <td>{r.s}</td>
                <td>{r.a}</td>
                <td>{r.pi.toFixed(4)}</td>
                <td>{r.Q.toFixed(6)}</td>
                <td data-testid={`spi-change-${r.s}-${r.a}`} data-value={String(r.change)}>
                  {Number.isNaN(r.change) ? '—' : r.change.toExponential(2)}
                </td>
                <td>{r.Qstar.toFixed(6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportMenu filename={`soft-q-step-${kk}`} rows={table} />
      <Chart
        caption="Distance of soft Q to the fixed point of soft value iteration, per improvement step"
        data={errors.map((e) => ({ ...e, error: Math.max(e.error, 1e-16) }))}
        x="k"
        xLabel="improvement step k"
        yLabel="‖Q_k − Q*_α‖∞"
        logY
        layers={[line('error', '‖Q_k − Q*_α‖∞', { dots: true })]}
        filename="soft-policy-iteration"
      />
    </WidgetShell>
  );
}
