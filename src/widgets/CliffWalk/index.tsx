/**
 * Cliff walking (chapter 9; Sutton & Barto's Example 6.6): SARSA against Q-learning (and optionally expected SARSA
 * and double Q-learning) with ε-greedy behaviour. The chart is the return of each episode averaged over seeded
 * runs; the grid shows each method's greedy path after the first run. Learning runs in src/rl (cliffLearner),
 * a few episodes per slice, so no main-thread task is long.
 */
import { useState } from 'react';
import { CLIFF, cliffLearner, greedyPath, runSeeds, cliffTask, type ControlMethod } from '@/rl';
import {
  Chart,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  rule,
  seedParam,
  useChunkedRun,
  useThemeColors,
} from '@/widgets/common';
import { bool, defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(1),
  runs: int({ min: 1, max: 200, default: 50, label: 'runs' }),
  episodes: int({ min: 100, max: 1000, default: 500, label: 'episodes' }),
  epsilon: num({ min: 0, max: 0.5, step: 0.01, default: 0.1, label: 'ε' }),
  alpha: num({ min: 0.05, max: 1, step: 0.05, default: 0.5, label: 'step size α' }),
  expected: bool(false, { label: 'expected SARSA' }),
  double: bool(false, { label: 'double Q-learning' }),
});

const NAMES: Record<ControlMethod, string> = {
  sarsa: 'SARSA',
  'q-learning': 'Q-learning',
  'expected-sarsa': 'expected SARSA',
  'double-q': 'double Q-learning',
};
/** Episodes per slice: a cliff episode early in learning can take a few hundred steps. */
const EPISODES_PER_STEP = 10;
/** Episodes per point of the chart. */
const BLOCK = 5;

interface State {
  rows: Array<Record<string, number>>;
  runs: number;
  done: boolean;
  paths: Partial<Record<ControlMethod, number[]>>;
  late: Partial<Record<ControlMethod, number>>;
}

export default function CliffWalk({ id = 'cliff' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const methods: ControlMethod[] = [
    'sarsa',
    'q-learning',
    ...(p.expected ? (['expected-sarsa'] as const) : []),
    ...(p.double ? (['double-q'] as const) : []),
  ];
  const [st, setSt] = useState<State>({ rows: [], runs: 0, done: false, paths: {}, late: {} });
  useChunkedRun(
    `${p.seed}:${p.runs}:${p.episodes}:${p.epsilon}:${p.alpha}:${methods.join(',')}`,
    () => {
      const seeds = runSeeds(p.seed, p.runs);
      const E = p.episodes;
      const sums = methods.map(() => new Float64Array(E));
      const paths: State['paths'] = {};
      let job = 0; // (run, method), run-major
      const total = p.runs * methods.length;
      let learner: ReturnType<typeof cliffLearner> | null = null;
      const opts = { episodes: E, epsilon: p.epsilon, alpha: p.alpha };
      return {
        done: () => job >= total,
        step: () => {
          const r = Math.floor(job / methods.length);
          const m = job % methods.length;
          learner ??= cliffLearner(methods[m], seeds[r], opts);
          learner.runEpisodes(EPISODES_PER_STEP);
          if (!learner.done()) return;
          const res = learner.result();
          res.returns.forEach((x, e) => (sums[m][e] += x));
          if (r === 0) paths[methods[m]] = greedyPath(cliffTask, res.Q);
          learner = null;
          job++;
        },
        publish: () => {
          const runs = Math.floor(job / methods.length);
          if (!runs) return setSt({ rows: [], runs, done: false, paths, late: {} });
          // The chart shows blocks of BLOCK episodes (mean over the block and the runs): fewer points to draw.
          const rows = Array.from({ length: Math.ceil(E / BLOCK) }, (_, b) => {
            const from = b * BLOCK;
            const to = Math.min(E, from + BLOCK);
            const row: Record<string, number> = { episode: to };
            methods.forEach((m, i) => {
              let s = 0;
              for (let e = from; e < to; e++) s += sums[i][e];
              row[m] = s / runs / (to - from);
            });
            return row;
          });
          const late: State['late'] = {};
          const from = Math.max(0, E - 100);
          methods.forEach((m, i) => {
            let s = 0;
            for (let e = from; e < E; e++) s += sums[i][e] / runs;
            late[m] = s / (E - from);
          });
          setSt({ rows, runs, done: job >= total, paths: { ...paths }, late });
        },
      };
    },
    1000,
  );

  return (
    <WidgetShell
      title="Cliff walking: SARSA against Q-learning"
      onReset={reset}
      description="A 4 × 12 grid; −1 per step, −100 and back to the start for stepping into the cliff (bottom row between S and G); γ = 1. Both learners act ε-greedily. The chart is the return per episode averaged over runs (clipped at −150); the grid shows the greedy path each method learned in the first run."
    >
      <ParamControls
        specs={params}
        values={p}
        set={set}
        fields={['epsilon', 'alpha', 'episodes', 'runs', 'seed', 'expected', 'double']}
      />
      <Readouts>
        <Readout label="runs averaged" value={st.runs} testId="cliff-runs" />
        <Readout label="finished" value={st.done} testId="cliff-done" />
        {methods.map((m) => (
          <Readout
            key={m}
            label={`${NAMES[m]}: mean return, last 100 episodes`}
            value={st.late[m] ?? NaN}
            digits={4}
            testId={`cliff-late-${m}`}
          />
        ))}
        {methods.map((m) => (
          <Readout
            key={`p${m}`}
            label={`${NAMES[m]}: greedy path length`}
            value={st.paths[m] ? st.paths[m].length - 1 : NaN}
            testId={`cliff-path-${m}`}
          />
        ))}
      </Readouts>
      <CliffGrid paths={st.paths} methods={methods} />
      <Chart
        data={st.rows}
        x="episode"
        xLabel="episode"
        yLabel="return"
        yDomain={[-150, 0]}
        filename="cliff-walking"
        caption="Return per episode on the cliff, averaged over runs and over blocks of 5 episodes (the x value is the block's last episode), for each method; values below −150 run off the chart, the table has them."
        layers={[rule({ y: -13, label: 'optimal −13' }), ...methods.map((m) => line(m, NAMES[m]))]}
      />
    </WidgetShell>
  );
}

const CELL = 28;

function CliffGrid({ paths, methods }: { paths: State['paths']; methods: ControlMethod[] }) {
  const c = useThemeColors();
  const { width: W, height: H, start, goal } = CLIFF;
  const xy = (s: number) => [(s % W) * CELL + CELL / 2, Math.floor(s / W) * CELL + CELL / 2];
  const describe = (m: ControlMethod) => {
    const path = paths[m];
    if (!path) return `${NAMES[m]}: not learned yet`;
    const moves = path.length - 1;
    const ends = path[path.length - 1] === goal ? 'reaches the goal' : 'does not reach the goal';
    return `${NAMES[m]}: ${moves} moves, ${ends}; rows visited ${path.map((s) => Math.floor(s / W)).join(' ')}`;
  };
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W * CELL} ${H * CELL}`}
        style={{ width: '100%', maxWidth: W * CELL * 1.6 }}
        role="img"
        aria-label={`Greedy paths on the cliff grid. ${methods.map(describe).join('. ')}.`}
      >
        {Array.from({ length: W * H }, (_, s) => {
          const row = Math.floor(s / W);
          const col = s % W;
          const cliff = row === H - 1 && col > 0 && col < W - 1;
          return (
            <rect
              key={s}
              x={col * CELL}
              y={row * CELL}
              width={CELL}
              height={CELL}
              fill={cliff ? c.fillBad : 'none'}
              stroke={c.grid}
            />
          );
        })}
        {[
          [start, 'S'],
          [goal, 'G'],
        ].map(([s, t]) => (
          <text
            key={t}
            x={xy(s as number)[0]}
            y={xy(s as number)[1] + 5}
            textAnchor="middle"
            fill={c.axis}
            fontSize={13}
          >
            {t}
          </text>
        ))}
        {methods.map((m, i) => {
          const path = paths[m];
          if (!path) return null;
          // Offset each method's line a little so overlapping paths stay visible.
          const d = (i - (methods.length - 1) / 2) * 4;
          return (
            <polyline
              key={m}
              points={path
                .map((s) =>
                  xy(s)
                    .map((v) => v + d)
                    .join(','),
                )
                .join(' ')}
              fill="none"
              stroke={c.series[i]}
              strokeWidth={2.5}
            />
          );
        })}
      </svg>
      <figcaption data-testid="cliff-paths">
        <ul>
          {methods.map((m, i) => (
            <li key={m}>
              <span
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  width: 14,
                  height: 4,
                  marginRight: 6,
                  background: c.series[i],
                }}
              />
              {describe(m)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
