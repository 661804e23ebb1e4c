/** Bellman check (chapter 1): both sides of the Bellman expectation equation for a chosen state, evaluated exactly. */
import { useMemo } from 'react';
import { evaluatePolicy } from '@/rl';
import {
  seedParam,
  Controls,
  DataTable,
  Readout,
  Readouts,
  ParamControls,
  Slider,
  WidgetShell,
  randomProblem,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(4),
  states: int({ min: 2, max: 12, default: 5, label: 'states' }),
  actions: int({ min: 2, max: 4, default: 2 }),
  gamma: num({ min: 0, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  state: int({ min: 0, max: 11, default: 0 }),
});

export default function BellmanCheck({ id = 'bell' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const s = Math.min(p.state, p.states - 1);
  const r = useMemo(() => {
    const problem = randomProblem({ seed: p.seed, states: p.states, actions: p.actions, gamma: p.gamma });
    const { mdp, pi } = problem;
    const ev = evaluatePolicy(mdp, pi);
    return { mdp, pi, ev };
  }, [p.seed, p.states, p.actions, p.gamma]);
  const terms = r.pi[s].map((w, a) => {
    const next = r.mdp.P[a][s].reduce((acc, q, t) => acc + q * r.ev.V[t], 0);
    return {
      action: a,
      'π(a|s)': w,
      'r(s,a)': r.mdp.R[s][a],
      'Σ P(s′|s,a) V(s′)': next,
      'r + γ·E V': r.mdp.R[s][a] + p.gamma * next,
    };
  });
  const rhs = terms.reduce((acc, t) => acc + t['π(a|s)'] * t['r + γ·E V'], 0);
  return (
    <WidgetShell
      title="Both sides of the Bellman equation"
      onReset={reset}
      description="V^π is computed by an exact linear solve; the right-hand side averages one step of reward plus the discounted value of the next state."
    >
      <Controls>
        <Slider label="state s" value={s} min={0} max={p.states - 1} onChange={(v) => set({ state: v })} />
        <ParamControls inline specs={params} values={p} set={set} fields={['gamma', 'states', 'seed']} />
      </Controls>
      <Readouts>
        <Readout label="left: V^π(s)" value={r.ev.V[s]} testId="bellman-lhs" digits={12} />
        <Readout label="right: Σ_a π(a|s)[r(s,a) + γ Σ P V]" value={rhs} testId="bellman-rhs" digits={12} />
        <Readout label="difference" value={r.ev.V[s] - rhs} testId="bellman-diff" />
      </Readouts>
      <DataTable rows={terms} caption={`The terms of the right-hand side at state ${s}`} />
    </WidgetShell>
  );
}
