/** The GridWorld drawn as SVG: terminal cells shaded, a value in each cell and one arrow per action, as long as its probability. */
import type { CellKind, Policy } from '@/rl';

const CELL = 72;
/** Directions of actions 0..3 (up, right, down, left) in screen coordinates. */
const DIRS = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
] as const;
const FILL: Partial<Record<CellKind, string>> = {
  goal: 'var(--ok)',
  pit: 'var(--bad)',
  wall: 'var(--fg-muted)',
};

export function GridPicture({
  width,
  height,
  cells,
  terminal,
  values,
  policy,
  label,
}: {
  width: number;
  height: number;
  cells: CellKind[];
  terminal: boolean[];
  values: number[];
  policy: Policy;
  label: string;
}) {
  return (
    <svg
      className="soft-grid"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width * CELL} ${height * CELL}`}
      style={{ width: '100%', maxWidth: width * CELL, display: 'block', margin: '0.5rem auto' }}
    >
      {cells.map((kind, s) => {
        const x = (s % width) * CELL;
        const y = Math.floor(s / width) * CELL;
        const cx = x + CELL / 2;
        const cy = y + CELL / 2 + 6;
        return (
          <g key={s}>
            <rect
              x={x + 1}
              y={y + 1}
              width={CELL - 2}
              height={CELL - 2}
              fill={FILL[kind] ?? 'none'}
              fillOpacity={FILL[kind] ? 0.35 : 0}
              stroke="currentColor"
              strokeOpacity={0.3}
            />
            <text x={x + 4} y={y + 13} fontSize={11} fill="currentColor">
              {kind === 'wall' ? 'wall' : values[s].toFixed(2)}
              {kind === 'start' ? ' S' : kind === 'goal' ? ' goal' : kind === 'pit' ? ' pit' : ''}
            </text>
            {!terminal[s] &&
              policy[s].map((p, a) => {
                const len = 24 * p;
                if (len < 0.5) return null;
                const [dx, dy] = DIRS[a];
                return (
                  <line
                    key={a}
                    x1={cx}
                    y1={cy}
                    x2={cx + dx * len}
                    y2={cy + dy * len}
                    stroke="currentColor"
                    strokeWidth={2.5}
                    strokeLinecap="round"
                  />
                );
              })}
            {!terminal[s] && <circle cx={cx} cy={cy} r={2.5} fill="currentColor" />}
          </g>
        );
      })}
    </svg>
  );
}
