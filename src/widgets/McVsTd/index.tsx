/**
 * Monte Carlo against TD(0) on the 5-state random walk (chapter 9; Sutton & Barto's Figure 6.2): RMS error over the
 * states after each episode, averaged over seeded runs, for TD(0) at three step sizes and constant-α every-visit
 * Monte Carlo at four. The runs come from src/rl (walkRun) and are spread over frames with useChunkedRun.
 */
import { useState } from 'react';
import { WALK_SERIES, runSeeds, walkRun } from '@/rl';
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
  runs: int({ min: 1, max: 500, default: 100, label: 'runs' }),
  episodes: int({ min: 10, max: 500, default: 100, label: 'episodes' }),
});

const label = (key: string) => {
  const s = WALK_SERIES.find((x) => x.key === key)!;
  return `${s.method === 'td' ? 'TD(0)' : 'MC'} α = ${s.alpha}`;
};

interface Progress {
  rows: Array<Record<string, number>>;
  runs: number;
  done: boolean;
}

export default function McVsTd({ id = 'mctd' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const [prog, setProg] = useState<Progress>({ rows: [], runs: 0, done: false });
  useChunkedRun(
    `${p.seed}:${p.runs}:${p.episodes}`,
    () => {
      const seeds = runSeeds(p.seed, p.runs);
      const E = p.episodes;
      const sums = WALK_SERIES.map(() => new Float64Array(E + 1));
      let k = 0; // next (run, series) job, run-major
      const total = p.runs * WALK_SERIES.length;
      return {
        done: () => k >= total,
        step: () => {
          const r = Math.floor(k / WALK_SERIES.length);
          const j = k % WALK_SERIES.length;
          walkRun(WALK_SERIES[j], seeds[r], E).forEach((x, e) => (sums[j][e] += x));
          k++;
        },
        publish: () => {
          const runs = Math.floor(k / WALK_SERIES.length);
          const rows =
            runs === 0
              ? []
              : Array.from({ length: E + 1 }, (_, e) => {
                  const row: Record<string, number> = { episode: e };
                  WALK_SERIES.forEach((s, j) => (row[s.key] = sums[j][e] / runs));
                  return row;
                });
          setProg({ rows, runs, done: k >= total });
        },
      };
    },
    1000,
  );

  const last = prog.rows[prog.rows.length - 1];
  const min = (key: string) => Math.min(...prog.rows.map((r) => r[key]));
  return (
    <WidgetShell
      title="Monte Carlo against TD on the random walk"
      onReset={reset}
      description="Five states A–E between two terminal ends, start in C, uniform random steps, reward 1 at the right end (V = 1/6 … 5/6). Estimates start at 0.5; each curve is the RMS error over the five states after each episode, averaged over the runs."
    >
      <ParamControls specs={params} values={p} set={set} fields={['runs', 'episodes', 'seed']} />
      <Readouts>
        <Readout label="runs averaged" value={prog.runs} testId="mctd-runs" />
        <Readout label="finished" value={prog.done} testId="mctd-done" />
        {WALK_SERIES.map((s) => (
          <Readout
            key={s.key}
            label={`${label(s.key)}, last episode`}
            value={last ? last[s.key] : NaN}
            digits={3}
            testId={`mctd-final-${s.key}`}
          />
        ))}
        <Readout
          label="TD(0) α = 0.15, lowest"
          value={last ? min('td15') : NaN}
          digits={3}
          testId="mctd-min-td15"
        />
      </Readouts>
      <Chart
        data={prog.rows}
        x="episode"
        xLabel="episodes"
        yLabel="RMS error"
        filename="mc-vs-td"
        caption="RMS error of the value estimates on the 5-state random walk against episodes, averaged over runs: TD(0) solid, constant-α Monte Carlo dashed."
        layers={WALK_SERIES.map((s) => line(s.key, label(s.key), { dashed: s.method === 'mc' }))}
      />
    </WidgetShell>
  );
}
