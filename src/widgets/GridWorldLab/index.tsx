/**
 * GridWorld lab (chapter 1): click cells to cycle empty → wall → goal → pit; set slip and γ. Shows V, the greedy
 * policy as arrows, and steps value iteration with its sup-norm error against the γ^k contraction bound, or policy
 * iteration with values that only rise.
 */
import { useMemo, useState } from 'react';
import { gridWorld, policyIteration, qFromV, supNorm, valueIteration, type CellKind } from '@/rl';
import {
  Button,
  DataTable,
  Controls,
  Readout,
  Readouts,
  Select,
  ParamControls,
  WidgetShell,
  Chart,
  line,
  rule,
} from '@/widgets/common';
import { defineParams, num, oneOf, str, useUrlParams } from '@/lib/url-state';

const W = 5;
const H = 4;
const DEFAULT_LAYOUT = 'eeeegeweepeeeeeeseee'.padEnd(W * H, 'e');
const CODES: Record<string, CellKind> = { e: 'empty', w: 'wall', g: 'goal', p: 'pit', s: 'start' };
const CYCLE: CellKind[] = ['empty', 'wall', 'goal', 'pit'];
const ARROWS = ['↑', '→', '↓', '←'];

const params = defineParams({
  layout: str(DEFAULT_LAYOUT, W * H, /[ewgps]/),
  gamma: num({ min: 0.5, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  slip: num({ min: 0, max: 0.8, step: 0.05, default: 0.1, label: 'slip' }),
  step: num({ min: -1, max: 0, step: 0.01, default: -0.04, label: 'step reward' }),
  method: oneOf(['vi', 'pi'] as const, 'vi'),
});

function parseLayout(code: string): CellKind[] {
  const cells = [...code.padEnd(W * H, 'e')].slice(0, W * H).map((c) => CODES[c] ?? 'empty');
  if (!cells.includes('start')) cells[cells.indexOf('empty') >= 0 ? cells.indexOf('empty') : 0] = 'start';
  return cells;
}
const encode = (cells: CellKind[]) =>
  cells.map((c) => ({ empty: 'e', wall: 'w', goal: 'g', pit: 'p', start: 's' })[c]).join('');

export default function GridWorldLab({ id = 'gw' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const cells = useMemo(() => parseLayout(p.layout), [p.layout]);
  const world = useMemo(
    () =>
      gridWorld({
        width: W,
        height: H,
        walls: cells.flatMap((c, i) => (c === 'wall' ? [i] : [])),
        goals: cells.flatMap((c, i) => (c === 'goal' ? [i] : [])),
        pits: cells.flatMap((c, i) => (c === 'pit' ? [i] : [])),
        start: cells.indexOf('start'),
        slip: p.slip,
        stepReward: p.step,
        gamma: p.gamma,
      }),
    [cells, p.slip, p.step, p.gamma],
  );
  const exact = useMemo(() => valueIteration(world.mdp, { tol: 1e-13, maxIter: 20000 }), [world]);
  const vi = useMemo(() => valueIteration(world.mdp, { tol: 0, maxIter: 60, keepHistory: true }), [world]);
  const pi = useMemo(() => policyIteration(world.mdp), [world]);
  const [k, setK] = useState(0);
  const maxK = p.method === 'vi' ? vi.history!.length - 1 : pi.history.length - 1;
  const kk = Math.min(k, maxK);
  const V = p.method === 'vi' ? vi.history![kk] : pi.history[kk];
  const e0 = supNorm(vi.history![0], exact.V);
  const errors = vi.history!.map((v, i) => ({ k: i, error: supNorm(v, exact.V), bound: p.gamma ** i * e0 }));
  const greedy =
    p.method === 'vi' ? valueIteration(world.mdp, { V0: V, maxIter: 1, tol: 0 }).policy : pi.policies[kk];
  const vmax = Math.max(...exact.V.map(Math.abs), 1e-9);
  const toggle = (i: number) => {
    if (cells[i] === 'start') return;
    const next = cells.slice();
    next[i] = CYCLE[(CYCLE.indexOf(cells[i]) + 1) % CYCLE.length];
    set({ layout: encode(next) });
    setK(0);
  };
  return (
    <WidgetShell
      title="GridWorld lab"
      onReset={() => (reset(), setK(0))}
      description="Click a cell (or focus it and press Enter) to cycle empty → wall → goal → pit. S is the start. Entering a goal pays 1, a pit −1, any other move the step reward."
    >
      <Controls>
        <Select
          label="algorithm"
          value={p.method}
          options={[
            { value: 'vi', label: 'value iteration' },
            { value: 'pi', label: 'policy iteration' },
          ]}
          onChange={(v) => (set({ method: v }), setK(0))}
        />
        <Button onClick={() => setK(Math.min(kk + 1, maxK))} disabled={kk >= maxK} testId="gw-step">
          Step
        </Button>
        <Button onClick={() => setK(maxK)} testId="gw-run">
          Run to the end
        </Button>
        <Button onClick={() => setK(0)}>Restart</Button>
        <ParamControls inline specs={params} values={p} set={set} fields={['gamma', 'slip', 'step']} />
      </Controls>
      <div
        className="gridworld"
        style={{ gridTemplateColumns: `repeat(${W}, 1fr)` }}
        role="group"
        aria-label="GridWorld: values and greedy actions"
      >
        {cells.map((c, i) => {
          const v = V[i];
          const shade = c === 'empty' || c === 'start' ? Math.round((Math.abs(v) / vmax) * 55) : 0;
          const tone = v >= 0 ? 'var(--ok)' : 'var(--bad)';
          const a = greedy[i].indexOf(1);
          return (
            <button
              type="button"
              key={i}
              className={`gw-cell gw-${c}`}
              onClick={() => toggle(i)}
              aria-label={`cell ${Math.floor(i / W) + 1},${(i % W) + 1}: ${c}, value ${v.toFixed(3)}${c === 'empty' || c === 'start' ? `, greedy action ${world.actionNames[a]}` : ''}`}
              style={{ background: shade ? `color-mix(in srgb, ${tone} ${shade}%, transparent)` : undefined }}
            >
              <span className="gw-kind">
                {c === 'goal' ? 'G' : c === 'pit' ? 'P' : c === 'start' ? 'S' : c === 'wall' ? '' : ''}
              </span>
              {c !== 'wall' && <span className="gw-value">{v.toFixed(2)}</span>}
              {(c === 'empty' || c === 'start') && <span className="gw-arrow">{ARROWS[a]}</span>}
            </button>
          );
        })}
      </div>
      <Readouts>
        <Readout label={p.method === 'vi' ? 'sweeps k' : 'improvements'} value={kk} testId="vi-iteration" />
        <Readout label="‖V_k − V*‖∞" value={supNorm(V, exact.V)} testId="vi-error" />
        <Readout label="γᵏ ‖V_0 − V*‖∞" value={p.gamma ** kk * e0} testId="vi-bound" />
        <Readout label="V*(start)" value={exact.V[cells.indexOf('start')]} testId="gw-vstar-start" />
        <Readout label="policy iteration steps" value={pi.iterations} testId="pi-iterations" />
      </Readouts>
      <DataTable
        caption="V and Q of every open cell at the current iterate (Q(s, a) = r(s, a) + γ Σ P(s′|s, a) V(s′))"
        rows={qFromV(world.mdp, V).flatMap((q, i) =>
          cells[i] === 'empty' || cells[i] === 'start'
            ? [
                {
                  cell: `${Math.floor(i / W) + 1},${(i % W) + 1}`,
                  V: V[i],
                  'Q up': q[0],
                  'Q right': q[1],
                  'Q down': q[2],
                  'Q left': q[3],
                },
              ]
            : [],
        )}
      />
      <Chart
        data={errors}
        x="k"
        xLabel="sweep k"
        yLabel="sup-norm error"
        logY
        filename="value-iteration-error"
        caption="Value iteration: the error ‖V_k − V*‖∞ (log scale) never exceeds the contraction bound γᵏ‖V_0 − V*‖∞."
        layers={[
          line('error', '‖V_k − V*‖∞'),
          line('bound', 'γᵏ‖V_0 − V*‖∞', { dashed: true }),
          ...(p.method === 'vi' ? [rule({ x: kk })] : []),
        ]}
      />
    </WidgetShell>
  );
}
