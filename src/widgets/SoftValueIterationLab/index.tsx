/**
 * Soft value iteration lab (chapter 10): chapter 1's GridWorld with an entropy bonus at temperature α (log slider).
 * Shows the soft-optimal policy π*_α as arrows whose length is the probability, soft value iteration's error against
 * its γ^k contraction bound, and, across temperatures, the ordinary return J(π_α) against J* and the mean entropy.
 * Goal, pit and walls are terminal (no entropy bonus after the episode ends).
 */
import { useMemo, useState } from 'react';
import {
  gridWorld,
  softPolicyEvaluation,
  softValueIteration,
  supNorm,
  valueIteration,
  type CellKind,
  type MDP,
} from '@/rl';
import {
  Chart,
  Controls,
  DataTable,
  ExportMenu,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  rule,
  useChunkedRun,
} from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';
import { GridPicture } from './GridPicture';

const W = 5;
const H = 4;
/** Chapter 1's default layout (GridWorldLab): goal top right, pit below it, one wall, start bottom left. */
const LAYOUT = 'eeeegeweepeeeeeeseee';
const CODES: Record<string, CellKind> = { e: 'empty', w: 'wall', g: 'goal', p: 'pit', s: 'start' };
const CELLS: CellKind[] = [...LAYOUT].map((c) => CODES[c]);
const TERMINAL = CELLS.map((c) => c === 'wall' || c === 'goal' || c === 'pit');
const START = CELLS.indexOf('start');
/** Tolerance of every soft value iteration here: far below what the readouts print. */
const TOL = 1e-13;
/** Temperatures of the sweep chart: 9 per decade from 10^-3 to 10. */
const SWEEP = Array.from({ length: 37 }, (_, i) => 10 ** (-3 + i / 9));

const params = defineParams({
  alpha: num({ min: 1e-6, max: 10, step: 1e-6, default: 0.01, log: true, label: 'temperature α' }),
  gamma: num({ min: 0.5, max: 0.99, step: 0.01, default: 0.9, label: 'γ' }),
  slip: num({ min: 0, max: 0.8, step: 0.05, default: 0.1, label: 'slip' }),
  step: num({ min: -1, max: 0, step: 0.01, default: -0.04, label: 'step reward' }),
});

function buildWorld(gamma: number, slip: number, step: number): MDP {
  const at = (k: CellKind) => CELLS.flatMap((c, i) => (c === k ? [i] : []));
  return gridWorld({
    width: W,
    height: H,
    walls: at('wall'),
    goals: at('goal'),
    pits: at('pit'),
    start: START,
    slip,
    stepReward: step,
    gamma,
  }).mdp;
}

interface SweepRow {
  logAlpha: number;
  alpha: number;
  J: number;
  Jstar: number;
  entropy: number;
}

export default function SoftValueIterationLab({ id = 'svi' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const mdp = useMemo(() => buildWorld(p.gamma, p.slip, p.step), [p.gamma, p.slip, p.step]);
  const hard = useMemo(() => valueIteration(mdp, { tol: TOL, maxIter: 20000 }), [mdp]);
  const Jstar = mdp.rho0.reduce((acc, w, s) => acc + w * hard.V[s], 0);
  const soft = useMemo(() => {
    const star = softValueIteration(mdp, {
      temperature: p.alpha,
      tol: TOL,
      maxIter: 20000,
      terminal: TERMINAL,
    });
    const run = softValueIteration(mdp, {
      temperature: p.alpha,
      tol: 0,
      maxIter: Math.min(star.iterations, 400),
      keepHistory: true,
      terminal: TERMINAL,
    });
    const e0 = supNorm(run.history![0], star.V);
    const errors = run.history!.map((V, k) => ({ k, error: supNorm(V, star.V), bound: p.gamma ** k * e0 }));
    const worst = Math.max(...errors.map((e) => (e.bound > 0 ? e.error / e.bound : 0)));
    const ev = softPolicyEvaluation(mdp, star.policy, { temperature: p.alpha, terminal: TERMINAL });
    return { star, errors, worst, ev };
  }, [mdp, p.alpha, p.gamma]);

  // The sweep over temperatures costs tens of milliseconds: run it in slices.
  const [sweep, setSweep] = useState<SweepRow[]>([]);
  useChunkedRun(`${p.gamma}|${p.slip}|${p.step}`, () => {
    const rows: SweepRow[] = [];
    let i = 0;
    return {
      step: () => {
        const alpha = SWEEP[i++];
        const star = softValueIteration(mdp, {
          temperature: alpha,
          tol: 1e-10,
          maxIter: 20000,
          terminal: TERMINAL,
        });
        const ev = softPolicyEvaluation(mdp, star.policy, { temperature: alpha, terminal: TERMINAL });
        rows.push({ logAlpha: Math.log10(alpha), alpha, J: ev.Jreward, Jstar, entropy: ev.meanEntropy });
      },
      done: () => i >= SWEEP.length,
      publish: () => setSweep(rows.slice()),
    };
  });

  const { star, errors, worst, ev } = soft;
  const bound = (p.alpha * Math.log(4)) / (1 - p.gamma);
  const cellRows = CELLS.map((kind, s) => ({
    cell: `${Math.floor(s / W)},${s % W}`,
    kind,
    V: star.V[s],
    up: star.policy[s][0],
    right: star.policy[s][1],
    down: star.policy[s][2],
    left: star.policy[s][3],
    entropy: ev.entropy[s],
  }));
  return (
    <WidgetShell
      title="Soft value iteration lab"
      onReset={reset}
      description="Chapter 1's GridWorld with an entropy bonus α·H(π(·|s)) in every non-terminal cell. Arrows: the soft-optimal policy softmax(Q*_α/α), each as long as its probability."
    >
      <Controls>
        <ParamControls specs={params} values={p} set={set} format={{ alpha: (v) => v.toPrecision(3) }} />
      </Controls>
      <GridPicture
        width={W}
        height={H}
        cells={CELLS}
        terminal={TERMINAL}
        values={star.V}
        policy={star.policy}
        label={`Soft-optimal policy at α = ${p.alpha.toPrecision(3)}; start cell: up ${star.policy[START][0].toFixed(3)}, right ${star.policy[START][1].toFixed(3)}`}
      />
      <DataTable rows={cellRows} caption="Soft values and policy of every cell" />
      <ExportMenu filename="soft-gridworld" rows={cellRows} />
      <Readouts>
        <Readout label="J(π_α), ordinary return" value={ev.Jreward} testId="svi-j" digits={4} />
        <Readout label="J* (chapter 1)" value={Jstar} testId="svi-jstar" digits={4} />
        <Readout label="J* − J(π_α)" value={Jstar - ev.Jreward} testId="svi-gap" digits={4} />
        <Readout label="bound α log 4/(1−γ)" value={bound} testId="svi-bound" digits={4} />
        <Readout label="soft return J_α(π_α)" value={ev.J} testId="svi-jsoft" digits={4} />
        <Readout label="mean entropy over d_π" value={ev.meanEntropy} testId="svi-entropy" digits={4} />
        <Readout label="start: π(up)" value={star.policy[START][0]} testId="svi-start-up" digits={3} />
        <Readout label="start: π(right)" value={star.policy[START][1]} testId="svi-start-right" digits={3} />
        <Readout label="soft VI sweeps" value={star.iterations} testId="svi-iterations" />
        <Readout label="hard VI sweeps" value={hard.iterations} testId="svi-vi-iterations" />
        <Readout label="max |V*_α − V*|" value={supNorm(star.V, hard.V)} testId="svi-vi-gap" digits={3} />
        <Readout label="worst error / γᵏ bound" value={worst} testId="svi-worst-ratio" digits={4} />
      </Readouts>
      <Chart
        caption="Soft value iteration: sup-norm error against the γᵏ contraction bound"
        data={errors}
        x="k"
        xLabel="sweep k"
        yLabel="‖V_k − V*_α‖∞"
        logY
        layers={[line('error', 'error ‖V_k − V*_α‖'), line('bound', 'γᵏ ‖V_0 − V*_α‖', { dashed: true })]}
        filename="soft-vi-error"
      />
      <Chart
        caption="Across temperatures: ordinary return of π_α, the optimum J*, and the policy's mean entropy"
        data={sweep}
        x="logAlpha"
        xLabel="log₁₀ α"
        xDomain={[-3, 1]}
        layers={[
          line('J', 'J(π_α)'),
          line('Jstar', 'J*', { dashed: true }),
          line('entropy', 'mean entropy (nats)'),
          rule({ x: Math.log10(p.alpha), label: 'current α' }),
        ]}
        filename="soft-vi-temperatures"
      />
    </WidgetShell>
  );
}
