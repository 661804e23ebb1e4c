/** Two distributions (chapter 8): edit p and q bar by bar; TV three ways, KL both ways, Pinsker checked. */
import { klDivergence, tvThreeWays } from '@/rl';
import { Controls, DataTable, Readout, Readouts, Slider, WidgetShell } from '@/widgets/common';
import { defineParams, num, useUrlParams } from '@/lib/url-state';

const K = 4;
const weight = (d: number) => num({ min: 0, max: 1, step: 0.01, default: d });
const params = defineParams({
  p0: weight(0.5),
  p1: weight(0.3),
  p2: weight(0.2),
  p3: weight(0),
  q0: weight(0.1),
  q1: weight(0.3),
  q2: weight(0.3),
  q3: weight(0.3),
});
type Key = keyof typeof params;

function normalise(w: number[]): number[] {
  const z = w.reduce((a, b) => a + b, 0);
  return z > 0 ? w.map((x) => x / z) : w.map(() => 1 / w.length);
}

export default function TwoDistributions({ id = 'dist' }: { id?: string }) {
  const [v, set, reset] = useUrlParams(id, params);
  const p = normalise(Array.from({ length: K }, (_, i) => v[`p${i}` as Key]));
  const q = normalise(Array.from({ length: K }, (_, i) => v[`q${i}` as Key]));
  const tv = tvThreeWays(p, q);
  const klpq = klDivergence(p, q);
  const klqp = klDivergence(q, p);
  const pinsker = Math.sqrt(Math.min(klpq, klqp) / 2);
  return (
    <WidgetShell
      title="Total variation three ways"
      onReset={reset}
      description="Drag a bar (or use its slider) to set an unnormalised weight; p and q are the weights normalised. KL is infinite when one distribution puts mass where the other has none."
    >
      <div className="dist-bars" aria-hidden="true">
        {p.map((_, i) => (
          <div key={i} className="dist-pair">
            {(['p', 'q'] as const).map((which) => {
              const key = `${which}${i}` as Key;
              // Drag a bar to set its weight (the sliders below do the same from the keyboard).
              const drag = (e: React.PointerEvent<HTMLDivElement>) => {
                if (e.type === 'pointermove' && !e.currentTarget.hasPointerCapture(e.pointerId)) return;
                if (e.type === 'pointerdown') e.currentTarget.setPointerCapture(e.pointerId);
                const r = e.currentTarget.getBoundingClientRect();
                const w = Math.min(1, Math.max(0, 1 - (e.clientY - r.top) / r.height));
                set({ [key]: Math.round(w * 100) / 100 } as Partial<typeof v>);
              };
              return (
                <div
                  key={which}
                  className="dist-track"
                  data-testid={`dist-bar-${key}`}
                  onPointerDown={drag}
                  onPointerMove={drag}
                  title={`${which}(${i}) = ${(which === 'p' ? p : q)[i].toFixed(3)}`}
                >
                  <div className={`dist-bar dist-${which}`} style={{ height: `${v[key] * 100}%` }} />
                </div>
              );
            })}
            <span>{i}</span>
          </div>
        ))}
      </div>
      <Controls>
        {Array.from({ length: K }, (_, i) => (
          <Slider
            key={`p${i}`}
            label={`p weight ${i}`}
            value={v[`p${i}` as Key]}
            min={0}
            max={1}
            step={0.01}
            onChange={(x) => set({ [`p${i}`]: x } as Partial<typeof v>)}
          />
        ))}
        {Array.from({ length: K }, (_, i) => (
          <Slider
            key={`q${i}`}
            label={`q weight ${i}`}
            value={v[`q${i}` as Key]}
            min={0}
            max={1}
            step={0.01}
            onChange={(x) => set({ [`q${i}`]: x } as Partial<typeof v>)}
          />
        ))}
      </Controls>
      <Readouts>
        <Readout label="½‖p − q‖₁" value={tv.halfL1} testId="dist-tv-l1" />
        <Readout label="max over events |p(E) − q(E)|" value={tv.maxEvent} testId="dist-tv-events" />
        <Readout label="P(X ≠ Y), maximal coupling" value={tv.coupling} testId="dist-tv-coupling" />
        <Readout label="KL(p‖q)" value={klpq} testId="dist-kl-pq" />
        <Readout label="KL(q‖p)" value={klqp} testId="dist-kl-qp" />
        <Readout label="Pinsker bound √(min KL / 2)" value={pinsker} testId="dist-pinsker" />
        <Readout label="Pinsker holds" value={tv.halfL1 <= pinsker + 1e-15} testId="dist-pinsker-holds" />
        <Readout label="optimal event {p > q}" value={`{${tv.event.join(', ')}}`} testId="dist-event" />
      </Readouts>
      <DataTable
        rows={p.map((x, i) => ({ outcome: i, p: x, q: q[i], '|p − q|': Math.abs(x - q[i]) }))}
        caption="The two distributions"
      />
    </WidgetShell>
  );
}
