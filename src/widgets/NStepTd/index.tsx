/**
 * n-step TD on the 19-state random walk (chapter 9; Sutton & Barto's Figure 7.2): the RMS error averaged over the
 * first 10 episodes, for n = 1 … 512 against the step size, averaged over seeded runs. Each (n, α, run) is one call
 * of src/rl's nStepRun, spread over frames with useChunkedRun.
 */
import { useState } from 'react';
import { NSTEP_ALPHAS, NSTEP_NS, nStepRun, runSeeds } from '@/rl';
import {
  Chart,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  seedParam,
  useChunkedRun,
} from '@/widgets/common';
import { defineParams, int, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(1),
  runs: int({ min: 1, max: 200, default: 50, label: 'runs' }),
});

const key = (n: number) => `n${n}`;
const CONFIGS = NSTEP_NS.flatMap((n, i) => NSTEP_ALPHAS.map((alpha, j) => ({ n, alpha, i, j })));

interface Best {
  n: number;
  alpha: number;
  rms: number;
}

export default function NStepTd({ id = 'nstep' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const [state, setState] = useState<{ grid: number[][]; runs: number; done: boolean }>({
    grid: [],
    runs: 0,
    done: false,
  });
  useChunkedRun(
    `${p.seed}:${p.runs}`,
    () => {
      const seeds = runSeeds(p.seed, p.runs);
      const sums = NSTEP_NS.map(() => new Float64Array(NSTEP_ALPHAS.length));
      let k = 0;
      const total = p.runs * CONFIGS.length;
      return {
        done: () => k >= total,
        step: () => {
          const c = CONFIGS[k % CONFIGS.length];
          sums[c.i][c.j] += nStepRun(c.n, c.alpha, seeds[Math.floor(k / CONFIGS.length)]);
          k++;
        },
        publish: () => {
          const runs = Math.floor(k / CONFIGS.length);
          setState({
            grid: runs ? sums.map((row) => Array.from(row, (x) => x / runs)) : [],
            runs,
            done: k >= total,
          });
        },
      };
    },
    1000,
  );

  const { grid } = state;
  const rows = grid.length
    ? NSTEP_ALPHAS.map((alpha, j) => {
        const row: Record<string, number> = { alpha };
        NSTEP_NS.forEach((n, i) => (row[key(n)] = grid[i][j]));
        return row;
      })
    : [];
  // Best over α > 0 for one n (α = 0 learns nothing), and best overall.
  const bestFor = (i: number): Best => {
    let b: Best = { n: NSTEP_NS[i], alpha: NaN, rms: Infinity };
    NSTEP_ALPHAS.forEach((alpha, j) => {
      if (alpha > 0 && grid[i][j] < b.rms) b = { n: NSTEP_NS[i], alpha, rms: grid[i][j] };
    });
    return b;
  };
  const bests = grid.length ? NSTEP_NS.map((_, i) => bestFor(i)) : [];
  const best = bests.reduce<Best | null>((acc, b) => (!acc || b.rms < acc.rms ? b : acc), null);
  const last = bests[bests.length - 1];
  return (
    <WidgetShell
      title="n-step TD: error against step size"
      onReset={reset}
      description="The 19-state random walk (rewards −1 and +1 at the ends, V(i) = −1 + i/10), estimates starting at 0. Each point is the RMS error over the 19 states averaged over the first 10 episodes and over the runs."
    >
      <ParamControls specs={params} values={p} set={set} fields={['runs', 'seed']} />
      <Readouts>
        <Readout label="runs averaged" value={state.runs} testId="nstep-runs" />
        <Readout label="finished" value={state.done} testId="nstep-done" />
        <Readout label="best n" value={best?.n ?? NaN} testId="nstep-best-n" />
        <Readout label="best α" value={best?.alpha ?? NaN} testId="nstep-best-alpha" />
        <Readout label="best error" value={best?.rms ?? NaN} digits={3} testId="nstep-best-rms" />
        <Readout label="TD(0): best error" value={bests[0]?.rms ?? NaN} digits={3} testId="nstep-best-n1" />
        <Readout label="TD(0): at α" value={bests[0]?.alpha ?? NaN} testId="nstep-best-alpha-n1" />
        <Readout label="n = 512: best error" value={last?.rms ?? NaN} digits={3} testId="nstep-best-n512" />
      </Readouts>
      <Chart
        data={rows}
        x="alpha"
        xLabel="step size α"
        yLabel="RMS error, first 10 episodes"
        yDomain={[0.2, 0.6]}
        filename="n-step-td"
        caption="Average RMS error over the first 10 episodes of n-step TD on the 19-state random walk, against the step size, one curve per n."
        layers={NSTEP_NS.map((n, i) => line(key(n), `n = ${n}`, { dots: true, dashed: i >= 7 }))}
      />
    </WidgetShell>
  );
}
