/**
 * Distribution shift, exactly (chapter 11): a GridWorld, a behaviour policy with a coverage slider, N logged
 * transitions, and fitted Q-iteration on them against the true Q*. Pairs the data never saw keep their initial
 * values; the max in Q-learning's target picks them. The grid shows the naive greedy policy, with the states whose
 * greedy action was never logged highlighted; the chart shows the true returns against the coverage.
 */
import { useMemo } from 'react';
import {
  Chart,
  DataTable,
  ExportMenu,
  ParamControls,
  Readout,
  Readouts,
  WidgetShell,
  line,
  rule,
  seedParam,
} from '@/widgets/common';
import { defineParams, int, num, oneOf, useUrlParams } from '@/lib/url-state';
import { J_STAR, Q_STAR, TERMINAL, WORLD, runOffline } from './offline-grid';
import './distribution-shift.css';

const params = defineParams({
  coverage: num({ min: 0, max: 1, step: 0.05, default: 0.1, label: 'coverage (random-action probability)' }),
  N: int({ min: 50, max: 5000, default: 500, label: 'transitions N' }),
  qmax: num({ min: 0, max: 2, step: 0.1, default: 1, label: 'initial values up to q_max' }),
  seed: seedParam(1),
  show: oneOf(['naive', 'data'] as const, 'naive', {
    label: 'grid shows',
    labels: { naive: 'max target (Q-learning)', data: 'in-support target' },
  }),
});

const ARROWS = ['↑', '→', '↓', '←'];
const COVERAGE_GRID = Array.from({ length: 11 }, (_, i) => i / 10);

export default function DistributionShift({ id = 'shift' }: { id?: string }) {
  const [v, set, reset] = useUrlParams(id, params);
  const run = useMemo(() => runOffline(v), [v]);
  const curve = useMemo(
    () =>
      COVERAGE_GRID.map((c) => {
        const r = runOffline({ ...v, coverage: c });
        return {
          coverage: c,
          'J(greedy, max target)': r.Jnaive,
          'J(greedy, in-support target)': r.Jdata,
          'J(behaviour)': r.Jbehaviour,
          'J*': J_STAR,
        };
      }),
    // The curve depends on everything but the coverage slider itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [v.N, v.qmax, v.seed],
  );
  const { counts } = run;
  const Q = v.show === 'naive' ? run.Qnaive : run.Qdata;
  const policy = v.show === 'naive' ? run.naivePolicy : run.dataPolicy;
  const pairs = counts.n.flatMap((row, s) =>
    TERMINAL[s]
      ? []
      : row.map((n, a) => ({
          state: s,
          action: WORLD.actionNames[a],
          'n(s,a)': n,
          'Q̂ (max target)': run.Qnaive[s][a],
          'Q̂ (in-support target)': run.Qdata[s][a],
          'Q*': Q_STAR[s][a],
          'Q̂ − Q* (max target)': run.Qnaive[s][a] - Q_STAR[s][a],
        })),
  );
  return (
    <WidgetShell
      title="Distribution shift, exactly: fitted Q-iteration on a fixed dataset"
      onReset={reset}
      description="The behaviour policy is optimal except that with probability 'coverage' it takes a uniformly random action. Fitted Q-iteration is exact (one parameter per pair): a logged pair's value is the mean of its targets; a pair never logged keeps its initial value, drawn uniformly from [0, q_max]."
    >
      <ParamControls specs={params} values={v} set={set} />
      <div className="ds-layout">
        <div
          className="gridworld ds-grid"
          style={{ gridTemplateColumns: `repeat(${WORLD.width}, 1fr)` }}
          role="group"
          aria-label="GridWorld: greedy action of the fitted Q, highlighted where that action was never logged"
        >
          {WORLD.cells.map((c, s) => {
            const a = policy[s].indexOf(1);
            const live = c === 'empty' || c === 'start';
            const unseen = live && counts.n[s][a] === 0;
            const over = Q[s][a] - Q_STAR[s][a];
            return (
              <div
                key={s}
                className={`gw-cell gw-${c} ${unseen ? 'ds-unseen' : ''}`}
                data-testid={`shift-cell-${s}`}
                role="img"
                aria-label={
                  live
                    ? `cell ${s}: greedy ${WORLD.actionNames[a]}${unseen ? ', never logged' : ''}, Q̂ − Q* = ${over.toFixed(3)}`
                    : `cell ${s}: ${c}`
                }
              >
                <span className="gw-kind">
                  {c === 'goal' ? 'G' : c === 'pit' ? 'P' : c === 'start' ? 'S' : ''}
                </span>
                {live && <span className="gw-arrow">{ARROWS[a]}</span>}
                {live && (
                  <span className="gw-value">
                    {over >= 0 ? '+' : ''}
                    {over.toFixed(2)}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <p className="ds-legend">
          Arrow: the greedy action of the fitted Q; number: Q̂ − Q* at that action.{' '}
          <span className="ds-swatch" aria-hidden="true" /> the greedy action was never logged in that state.
        </p>
      </div>
      <Readouts>
        <Readout label="J* (optimal)" value={J_STAR} testId="shift-jstar" />
        <Readout label="J(behaviour)" value={run.Jbehaviour} testId="shift-jbeta" />
        <Readout label="J(greedy, max target)" value={run.Jnaive} testId="shift-jnaive" />
        <Readout label="J(greedy, in-support target)" value={run.Jdata} testId="shift-jdata" />
      </Readouts>
      <Readouts>
        <Readout label="pairs logged" value={run.coverageOfPairs} testId="shift-pair-coverage" />
        <Readout label="pairs never logged" value={run.unseen} testId="shift-unseen" />
        <Readout label="overestimated, never logged" value={run.overUnseen} testId="shift-over-unseen" />
        <Readout label="overestimated, logged" value={run.overSeen} testId="shift-over-seen" />
        <Readout label="max (Q̂ − Q*), max target" value={run.maxOver} testId="shift-max-over" />
        <Readout
          label="states whose greedy action was never logged"
          value={run.greedyUnseen}
          testId="shift-greedy-unseen"
        />
      </Readouts>
      <Chart
        data={curve}
        x="coverage"
        xLabel="coverage (random-action probability of the behaviour)"
        yLabel="true return J"
        layers={[
          rule({ x: v.coverage, label: 'now' }),
          line('J(greedy, max target)', 'greedy, max target', { color: 'bad' }),
          line('J(greedy, in-support target)', 'greedy, in-support target', { color: 'ok' }),
          line('J(behaviour)', 'behaviour', { color: 'series-0', dashed: true }),
          line('J*', 'optimal', { color: 'muted', dashed: true }),
        ]}
        filename="distribution-shift-returns"
        caption="True return of the greedy policies of fitted Q-iteration against the behaviour's coverage (same N, seed and initial values)"
      />
      <DataTable
        rows={pairs}
        caption="Every (state, action) pair: its count in the data, the fitted values and Q*"
      />
      <ExportMenu filename="distribution-shift" rows={pairs} />
    </WidgetShell>
  );
}
