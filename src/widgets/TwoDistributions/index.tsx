/**
 * Two distributions (chapter 8): p and q over k outcomes, each bar a vertical slider (drag it, or focus it and use
 * the arrow keys). Total variation three ways, KL in both directions (infinite off the support, and why), and
 * Pinsker's inequality checked in both directions against the weaker form used in the notes.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import { klDivergence, tvThreeWays } from '@/rl';
import {
  Button,
  Controls,
  DataTable,
  ExportMenu,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
} from '@/widgets/common';
import { defineParams, int, num, useUrlParams, type ParamValues } from '@/lib/url-state';
import { allEvents, normalise, offSupport } from './distributions';
import './two-distributions.css';

const MAX_K = 8;
const weight = (d: number) => num({ min: 0, max: 1, step: 0.01, default: d });
const P_DEFAULT = [0.5, 0.3, 0.2, 0, 0.1, 0.25, 0.05, 0.15];
const Q_DEFAULT = [0.1, 0.3, 0.3, 0.3, 0.2, 0.05, 0.15, 0.1];
const params = defineParams({
  k: int({ min: 2, max: MAX_K, default: 4, label: 'outcomes k' }),
  ...(Object.fromEntries(P_DEFAULT.map((d, i) => [`p${i}`, weight(d)])) as Record<
    `p${number}`,
    ReturnType<typeof weight>
  >),
  ...(Object.fromEntries(Q_DEFAULT.map((d, i) => [`q${i}`, weight(d)])) as Record<
    `q${number}`,
    ReturnType<typeof weight>
  >),
});
type Values = ParamValues<typeof params>;
type WeightKey = `${'p' | 'q'}${number}`;

const PRESETS: Array<{ label: string; k: number; p: number[]; q: number[] }> = [
  { label: 'Pinsker nearly tight', k: 2, p: [0.55, 0.45], q: [0.5, 0.5] },
  { label: 'disjoint supports', k: 4, p: [0.5, 0.5, 0, 0], q: [0, 0, 0.5, 0.5] },
  { label: 'p = q', k: 4, p: [0.4, 0.3, 0.2, 0.1], q: [0.4, 0.3, 0.2, 0.1] },
];

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '∞');

export default function TwoDistributions({ id = 'dist' }: { id?: string }) {
  const [v, set, reset] = useUrlParams(id, params);
  const w = (which: 'p' | 'q', i: number) => (v as Record<string, number>)[`${which}${i}`];
  const setW = (key: WeightKey, x: number) => set({ [key]: x } as Partial<Values>);
  const idx = Array.from({ length: v.k }, (_, i) => i);
  const p = normalise(idx.map((i) => w('p', i)));
  const q = normalise(idx.map((i) => w('q', i)));
  const tv = tvThreeWays(p, q);
  const klpq = klDivergence(p, q);
  const klqp = klDivergence(q, p);
  const pinskerPq = Math.sqrt(klpq / 2);
  const pinskerQp = Math.sqrt(klqp / 2);
  const pinsker = Math.min(pinskerPq, pinskerQp);
  const weak = Math.sqrt(Math.min(klpq, klqp));
  const holds = tv.halfL1 <= pinskerPq + 1e-15 && tv.halfL1 <= pinskerQp + 1e-15;
  const events = allEvents(p, q);
  const whyInfinite = (a: number[], b: number[], an: string, bn: string) => {
    const off = offSupport(a, b);
    return off.length
      ? `D_KL(${an}‖${bn}) = ∞: ${an} puts mass on ${off.length > 1 ? 'outcomes' : 'outcome'} ${off.join(', ')}, where ${bn} puts none.`
      : null;
  };
  const notes = [whyInfinite(p, q, 'p', 'q'), whyInfinite(q, p, 'q', 'p')].filter((x): x is string => !!x);

  const bar = (which: 'p' | 'q', i: number) => {
    const key = `${which}${i}` as WeightKey;
    const prob = (which === 'p' ? p : q)[i];
    // Drag: the pointer's height in the track is the new weight (pointer capture keeps the drag on this bar).
    const drag = (e: ReactPointerEvent<HTMLDivElement>) => {
      if (e.type === 'pointermove' && !e.currentTarget.hasPointerCapture(e.pointerId)) return;
      if (e.type === 'pointerdown') {
        e.currentTarget.setPointerCapture(e.pointerId);
        e.currentTarget.querySelector('input')?.focus();
        e.preventDefault();
      }
      const r = e.currentTarget.getBoundingClientRect();
      const x = Math.min(1, Math.max(0, 1 - (e.clientY - r.top) / r.height));
      setW(key, Math.round(x * 100) / 100);
    };
    return (
      <div
        className="td-track"
        data-testid={`dist-bar-${key}`}
        onPointerDown={drag}
        onPointerMove={drag}
        title={`${which}(${i}) = ${prob.toFixed(3)}`}
      >
        <div className={`td-bar td-${which}`} style={{ height: `${w(which, i) * 100}%` }} />
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={w(which, i)}
          aria-label={`${which} weight ${i}`}
          aria-valuetext={`weight ${w(which, i).toFixed(2)}, ${which}(${i}) = ${prob.toFixed(3)}`}
          onChange={(e) => setW(key, Number(e.currentTarget.value))}
        />
      </div>
    );
  };

  return (
    <WidgetShell
      title="Total variation three ways"
      onReset={reset}
      description="Each bar is an unnormalised weight: drag it, or focus it (Tab) and use the arrow keys, Page Up/Down, Home and End. p and q are the weights normalised; their probabilities are printed under the bars."
    >
      <div className="td-legend" aria-hidden="true">
        <span>
          <span className="td-swatch" style={{ background: '#1f5fa8' }} />p
        </span>
        <span>
          <span className="td-swatch" style={{ background: '#c2410c' }} />q
        </span>
      </div>
      <div className="td-bars" role="group" aria-label="Weights of p and q, one slider per bar">
        {idx.map((i) => (
          <div key={i} className="td-pair">
            {bar('p', i)}
            {bar('q', i)}
            <span className="td-val">{p[i].toFixed(2)}</span>
            <span className="td-val">{q[i].toFixed(2)}</span>
            <span className="td-outcome">x = {i}</span>
          </div>
        ))}
      </div>
      <Controls>
        <ParamControls inline specs={params} values={v} set={set} fields={['k']} />
        {PRESETS.map((pr) => (
          <Button
            key={pr.label}
            onClick={() =>
              set({
                k: pr.k,
                ...Object.fromEntries(pr.p.map((x, i) => [`p${i}`, x])),
                ...Object.fromEntries(pr.q.map((x, i) => [`q${i}`, x])),
              } as Partial<Values>)
            }
          >
            {pr.label}
          </Button>
        ))}
      </Controls>
      <Readouts>
        <Readout label="½ Σ|p − q|" value={tv.halfL1} testId="dist-tv-l1" />
        <Readout label="max over events |p(E) − q(E)|" value={tv.maxEvent} testId="dist-tv-events" />
        <Readout label="P(X ≠ Y), maximal coupling" value={tv.coupling} testId="dist-tv-coupling" />
        <Readout
          label="optimal event {x : p(x) > q(x)}"
          value={`{${tv.event.join(', ')}}`}
          testId="dist-event"
        />
        <Readout label="D_KL(p‖q)" value={klpq} testId="dist-kl-pq" />
        <Readout label="D_KL(q‖p)" value={klqp} testId="dist-kl-qp" />
      </Readouts>
      <Readouts>
        <Readout label="Pinsker √(D_KL(p‖q)/2)" value={pinskerPq} testId="dist-pinsker-pq" />
        <Readout label="Pinsker √(D_KL(q‖p)/2)" value={pinskerQp} testId="dist-pinsker-qp" />
        <Readout label="best Pinsker bound √(min KL / 2)" value={pinsker} testId="dist-pinsker" />
        <Readout label="the notes' bound √(min KL)" value={weak} testId="dist-weak-bound" />
        <Readout
          label="TV / best Pinsker bound"
          value={pinsker > 0 ? tv.halfL1 / pinsker : NaN}
          testId="dist-pinsker-ratio"
        />
        <Readout label="Pinsker holds (both directions)" value={holds} testId="dist-pinsker-holds" />
      </Readouts>
      {/* Why a divergence is infinite. */}
      {notes.map((n) => (
        <p key={n} className="td-note">
          {n}
        </p>
      ))}
      <p className="td-note" role="status">
        D_TV = {fmt(tv.halfL1)} {holds ? '≤' : '>'} {fmt(pinsker)} = √(min D_KL / 2){' '}
        <span className={holds ? 'td-ok' : 'td-bad'}>{holds ? '✓ Pinsker holds' : '✗ Pinsker violated'}</span>
        ; the notes&apos; form D_TV ≤ √D_KL gives only {fmt(weak)}.
      </p>
      <DataTable
        rows={idx.map((i) => ({
          x: i,
          'weight p': w('p', i),
          'weight q': w('q', i),
          p: p[i],
          q: q[i],
          '|p − q|': Math.abs(p[i] - q[i]),
        }))}
        caption="The two distributions (the bars as a table)"
      />
      <DataTable
        rows={events}
        caption="Every event E, sorted by |p(E) − q(E)|: the first row attains the total variation"
      />
      <ExportMenu
        filename="two-distributions"
        rows={() => idx.map((i) => ({ x: i, weight_p: w('p', i), weight_q: w('q', i), p: p[i], q: q[i] }))}
      />
    </WidgetShell>
  );
}
