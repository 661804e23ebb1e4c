/**
 * Maximisation bias (chapter 9; Sutton & Barto's Figure 6.5): the share of runs whose first action is "left" in
 * each episode, for Q-learning and double Q-learning, against the 100·ε/2 % an ε-greedy learner that knows the
 * answer would show. Runs come from src/rl (maxBiasRun), spread over frames with useChunkedRun.
 */
import { useState } from 'react';
import { maxBiasRun, runSeeds } from '@/rl';
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
import { defineParams, int, num, useUrlParams } from '@/lib/url-state';

const params = defineParams({
  seed: seedParam(1),
  runs: int({ min: 10, max: 5000, default: 1000, label: 'runs' }),
  episodes: int({ min: 50, max: 1000, default: 300, label: 'episodes' }),
  actions: int({ min: 1, max: 50, default: 10, label: 'actions in B' }),
  epsilon: num({ min: 0.01, max: 0.5, step: 0.01, default: 0.1, label: 'ε' }),
  alpha: num({ min: 0.01, max: 1, step: 0.01, default: 0.1, label: 'step size α' }),
});
const METHODS = ['q-learning', 'double-q'] as const;
const RUNS_PER_STEP = 1;

interface Peak {
  value: number;
  episode: number;
}

export default function MaxBias({ id = 'maxbias' }: { id?: string }) {
  const [p, set, reset] = useUrlParams(id, params);
  const [st, setSt] = useState<{ rows: Array<Record<string, number>>; runs: number; done: boolean }>({
    rows: [],
    runs: 0,
    done: false,
  });
  useChunkedRun(
    `${p.seed}:${p.runs}:${p.episodes}:${p.actions}:${p.epsilon}:${p.alpha}`,
    () => {
      const seeds = runSeeds(p.seed, p.runs);
      const E = p.episodes;
      const sums = METHODS.map(() => new Float64Array(E));
      let r = 0;
      const opts = { episodes: E, epsilon: p.epsilon, alpha: p.alpha, actionsInB: p.actions };
      return {
        done: () => r >= p.runs,
        step: () => {
          for (let k = 0; k < RUNS_PER_STEP && r < p.runs; k++, r++)
            METHODS.forEach((m, i) => maxBiasRun(m, seeds[r], opts).forEach((x, e) => (sums[i][e] += x)));
        },
        publish: () =>
          setSt({
            rows: r
              ? Array.from({ length: E }, (_, e) => ({
                  episode: e + 1,
                  'q-learning': (100 * sums[0][e]) / r,
                  'double-q': (100 * sums[1][e]) / r,
                  optimal: 50 * p.epsilon,
                }))
              : [],
            runs: r,
            done: r >= p.runs,
          }),
      };
    },
    1000,
  );

  const peak = (key: string): Peak =>
    st.rows.reduce<Peak>(
      (b, row) => (!(row[key] <= b.value) ? { value: row[key], episode: row.episode } : b),
      { value: NaN, episode: NaN },
    );
  const late = (key: string) => {
    const tail = st.rows.slice(-100);
    return tail.length ? tail.reduce((a, row) => a + row[key], 0) / tail.length : NaN;
  };
  const q = peak('q-learning');
  const d = peak('double-q');
  return (
    <WidgetShell
      title="Maximisation bias: Q-learning against double Q-learning"
      onReset={reset}
      description="From A, right ends the episode (reward 0) and left leads to B (reward 0), where every action ends the episode with a reward drawn from N(−0.1, 1). Right is optimal; the chart shows the share of runs going left from A in each episode."
    >
      <ParamControls
        specs={params}
        values={p}
        set={set}
        fields={['actions', 'epsilon', 'alpha', 'episodes', 'runs', 'seed']}
      />
      <Readouts>
        <Readout label="runs averaged" value={st.runs} testId="maxbias-runs" />
        <Readout label="finished" value={st.done} testId="maxbias-done" />
        <Readout label="Q-learning: most left (%)" value={q.value} digits={3} testId="maxbias-peak-q" />
        <Readout label="… at episode" value={q.episode} testId="maxbias-peak-episode-q" />
        <Readout label="double Q: most left (%)" value={d.value} digits={3} testId="maxbias-peak-double" />
        <Readout label="… at episode" value={d.episode} testId="maxbias-peak-episode-double" />
        <Readout
          label="Q-learning: last 100 episodes (%)"
          value={late('q-learning')}
          digits={3}
          testId="maxbias-late-q"
        />
        <Readout
          label="double Q: last 100 episodes (%)"
          value={late('double-q')}
          digits={3}
          testId="maxbias-late-double"
        />
        <Readout label="optimal ε-greedy (%)" value={50 * p.epsilon} testId="maxbias-optimal" />
      </Readouts>
      <Chart
        data={st.rows}
        x="episode"
        xLabel="episode"
        yLabel="% left from A"
        yDomain={[0, 100]}
        filename="maximisation-bias"
        caption="Percentage of runs taking the left action from A in each episode, Q-learning against double Q-learning; the dashed line is the optimal ε-greedy policy's ε/2."
        layers={[
          line('q-learning', 'Q-learning'),
          line('double-q', 'double Q-learning'),
          line('optimal', 'optimal (ε/2)', { dashed: true }),
        ]}
      />
    </WidgetShell>
  );
}
