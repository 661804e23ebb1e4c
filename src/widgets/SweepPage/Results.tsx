/**
 * The aggregate of the accepted runs (./aggregate.ts, statistics from src/rl/rliable.ts): per configuration the
 * IQM of the final returns with its 95 % stratified bootstrap interval, the performance profiles, the probability of
 * improvement between configurations, and the mean learning curves with bands. Each chart brings its table and its
 * CSV/JSON/PNG/SVG export (the Chart kit); the whole result exports as CSV (one row per run) and JSON.
 */
import { useMemo } from 'react';
import { downloadCSV, downloadJSON } from '@/lib/export';
import type { Sweep } from '@/lib/sweep';
import type { CellResult } from '@/lib/sweep-code';
import { band, Chart, line, type Layer } from '@/widgets/common';
import { aggregate, BOOTSTRAP_SEED, REPS } from './aggregate';

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const color = (i: number) => `series-${(i % 7) + 1}`;

export function Results({
  sweep,
  results,
  codes,
}: {
  sweep: Sweep;
  results: CellResult[];
  codes: Record<number, string>;
}) {
  const agg = useMemo(() => aggregate(sweep, results), [sweep, results]);
  const withRuns = agg.configs.filter((c) => c.runs > 0);
  const iqmRows = withRuns.map((c) => ({ config: c.index, iqm: c.iqm, lo: c.lo, hi: c.hi }));
  const layersFor = (suffix = '') =>
    withRuns.flatMap((c): Layer<string>[] => [
      band(`c${c.index}lo${suffix}`, `c${c.index}hi${suffix}`, { color: color(c.index), opacity: 0.15 }),
      line(`c${c.index}${suffix}`, c.label, { color: color(c.index) }),
    ]);
  const name = `sweep-${sweep.hash.toString(16)}`;
  return (
    <div className="sweep-results">
      <table data-testid="iqm-table">
        <caption>
          Final return per configuration: interquartile mean (IQM) of the runs with its 95 % stratified
          bootstrap interval ({REPS} resamples, seed {BOOTSTRAP_SEED})
        </caption>
        <thead>
          <tr>
            <th scope="col">configuration</th>
            <th scope="col">runs</th>
            <th scope="col">IQM</th>
            <th scope="col">95 % interval</th>
            <th scope="col">solved</th>
          </tr>
        </thead>
        <tbody>
          {agg.configs.map((c) => (
            <tr key={c.index}>
              <th scope="row">{c.label}</th>
              <td data-testid={`runs-${c.index}`} data-value={c.runs}>
                {c.runs}
              </td>
              <td data-testid={`iqm-${c.index}`} data-value={c.iqm}>
                {fmt(c.iqm)}
              </td>
              <td>
                <span data-testid={`iqm-lo-${c.index}`} data-value={c.lo}>
                  {fmt(c.lo)}
                </span>{' '}
                …{' '}
                <span data-testid={`iqm-hi-${c.index}`} data-value={c.hi}>
                  {fmt(c.hi)}
                </span>
              </td>
              <td>
                {c.solved} / {c.runs}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Chart
        caption="IQM of the final return per configuration, with 95 % intervals"
        data={iqmRows}
        x="config"
        xLabel="configuration (row of the table above)"
        yLabel="final return"
        xDomain={[-0.5, Math.max(0.5, sweep.configs.length - 0.5)]}
        layers={[
          band('lo', 'hi', { label: '95 % interval' }),
          line('iqm', 'IQM', { dotsOnly: true, dots: true }),
        ]}
        filename={`${name}-iqm`}
      />
      {agg.profile.length > 1 && (
        <Chart
          caption="Performance profiles: fraction of runs whose final return exceeds τ, with 95 % bands"
          data={agg.profile}
          x="tau"
          xLabel="τ (final return)"
          yLabel="fraction of runs > τ"
          yDomain={[0, 1]}
          layers={layersFor()}
          filename={`${name}-profiles`}
        />
      )}
      {agg.improvement.length > 0 && (
        <table data-testid="poi-table">
          <caption>
            Probability of improvement P(X &gt; Y): a run of X beats a run of Y (ties count ½), with 95 %
            intervals
          </caption>
          <thead>
            <tr>
              <th scope="col">X \ Y</th>
              {withRuns.map((y) => (
                <th scope="col" key={y.index}>
                  {y.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {withRuns.map((x) => (
              <tr key={x.index}>
                <th scope="row">{x.label}</th>
                {withRuns.map((y) => {
                  const p = agg.improvement.find((q) => q.x === x.index && q.y === y.index);
                  return (
                    <td
                      key={y.index}
                      data-testid={p ? `poi-${x.index}-${y.index}` : undefined}
                      data-value={p?.point}
                    >
                      {p ? `${p.point.toFixed(2)} [${p.lo.toFixed(2)}, ${p.hi.toFixed(2)}]` : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {agg.curves.length > 0 && (
        <Chart
          caption="Mean learning curves (mean return of the last 20 episodes) with 95 % bootstrap bands"
          data={agg.curves}
          x="steps"
          xLabel="environment steps"
          yLabel="mean return (last 20)"
          layers={layersFor()}
          filename={`${name}-curves`}
        />
      )}
      <div className="controls">
        <button
          type="button"
          className="btn"
          onClick={() =>
            downloadCSV(
              `${name}-runs`,
              results.map((r) => ({
                cell: r.cell,
                configuration: sweep.configs[Math.floor(r.cell / sweep.seeds.length)].label,
                seed: r.seed,
                backend: r.backend,
                finalReturn: r.finalReturn,
                stepsToSolve: r.stepsToSolve,
                code: codes[r.cell],
              })),
            )
          }
        >
          Export runs (CSV)
        </button>
        <button
          type="button"
          className="btn"
          onClick={() =>
            downloadJSON(name, {
              sweep: {
                preset: sweep.preset,
                set: sweep.set,
                axes: sweep.axes,
                seeds: sweep.seeds,
                hash: sweep.hash,
              },
              configurations: sweep.configs.map((c) => ({ label: c.label, config: c.config, hash: c.hash })),
              runs: results.map((r) => ({ ...r, code: codes[r.cell] })),
              aggregate: agg,
            })
          }
        >
          Export everything (JSON)
        </button>
      </div>
    </div>
  );
}
