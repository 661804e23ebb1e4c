/**
 * SweepCell (`#/sweep/cell?sw.…&sw.cell=k`): a student trains one cell of a class sweep in the ordinary training
 * panel (same store, worker and live charts) and gets the result code to hand in, as text and as a QR code. The
 * sweep comes from the link and is validated like every link setting; the cell is the link's number or one the
 * student picks. The events of the run are tapped (unthinned) for the code's curve; the code is kept in this
 * browser (IndexedDB) so a reload shows it again.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { addNotice } from '@/lib/notices';
import { readParams } from '@/lib/url-params';
import type { BackendChoice } from '@/spec';
import {
  CELL_PARAM,
  cellOf,
  SWEEP_PARAMS,
  sweepFromSearch,
  type Sweep,
  type SweepCell as Cell,
} from '@/lib/sweep';
import { encodeResult } from '@/lib/sweep-code';
import { createTrainingStore } from '@/stores/training';
import { CellCollector, sweepStorageKey } from '@/stores/sweep-runs';
import { idbStorage } from '@/stores/run-storage';
import { createTrainer } from '@/worker/trainer-client';
import { TrainingPanelView } from '../TrainingPanel';
import { QrCode } from '../SweepPage/QrCode';

export default function SweepCell() {
  const {
    sweep,
    problems,
    cell: linkCell,
    backend,
  } = useMemo(() => {
    const search = window.location.search;
    const { sweep, problems } = sweepFromSearch(search);
    const { values, notices } = readParams('sw', CELL_PARAM, search);
    const backend: BackendChoice = readParams('sw', SWEEP_PARAMS, search).values.backend;
    return { sweep, problems: [...problems, ...notices], cell: values.cell, backend };
  }, []);
  useEffect(() => problems.forEach((p) => addNotice(`Sweep link: ${p}`)), [problems]);
  const [cell, setCell] = useState(linkCell);
  const [done, setDone] = useState<Record<number, string>>({});
  useEffect(() => {
    if (!sweep) return;
    idbStorage.get(sweepStorageKey(sweep.hash)).then(
      (s) =>
        setDone(
          ((s as { codes?: Record<number, string> } | undefined)?.codes ?? {}) as Record<number, string>,
        ),
      () => undefined,
    );
  }, [sweep]);

  if (!sweep)
    return (
      <section className="sweep-cell">
        <h1>Class sweep</h1>
        <p role="alert">This sweep link cannot be used: {problems.join('; ') || 'it describes no sweep'}.</p>
      </section>
    );
  const pick = (i: number) => {
    const q = new URLSearchParams(window.location.search);
    q.set('sw.cell', String(i));
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}?${q}${window.location.hash}`,
    );
    setCell(i);
  };
  return (
    <section className="sweep-cell">
      <h1>Class sweep: your cell</h1>
      {cell < 0 || cell >= sweep.cells ? (
        <CellPicker sweep={sweep} done={done} onPick={pick} />
      ) : (
        <CellRun
          key={cell}
          sweep={sweep}
          cell={cellOf(sweep, cell)}
          backend={backend}
          saved={done[cell] ?? null}
          onCode={(code) => setDone((d) => ({ ...d, [cell]: code }))}
        />
      )}
    </section>
  );
}

function CellPicker({
  sweep,
  done,
  onPick,
}: {
  sweep: Sweep;
  done: Record<number, string>;
  onPick: (i: number) => void;
}) {
  const free = Array.from({ length: sweep.cells }, (_, i) => i).find((i) => !(i in done)) ?? 0;
  return (
    <>
      <p>
        This sweep has {sweep.cells} cells ({sweep.configs.length} configurations × {sweep.seeds.length} seeds
        of {sweep.preset}). Take the number your instructor gave you, or the next one nobody has taken.
      </p>
      <button type="button" className="btn" onClick={() => onPick(free)} data-testid="pick-next">
        Take cell {free}
      </button>
      <ul className="sweep-cell-list">
        {Array.from({ length: sweep.cells }, (_, i) => {
          const c = cellOf(sweep, i);
          return (
            <li key={i}>
              <button type="button" className="btn" onClick={() => onPick(i)}>
                Cell {i}: {c.config.label}, seed {c.seed}
                {i in done ? ' (done in this browser)' : ''}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function CellRun({
  sweep,
  cell,
  backend,
  saved,
  onCode,
}: {
  sweep: Sweep;
  cell: Cell;
  backend: BackendChoice;
  saved: string | null;
  onCode: (code: string) => void;
}) {
  const [code, setCode] = useState<string | null>(saved);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => setCode((c) => c ?? saved), [saved]);
  const [store] = useState(() => {
    const col = new CellCollector(cell, sweep.hash, 0);
    // The panel's own store and worker; a tap on the worker's events builds the code from every update.
    return createTrainingStore(`sweep.${sweep.hash.toString(16)}.${cell.cell}`, cell.train, backend, {
      makeTrainer: (runId, config, b) => {
        const h = createTrainer(runId, config, b);
        col.restart(runId);
        h.subscribe((e) => {
          if (e.type !== 'crash' && e.type !== 'pong' && e.runId > col.runId) col.restart(e.runId);
          const r = col.onEvent(e);
          if (!r) return;
          if (r instanceof Error) setFailure(r.message);
          else {
            const text = encodeResult(r);
            setFailure(null);
            setCode(text);
            onCode(text);
            void save(sweep.hash, cell.cell, text);
          }
        });
        return h;
      },
    });
  });
  useEffect(() => () => store.getState().dispose(), [store]);
  const status = useStore(store, (s) => s.status);
  return (
    <>
      <p data-testid="cell-info">
        Cell {cell.cell} of {sweep.cells}: <strong>{cell.config.label}</strong>, seed {cell.seed}. Press Start
        and keep this page open until the run ends ({cell.train.totalSteps.toLocaleString('en')} steps at
        most).
      </p>
      <TrainingPanelView
        store={store}
        preset={sweep.preset}
        compact
        title={`Cell ${cell.cell}: ${cell.config.label}, seed ${cell.seed}`}
      />
      {failure && (
        <p role="alert" data-testid="cell-failure">
          The run failed: {failure}. Reset and start again.
        </p>
      )}
      {code && (
        <div className="sweep-code" aria-live="polite">
          <h2>Your result code</h2>
          <p>
            {status === 'running' ? 'A new run is going; this is the code of the last finished one. ' : ''}
            Copy it to your instructor, or let them scan the QR code.
          </p>
          <label>
            Result code
            <textarea
              readOnly
              value={code}
              rows={3}
              data-testid="cell-code"
              data-value={code}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(code)}>
            Copy code
          </button>
          <QrCode text={code} label={`QR code of the result code of cell ${cell.cell}`} size={200} />
        </div>
      )}
    </>
  );
}

async function save(hash: number, cell: number, code: string) {
  try {
    const key = sweepStorageKey(hash);
    const s = (await idbStorage.get(key)) as { version: 1; codes: Record<number, string> } | undefined;
    await idbStorage.set(key, { version: 1, codes: { ...(s?.codes ?? {}), [cell]: code } });
  } catch {
    // The code is on the screen; keeping it across reloads is a convenience.
  }
}
