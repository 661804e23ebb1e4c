/**
 * Collecting result codes: pasted (any number at once, one per line or separated by spaces) or scanned with the
 * camera where the browser has BarcodeDetector. Each code is decoded, checksummed and checked against this sweep;
 * a refused one is listed with its reason. Accepted runs can be re-run here to verify them.
 */
import { useEffect, useRef, useState } from 'react';
import { cellOf, checkResult, type Sweep } from '@/lib/sweep';
import { compareResults, decodeResult, type CellResult } from '@/lib/sweep-code';
import { runCell } from '@/stores/sweep-runs';

export interface Rejection {
  code: string;
  reason: string;
}

/** Checks one code against the sweep and the results already in: a result to add, or why not. */
export function checkCode(
  sweep: Sweep,
  have: Record<number, string>,
  code: string,
): { ok: true; result: CellResult; code: string } | { ok: false; reason: string; duplicate?: boolean } {
  const d = decodeResult(code);
  if (!d.ok) return d;
  const why = checkResult(sweep, d.result);
  if (why) return { ok: false, reason: why };
  const clean = code.replace(/\s+/g, '');
  const prev = have[d.result.cell];
  if (prev === clean) return { ok: false, reason: `cell ${d.result.cell} is already in`, duplicate: true };
  if (prev !== undefined)
    return {
      ok: false,
      reason: `cell ${d.result.cell} already has a different result (re-run it to see which one is right)`,
    };
  return { ok: true, result: d.result, code: clean };
}

export function Collect({
  sweep,
  codes,
  add,
}: {
  sweep: Sweep;
  codes: Record<number, string>;
  add: (cell: number, code: string) => void;
}) {
  const [text, setText] = useState('');
  const [rejected, setRejected] = useState<Rejection[]>([]);
  const [added, setAdded] = useState<number | null>(null);
  const submit = (input: string) => {
    const have = { ...codes };
    const bad: Rejection[] = [];
    let n = 0;
    for (const code of input.split(/\s+/).filter(Boolean)) {
      const r = checkCode(sweep, have, code);
      if (r.ok) {
        have[r.result.cell] = r.code;
        add(r.result.cell, r.code);
        n++;
      } else if (!r.duplicate) bad.push({ code, reason: r.reason });
    }
    setRejected((old) => [...bad, ...old].slice(0, 50));
    setAdded(n);
  };
  return (
    <div className="sweep-collect">
      <label>
        Paste result codes (one or many){' '}
        <textarea
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="codes-input"
          style={{ width: '100%' }}
        />
      </label>
      <button
        type="button"
        className="btn"
        data-testid="codes-add"
        onClick={() => {
          submit(text);
          setText('');
        }}
      >
        Add codes
      </button>
      <Scanner onCode={submit} />
      <p aria-live="polite" data-testid="codes-added" data-value={added ?? ''}>
        {added !== null ? `${added} code${added === 1 ? '' : 's'} added.` : ''}
      </p>
      {rejected.length > 0 && (
        <div role="alert">
          <p>Refused codes:</p>
          <ul data-testid="codes-rejected">
            {rejected.map((r, i) => (
              <li key={i}>
                <code>{r.code.length > 24 ? `${r.code.slice(0, 24)}…` : r.code}</code>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

/** Camera scanning through the Shape Detection API (Chromium on Android, ChromeOS, macOS); absent elsewhere. */
function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const Ctor = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector })
    .BarcodeDetector;
  useEffect(() => {
    if (!on || !Ctor) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    let last = '';
    const detector = new Ctor({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        void video.current.play();
        timer = setInterval(() => {
          if (!video.current) return;
          detector.detect(video.current).then(
            (found) => {
              for (const f of found)
                if (f.rawValue !== last) {
                  last = f.rawValue;
                  onCode(f.rawValue);
                }
            },
            () => undefined,
          );
        }, 300);
      })
      .catch((e: Error) => {
        setError(`The camera could not be opened (${e.message}).`);
        setOn(false);
      });
    return () => {
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on, Ctor, onCode]);
  if (!Ctor)
    return (
      <p className="muted">
        Scanning needs a browser with BarcodeDetector (Chromium on Android or macOS); paste codes here
        instead.
      </p>
    );
  return (
    <div>
      <button type="button" className="btn" onClick={() => setOn((o) => !o)} aria-pressed={on}>
        {on ? 'Stop scanning' : 'Scan codes with the camera'}
      </button>
      {error && <p role="alert">{error}</p>}
      {on && (
        <video
          ref={video}
          muted
          playsInline
          aria-label="Camera view for scanning codes"
          style={{ maxWidth: 320, display: 'block' }}
        />
      )}
    </div>
  );
}

type Verdict =
  | { state: 'running'; steps: number }
  | { state: 'verified' }
  | { state: 'differs'; why: string }
  | { state: 'failed'; why: string };

/** The accepted runs, each with a re-run that checks its curve. */
export function Accepted({ sweep, results }: { sweep: Sweep; results: CellResult[] }) {
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  const cancels = useRef(new Map<number, () => void>());
  useEffect(() => () => cancels.current.forEach((c) => c()), []);
  const verify = (r: CellResult) => {
    const cell = cellOf(sweep, r.cell);
    const set = (v: Verdict) => setVerdicts((old) => ({ ...old, [r.cell]: v }));
    set({ state: 'running', steps: 0 });
    const run = runCell(cell, sweep.hash, r.backend, (steps) => set({ state: 'running', steps }));
    cancels.current.set(r.cell, run.cancel);
    run.done.then(
      (again) => {
        const why = compareResults(r, again);
        set(why ? { state: 'differs', why } : { state: 'verified' });
      },
      (e: Error) => set({ state: 'failed', why: e.message }),
    );
  };
  return (
    <table className="sweep-runs" data-testid="runs-table">
      <caption>
        Accepted runs ({results.length} of {sweep.cells} cells)
      </caption>
      <thead>
        <tr>
          <th scope="col">cell</th>
          <th scope="col">configuration</th>
          <th scope="col">seed</th>
          <th scope="col">backend</th>
          <th scope="col">final return</th>
          <th scope="col">steps to solve</th>
          <th scope="col">re-run</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => {
          const v = verdicts[r.cell];
          return (
            <tr key={r.cell} data-testid={`run-${r.cell}`}>
              <td>{r.cell}</td>
              <td>{cellOf(sweep, r.cell).config.label}</td>
              <td>{r.seed}</td>
              <td>{r.backend}</td>
              <td data-value={r.finalReturn}>{r.finalReturn.toFixed(1)}</td>
              <td>{r.stepsToSolve ?? 'not solved'}</td>
              <td>
                {!v || v.state === 'failed' || v.state === 'differs' || v.state === 'verified' ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => verify(r)}
                    aria-label={`Re-run cell ${r.cell} to verify its code`}
                  >
                    Verify
                  </button>
                ) : null}{' '}
                <span data-testid={`verify-${r.cell}`} data-value={v?.state ?? ''}>
                  {!v
                    ? ''
                    : v.state === 'running'
                      ? `re-running… ${v.steps} steps`
                      : v.state === 'verified'
                        ? 'verified: same curve'
                        : v.state === 'differs'
                          ? `differs: ${v.why}`
                          : `re-run failed: ${v.why}`}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
