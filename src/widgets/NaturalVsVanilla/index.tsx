/** Natural against vanilla gradient (chapter 5): the two vector fields on a two-parameter policy, and their paths. */
import { useMemo } from 'react';
import { ExportMenu, Readout, Readouts, ParamControls, WidgetShell, useThemeColors } from '@/widgets/common';
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';
import { natural, path, value, vanilla } from './field';

const params = defineParams({
  x: num({ min: -4, max: 4, step: 0.1, default: -3, label: 'start θ₁' }),
  y: num({ min: -4, max: 4, step: 0.1, default: 3, label: 'start θ₂' }),
  steps: int({ min: 1, max: 60, default: 25, label: 'steps' }),
});
const LO = -5;
const HI = 5;
const SIZE = 320;
const toPx = (v: number) => ((v - LO) / (HI - LO)) * SIZE;

export default function NaturalVsVanilla({ id = 'nat' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const c = useThemeColors();
  const paths = useMemo(
    () => ({
      vanilla: path(vanilla, [p.x, p.y], p.steps, 0.3),
      natural: path(natural, [p.x, p.y], p.steps, 0.3),
    }),
    [p.x, p.y, p.steps],
  );
  const grid = useMemo(() => {
    const cells: Array<{ x: number; y: number; J: number; v: [number, number]; n: [number, number] }> = [];
    for (let i = 0; i < 11; i++)
      for (let j = 0; j < 11; j++) {
        const x = LO + 0.5 + i * 0.9;
        const y = LO + 0.5 + j * 0.9;
        cells.push({ x, y, J: value(x, y), v: vanilla(x, y), n: natural(x, y) });
      }
    return cells;
  }, []);
  const arrow = (x: number, y: number, d: [number, number], color: string, key: string) => {
    const n = Math.hypot(d[0], d[1]) || 1;
    const L = 12;
    const x1 = toPx(x);
    const y1 = SIZE - toPx(y);
    return (
      <line
        key={key}
        x1={x1}
        y1={y1}
        x2={x1 + (L * d[0]) / n}
        y2={y1 - (L * d[1]) / n}
        stroke={color}
        strokeWidth={1.5}
        markerEnd={`url(#head-${color.slice(1)})`}
      />
    );
  };
  const line = (pts: Array<{ t1: number; t2: number }>) =>
    pts.map((q) => `${toPx(q.t1)},${SIZE - toPx(q.t2)}`).join(' ');
  const endV = paths.vanilla[paths.vanilla.length - 1];
  const endN = paths.natural[paths.natural.length - 1];
  return (
    <WidgetShell
      title="Natural against vanilla gradient"
      onReset={reset}
      description="One state, three actions with rewards 1, 0.6 and 0; logits (θ₁, θ₂, 0). Shading: J(θ). Arrows: gradient directions. Both paths take equal-length steps in θ; the natural one heads for the best action even where the vanilla gradient has vanished."
    >
      <ParamControls specs={params} values={p} set={set} fields={['x', 'y', 'steps']} />
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width="100%"
        style={{ maxWidth: 420 }}
        role="img"
        aria-label="Vector fields and paths of the vanilla and natural gradient"
      >
        <defs>
          {[c.series[0], c.series[1]].map((col) => (
            <marker
              key={col}
              id={`head-${col.slice(1)}`}
              markerWidth="6"
              markerHeight="6"
              refX="5"
              refY="3"
              orient="auto"
            >
              <path d="M0,0 L6,3 L0,6 z" fill={col} />
            </marker>
          ))}
        </defs>
        {grid.map((g, i) => (
          <rect
            key={`r${i}`}
            x={toPx(g.x - 0.45)}
            y={SIZE - toPx(g.y + 0.45)}
            width={(0.9 / (HI - LO)) * SIZE}
            height={(0.9 / (HI - LO)) * SIZE}
            fill={c.series[2]}
            opacity={0.08 + 0.5 * g.J}
          />
        ))}
        {grid.map((g, i) => arrow(g.x - 0.15, g.y, g.v, c.series[0], `v${i}`))}
        {grid.map((g, i) => arrow(g.x + 0.15, g.y, g.n, c.series[1], `n${i}`))}
        <polyline points={line(paths.vanilla)} fill="none" stroke={c.series[0]} strokeWidth={3} />
        <polyline
          points={line(paths.natural)}
          fill="none"
          stroke={c.series[1]}
          strokeWidth={3}
          strokeDasharray="6 3"
        />
        <circle cx={toPx(p.x)} cy={SIZE - toPx(p.y)} r={5} fill={c.axis} />
      </svg>
      <p className="widget-description">
        <span style={{ color: c.series[0] }}>■ vanilla</span>{' '}
        <span style={{ color: c.series[1] }}>■ natural</span>
      </p>
      <Readouts>
        <Readout label="J at start" value={paths.vanilla[0].J} testId="nat-J-start" />
        <Readout label="J after the vanilla path" value={endV.J} testId="nat-J-vanilla" />
        <Readout label="J after the natural path" value={endN.J} testId="nat-J-natural" />
      </Readouts>
      <ExportMenu
        filename="natural-vs-vanilla"
        rows={() =>
          paths.vanilla.map((q, i) => ({
            step: i,
            vanilla_t1: q.t1,
            vanilla_t2: q.t2,
            vanilla_J: q.J,
            natural_t1: paths.natural[i].t1,
            natural_t2: paths.natural[i].t2,
            natural_J: paths.natural[i].J,
          }))
        }
      />
    </WidgetShell>
  );
}
