/**
 * SweepPage (`#/sweep`): the instructor's class sweep. Build it (preset, one or two varied settings, seeds), share
 * one link and its QR code, collect the students' result codes (pasted or scanned), or run the whole sweep in this
 * browser; the accepted runs are aggregated live after rliable (IQM with stratified bootstrap intervals,
 * performance profiles, probability of improvement, mean curves with bands). Settings live in the URL; results in
 * IndexedDB per sweep, so a reload loses nothing.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useUrlParams } from '@/lib/url-state';
import { parseSweep, checkResult, SWEEP_PARAMS, type Sweep } from '@/lib/sweep';
import { decodeResult, type CellResult } from '@/lib/sweep-code';
import { createSweepQueue, type SweepQueue } from '@/stores/sweep-runs';
import { Builder } from './Builder';
import { Share } from './Share';
import { Accepted, Collect } from './Collect';
import { Results } from './Results';

export default function SweepPage() {
  const [p, set, reset] = useUrlParams('sw', SWEEP_PARAMS);
  const { sweep, problems } = useMemo(() => parseSweep(p), [p]);
  return (
    <section className="sweep-page">
      <h1>Class sweep</h1>
      <p>
        One experiment, run by a whole class: each student trains one cell (a configuration and a seed) in
        their own browser and hands back a short result code; the codes are aggregated here with interquartile
        means, bootstrap intervals, performance profiles and probabilities of improvement (Agarwal et al.
        2021). Scores are final returns on the preset’s one environment, not normalised.
      </p>
      <h2>1. The sweep</h2>
      <Builder p={p} set={set} />
      <button type="button" className="btn" onClick={reset}>
        Reset the sweep’s settings
      </button>
      {problems.length > 0 && (
        <div role="status">
          <ul data-testid="sweep-problems">
            {problems.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      {sweep ? (
        <SweepBody key={sweep.hash} sweep={sweep} p={p} />
      ) : (
        <p role="alert">Fix the settings above to get a sweep.</p>
      )}
    </section>
  );
}

function SweepBody({ sweep, p }: { sweep: Sweep; p: Parameters<typeof Share>[0]['p'] }) {
  const [queue] = useState(() => createSweepQueue(sweep, { backend: p.backend }));
  useEffect(() => {
    void queue.getState().load();
    return () => queue.getState().dispose();
  }, [queue]);
  const codes = useStore(queue, (s) => s.codes);
  const { results, stale } = useMemo(() => {
    const results: CellResult[] = [];
    const stale: string[] = [];
    for (const [cell, code] of Object.entries(codes)) {
      const d = decodeResult(code);
      const why = d.ok ? checkResult(sweep, d.result) : d.reason;
      if (d.ok && !why && d.result.cell === Number(cell)) results.push(d.result);
      else stale.push(`saved code of cell ${cell}: ${why ?? 'filed under another cell'}`);
    }
    return { results: results.sort((a, b) => a.cell - b.cell), stale };
  }, [codes, sweep]);
  return (
    <>
      <p data-testid="sweep-summary" data-value={sweep.cells}>
        {sweep.configs.length} configuration{sweep.configs.length === 1 ? '' : 's'} × {sweep.seeds.length}{' '}
        seed
        {sweep.seeds.length === 1 ? '' : 's'} = {sweep.cells} cells of {sweep.preset},{' '}
        {sweep.configs[0].config.totalSteps.toLocaleString('en')} steps each.
      </p>
      <h2>2. The link for the class</h2>
      <Share sweep={sweep} p={p} />
      <h2>3. Results</h2>
      <Collect sweep={sweep} codes={codes} add={(cell, code) => queue.getState().add(cell, code)} />
      {stale.length > 0 && (
        <div role="note">
          <ul>
            {stale.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      <LocalRun queue={queue} sweep={sweep} />
      {results.length > 0 && (
        <>
          <Accepted sweep={sweep} results={results} />
          <Results sweep={sweep} results={results} codes={codes} />
        </>
      )}
    </>
  );
}

/** The sweep run in this browser: a queue over a few workers, with progress; results saved as they arrive. */
function LocalRun({ queue, sweep }: { queue: SweepQueue; sweep: Sweep }) {
  const s = useStore(
    queue,
    useShallow((st) => ({
      status: st.status,
      done: Object.keys(st.codes).length,
      running: st.running,
      failed: st.failed,
      workers: st.workers,
      storageError: st.storageError,
    })),
  );
  const total = sweep.configs[0].config.totalSteps;
  const partial = Object.values(s.running).reduce((a, steps) => a + Math.min(1, steps / total), 0);
  const progress = Math.min(sweep.cells, s.done + partial);
  return (
    <details className="sweep-local" open={s.status === 'running' || undefined}>
      <summary>Run the whole sweep in this browser (no class needed)</summary>
      <p>
        {s.workers} worker{s.workers === 1 ? '' : 's'} at once (this device reports{' '}
        {typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : '?'} cores; one is left for the
        page). Finished cells are saved; after a reload, Start resumes with the cells still missing.
      </p>
      <label>
        Progress{' '}
        <progress max={sweep.cells} value={progress} data-testid="queue-progress" data-value={s.done} />
      </label>{' '}
      <span data-testid="queue-status" data-value={s.status}>
        {s.done} of {sweep.cells} cells done
        {Object.keys(s.running).length ? `, ${Object.keys(s.running).length} running` : ''} ({s.status})
      </span>
      <div className="controls">
        {s.status === 'running' ? (
          <button type="button" className="btn" onClick={() => queue.getState().pause()}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            data-testid="queue-start"
            disabled={s.done >= sweep.cells || s.status === 'loading'}
            onClick={() => queue.getState().start()}
          >
            {s.done > 0 ? 'Resume' : 'Start'}
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (window.confirm('Forget every result of this sweep in this browser?'))
              void queue.getState().clear();
          }}
        >
          Forget results
        </button>
      </div>
      {Object.keys(s.failed).length > 0 && (
        <div role="alert">
          <ul>
            {Object.entries(s.failed).map(([cell, why]) => (
              <li key={cell}>
                cell {cell} failed: {why} (Start tries it again)
              </li>
            ))}
          </ul>
        </div>
      )}
      {s.storageError && <p role="note">{s.storageError}</p>}
    </details>
  );
}
