/**
 * CQL's lower bound, exactly (chapter 11): the fixed point of conservative policy evaluation against the true Q^pi at
 * every (s, a) as alpha moves, with exact backups (any alpha > 0 gives the bound) or backups estimated from a
 * dataset (the bound needs alpha above a threshold). The readouts say where the bound holds, with what slack, and
 * the smallest alpha from which it holds for good.
 */
import { useMemo } from 'react';
import { cqlFixedPoint } from '@/rl';
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
import { atAlpha, makeCqlProblem } from './cql-problem';

const params = defineParams({
  alpha: num({ min: 0, max: 5, step: 0.01, default: 0.5, label: 'α' }),
  variant: oneOf(['penalty', 'minus-data'] as const, 'penalty', {
    label: 'objective',
    labels: { penalty: 'penalty under μ (Thm 3.1)', 'minus-data': 'penalty minus data term (Thm 3.2)' },
  }),
  backups: oneOf(['exact', 'data'] as const, 'exact', {
    label: 'backups',
    labels: { exact: 'exact (B̂ = B)', data: 'from a dataset' },
  }),
  N: int({ min: 20, max: 5000, default: 200, label: 'transitions N' }),
  states: int({ min: 2, max: 8, default: 4, label: 'states' }),
  actions: int({ min: 2, max: 4, default: 3, label: 'actions' }),
  gamma: num({ min: 0, max: 0.95, step: 0.05, default: 0.5, label: 'γ' }),
  seed: seedParam(1),
});

const ALPHAS = Array.from({ length: 101 }, (_, i) => i * 0.05);
const fmtAlpha = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '∞ (no α works)');

export default function CqlLowerBound({ id = 'cql' }: { id?: string }) {
  const [v, set, reset] = useUrlParams(id, params);
  const problem = useMemo(
    () =>
      makeCqlProblem({
        states: v.states,
        actions: v.actions,
        gamma: v.gamma,
        variant: v.variant,
        backups: v.backups,
        N: v.N,
        seed: v.seed,
      }),
    [v.states, v.actions, v.gamma, v.variant, v.backups, v.N, v.seed],
  );
  const an = problem.analysis;
  const now = atAlpha(an, v.alpha);
  // The closed form is also solved directly at the current alpha: the two must agree (a check shown to the reader).
  const direct = cqlFixedPoint(problem.setting, v.alpha);
  const agreement = Math.max(...direct.Q.flatMap((row, s) => row.map((q, a) => Math.abs(q - now.Q[s][a]))));
  const pointwise = v.variant === 'penalty';
  const star = pointwise ? an.alphaStarQ : an.alphaStarV;
  const thm = pointwise ? an.alphaTheoremQ : an.alphaTheoremV;
  const tol = 1e-9 * Math.max(1, ...an.Qpi.flat().map(Math.abs));
  const holdsQ = now.slackQ.flat().filter((x) => x >= -tol).length;
  const holdsV = now.slackV.filter((x) => x >= -tol).length;
  // Above the threshold the bound holds for good: Q̂ is affine in alpha with slope −h, and h ≥ 0 (k ≥ 0).
  const monotone = pointwise ? an.h.flat().every((x) => x >= -tol) : an.k.every((x) => x >= -tol);
  const pairs = an.Qpi.flatMap((row, s) =>
    row.map((q, a) => ({
      pair: `(${s}, ${a})`,
      'Q^π': q,
      Q̂_α: now.Q[s][a],
      'slack Q^π − Q̂_α': now.slackQ[s][a],
      'h (slope in α)': an.h[s][a],
      'sampling error e': an.e[s][a],
    })),
  );
  const sweep = useMemo(
    () =>
      ALPHAS.map((alpha) => {
        const r = atAlpha(an, alpha);
        return { alpha, 'min over (s,a) of Q^π − Q̂': r.minSlackQ, 'min over s of V^π − V̂': r.minSlackV };
      }),
    [an],
  );
  return (
    <WidgetShell
      title="CQL's lower bound, exactly"
      onReset={reset}
      description="A random MDP, a behaviour policy π_β and a policy π to evaluate, all from the seed; μ = π. 'penalty' is CQL's first objective (push down Q under μ); 'minus-data' adds the push-up under the data. With data backups, B̂ comes from N logged transitions and π is restricted to the logged actions."
    >
      <ParamControls specs={params} values={v} set={set} />
      <Readouts>
        <Readout label="pairs with Q̂_α ≤ Q^π" value={holdsQ} testId="cql-holds-q" />
        <Readout label="of (s, a) pairs" value={pairs.length} testId="cql-pairs" />
        <Readout label="min slack over pairs" value={now.minSlackQ} testId="cql-min-slack-q" />
        <Readout label="states with V̂_α ≤ V^π" value={holdsV} testId="cql-holds-v" />
        <Readout label="min slack over states" value={now.minSlackV} testId="cql-min-slack-v" />
      </Readouts>
      <Readouts>
        <Readout
          label={pointwise ? 'exact threshold α* (pointwise)' : 'exact threshold α* (values)'}
          value={star}
          testId="cql-alpha-star"
        />
        <Readout label="the theorem's sufficient α" value={thm} testId="cql-alpha-theorem" />
        <Readout
          label="holds for every α ≥ α*"
          value={monotone && Number.isFinite(star)}
          testId="cql-holds-above"
        />
        <Readout label="closed form vs direct solve (max |Δ|)" value={agreement} testId="cql-agreement" />
        {v.backups === 'data' && (
          <Readout label="pairs never logged" value={problem.unseen} testId="cql-unseen" />
        )}
      </Readouts>
      <p className="widget-description" role="status" data-testid="cql-summary">
        At α = {v.alpha.toFixed(2)} the bound {pointwise ? 'Q̂ ≤ Q^π' : 'V̂ ≤ V^π'} holds at{' '}
        {pointwise ? `${holdsQ} of ${pairs.length} pairs` : `${holdsV} of ${an.Vpi.length} states`}
        {Number.isFinite(star) ? (
          <>
            ; it holds everywhere for every α ≥ α* = {fmtAlpha(star)}
            {star === 0 ? ' (exact backups: any α > 0)' : ''}, and the theorem&apos;s condition asks for α ≥{' '}
            {fmtAlpha(thm)}.
          </>
        ) : (
          <>; no α makes it hold everywhere here.</>
        )}
        {problem.restricted > 0 && ` π was restricted to the logged actions in ${problem.restricted} states.`}
      </p>
      <Chart
        data={pairs.map((r, i) => ({ i, ...r }))}
        x="i"
        xLabel="pair index i = s · |A| + a"
        yLabel="value"
        layers={[
          line('Q^π', 'true Q^π', { color: 'muted', dots: true }),
          line('Q̂_α', 'conservative Q̂_α', { color: 'series-0', dots: true }),
        ]}
        filename="cql-pairs"
        caption="True Q^π and the conservative fixed point Q̂_α at every (s, a) pair"
      />
      <Chart
        data={sweep}
        x="alpha"
        xLabel="α"
        yLabel="smallest slack"
        layers={[
          rule({ y: 0, label: 'bound' }),
          rule({ x: v.alpha, label: 'α' }),
          ...(Number.isFinite(star) && star <= 5 ? [rule({ x: star, label: 'α*', color: 'ok' })] : []),
          line('min over (s,a) of Q^π − Q̂', 'min over pairs of Q^π − Q̂_α', { color: 'series-0' }),
          line('min over s of V^π − V̂', 'min over states of V^π − V̂_α', { color: 'series-1', dashed: true }),
        ]}
        filename="cql-slack"
        caption="The smallest slack of the bound against α: it crosses zero at the exact threshold α* and stays above"
      />
      <DataTable rows={pairs} caption="Every pair: Q^π, Q̂_α, the slack, the slope h and the sampling error" />
      <ExportMenu filename="cql-lower-bound" rows={pairs} />
    </WidgetShell>
  );
}
